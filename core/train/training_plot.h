#pragma once
// Training curves from a recipe's CSV log: loss (log scale, smoothed) and validation PSNR of the
// network against bicubic, drawn with OpenCV into a PNG.
#include <string>
#include <vector>

namespace dualx::train {

struct LogRow {
    long long step = 0;
    double loss = 0;
    bool validated = false;
    double validationPsnr = 0, bicubicPsnr = 0;
};

// Throws FileNotFound / CorruptFile naming the line that does not parse.
std::vector<LogRow> readTrainingLog(const std::string& csvPath);

// The smoothed loss curve: an exponential moving average (weight 0.1) of log10(loss), bias-
// corrected as Adam's moments are, so its start is the mean of the first rows rather than the
// first row alone (one lucky or unlucky first batch no longer drags the curve for 20 rows).
std::vector<double> smoothedLoss(const std::vector<LogRow>& rows);

// Writes a width x height PNG; throws InvalidArgument when the log has no rows.
void plotTrainingLog(const std::vector<LogRow>& rows, const std::string& title, const std::string& lossName, const std::string& pngPath,
                     int width = 1200, int height = 800);

} // namespace dualx::train
