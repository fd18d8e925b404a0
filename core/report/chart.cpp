#include "report/chart.h"

#include "dualx/errors.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace dualx::report {

namespace {

constexpr int kPalette[] = {0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f};

cv::Scalar bgr(int rgb) { return cv::Scalar(rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff); }

std::string format(double v, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

struct Frame {
    cv::Rect area;
    double x0, x1, y0, y1;
    cv::Point map(double x, double y) const
    {
        const double fx = (x - x0) / std::max(1e-12, x1 - x0), fy = (y - y0) / std::max(1e-12, y1 - y0);
        return {area.x + static_cast<int>(fx * area.width), area.y + area.height - static_cast<int>(fy * area.height)};
    }
};

} // namespace

void drawChart(const std::string& title, const std::string& xLabel, const std::vector<ChartPanel>& panels,
               const std::string& pngPath, int width, int height, int xDecimals)
{
    double xLo = std::numeric_limits<double>::infinity(), xHi = -xLo;
    for (const auto& p : panels)
        for (const auto& s : p.series)
            for (const auto& [x, y] : s.points) {
                xLo = std::min(xLo, x);
                xHi = std::max(xHi, x);
            }
    if (!std::isfinite(xLo)) throw Error(ErrorCode::InvalidArgument, "the chart '" + title + "' has no points");
    if (xHi - xLo < 1e-12) {
        xLo -= 0.5;
        xHi += 0.5;
    }

    const cv::Scalar black(0, 0, 0), grey(210, 210, 210);
    const auto font = cv::FONT_HERSHEY_SIMPLEX;
    cv::Mat img(height, width, CV_8UC3, cv::Scalar(255, 255, 255));
    const int left = 80, right = 30, top = 70, bottom = 60, gap = 50;
    const int count = std::max<int>(1, static_cast<int>(panels.size()));
    const int panelH = (height - top - bottom - gap * (count - 1)) / count;
    for (size_t i = 0; i < panels.size(); ++i) {
        const auto& panel = panels[i];
        int colourIndex = 0; // per panel, so the same series order gives the same colours
        auto value = [&](double y) { return panel.logY ? std::log10(std::max(y, 1e-12)) : y; };
        double yLo = std::numeric_limits<double>::infinity(), yHi = -yLo;
        for (const auto& s : panel.series)
            for (const auto& pt : s.points) {
                yLo = std::min(yLo, value(pt.second));
                yHi = std::max(yHi, value(pt.second));
            }
        if (!std::isfinite(yLo)) yLo = 0, yHi = 1;
        const double pad = std::max(1e-6, (yHi - yLo) * 0.08);
        const Frame f{cv::Rect(left, top + static_cast<int>(i) * (panelH + gap), width - left - right, panelH), xLo, xHi, yLo - pad,
                      yHi + pad};
        cv::rectangle(img, f.area, black, 1);
        // Enough decimals that neighbouring tick labels differ.
        const double tick = (f.y1 - f.y0) / 4.0;
        const int yDecimals = panel.logY ? panel.yDecimals
                                         : std::max(panel.yDecimals, static_cast<int>(std::ceil(-std::log10(std::max(tick, 1e-9)))));
        for (int t = 0; t <= 4; ++t) {
            const double fy = f.y0 + (f.y1 - f.y0) * t / 4.0;
            const cv::Point a = f.map(f.x0, fy), b = f.map(f.x1, fy);
            cv::line(img, a, b, grey, 1);
            cv::putText(img, format(panel.logY ? std::pow(10.0, fy) : fy, yDecimals), {5, a.y + 5}, font, 0.45, black, 1,
                        cv::LINE_AA);
            const double fx = f.x0 + (f.x1 - f.x0) * t / 4.0;
            const cv::Point c = f.map(fx, f.y0);
            cv::putText(img, format(fx, xDecimals), {c.x - 20, c.y + 18}, font, 0.45, black, 1, cv::LINE_AA);
        }
        cv::putText(img, panel.yLabel, {f.area.x + 10, f.area.y + 22}, font, 0.6, black, 1, cv::LINE_AA);
        int legendY = f.area.y + 22;
        const int labelled = static_cast<int>(std::count_if(panel.series.begin(), panel.series.end(), [](const auto& s) { return !s.label.empty(); }));
        std::vector<std::pair<cv::Scalar, std::string>> legend;
        for (const auto& s : panel.series) {
            const cv::Scalar colour = bgr(s.colour >= 0 ? s.colour : kPalette[colourIndex++ % std::size(kPalette)]);
            std::vector<cv::Point> points;
            for (const auto& [x, y] : s.points) points.push_back(f.map(x, value(y)));
            if (s.thickness > 0 && points.size() > 1)
                cv::polylines(img, points, false, colour, s.thickness, cv::LINE_AA);
            if (s.thickness == 0 || points.size() == 1)
                for (const auto& p : points) cv::circle(img, p, 6, colour, cv::FILLED, cv::LINE_AA);
            if (!s.label.empty()) legend.emplace_back(colour, s.label);
        }
        // Legend last, on a white box, so no line runs through it.
        const int x = f.area.x + f.area.width - 260;
        if (labelled > 0)
            cv::rectangle(img, cv::Rect(x - 8, legendY - 16, 250, labelled * 20 + 6), cv::Scalar(255, 255, 255), cv::FILLED);
        for (const auto& [colour, label] : legend) {
            cv::line(img, {x, legendY - 5}, {x + 25, legendY - 5}, colour, 3, cv::LINE_AA);
            cv::putText(img, label, {x + 32, legendY}, font, 0.5, black, 1, cv::LINE_AA);
            legendY += 20;
        }
    }
    cv::putText(img, title, {left, 40}, font, 0.8, black, 2, cv::LINE_AA);
    cv::putText(img, xLabel, {width / 2 - 40, height - 15}, font, 0.6, black, 1, cv::LINE_AA);
    if (!cv::imwrite(pngPath, img)) throw Error(ErrorCode::FileUnwritable, "cannot write the chart '" + pngPath + "'");
}

} // namespace dualx::report
