// Aligned-neighbour input: the previous and next frames warped onto each frame match it where the
// picture moved by a fraction of a pixel; a network grown by the input computes what it did
// until trained, asks for its neighbours, and gets them on the engine's and the trainer's paths.
#include "dualx/model_stats.h"
#include "engine/neighbour_alignment.h"
#include "engine/streaming_upscaler.h"
#include "metrics/psnr.h"
#include "model/dualx_vsr.h"
#include "model/weights.h"
#include "test_support.h"

#include <torch/nn/functional/pooling.h>
#include <torch/torch.h>

#include <nlohmann/json.hpp>

using namespace dualx;
using namespace dualx::engine;

namespace {

// N frames [1, N, 3, h, w] of a smooth picture panning by (dx, dy) half-pixels per frame: cut
// from a picture at twice the size and averaged down, so the motion is a true sub-pixel shift.
torch::Tensor panningClip(int64_t n, int64_t h, int64_t w, int dx, int dy)
{
    namespace F = torch::nn::functional;
    torch::manual_seed(5);
    const int64_t bigH = 2 * h + std::abs(dy) * n + 8, bigW = 2 * w + std::abs(dx) * n + 8;
    auto big = torch::rand({1, 3, bigH / 6 + 2, bigW / 6 + 2});
    big = F::interpolate(big, F::InterpolateFuncOptions().size(std::vector<int64_t>{bigH, bigW}).mode(torch::kBicubic).align_corners(false))
              .clamp(0.05, 0.95);
    std::vector<torch::Tensor> frames;
    for (int64_t t = 0; t < n; ++t) {
        const int64_t y = 4 + (dy >= 0 ? dy * t : -dy * (n - 1 - t)), x = 4 + (dx >= 0 ? dx * t : -dx * (n - 1 - t));
        const auto crop = big.narrow(2, y, 2 * h).narrow(3, x, 2 * w);
        frames.push_back(F::avg_pool2d(crop, F::AvgPool2dFuncOptions(2))[0]);
    }
    return torch::stack(frames).unsqueeze(0).contiguous();
}

ModelConfig neighbourTiny()
{
    auto c = presetConfig("tiny");
    c.neighbourInput = true;
    return c;
}

} // namespace

