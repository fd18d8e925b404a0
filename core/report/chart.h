#pragma once
// Small line and scatter charts drawn with OpenCV into PNG files: training curves, per-frame
// quality and quality-vs-speed plots. No plotting library is available from Debian for C++ that
// we would want to depend on, and these charts need only axes, lines, markers and a legend.
#include <string>
#include <utility>
#include <vector>

namespace dualx::report {

struct ChartSeries {
    std::string label;                           // shown in the legend ("" = not listed)
    std::vector<std::pair<double, double>> points; // (x, y), in x order for lines
    int colour = -1;                             // 0xRRGGBB; -1: the next palette colour
    int thickness = 2;                           // line width; 0 draws markers only (scatter)
};

struct ChartPanel {
    std::string yLabel;
    int yDecimals = 2;
    bool logY = false;                           // values are plotted as log10(y)
    std::vector<ChartSeries> series;
};

// Panels are stacked vertically and share the x axis. Throws InvalidArgument when no panel has
// a point, FileUnwritable when the PNG cannot be written.
void drawChart(const std::string& title, const std::string& xLabel, const std::vector<ChartPanel>& panels,
               const std::string& pngPath, int width = 1200, int height = 800, int xDecimals = 0);

} // namespace dualx::report
