// Charts drawn with OpenCV: the legend stays off the data, and the PNG is written or the error says why.
#include "report/chart.h"
#include "test_support.h"

#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>

using namespace dualx;
using namespace dualx::report;

class TestReportChart : public QObject {
    Q_OBJECT
    const ChartBox m_plot{80, 70, 1090, 600};

    static bool coversAny(const ChartBox& box, const std::vector<std::pair<int, int>>& points)
    {
        return std::any_of(points.begin(), points.end(), [&](const auto& p) { return box.contains(p.first, p.second); });
    }

private Q_SLOTS:
    void emptyPlotPutsTheLegendTopRight()
    {
        const auto box = placeLegend(m_plot, 200, 60, {});
        QCOMPARE(box.x, m_plot.x + m_plot.width - 8 - 200);
        QCOMPARE(box.y, m_plot.y + 30); // below the panel's label
        QCOMPARE(box.width, 200);
        QCOMPARE(box.height, 60);
    }

    void legendAvoidsPointsInTheTopRight()
    {
        // Models in a quality-vs-speed chart: slow and good, so top right.
        const std::vector<std::pair<int, int>> points = {{1150, 110}, {1120, 130}, {1100, 120}, {120, 600}};
        const auto box = placeLegend(m_plot, 220, 80, points);
        QVERIFY(!coversAny(box, points));
        QVERIFY(box.x >= m_plot.x && box.x + box.width <= m_plot.x + m_plot.width);
        QVERIFY(box.y >= m_plot.y && box.y + box.height <= m_plot.y + m_plot.height);
    }

    void crowdedCornersTakeTheLeastCovered()
    {
        // Points in every corner: three in the top right, two top left, one bottom right, two
        // bottom left; lines across the middle of the plot and between the corners.
        std::vector<std::pair<int, int>> points
            = {{1100, 120}, {1110, 125}, {1120, 130}, {120, 110}, {130, 120}, {1100, 640}, {120, 640}, {130, 630}};
        for (int x = m_plot.x; x < m_plot.x + m_plot.width; x += 4) points.emplace_back(x, 390);
        for (int x = 300; x < 900; x += 4) {
            points.emplace_back(x, m_plot.y + 45);
            points.emplace_back(x, m_plot.y + m_plot.height - 20);
        }
        const auto box = placeLegend(m_plot, 150, 50, points);
        QCOMPARE(box.x, m_plot.x + m_plot.width - 8 - 150); // bottom right: one point
        QCOMPARE(box.y, m_plot.y + m_plot.height - 8 - 50);
    }

    void linesAcrossEveryCornerLeaveTheMiddleOfAnEdge()
    {
        // A curve along the top and a baseline along the bottom (a training plot's validation panel).
        std::vector<std::pair<int, int>> points;
        for (int x = m_plot.x; x < m_plot.x + m_plot.width; x += 4) {
            points.emplace_back(x, m_plot.y + 45);
            points.emplace_back(x, m_plot.y + m_plot.height - 10);
        }
        const auto box = placeLegend(m_plot, 150, 50, points);
        QVERIFY(!coversAny(box, points));
        QCOMPARE(box.x, m_plot.x + m_plot.width - 8 - 150); // right edge, middle
    }

    void legendLargerThanThePlotStartsAtItsTopLeft()
    {
        const ChartBox small{50, 40, 100, 60};
        const auto box = placeLegend(small, 300, 120, {{60, 80}});
        QCOMPARE(box.x, small.x + 8);
        QCOMPARE(box.y, small.y + 30);
    }

    void drawsAScatterAndLineChart()
    {
        QTemporaryDir dir;
        const auto png = dir.filePath("chart.png").toStdString();
        ChartPanel panel{"PSNR-Y dB", 2, false, {}};
        panel.series.push_back({"bicubic", {{-1.7, 30.9}}, -1, 0});
        panel.series.push_back({"a model with a long name", {{-0.02, 31.5}}, -1, 0});
        panel.series.push_back({"curve", {{-2, 30}, {-1, 31}, {0, 32}}, -1, 2});
        drawChart("Quality vs speed", "log10 s/frame", {panel}, png, 600, 400, 2);
        const cv::Mat img = cv::imread(png);
        QCOMPARE(img.cols, 600);
        QCOMPARE(img.rows, 400);
        QVERIFY(cv::countNonZero(img.reshape(1) < 128) > 500); // axes, text and markers were drawn
    }

    void errorsNameTheProblem()
    {
        test::expectError([] { drawChart("empty", "x", {ChartPanel{}}, "/tmp/never.png"); }, ErrorCode::InvalidArgument, "no points");
        ChartPanel panel;
        panel.series.push_back({"a", {{0, 1}}, -1, 0});
        test::expectError([&] { drawChart("t", "x", {panel}, "/no/such/folder/chart.png"); }, ErrorCode::FileUnwritable,
                          "/no/such/folder/chart.png");
    }
};

QTEST_APPLESS_MAIN(TestReportChart)
#include "test_report_chart.moc"
