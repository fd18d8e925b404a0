// Preview: the frame the user picked, restored from a window of frames around it, exactly as the
// network computes it on that window; bad input is named.
#include "dualx/preview.h"
#include "media_fixtures.h"
#include "model/weights.h"
#include "test_support.h"
#include "video/video_frame_reader.h"

#include <QTemporaryDir>

using namespace dualx;

class TestPipelinePreview : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void previewIsTheNetworkOnTheWindowAroundTheFrame()
    {
        torch::manual_seed(5);
        model::DualXVSR net(presetConfig("tiny"));
        model::saveModelWeights(*net, path("tiny.safetensors"), "mse", {});
        QVERIFY(test::writeTestClip(path("clip.mkv"), 24, 16, 12));
        PreviewSettings s;
        s.modelPath = path("tiny.safetensors");
        s.tileLr = 64; // one tile: the single pass below is the exact reference
        s.windowFrames = 4;
        s.device = DevicePreference::Cpu;
        const auto r = previewFrame(path("clip.mkv"), 7, s);
        QCOMPARE(r.source.width, 24);
        QCOMPARE(r.restored.width, 96);
        QCOMPARE(r.restored.height, 64);

        const auto frames = video::readAllFrames(path("clip.mkv"));
        QCOMPARE(r.source.rgb, frames[7].rgb);
        // Window [5, 9): two frames before, the frame, one after.
        std::vector<torch::Tensor> window;
        for (int i = 5; i < 9; ++i)
            window.push_back(torch::from_blob(const_cast<uint8_t*>(frames[i].rgb.data()), {16, 24, 3}, torch::kUInt8)
                                 .permute({2, 0, 1})
                                 .to(torch::kFloat32)
                                 .div(255.0));
        auto loaded = model::loadModelWeights(path("tiny.safetensors"));
        loaded->eval();
        torch::InferenceMode guard;
        auto expected = loaded->forward(torch::stack(window).unsqueeze(0))[0][2]
                            .clamp(0, 1)
                            .mul(255.0)
                            .round()
                            .to(torch::kUInt8)
                            .permute({1, 2, 0})
                            .contiguous();
        QVERIFY(std::equal(r.restored.rgb.begin(), r.restored.rgb.end(), expected.data_ptr<uint8_t>()));
    }

    void badRequestsAreNamed()
    {
        PreviewSettings s;
        s.modelPath = path("tiny.safetensors");
        s.device = DevicePreference::Cpu;
        test::expectError([&] { previewFrame(path("clip.mkv"), 500, s); }, ErrorCode::InvalidArgument, "past the end");
        test::expectError([&] { previewFrame(path("missing.mkv"), 0, s); }, ErrorCode::FileNotFound, "missing.mkv");
        std::atomic<bool> cancel{true};
        test::expectError([&] { previewFrame(path("clip.mkv"), 3, s, &cancel); }, ErrorCode::Cancelled, "cancelled");
        s.modelPath = path("clip.mkv");
        test::expectError([&] { previewFrame(path("clip.mkv"), 0, s); }, ErrorCode::CorruptFile, "clip.mkv");
    }
};

QTEST_APPLESS_MAIN(TestPipelinePreview)
#include "test_pipeline_preview.moc"
