#include "train/training_plot.h"

#include "dualx/errors.h"

#include "report/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace dualx::train {

std::vector<LogRow> readTrainingLog(const std::string& csvPath)
{
    std::ifstream in(csvPath);
    if (!in) throw Error(ErrorCode::FileNotFound, "training log '" + csvPath + "' does not exist");
    std::string line;
    std::getline(in, line); // header
    std::vector<LogRow> rows;
    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty()) continue;
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string f;
        while (std::getline(ss, f, ',')) fields.push_back(f);
        try {
            LogRow r;
            r.step = std::stoll(fields.at(0));
            r.loss = std::stod(fields.at(1));
            if (fields.size() >= 8 && !fields[6].empty()) {
                r.validated = true;
                r.validationPsnr = std::stod(fields[6]);
                r.bicubicPsnr = std::stod(fields[7]);
            }
            rows.push_back(r);
        } catch (const std::exception&) {
            throw Error(ErrorCode::CorruptFile, "training log '" + csvPath + "' line " + std::to_string(lineNo) + " does not parse");
        }
    }
    return rows;
}

std::vector<double> smoothedLoss(const std::vector<LogRow>& rows)
{
    constexpr double keep = 0.9;
    std::vector<double> out;
    double average = 0, weight = 0;
    for (const auto& r : rows) {
        average = keep * average + (1 - keep) * std::log10(std::max(r.loss, 1e-8));
        weight = keep * weight + (1 - keep); // 1 - keep^k: the correction for starting at 0
        out.push_back(std::pow(10.0, average / weight));
    }
    return out;
}

void plotTrainingLog(const std::vector<LogRow>& rows, const std::string& title, const std::string& lossName, const std::string& pngPath,
                     int width, int height)
{
    if (rows.empty()) throw Error(ErrorCode::InvalidArgument, "the training log has no rows to plot");
    // Loss on a log scale, raw and smoothed.
    report::ChartSeries raw{"loss", {}, 0xaac8e6, 1}, smooth{"smoothed", {}, 0x145ab4, 2};
    const auto smoothed = smoothedLoss(rows);
    for (size_t i = 0; i < rows.size(); ++i) {
        const double step = static_cast<double>(rows[i].step);
        raw.points.emplace_back(step, std::max(rows[i].loss, 1e-8));
        smooth.points.emplace_back(step, smoothed[i]);
    }
    std::vector<report::ChartPanel> panels{{lossName + " (log scale)", 4, true, {raw, smooth}}};
    report::ChartSeries network{"network", {}, 0x145ab4, 2}, bicubic{"bicubic", {}, 0xdc2828, 2};
    for (const auto& r : rows)
        if (r.validated) {
            network.points.emplace_back(static_cast<double>(r.step), r.validationPsnr);
            bicubic.points.emplace_back(static_cast<double>(r.step), r.bicubicPsnr);
        }
    if (!network.points.empty()) panels.push_back({"validation PSNR-Y (dB)", 2, false, {network, bicubic}});
    report::drawChart(title, "step", panels, pngPath, width, height);
}

} // namespace dualx::train
