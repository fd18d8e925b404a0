// Temporal fusion: noise averaged away across aligned frames, motion followed rather than
// blurred, cuts left alone; and as part of the restoration stream, the exact bits of an
// uninterrupted run after a resume or for a range with its context.
#include "engine/fused_upscaler.h"
#include "engine/temporal_fusion.h"
#include "metrics/psnr.h"
#include "model/dualx_vsr.h"
#include "test_support.h"
#include "window_models.h"

#include <torch/nn/functional/upsampling.h>
#include <torch/torch.h>

using namespace dualx;
using namespace dualx::engine;

namespace {

// A smooth random picture [3, h, w] in [0.1, 0.9] with detail at a few pixels' scale.
torch::Tensor texture(int64_t h, int64_t w, uint64_t seed)
{
    namespace F = torch::nn::functional;
    torch::manual_seed(seed);
    const auto coarse = torch::rand({1, 3, h / 4 + 1, w / 4 + 1});
    const auto up = F::interpolate(coarse, F::InterpolateFuncOptions()
                                               .size(std::vector<int64_t>{4 * (h / 4 + 1), 4 * (w / 4 + 1)})
                                               .mode(torch::kBicubic)
                                               .align_corners(false));
    return (up[0].narrow(1, 0, h).narrow(2, 0, w).clamp(0, 1) * 0.8 + 0.1).contiguous();
}

torch::Tensor noisy(const torch::Tensor& frame, double sigma, uint64_t seed)
{
    torch::manual_seed(seed);
    return (frame + sigma * torch::randn_like(frame)).clamp(0, 1);
}

double psnr(const torch::Tensor& a, const torch::Tensor& b) { return metrics::meanPsnr(a, b, false, 4); }

// Pushes `frames` through the fusion and returns its output, one frame per input.
std::vector<torch::Tensor> fuseAll(const std::vector<torch::Tensor>& frames, int radius)
{
    TemporalFusion fusion(radius);
    std::vector<torch::Tensor> out;
    for (const auto& f : frames) {
        fusion.push(f);
        while (auto g = fusion.pop()) out.push_back(*g);
    }
    fusion.finish();
    while (auto g = fusion.pop()) out.push_back(*g);
    return out;
}

TilingSettings fusedSettings(int frames, int frameOverlap, int radius)
{
    TilingSettings s;
    s.tileLr = 12;
    s.tileOverlapLr = 4;
    s.windowFrames = frames;
    s.windowOverlap = frameOverlap;
    s.fusionRadius = radius;
    return s;
}

WindowModel networkModel(model::DualXVSR& net)
{
    return [&net](const torch::Tensor& window) {
        torch::InferenceMode guard;
        return net->forward(window.unsqueeze(0))[0].clamp(0, 1);
    };
}

} // namespace

