// PSNR with the VSR literature's conventions (8-bit rounding, BT.601 Y, border crop).
#include "metrics/psnr.h"
#include "test_support.h"

using namespace dualx;

class TestMetricsPsnr : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void identicalFramesAreInfinite()
    {
        auto a = torch::rand({2, 3, 16, 16});
        const auto v = metrics::psnrPerFrame(a, a, false, 0);
        QCOMPARE(v.size(), size_t{2});
        QVERIFY(std::isinf(v[0]) && std::isinf(v[1]));
    }

    void oneLevelEverywhere()
    {
        // Every value off by exactly one 8-bit level: MSE 1, PSNR = 20 log10(255) = 48.1308 dB.
        auto a = torch::full({1, 3, 8, 8}, 100.0 / 255.0), b = torch::full({1, 3, 8, 8}, 101.0 / 255.0);
        QVERIFY(std::abs(metrics::meanPsnr(a, b, false, 0) - 48.1308) < 1e-3);
    }

    void lumaOfKnownColours()
    {
        auto white = torch::ones({1, 3, 1, 1}), black = torch::zeros({1, 3, 1, 1});
        QCOMPARE(metrics::lumaBt601(white).item<double>(), 235.0);
        QCOMPARE(metrics::lumaBt601(black).item<double>(), 16.0);
        auto red = torch::tensor({1.0f, 0.0f, 0.0f}).view({1, 3, 1, 1});
        QCOMPARE(metrics::lumaBt601(red).item<double>(), 81.0); // 16 + 65.481 rounded
    }

    void borderCropIgnoresTheBorder()
    {
        auto a = torch::full({1, 3, 12, 12}, 0.5);
        auto b = a.clone();
        b.narrow(2, 0, 2).fill_(0.0); // damage only the top two rows
        QVERIFY(std::isinf(metrics::meanPsnr(a, b, true, 2)));
        QVERIFY(metrics::meanPsnr(a, b, true, 1) < 30);
    }

    void mismatchedSizesAreRejected()
    {
        test::expectError(
            [] {
                metrics::meanPsnr(torch::rand({1, 3, 8, 8}), torch::rand({1, 3, 8, 9}), false, 0);
            },
            ErrorCode::InvalidArgument, "different sizes");
        test::expectError(
            [] {
                metrics::meanPsnr(torch::rand({1, 3, 8, 8}), torch::rand({1, 3, 8, 8}), false, 4);
            },
            ErrorCode::InvalidArgument, "leaves no pixels");
    }
};

QTEST_APPLESS_MAIN(TestMetricsPsnr)
#include "test_metrics_psnr.moc"
