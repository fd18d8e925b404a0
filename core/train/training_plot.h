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

// Writes a width x height PNG; throws InvalidArgument when the log has no rows.
void plotTrainingLog(const std::vector<LogRow>& rows, const std::string& title, const std::string& lossName,
                     const std::string& pngPath,
                     int width = 1200, int height = 800);

} // namespace dualx::train
