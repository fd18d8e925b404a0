#pragma once
// Small line and scatter charts drawn with OpenCV into PNG files: training curves, per-frame
// quality and quality-vs-speed plots. No plotting library is available from Debian for C++ that
// we would want to depend on, and these charts need only axes, lines, markers and a legend.
#include <string>
#include <utility>
#include <vector>

namespace dualx::report {

struct ChartSeries {
    std::string label;                             // shown in the legend ("" = not listed)
    std::vector<std::pair<double, double>> points; // (x, y), in x order for lines
    int colour = -1;                               // 0xRRGGBB; -1: the next palette colour
    int thickness = 2;                             // line width; 0 draws markers only (scatter)
};

struct ChartPanel {
    std::string yLabel;
    int yDecimals = 2;
    bool logY = false; // values are plotted as log10(y)
    std::vector<ChartSeries> series;
};

// A rectangle in image pixels (x, y: top-left corner).
struct ChartBox {
    int x = 0, y = 0, width = 0, height = 0;
    bool contains(int px, int py) const { return px >= x && px < x + width && py >= y && py < y + height; }
};

// Where a legend of `width` × `height` goes inside `plot`: of the four corners, the middles of the
// edges and the centre, the place covering the fewest of the plotted `points` (in that order on
// ties, top right first), `margin` pixels in from the frame; the top places start below the
// first `reservedTop` pixels, where the panel's label sits.
ChartBox placeLegend(const ChartBox& plot, int width, int height, const std::vector<std::pair<int, int>>& points, int margin = 8,
                     int reservedTop = 30);

// Panels are stacked vertically and share the x axis. Throws InvalidArgument when no panel has
// a point, FileUnwritable when the PNG cannot be written.
void drawChart(const std::string& title, const std::string& xLabel, const std::vector<ChartPanel>& panels, const std::string& pngPath,
               int width = 1200, int height = 800, int xDecimals = 0);

} // namespace dualx::report
