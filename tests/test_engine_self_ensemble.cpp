// Self-ensemble: every copy is mapped back exactly, so a model that respects the symmetries is
// unchanged and one that does not is averaged over them.
#include "engine/self_ensemble.h"
#include "model/dualx_vsr.h"
#include "test_support.h"
#include "window_models.h"

using namespace dualx;
using namespace dualx::engine;
using dualx::test::nearestModel;

namespace {

// Nearest x4 plus a bias that grows left to right and frame by frame: not symmetric at all.
torch::Tensor biasedModel(const torch::Tensor& window)
{
    auto out = nearestModel(window);
    const auto x = torch::arange(out.size(3), torch::kFloat32).mul(0.01).view({1, 1, 1, -1});
    const auto t = torch::arange(out.size(0), torch::kFloat32).mul(0.1).view({-1, 1, 1, 1});
    return out + x + t;
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

} // namespace

class TestEngineSelfEnsemble : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCopyIsDistinctAndMapsBack()
    {
        torch::manual_seed(3);
        const auto window = torch::rand({5, 3, 7, 11});
        std::vector<torch::Tensor> copies;
        for (int k = 0; k < 16; ++k) {
            const auto copy = ensembleTransform(window, k);
            QCOMPARE(copy.size(2), k & 4 ? int64_t{11} : int64_t{7}); // transposed copies swap h and w
            QVERIFY(torch::equal(ensembleInverse(copy, k), window));
            for (const auto& earlier : copies)
                if (earlier.sizes() == copy.sizes()) QVERIFY(!torch::equal(earlier, copy));
            copies.push_back(copy);
        }
    }

    void aSymmetricModelIsUnchanged()
    {
        torch::manual_seed(4);
        const auto clip = torch::rand({9, 3, 19, 40});
        TilingSettings tiles;
        tiles.tileLr = 24; // 19x24 tiles, not square and not whole: each copy is transposed per tile
        tiles.tileOverlapLr = 4;
        tiles.windowFrames = 4;
        tiles.windowOverlap = 1;
        const auto single = upscaleClipTiled(nearestModel, clip, tiles);
        for (int copies : {2, 4, 8, 16}) {
            const auto ensembled = upscaleClipTiled(selfEnsembleWindowModel(nearestModel, copies), clip, tiles);
            QVERIFY2(maxDiff(ensembled, single) < 1e-6, std::to_string(copies).c_str());
        }
    }

    void anAsymmetricModelIsAveraged()
    {
        const auto window = torch::zeros({4, 3, 2, 5});
        const auto plain = biasedModel(window);
        const auto width = static_cast<double>(plain.size(3));
        // Two copies (as is, mirrored): the left-right ramp averages to its middle value.
        const auto two = selfEnsembleWindowModel(biasedModel, 2)(window);
        QVERIFY(maxDiff(two - plain, (0.01 * (width - 1) / 2) - torch::arange(plain.size(3)).mul(0.01).view({1, 1, 1, -1})) < 1e-5);
        // Eight: the transposed half sees the ramp along the height instead; still frame by frame.
        const double height = static_cast<double>(plain.size(2));
        const double spatial = 0.01 * ((width - 1) / 2 + (height - 1) / 2) / 2;
        const auto eight = selfEnsembleWindowModel(biasedModel, 8)(window);
        for (int64_t t = 0; t < 4; ++t) QVERIFY(maxDiff(eight[t], torch::full_like(eight[t], 0.1 * t + spatial)) < 1e-5);
        // Sixteen: time reversed too, so every frame gets the mean of the frame bias.
        const auto sixteen = selfEnsembleWindowModel(biasedModel, 16)(window);
        QVERIFY(maxDiff(sixteen, torch::full_like(sixteen, 0.1 * 1.5 + spatial)) < 1e-5);
        // The caller's window is never modified, even by a model that returns its input.
        const auto input = torch::rand({2, 3, 4, 4}), before = input.clone();
        selfEnsembleWindowModel([](const torch::Tensor& w) { return w; }, 4)(input);
        QVERIFY(torch::equal(input, before));
    }

    void theNetworkStaysAlignedWithItsSinglePass()
    {
        // An untrained network is mostly its bilinear base: if a copy came back mirrored or
        // transposed, the ensemble would be far from the single pass on an asymmetric image.
        torch::manual_seed(5);
        model::DualXVSR net(presetConfig("tiny"));
        const auto ramp = torch::linspace(0, 1, 24).view({1, 1, 1, -1}) * torch::linspace(0.2, 1, 16).view({1, 1, -1, 1});
        const auto window = ramp.expand({3, 3, 16, 24}).contiguous();
        const auto network = networkWindowModel(net, selectDevice(DevicePreference::Cpu));
        const auto single = network(window);
        const auto ensembled = selfEnsembleWindowModel(network, 16)(window);
        QCOMPARE(ensembled.sizes(), single.sizes());
        const double aligned = (ensembled - single).abs().mean().item<double>();
        const double mirrored = (ensembled - ensembleTransform(single, 1)).abs().mean().item<double>();
        qInfo("mean |ensemble - single| %.4f, against a mirrored single %.4f", aligned, mirrored);
        QVERIFY(aligned < 0.08);
        QVERIFY(mirrored > 3 * aligned);
    }

    void badCountsAreRefused()
    {
        for (int copies : {0, -2, 3, 6, 32})
            test::expectError([&] { selfEnsembleWindowModel(nearestModel, copies); }, ErrorCode::InvalidArgument,
                              "1, 2, 4, 8 or 16 copies, not " + std::to_string(copies));
        checkEnsembleSize(16); // no throw
    }
};

QTEST_APPLESS_MAIN(TestEngineSelfEnsemble)
#include "test_engine_self_ensemble.moc"
