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

ChartBox placeLegend(const ChartBox& plot, int width, int height, const std::vector<std::pair<int, int>>& points, int margin,
                     int reservedTop)
{
    // A legend larger than the plot starts at its top left and overhangs to the right and down.
    const int left = plot.x + margin, right = std::max(left, plot.x + plot.width - margin - width);
    const int top = plot.y + std::max(margin, reservedTop), bottom = std::max(top, plot.y + plot.height - margin - height);
    const int centre = (left + right) / 2, middle = (top + bottom) / 2;
    // Corners first, then edge middles and the centre: where a reader looks for a legend.
    const ChartBox places[] = {{right, top, width, height},   {left, top, width, height},      {right, bottom, width, height},
                               {left, bottom, width, height}, {right, middle, width, height},  {left, middle, width, height},
                               {centre, top, width, height},  {centre, bottom, width, height}, {centre, middle, width, height}};
    ChartBox best = places[0];
    size_t fewest = std::numeric_limits<size_t>::max();
    for (const auto& box : places) {
        // Markers have a radius: a point just outside the box still shows under it.
        const ChartBox clearance{box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin};
        const auto covered = static_cast<size_t>(
            std::count_if(points.begin(), points.end(), [&](const auto& p) { return clearance.contains(p.first, p.second); }));
        if (covered < fewest) {
            fewest = covered;
            best = box;
        }
    }
    return best;
}

void drawChart(const std::string& title, const std::string& xLabel, const std::vector<ChartPanel>& panels, const std::string& pngPath,
               int width, int height, int xDecimals)
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
    // Scatter markers at the extremes would sit on the frame: give them room as the y axis has.
    const bool scatter = std::any_of(panels.begin(), panels.end(), [](const auto& p) {
        return std::any_of(p.series.begin(), p.series.end(), [](const auto& s) { return s.thickness == 0; });
    });
    if (scatter) {
        const double pad = (xHi - xLo) * 0.05;
        xLo -= pad;
        xHi += pad;
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
        const int yDecimals
            = panel.logY ? panel.yDecimals : std::max(panel.yDecimals, static_cast<int>(std::ceil(-std::log10(std::max(tick, 1e-9)))));
        for (int t = 0; t <= 4; ++t) {
            const double fy = f.y0 + (f.y1 - f.y0) * t / 4.0;
            const cv::Point a = f.map(f.x0, fy), b = f.map(f.x1, fy);
            cv::line(img, a, b, grey, 1);
            cv::putText(img, format(panel.logY ? std::pow(10.0, fy) : fy, yDecimals), {5, a.y + 5}, font, 0.45, black, 1, cv::LINE_AA);
            const double fx = f.x0 + (f.x1 - f.x0) * t / 4.0;
            const cv::Point c = f.map(fx, f.y0);
            cv::putText(img, format(fx, xDecimals), {c.x - 20, c.y + 18}, font, 0.45, black, 1, cv::LINE_AA);
        }
        cv::putText(img, panel.yLabel, {f.area.x + 10, f.area.y + 22}, font, 0.6, black, 1, cv::LINE_AA);
        std::vector<std::pair<cv::Scalar, std::string>> legend;
        std::vector<std::pair<int, int>> drawn; // every plotted pixel position, to keep the legend off them
        for (const auto& s : panel.series) {
            const cv::Scalar colour = bgr(s.colour >= 0 ? s.colour : kPalette[colourIndex++ % std::size(kPalette)]);
            std::vector<cv::Point> points;
            for (const auto& [x, y] : s.points) points.push_back(f.map(x, value(y)));
            if (s.thickness > 0 && points.size() > 1) cv::polylines(img, points, false, colour, s.thickness, cv::LINE_AA);
            if (s.thickness == 0 || points.size() == 1)
                for (const auto& p : points) cv::circle(img, p, 6, colour, cv::FILLED, cv::LINE_AA);
            for (size_t k = 0; k < points.size(); ++k) {
                drawn.emplace_back(points[k].x, points[k].y);
                if (s.thickness == 0 || k + 1 == points.size()) continue;
                // Lines cover the pixels between their points too: sample every few pixels.
                const cv::Point a = points[k], b = points[k + 1];
                const int steps = static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / 4.0);
                for (int t = 1; t < steps; ++t) drawn.emplace_back(a.x + (b.x - a.x) * t / steps, a.y + (b.y - a.y) * t / steps);
            }
            if (!s.label.empty()) legend.emplace_back(colour, s.label);
        }
        if (legend.empty()) continue;
        // Legend last, on a white box, in the corner where it hides the fewest points.
        constexpr double kLegendScale = 0.5;
        constexpr int kRow = 20, kSwatch = 32;
        int textWidth = 0;
        for (const auto& item : legend) {
            int baseline = 0;
            textWidth = std::max(textWidth, cv::getTextSize(item.second, font, kLegendScale, 1, &baseline).width);
        }
        const ChartBox box = placeLegend({f.area.x, f.area.y, f.area.width, f.area.height}, kSwatch + textWidth + 16,
                                         static_cast<int>(legend.size()) * kRow + 8, drawn);
        cv::rectangle(img, cv::Rect(box.x, box.y, box.width, box.height), cv::Scalar(255, 255, 255), cv::FILLED);
        cv::rectangle(img, cv::Rect(box.x, box.y, box.width, box.height), grey, 1);
        int legendY = box.y + kRow;
        for (const auto& [colour, label] : legend) {
            cv::line(img, {box.x + 8, legendY - 5}, {box.x + 8 + 20, legendY - 5}, colour, 3, cv::LINE_AA);
            cv::putText(img, label, {box.x + 8 + kSwatch, legendY}, font, kLegendScale, black, 1, cv::LINE_AA);
            legendY += kRow;
        }
    }
    cv::putText(img, title, {left, 40}, font, 0.8, black, 2, cv::LINE_AA);
    cv::putText(img, xLabel, {width / 2 - 40, height - 15}, font, 0.6, black, 1, cv::LINE_AA);
    if (!cv::imwrite(pngPath, img)) throw Error(ErrorCode::FileUnwritable, "cannot write the chart '" + pngPath + "'");
}

} // namespace dualx::report
