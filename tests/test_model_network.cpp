// The DualX-VSR network: shapes, receptive field of the dual axial attention, determinism.
#include "model/dualx_vsr.h"
#include "test_support.h"

using namespace dualx;
using namespace dualx::model;

namespace {

torch::Tensor run(DualXVSR& net, const torch::Tensor& x)
{
    torch::InferenceMode guard;
    return net->forward(x);
}

// Output change at the bottom-right 4x4 HR corner of the last frame when the top-left LR pixel
// of the first frame changes.
double farCornerChange(const ModelConfig& config)
{
    torch::manual_seed(11);
    DualXVSR net(config);
    net->eval();
    {
        // Training-scale weights: with the initial 0.02-std weights the far-corner change is
        // below float resolution once added to the bilinear base, and would read as exactly 0.
        torch::NoGradGuard noGrad;
        for (auto& p : net->parameters()) p.normal_(0.0, 0.3);
    }
    const int64_t n = 3, h = 20, w = 20;
    auto x = torch::rand({1, n, 3, h, w});
    auto y0 = run(net, x);
    auto x1 = x.clone();
    x1[0][0].select(1, 0).select(1, 0).fill_(x[0][0][0][0][0].item<float>() > 0.5f ? 0.0f : 1.0f);
    auto y1 = run(net, x1);
    auto corner = [&](const torch::Tensor& y) { return y[0][n - 1].narrow(1, 4 * h - 4, 4).narrow(2, 4 * w - 4, 4); };
    return (corner(y1) - corner(y0)).abs().max().item<double>();
}

// A network of another config (same parameter names and shapes) with `net`'s weights.
DualXVSR copyOf(DualXVSR& net, const ModelConfig& config)
{
    DualXVSR copy(config);
    torch::NoGradGuard noGrad;
    auto params = net->named_parameters();
    for (auto& p : copy->named_parameters()) p.value().copy_(params[p.key()]);
    copy->eval();
    return copy;
}

} // namespace