class TestEngineNeighbourAlignment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void neighboursAreWarpedOntoEachFrame()
    {
        const auto clip = panningClip(4, 40, 48, 3, 1); // 1.5 and 0.5 pixels per frame
        const auto aligned = alignedNeighbours(clip);
        QCOMPARE(aligned.sizes(), (std::vector<int64_t>{1, 4, 6, 40, 48}));
        const auto inner = [](const torch::Tensor& x) { return x.narrow(-2, 6, 28).narrow(-1, 6, 36); };
        for (int64_t t = 1; t < 4; ++t) {
            const auto frame = clip[0][t];
            const auto previous = aligned[0][t].narrow(0, 0, 3);
            const double unaligned = metrics::meanPsnr(inner(clip[0][t - 1]).unsqueeze(0), inner(frame).unsqueeze(0), false, 0);
            const double warped = metrics::meanPsnr(inner(previous).unsqueeze(0), inner(frame).unsqueeze(0), false, 0);
            QVERIFY2(warped > unaligned + 8 && warped > 35,
                     qPrintable(QString("warped %1 dB, unaligned %2 dB").arg(warped).arg(unaligned)));
        }
        for (int64_t t = 0; t < 3; ++t) {
            const double warped
                = metrics::meanPsnr(inner(aligned[0][t].narrow(0, 3, 3)).unsqueeze(0), inner(clip[0][t]).unsqueeze(0), false, 0);
            QVERIFY2(warped > 35, qPrintable(QString("next frame warped: %1 dB").arg(warped)));
        }
        // At the clip's ends the frame stands in for the neighbour it does not have.
        QVERIFY(torch::allclose(aligned[0][0].narrow(0, 0, 3), clip[0][0], 0, 1e-6));
        QVERIFY(torch::allclose(aligned[0][3].narrow(0, 3, 3), clip[0][3], 0, 1e-6));
        // One frame, and frames too small for a flow: neighbours are the frame itself, unmoved.
        QVERIFY(torch::allclose(alignedNeighbours(clip.narrow(1, 0, 1)), clip.narrow(1, 0, 1).repeat({1, 1, 2, 1, 1}), 0, 1e-6));
        QCOMPARE(alignedNeighbours(torch::rand({2, 3, 3, 5, 4})).sizes(), (std::vector<int64_t>{2, 3, 6, 5, 4}));
        test::expectError([] { alignedNeighbours(torch::rand({3, 3, 8, 8})); }, ErrorCode::InvalidArgument, "[B, N, 3, H, W]");
    }

    void aGrownNetworkComputesWhatItDidUntilTrained()
    {
        torch::manual_seed(3);
        model::DualXVSR plain(presetConfig("tiny"));
        model::DualXVSR grown(neighbourTiny());
        model::NamedTensors tensors;
        for (const auto& item : plain->named_parameters()) tensors.emplace_back(item.key(), item.value().detach().clone());
        QCOMPARE(model::loadTensorsGrowing(*grown, tensors, "plain"), 0);
        const auto clip = torch::rand({2, 3, 3, 9, 11});
        torch::NoGradGuard noGrad;
        const auto before = plain->forward(clip);
        QVERIFY(torch::allclose(forwardNetwork(grown, clip), before, 0, 1e-6));
        // Trained, the neighbours move the output; without them the network says what it needs.
        for (const auto& item : grown->named_parameters())
            if (item.key().starts_with("conv_neighbours.")) item.value().normal_(0.0, 0.05);
        QVERIFY((forwardNetwork(grown, clip) - before).abs().max().item<double>() > 1e-4);
        // The conv sees the neighbours' differences from the frame: a still clip adds only its bias.
        grown->named_parameters()["conv_neighbours.bias"].zero_();
        const auto still = torch::rand({1, 1, 3, 9, 11}).expand({1, 3, 3, 9, 11}).contiguous();
        QVERIFY(torch::allclose(forwardNetwork(grown, still), plain->forward(still), 0, 1e-6));
        test::expectError([&] { grown->forward(clip); }, ErrorCode::InvalidArgument, "aligned neighbours [B, N, 6, H, W]");
        test::expectError(
            [&] {
                grown->forward(clip, {}, torch::rand({2, 3, 3, 9, 11}));
            },
            ErrorCode::InvalidArgument, "aligned neighbours");
        // The window model of a job aligns each tile's window itself, and needs an aligner to do it.
        const auto device = selectDevice(DevicePreference::Cpu);
        const auto window = networkWindowModel(grown, device, alignedNeighbours);
        QVERIFY(torch::allclose(window(clip[0]), forwardNetwork(grown, clip.narrow(0, 0, 1))[0].clamp(0, 1), 0, 1e-5));
        test::expectError([&] { networkWindowModel(grown, device); }, ErrorCode::InvalidArgument, "no aligner");
    }

    void theConfigCarriesItAndTheStatsCountIt()
    {
        const auto c = neighbourTiny();
        QVERIFY(ModelConfig::fromJson(c.toJson()) == c);
        auto old = nlohmann::json::parse(c.toJson());
        old.erase("neighbour_input");
        QVERIFY(!ModelConfig::fromJson(old.dump()).neighbourInput);
        const auto with = computeModelStats(c, 2, 8, 8), without = computeModelStats(presetConfig("tiny"), 2, 8, 8);
        const int64_t ch = c.featureChannels;
        QCOMPARE(with.parameters - without.parameters, int64_t{9 * 6 * ch + ch});
        QVERIFY(with.macs > without.macs);
    }
};

QTEST_APPLESS_MAIN(TestEngineNeighbourAlignment)
#include "test_engine_neighbour_alignment.moc"
