// Periodic-artefact energy: about 1 for pictures without a pattern at the x4 pixel-shuffle
// periods, far above 1 when a fixed offset repeats on every 4x4 (or 2x2) block.
#include "metrics/periodic_artifacts.h"
#include "test_support.h"

using namespace dualx;

namespace {

// Smooth random texture: a low-resolution noise field upscaled, no structure at any period.
torch::Tensor smoothTexture(int frames, int h, int w)
{
    torch::manual_seed(5);
    auto small = torch::rand({frames, 3, h / 8, w / 8});
    return torch::nn::functional::interpolate(
               small,
               torch::nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kBicubic).align_corners(false))
        .clamp(0.05, 0.95);
}

// The same offset on the same position of every 4x4 block, as an upsampler's phase bias makes.
torch::Tensor withPhasePattern(const torch::Tensor& frames, double levels)
{
    auto pattern = torch::zeros({4, 4});
    pattern[0][0] = 1;
    pattern[2][1] = -1;
    pattern[1][3] = 0.5;
    const int64_t h = frames.size(2), w = frames.size(3);
    auto tiled = pattern.repeat({h / 4, w / 4}).view({1, 1, h, w});
    return (frames + tiled * (levels / 255.0)).clamp(0, 1);
}

} // namespace

class TestMetricsPeriodic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanTextureScoresAboutOne()
    {
        const auto frames = smoothTexture(2, 128, 160);
        const auto values = metrics::periodicArtifactsPerFrame(frames);
        QCOMPARE(values.size(), size_t{2});
        for (double v : values) QVERIFY2(v > 0.2 && v < 5, std::to_string(v).c_str());
    }

    void phasePatternStandsOut()
    {
        const auto frames = smoothTexture(1, 128, 160);
        const double clean = metrics::meanPeriodicArtifacts(frames);
        const double faint = metrics::meanPeriodicArtifacts(withPhasePattern(frames, 2));
        const double strong = metrics::meanPeriodicArtifacts(withPhasePattern(frames, 6));
        // Two grey levels on a few phases already multiply the energy; more levels, more energy.
        QVERIFY2(faint > 10 * clean, (std::to_string(faint) + " vs " + std::to_string(clean)).c_str());
        QVERIFY(strong > 4 * faint);
    }

    void patternOfOtherPeriodIsIgnored()
    {
        // Stripes every 5 pixels are texture, not the shuffle's period.
        auto frames = smoothTexture(1, 120, 160);
        auto x = torch::arange(160).remainder(5).eq(0).to(torch::kFloat32).view({1, 1, 1, 160});
        const auto striped = (frames + x * (6 / 255.0)).clamp(0, 1);
        QVERIFY(metrics::meanPeriodicArtifacts(striped) < 5);
    }

    void badShapesAreRejected()
    {
        test::expectError(
            [] {
                metrics::meanPeriodicArtifacts(torch::rand({1, 3, 34, 64}));
            },
            ErrorCode::InvalidArgument, "divisible by 4");
        test::expectError(
            [] {
                metrics::meanPeriodicArtifacts(torch::rand({1, 3, 16, 16}));
            },
            ErrorCode::InvalidArgument, "at least 32x32");
        test::expectError([] { metrics::meanPeriodicArtifacts(torch::rand({1, 1, 64, 64})); }, ErrorCode::InvalidArgument, "RGB");
    }
};

QTEST_APPLESS_MAIN(TestMetricsPeriodic)
#include "test_metrics_periodic.moc"