class TestEngineTemporalFusion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noiseOnAStillPictureIsAveragedAway()
    {
        const auto truth = texture(64, 80, 1);
        std::vector<torch::Tensor> frames;
        for (int i = 0; i < 7; ++i) frames.push_back(noisy(truth, 0.02, 100 + i));
        const auto out = fuseAll(frames, 3);
        QCOMPARE(out.size(), frames.size());
        const double before = psnr(frames[3], truth), after = psnr(out[3], truth);
        qInfo("still picture, noise 0.02: %.2f -> %.2f dB", before, after);
        QVERIFY2(after > before + 3.0, qPrintable(QString("%1 -> %2 dB").arg(before).arg(after)));
        // The first frame has neighbours on one side only, and still gains.
        QVERIFY(psnr(out[0], truth) > psnr(frames[0], truth) + 1.5);
    }

    void aMovingPictureIsFollowedNotBlurred()
    {
        // A pan of 2 pixels per frame to the right.
        const auto wide = texture(64, 120, 2);
        std::vector<torch::Tensor> truth, frames;
        for (int i = 0; i < 7; ++i) {
            truth.push_back(wide.narrow(2, 24 - 2 * i, 80).contiguous());
            frames.push_back(noisy(truth.back(), 0.02, 200 + i));
        }
        const auto out = fuseAll(frames, 3);
        const double before = psnr(frames[3], truth[3]), after = psnr(out[3], truth[3]);
        qInfo("pan of 2 px per frame, noise 0.02: %.2f -> %.2f dB", before, after);
        QVERIFY2(after > before + 2.0, qPrintable(QString("%1 -> %2 dB").arg(before).arg(after)));
        // Without noise the warped neighbours must not soften the frame.
        const auto clean = fuseAll(truth, 3);
        const double kept = psnr(clean[3], truth[3]);
        QVERIFY2(kept > 38.0, qPrintable(QString("a clean pan fused to %1 dB").arg(kept)));
    }

    void aCutIsNotMixedIn()
    {
        const auto a = texture(64, 80, 3), b = texture(64, 80, 4);
        std::vector<torch::Tensor> frames;
        for (int i = 0; i < 8; ++i) frames.push_back(noisy(i < 4 ? a : b, 0.01, 300 + i));
        const auto out = fuseAll(frames, 3);
        // The last frame before the cut: its own shot averaged, nothing of the next one.
        QVERIFY(psnr(out[3], a) > psnr(frames[3], a));
        QVERIFY(psnr(out[4], b) > psnr(frames[4], b));
        QVERIFY((out[3] - a).abs().max().item<double>() < 0.1);
    }

    void oneFrameOutPerFrameInAndRadiusZeroPassesThrough()
    {
        std::vector<torch::Tensor> frames;
        for (int i = 0; i < 5; ++i) frames.push_back(texture(40, 48, 10 + i));
        TemporalFusion fusion(2);
        for (int i = 0; i < 5; ++i) {
            fusion.push(frames[static_cast<size_t>(i)]);
            // Frame t leaves once t + 2 has arrived.
            if (i >= 2) QVERIFY(fusion.pop().has_value());
            QVERIFY(!fusion.pop().has_value());
        }
        fusion.finish();
        QVERIFY(fusion.pop().has_value());
        QVERIFY(fusion.pop().has_value());
        QVERIFY(!fusion.pop().has_value());

        const auto same = fuseAll(frames, 0);
        for (size_t i = 0; i < frames.size(); ++i) QVERIFY(torch::equal(same[i], frames[i]));
        // A single frame, and frames too small for optical flow, come through.
        QCOMPARE(fuseAll({frames[0]}, 3).size(), size_t{1});
        const auto tiny = fuseAll({torch::rand({3, 8, 8}), torch::rand({3, 8, 8})}, 1);
        QCOMPARE(tiny.size(), size_t{2});
        QCOMPARE(fuseOneFrame(torch::stack(frames), 2, 2).sizes(), frames[2].sizes());
    }

    void badUseIsNamed()
    {
        test::expectError([] { TemporalFusion(9); }, ErrorCode::InvalidArgument, "radius 9 must be in [0, 8]");
        test::expectError([] { TemporalFusion(-1); }, ErrorCode::InvalidArgument, "radius -1 must be in [0, 8]");
        TemporalFusion fusion(1);
        fusion.push(torch::rand({3, 32, 32}));
        test::expectError([&] { fusion.push(torch::rand({3, 32, 36})); }, ErrorCode::InvalidArgument, "frame size changed");
        test::expectError([&] { fusion.push(torch::rand({32, 32})); }, ErrorCode::InvalidArgument, "[3, H, W]");
        fusion.finish();
        test::expectError([&] { fusion.push(torch::rand({3, 32, 32})); }, ErrorCode::InvalidArgument, "after finish()");
        test::expectError([] { StreamingUpscaler(test::nearestModel, fusedSettings(6, 0, 9)); }, ErrorCode::InvalidArgument,
                          "temporal fusion radius 9");
    }

    void resumedAndRangeRunsReproduceTheUninterruptedFrames()
    {
        // As for the upscaler alone (test_engine_tiling), now with the fusion's context: a job
        // resumed at k, or a split part restoring [a, b), writes the very bits of one pass.
        torch::manual_seed(6);
        model::DualXVSR net(presetConfig("tiny"));
        net->eval();
        std::vector<torch::Tensor> lr;
        const auto wide = texture(20, 40, 7);
        for (int i = 0; i < 21; ++i) lr.push_back(noisy(wide.narrow(2, i, 16).contiguous(), 0.02, 400 + i));
        const auto clip = torch::stack(lr);
        for (const auto& s : {fusedSettings(6, 2, 2), fusedSettings(6, 0, 3)}) {
            const auto full = restoreClip(networkModel(net), clip, s);
            QCOMPARE(full.size(0), clip.size(0));
            auto unfused = s;
            unfused.fusionRadius = 0;
            QVERIFY(!torch::equal(full, restoreClip(networkModel(net), clip, unfused))); // the fusion does act
            for (int64_t k : {1, 3, 6, 10, 17, 20}) {
                const int64_t from = StreamingUpscaler::replayStart(k, s);
                QVERIFY(from <= std::max<int64_t>(0, k - s.fusionRadius));
                const auto out = restoreClip(networkModel(net), clip.slice(0, from), s).slice(0, k - from);
                QVERIFY2(torch::equal(out, full.slice(0, k)), qPrintable(QString("radius %1, resumed at %2").arg(s.fusionRadius).arg(k)));
            }
            for (const auto& [a, b] : std::vector<std::pair<int64_t, int64_t>>{{0, 5}, {5, 12}, {12, 21}, {8, 9}}) {
                const int64_t from = StreamingUpscaler::replayStart(a, s);
                const int64_t to = std::min<int64_t>(clip.size(0), StreamingUpscaler::contextEnd(b, s));
                QVERIFY(to >= std::min<int64_t>(clip.size(0), b + s.fusionRadius));
                const auto out = restoreClip(networkModel(net), clip.slice(0, from, to), s).slice(0, a - from, b - from);
                QVERIFY2(torch::equal(out, full.slice(0, a, b)),
                         qPrintable(QString("radius %1, range [%2, %3)").arg(s.fusionRadius).arg(a).arg(b)));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestEngineTemporalFusion)
#include "test_engine_temporal_fusion.moc"