class TestModelNetwork : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outputShape_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::newRow("single frame") << 1 << 8 << 8;
        QTest::newRow("odd sizes") << 3 << 7 << 13;
        QTest::newRow("one pixel") << 2 << 1 << 1;
        QTest::newRow("one row") << 1 << 1 << 9;
        QTest::newRow("wide") << 5 << 6 << 31;
    }

    void outputShape()
    {
        QFETCH(int, frames);
        QFETCH(int, height);
        QFETCH(int, width);
        torch::manual_seed(1);
        DualXVSR net(presetConfig("tiny"));
        auto y = run(net, torch::rand({2, frames, 3, height, width}));
        QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{2, frames, 3, 4 * height, 4 * width}));
        QVERIFY(torch::isfinite(y).all().item<bool>());
    }

    void badInputIsRejected()
    {
        DualXVSR net(presetConfig("tiny"));
        test::expectError([&] { run(net, torch::rand({1, 3, 8, 8})); }, ErrorCode::InvalidArgument, "[B, N, 3, H, W]");
        test::expectError([&] { run(net, torch::rand({1, 2, 4, 8, 8})); }, ErrorCode::InvalidArgument, "[B, N, 3, H, W]");
        test::expectError([&] { run(net, torch::rand({1, 0, 3, 8, 8})); }, ErrorCode::InvalidArgument, "N, H, W >= 1");
    }

    void untrainedNetworkStaysNearBilinear()
    {
        // The global residual and the damped last conv make an untrained network a bilinear
        // upscaler plus a small correction: training starts from a sane image.
        torch::manual_seed(2);
        DualXVSR net(presetConfig("tiny"));
        auto x = torch::rand({1, 2, 3, 12, 12});
        auto y = run(net, x);
        auto bilinear = torch::nn::functional::interpolate(x[0], torch::nn::functional::InterpolateFuncOptions()
                                                                     .scale_factor(std::vector<double>{4, 4})
                                                                     .mode(torch::kBilinear)
                                                                     .align_corners(false));
        const double meanDiff = (y[0] - bilinear).abs().mean().item<double>();
        QVERIFY2(meanDiff < 0.1, std::to_string(meanDiff).c_str());
        QVERIFY(meanDiff > 0.0);
    }

    void dualAxialAttentionReachesTheOppositeCorner()
    {
        auto config = presetConfig("tiny");
        const double dual = farCornerChange(config);
        QVERIFY2(dual > 1e-6, std::to_string(dual).c_str());

        auto vtabOnly = config;
        vtabOnly.htabDepth = 0;
        vtabOnly.vtabDepth = 2;
        auto htabOnly = config;
        htabOnly.vtabDepth = 0;
        htabOnly.htabDepth = 2;
        // One axis alone keeps the information in its column (or row): far corner untouched.
        QCOMPARE(farCornerChange(vtabOnly), 0.0);
        QCOMPARE(farCornerChange(htabOnly), 0.0);
    }

    void deterministicOnCpu()
    {
        auto x = torch::rand({1, 4, 3, 10, 14});
        torch::manual_seed(3);
        DualXVSR a(presetConfig("tiny"));
        torch::manual_seed(3);
        DualXVSR b(presetConfig("tiny"));
        const auto ya = run(a, x);
        QVERIFY(torch::equal(ya, run(a, x))); // same network, same input, twice
        QVERIFY(torch::equal(ya, run(b, x))); // same seed, same network
    }

    void attentionKernelDoesNotChangeTheResult()
    {
        torch::manual_seed(4);
        DualXVSR net(presetConfig("tiny"));
        auto x = torch::rand({1, 4, 3, 16, 18});
        net->attentionSettings().kernel = AttentionKernel::Plain;
        const auto plain = run(net, x);
        net->attentionSettings().kernel = AttentionKernel::Chunked;
        net->attentionSettings().maxScoreElements = 500; // forces chunks everywhere
        const auto chunked = run(net, x);
        QVERIFY((plain - chunked).abs().max().item<double>() < 1e-5);
    }

    void phaseConsistentUpsamplerLeavesNoPatternOnFlatInput()
    {
        // With the first convolution's weights at zero a flat input gives identical tokens, and
        // with the token unembedding at zero (it gives each pixel of a 2x2 patch its own
        // features) the reconstruction gets the same features at every pixel away from the
        // convolutions' zero padding: whatever differs between the output pixels there comes
        // from the upsampler's phases disagreeing.
        auto config = presetConfig("tiny");
        QVERIFY(config.upsampler == UpsamplerKind::PixelShuffle4);
        torch::manual_seed(6);
        DualXVSR net(config);
        {
            torch::NoGradGuard noGrad;
            for (auto& p : net->named_parameters()) p.value().normal_(0.0, 0.2);
            for (const char* name : {"conv_in.weight", "token_unembed.weight", "token_unembed.bias"}) net->named_parameters()[name].zero_();
        }
        const auto x = torch::full({1, 2, 3, 16, 20}, 0.5);
        auto spread = [&](bool consistent) {
            auto c = config;
            c.phaseConsistentUpsampler = consistent;
            DualXVSR copy = copyOf(net, c);
            const auto y = run(copy, x)[0][0].narrow(1, 20, 24).narrow(2, 20, 40); // 5 LR pixels from the borders
            return (y - y.mean({1, 2}, true)).abs().max().item<double>();
        };
        const double independent = spread(false), consistent = spread(true);
        QVERIFY(independent > 1e-3);
        QVERIFY2(consistent < 1e-4 * independent, (std::to_string(consistent) + " vs " + std::to_string(independent)).c_str());
    }

    void phaseConsistencyGroupsThePhasesOfEachShuffle()
    {
        // An upsampler whose phases are already identical within each output channel is left as
        // it is, in both heads: the grouping matches the pixel shuffle's channel layout.
        for (auto upsampler : {UpsamplerKind::PixelShuffle4, UpsamplerKind::PixelShuffle2x2}) {
            auto config = presetConfig("tiny");
            config.upsampler = upsampler;
            torch::manual_seed(7);
            DualXVSR net(config);
            const int64_t phases = upsampler == UpsamplerKind::PixelShuffle4 ? 16 : 4;
            {
                torch::NoGradGuard noGrad;
                for (auto& p : net->named_parameters()) {
                    auto& t = p.value();
                    if (!p.key().starts_with("upsampler.") || t.size(0) % phases || t.size(0) == 3) continue; // only convs before a shuffle
                    auto shape = t.sizes().vec();
                    shape[0] /= phases;
                    auto one = torch::randn(shape) * 0.1;
                    auto grown = shape;
                    grown.insert(grown.begin() + 1, phases);
                    t.copy_(one.unsqueeze(1).expand(grown).reshape(t.sizes()));
                }
            }
            auto consistent = config;
            consistent.phaseConsistentUpsampler = true;
            auto copy = copyOf(net, consistent);
            const auto x = torch::rand({1, 2, 3, 8, 10});
            QVERIFY((run(net, x) - run(copy, x)).abs().max().item<double>() < 1e-6);
        }
    }

    void trainingStepChangesTheOutput()
    {
        // Gradients reach every parameter group (nothing detached by the reshapes).
        torch::manual_seed(5);
        DualXVSR net(presetConfig("tiny"));
        auto y = net->forward(torch::rand({1, 2, 3, 8, 8}));
        y.mean().backward();
        for (const auto& p : net->named_parameters())
            QVERIFY2(p.value().grad().defined() && p.value().grad().abs().sum().item<double>() > 0, p.key().c_str());
    }
};

QTEST_APPLESS_MAIN(TestModelNetwork)
#include "test_model_network.moc"
