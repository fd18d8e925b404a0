#include "train/training_plot.h"

#include "dualx/errors.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace dualx::train {

namespace {

struct Panel {
    cv::Rect area;
    double x0, x1, y0, y1;
    cv::Point map(double x, double y) const
    {
        const double fx = (x - x0) / std::max(1e-12, x1 - x0), fy = (y - y0) / std::max(1e-12, y1 - y0);
        return {area.x + static_cast<int>(fx * area.width), area.y + area.height - static_cast<int>(fy * area.height)};
    }
};

std::string format(double v, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

void drawAxes(cv::Mat& img, const Panel& p, const std::string& yLabel, int yDecimals, bool logY)
{
    const cv::Scalar grey(200, 200, 200), black(0, 0, 0);
    cv::rectangle(img, p.area, black, 1);
    for (int i = 0; i <= 4; ++i) {
        const double fy = p.y0 + (p.y1 - p.y0) * i / 4.0;
        const cv::Point a = p.map(p.x0, fy), b = p.map(p.x1, fy);
        cv::line(img, a, b, grey, 1);
        cv::putText(img, format(logY ? std::pow(10.0, fy) : fy, yDecimals), {5, a.y + 5}, cv::FONT_HERSHEY_SIMPLEX, 0.45,
                    black, 1, cv::LINE_AA);
        const double fx = p.x0 + (p.x1 - p.x0) * i / 4.0;
        const cv::Point c = p.map(fx, p.y0);
        cv::putText(img, format(fx, 0), {c.x - 20, c.y + 20}, cv::FONT_HERSHEY_SIMPLEX, 0.45, black, 1, cv::LINE_AA);
    }
    cv::putText(img, yLabel, {p.area.x + 10, p.area.y + 22}, cv::FONT_HERSHEY_SIMPLEX, 0.6, black, 1, cv::LINE_AA);
}

void drawSeries(cv::Mat& img, const Panel& p, const std::vector<std::pair<double, double>>& points, const cv::Scalar& colour,
                int thickness)
{
    for (size_t i = 1; i < points.size(); ++i)
        cv::line(img, p.map(points[i - 1].first, points[i - 1].second), p.map(points[i].first, points[i].second), colour,
                 thickness, cv::LINE_AA);
}

} // namespace

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

void plotTrainingLog(const std::vector<LogRow>& rows, const std::string& title, const std::string& pngPath, int width, int height)
{
    if (rows.empty()) throw Error(ErrorCode::InvalidArgument, "the training log has no rows to plot");
    cv::Mat img(height, width, CV_8UC3, cv::Scalar(255, 255, 255));
    const int margin = 70, gap = 50;
    const int panelH = (height - 2 * margin - gap) / 2;
    const double xMax = static_cast<double>(rows.back().step);

    // Loss on a log scale, raw and smoothed (exponential moving average).
    std::vector<std::pair<double, double>> raw, smooth;
    double ema = std::log10(std::max(rows.front().loss, 1e-8));
    double lo = 1e9, hi = -1e9;
    for (const auto& r : rows) {
        const double v = std::log10(std::max(r.loss, 1e-8));
        ema = 0.9 * ema + 0.1 * v;
        raw.emplace_back(static_cast<double>(r.step), v);
        smooth.emplace_back(static_cast<double>(r.step), ema);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    Panel loss{cv::Rect(margin, margin, width - 2 * margin, panelH), 0, std::max(1.0, xMax), lo, hi + 1e-6};
    drawAxes(img, loss, "Charbonnier loss (log scale)", 4, true);
    drawSeries(img, loss, raw, cv::Scalar(230, 200, 170), 1);
    drawSeries(img, loss, smooth, cv::Scalar(180, 90, 20), 2);

    std::vector<std::pair<double, double>> model, bicubic;
    lo = 1e9;
    hi = -1e9;
    for (const auto& r : rows)
        if (r.validated) {
            model.emplace_back(static_cast<double>(r.step), r.validationPsnr);
            bicubic.emplace_back(static_cast<double>(r.step), r.bicubicPsnr);
            lo = std::min({lo, r.validationPsnr, r.bicubicPsnr});
            hi = std::max({hi, r.validationPsnr, r.bicubicPsnr});
        }
    Panel psnr{cv::Rect(margin, margin + panelH + gap, width - 2 * margin, panelH), 0, std::max(1.0, xMax), lo - 0.2, hi + 0.2};
    if (!model.empty()) {
        drawAxes(img, psnr, "validation PSNR-Y (dB): network (blue) vs bicubic (red)", 2, false);
        drawSeries(img, psnr, bicubic, cv::Scalar(40, 40, 220), 2);
        drawSeries(img, psnr, model, cv::Scalar(180, 90, 20), 2);
    }
    cv::putText(img, title, {margin, 40}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(0, 0, 0), 2, cv::LINE_AA);
    cv::putText(img, "step", {width / 2, height - 15}, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(0, 0, 0), 1, cv::LINE_AA);
    if (!cv::imwrite(pngPath, img)) throw Error(ErrorCode::FileUnwritable, "cannot write the plot '" + pngPath + "'");
}

} // namespace dualx::train
