// Tiled, overlapping spatio-temporal inference: exact where it must be, seamless, bounded.
#include "engine/streaming_upscaler.h"
#include "model/dualx_vsr.h"
#include "test_support.h"
#include "window_models.h"

using namespace dualx;
using namespace dualx::engine;
using dualx::test::nearestModel;

namespace {

TilingSettings settings(int tile, int tileOverlap, int frames, int frameOverlap)
{
    TilingSettings s;
    s.tileLr = tile;
    s.tileOverlapLr = tileOverlap;
    s.windowFrames = frames;
    s.windowOverlap = frameOverlap;
    return s;
}

WindowModel networkModel(model::DualXVSR& net)
{
    return [&net](const torch::Tensor& window) {
        torch::InferenceMode guard;
        return net->forward(window.unsqueeze(0))[0];
    };
}

} // namespace

class TestEngineTiling : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void segmentsCoverTheAxis()
    {
        QCOMPARE(segmentStarts(100, 112, 16), (std::vector<int64_t>{0}));
        QCOMPARE(segmentStarts(100, 40, 10), (std::vector<int64_t>{0, 30, 60}));
        QCOMPARE(segmentStarts(101, 40, 10), (std::vector<int64_t>{0, 30, 60, 61}));
        for (int64_t length : {1, 7, 64, 65, 179, 180}) {
            const auto starts = segmentStarts(length, 32, 8);
            QCOMPARE(starts.front(), int64_t{0});
            QCOMPARE(std::min<int64_t>(32, length) + starts.back(), length);
            for (size_t i = 1; i < starts.size(); ++i) QVERIFY(starts[i] - starts[i - 1] <= 24);
        }
        test::expectError([] { segmentStarts(100, 16, 16); }, ErrorCode::InvalidArgument, "smaller than");
    }

    // Balanced tiles: as many as the nominal side needs, no larger than covering requires.
    void balancedSegmentsKeepTheCountAndShrink()
    {
        QCOMPARE(balancedSegment(320, 112, 16, 2), int64_t{92});  // 4 tiles of 92 instead of 4 of 112
        QCOMPARE(balancedSegment(180, 112, 16, 2), int64_t{98});  // 2 of 98
        QCOMPARE(balancedSegment(720, 112, 16, 2), int64_t{104}); // 8 of 104
        QCOMPARE(balancedSegment(480, 112, 16, 2), int64_t{110}); // 5 of 110 (109 rounded up)
        QCOMPARE(balancedSegment(100, 112, 16, 2), int64_t{100}); // one tile: the whole axis
        QCOMPARE(balancedSegment(208, 112, 16, 2), int64_t{112}); // exactly two tiles of 112
        for (int64_t length = 1; length <= 400; ++length)
            for (int64_t segment : {24, 64, 112}) {
                const int64_t side = std::min(segment, length);
                const int64_t overlap = std::min<int64_t>(8, side - 1);
                const int64_t balanced = balancedSegment(length, side, overlap, 2);
                QVERIFY(balanced <= side && balanced > overlap);
                const auto nominal = segmentStarts(length, side, overlap);
                const auto starts = segmentStarts(length, balanced, overlap);
                QCOMPARE(starts.size(), nominal.size());
                QCOMPARE(starts.back() + balanced, length);
                for (size_t i = 1; i < starts.size(); ++i) QVERIFY(starts[i - 1] + balanced - starts[i] >= overlap);
            }
        test::expectError([] { balancedSegment(100, 16, 16, 2); }, ErrorCode::InvalidArgument, "smaller than");
    }

    void weightsRampOnlyOnInteriorEdges()
    {
        const auto border = segmentWeights(0, 10, 10, 4);
        QVERIFY(torch::equal(border, torch::ones({10})));
        const auto inner = segmentWeights(6, 10, 30, 4);
        QVERIFY(inner[0].item<float>() < 0.1f && inner[0].item<float>() > 0.0f);
        QCOMPARE(inner[5].item<float>(), 1.0f);
        // Opposite ramps over an exact overlap sum to one.
        const auto left = segmentWeights(0, 10, 16, 4), right = segmentWeights(6, 10, 16, 4);
        for (int i = 0; i < 4; ++i) QVERIFY(std::abs(left[6 + i].item<float>() + right[i].item<float>() - 1.0f) < 1e-6f);
    }

    void tiledEqualsUntiledForAPixelLocalModel_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("tile");
        QTest::addColumn<int>("window");
        QTest::newRow("odd sizes, many tiles and windows") << 23 << 37 << 53 << 16 << 6;
        QTest::newRow("tile larger than frame") << 9 << 10 << 12 << 32 << 4;
        QTest::newRow("clip shorter than window") << 3 << 20 << 20 << 8 << 16;
        QTest::newRow("exact multiple") << 16 << 32 << 32 << 16 << 8;
    }

    void tiledEqualsUntiledForAPixelLocalModel()
    {
        QFETCH(int, frames);
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(int, tile);
        QFETCH(int, window);
        auto clip = torch::rand({frames, 3, height, width});
        const auto tiled = upscaleClipTiled(nearestModel, clip, settings(tile, tile / 4, window, window / 3));
        const auto single = nearestModel(clip);
        QCOMPARE(tiled.sizes(), single.sizes());
        QVERIFY((tiled - single).abs().max().item<double>() < 1e-6);
    }

    void outOfMemoryHalvesTheTileAndCarriesOn()
    {
        // A model that, like a GPU, runs out of memory on tiles larger than 24 LR pixels.
        int refusals = 0;
        WindowModel picky = [&refusals](const torch::Tensor& window) {
            if (window.size(-1) > 24 || window.size(-2) > 24) {
                ++refusals;
                TORCH_CHECK(false, "CUDA out of memory. Tried to allocate 2.00 GiB");
            }
            return nearestModel(window);
        };
        auto clip = torch::rand({7, 3, 40, 56});
        StreamingUpscaler upscaler(picky, settings(112, 16, 4, 1));
        const auto out = upscaleClip(upscaler, clip);
        QCOMPARE(out.size(0), clip.size(0));
        // 112 -> 56 -> 28: the first that fits, as 28-px tiles with 7 px overlap balance to 24 x 24.
        QCOMPARE(upscaler.tileLr(), 28);
        QVERIFY(refusals >= 2);
        QVERIFY((out - nearestModel(clip)).abs().max().item<double>() < 1e-6);

        // Any other error is not retried.
        WindowModel broken = [](const torch::Tensor&) -> torch::Tensor { TORCH_CHECK(false, "shape mismatch"); };
        StreamingUpscaler failing(broken, settings(32, 8, 2, 0));
        failing.push(clip[0]);
        QVERIFY_THROWS_EXCEPTION(c10::Error, failing.push(clip[1]));
        QCOMPARE(failing.tileLr(), 32);
    }

    void oneTileOneWindowIsTheSinglePass()
    {
        torch::manual_seed(3);
        model::DualXVSR net(presetConfig("tiny"));
        net->eval();
        auto clip = torch::rand({6, 3, 14, 18});
        const auto tiled = upscaleClipTiled(networkModel(net), clip, settings(32, 8, 8, 2));
        torch::InferenceMode guard;
        QVERIFY(torch::equal(tiled, net->forward(clip.unsqueeze(0))[0]));
    }

    void noSeamsAlongTileBorders()
    {
        torch::manual_seed(4);
        model::DualXVSR net(presetConfig("tiny"));
        net->eval();
        auto clip = torch::rand({4, 3, 40, 40});
        const auto tiled = upscaleClipTiled(networkModel(net), clip, settings(16, 6, 4, 1));
        torch::InferenceMode guard;
        const auto single = net->forward(clip.unsqueeze(0))[0];
        // The tiles see less context than the single pass, so they differ slightly everywhere;
        // a seam would show as a jump exactly at the tiles' edges. Compare the error on the
        // columns where a tile starts or ends with the error over the whole frame.
        const auto error = (tiled - single).abs().mean({0, 1, 2}); // per HR column
        std::vector<int64_t> edgeColumns;
        for (int64_t x0 : segmentStarts(40, 16, 6)) {
            if (x0 > 0) edgeColumns.push_back(x0 * 4);
            if (x0 + 16 < 40) edgeColumns.push_back((x0 + 16) * 4 - 1);
        }
        double edge = 0;
        for (auto c : edgeColumns) edge += error[c].item<double>();
        edge /= static_cast<double>(edgeColumns.size());
        const double overall = error.mean().item<double>();
        qInfo("mean |tiled - single| at tile edges %.2e, overall %.2e", edge, overall);
        QVERIFY(edge < 3.0 * overall + 1e-6);
        QVERIFY(overall < 0.02);
    }

    void memoryIsBoundedByTheWindow()
    {
        StreamingUpscaler upscaler(nearestModel, settings(16, 4, 8, 2));
        int64_t maxInFlight = 0, out = 0;
        for (int i = 0; i < 300; ++i) {
            upscaler.push(torch::full({3, 6, 6}, static_cast<float>(i) / 300.0f));
            maxInFlight = std::max(maxInFlight, upscaler.framesIn() - upscaler.framesOut());
            while (auto f = upscaler.pop()) {
                // Frames come out in order, each the (exact) upscale of its own input.
                QVERIFY(std::abs((*f)[0][0][0].item<float>() - static_cast<float>(out) / 300.0f) < 1e-6f);
                ++out;
            }
        }
        upscaler.finish();
        while (upscaler.pop()) ++out;
        QCOMPARE(out, int64_t{300});
        QVERIFY(maxInFlight <= 8); // never more than one window of frames held
        QCOMPARE(upscaler.windowsRun(), int64_t{50});
    }

    void resumingMidClipReproducesTheUninterruptedFrames()
    {
        // Crash-safe jobs restart mid-video: from replayStart(k) on, every frame >= k must be the
        // very same bits as in one uninterrupted pass (real network, tiles and windows).
        torch::manual_seed(4);
        model::DualXVSR net(presetConfig("tiny"));
        net->eval();
        const auto clip = torch::rand({23, 3, 10, 12});
        // Overlapping windows, and the default's windows that only touch.
        for (const auto& s : {settings(8, 2, 6, 2), settings(8, 2, 6, 0)}) {
            const auto full = upscaleClipTiled(networkModel(net), clip, s);
            for (int64_t k : {1, 4, 5, 9, 13, 18, 22}) {
                const int64_t from = StreamingUpscaler::replayStart(k, s);
                QVERIFY(from <= k && from % (s.windowFrames - s.windowOverlap) == 0);
                StreamingUpscaler upscaler(networkModel(net), s, from);
                std::vector<torch::Tensor> out;
                int64_t index = from;
                auto collect = [&] {
                    while (auto f = upscaler.pop())
                        if (index++ >= k) out.push_back(*f);
                };
                for (int64_t i = from; i < clip.size(0); ++i) {
                    upscaler.push(clip[i]);
                    collect();
                }
                upscaler.finish();
                collect();
                QCOMPARE(static_cast<int64_t>(out.size()), clip.size(0) - k);
                QVERIFY2(torch::equal(torch::stack(out), full.slice(0, k)),
                         qPrintable(QString("overlap %1, resumed at %2").arg(s.windowOverlap).arg(k)));
            }
        }
        test::expectError([] { StreamingUpscaler(nearestModel, settings(16, 4, 8, 2), 5); }, ErrorCode::InvalidArgument, "window grid");
    }

    void aRangeWithItsContextReproducesTheUninterruptedFrames()
    {
        // A split job restores [a, b) on its own machine from frames replayStart(a) to
        // contextEnd(b): those outputs must be the very bits of one pass over the whole clip.
        torch::manual_seed(5);
        model::DualXVSR net(presetConfig("tiny"));
        net->eval();
        const auto clip = torch::rand({29, 3, 10, 12});
        const std::pair<int64_t, int64_t> ranges[] = {{0, 7}, {7, 15}, {15, 29}, {3, 4}, {10, 21}, {21, 29}};
        for (const auto& s : {settings(8, 2, 6, 2), settings(8, 2, 6, 0)}) {
            const auto full = upscaleClipTiled(networkModel(net), clip, s);
            for (const auto& [a, b] : ranges) {
                const int64_t from = StreamingUpscaler::replayStart(a, s);
                const int64_t to = std::min<int64_t>(clip.size(0), StreamingUpscaler::contextEnd(b, s));
                QVERIFY(to >= b);
                StreamingUpscaler upscaler(networkModel(net), s, from);
                const auto out = upscaleClip(upscaler, clip.slice(0, from, to)).slice(0, a - from, b - from);
                QVERIFY2(torch::equal(out, full.slice(0, a, b)),
                         qPrintable(QString("overlap %1, range [%2, %3)").arg(s.windowOverlap).arg(a).arg(b)));
            }
        }
        // Windows of 6 frames every 4: window 0 completes frames 0..3, frame 4 needs window 4.
        const auto overlapping = settings(8, 2, 6, 2);
        QCOMPARE(StreamingUpscaler::contextEnd(4, overlapping), int64_t{6});
        QCOMPARE(StreamingUpscaler::contextEnd(5, overlapping), int64_t{10});
    }

    void defaultTilesFollowTheModelOnTheCpuAndTakeWholeFramesOnAGpu()
    {
        const DeviceChoice cpu = selectDevice(DevicePreference::Cpu);
        QCOMPARE(defaultTileLr("mse", cpu), 112);
        QCOMPARE(defaultTileLr("gan", cpu), 64);
        DeviceChoice gpu;
        gpu.kind = DeviceKind::Cuda;
        QCOMPARE(defaultTileLr("mse", gpu), kGpuDefaultTileLr);
        QCOMPARE(defaultTileLr("gan", gpu), kGpuDefaultTileLr);
    }

    void badSettingsAreRejected()
    {
        test::expectError([] { StreamingUpscaler(nearestModel, settings(16, 4, 8, 8)); }, ErrorCode::InvalidArgument, "frame overlap");
        test::expectError([] { StreamingUpscaler(nearestModel, settings(16, 16, 8, 2)); }, ErrorCode::InvalidArgument, "tile overlap");
        StreamingUpscaler upscaler(nearestModel, settings(16, 4, 8, 2));
        upscaler.push(torch::zeros({3, 4, 4}));
        test::expectError([&] { upscaler.push(torch::zeros({3, 4, 5})); }, ErrorCode::InvalidArgument, "size changed");
    }
};

QTEST_APPLESS_MAIN(TestEngineTiling)
#include "test_engine_tiling.moc"
