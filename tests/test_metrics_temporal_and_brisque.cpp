// E_warp (temporal consistency) and BRISQUE (no-reference quality).
#include "metrics/brisque.h"
#include "metrics/ewarp.h"
#include "test_support.h"

using namespace dualx;

namespace {

// A textured frame, optionally shifted right by `shift` pixels (integer: exact motion).
torch::Tensor texture(int64_t h, int64_t w, int64_t shift)
{
    torch::manual_seed(7);
    auto base = torch::nn::functional::avg_pool2d(torch::rand({1, 3, h, w + 16}),
                                                  torch::nn::functional::AvgPool2dFuncOptions(3).stride(1).padding(1))[0];
    return base.narrow(2, 8 - shift, w).contiguous();
}

} // namespace

class TestMetricsTemporalAndBrisque : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void staticClipHasNoWarpError()
    {
        auto frame = texture(64, 64, 0);
        auto clip = torch::stack({frame, frame, frame, frame});
        QVERIFY(metrics::ewarp(clip, clip) < 1e-6);
    }

    void flickerIsPenalisedAndMotionIsNot()
    {
        std::vector<torch::Tensor> moving, flicker;
        for (int t = 0; t < 5; ++t) {
            moving.push_back(texture(64, 64, t));
            flicker.push_back((texture(64, 64, t) * (t % 2 ? 1.25f : 0.8f)).clamp(0, 1));
        }
        const auto reference = torch::stack(moving);
        const double consistent = metrics::ewarp(reference, reference);
        const double flickering = metrics::ewarp(torch::stack(flicker), reference);
        qInfo("E_warp x1e-3: moving texture %.4f, flickering %.4f", consistent, flickering);
        QVERIFY(flickering > 0.5);
        QVERIFY(flickering > 10 * consistent);
        test::expectError([&] { metrics::ewarp(reference, reference.narrow(0, 0, 4)); }, ErrorCode::InvalidArgument, "same");
        test::expectError([&] { metrics::ewarp(reference.narrow(0, 0, 1), reference.narrow(0, 0, 1)); }, ErrorCode::InvalidArgument,
                          "two frames");
    }

    void brisquePrefersTheCleanImage()
    {
        auto clean = texture(128, 128, 0);
        auto noisy = (clean + 0.15 * torch::randn_like(clean)).clamp(0, 1);
        const double a = metrics::brisque(clean), b = metrics::brisque(noisy);
        qInfo("BRISQUE clean %.2f, noisy %.2f", a, b);
        QVERIFY(std::isfinite(a) && std::isfinite(b));
        QVERIFY(b > a);
        test::expectError([] { metrics::brisque(torch::rand({3, 8, 8})); }, ErrorCode::InvalidArgument, "16x16");
    }
};

QTEST_APPLESS_MAIN(TestMetricsTemporalAndBrisque)
#include "test_metrics_temporal_and_brisque.moc"
