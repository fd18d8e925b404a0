// Preview: the frame the user picked, restored from a window of frames around it, exactly as the
// network computes it on that window; bad input is named.
#include "dualx/interlacing.h"
#include "dualx/preview.h"
#include "media_fixtures.h"
#include "model/weights.h"
#include "test_support.h"
#include "video/video_frame_reader.h"

#include <QTemporaryDir>

using namespace dualx;

namespace {

torch::Tensor toTensor(const video::RgbFrame& f)
{
    return torch::from_blob(const_cast<uint8_t*>(f.rgb.data()), {f.height, f.width, 3}, torch::kUInt8)
        .permute({2, 0, 1})
        .to(torch::kFloat32)
        .div(255.0);
}

std::vector<video::RgbFrame> readFrames(const std::string& path, const video::ReaderOptions& options)
{
    video::VideoFrameReader reader(path, options);
    std::vector<video::RgbFrame> frames;
    for (video::RgbFrame f; reader.read(f);) frames.push_back(f);
    return frames;
}

// A network output [3, H, W] as the preview rounds it: [H, W, 3] bytes.
torch::Tensor toBytes(const torch::Tensor& chw)
{
    return chw.clamp(0, 1).mul(255.0).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
}

// The largest difference of one sample between `image` and an [H, W, 3] uint8 tensor.
int maxDifference(const RgbImage& image, const torch::Tensor& hwc)
{
    if (hwc.size(0) != image.height || hwc.size(1) != image.width) return 255;
    const auto got = torch::from_blob(const_cast<uint8_t*>(image.rgb.data()), {image.height, image.width, 3}, torch::kUInt8);
    return (got.to(torch::kInt32) - hwc.to(torch::kInt32)).abs().max().item<int>();
}

} // namespace

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
        EngineSettings s;
        s.model = path("tiny.safetensors");
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
        for (int i = 5; i < 9; ++i) window.push_back(toTensor(frames[i]));
        auto loaded = model::loadModelWeights(path("tiny.safetensors"));
        loaded->eval();
        torch::InferenceMode guard;
        auto expected = toBytes(loaded->forward(torch::stack(window).unsqueeze(0))[0][2]);
        QVERIFY(std::equal(r.restored.rgb.begin(), r.restored.rgb.end(), expected.data_ptr<uint8_t>()));
    }

    // An interlaced tape: the preview restores the frame the job makes (deinterlaced, here the
    // first field's at field rate) and shows the source as decoded beside it.
    void interlacedSourceIsPreviewedDeinterlacedAsTheJobDoes()
    {
        const std::string file = path("woven.mpg");
        QVERIFY(
            test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=50", "-vf", "interlace=scan=tff,setfield=tff", "-frames:v",
                             "12", "-c:v", "mpeg2video", "-q:v", "2", "-flags", "+ildct+ilme", "-top", "1", QString::fromStdString(file)}));
        const DeinterlaceChoice choice = chooseDeinterlacing(file, DeinterlaceMode::Auto);
        QVERIFY2(!choice.filter.empty(), choice.note.c_str());

        torch::manual_seed(6);
        model::DualXVSR net(presetConfig("tiny"));
        model::saveModelWeights(*net, path("tiny-i.safetensors"), "mse", {});
        net->eval();
        EngineSettings s;
        s.model = path("tiny-i.safetensors");
        s.tileLr = 64;
        s.windowFrames = 1; // the frame alone: the network on it is the exact reference
        s.device = DevicePreference::Cpu;
        auto restore = [&](const video::RgbFrame& f) {
            torch::InferenceMode guard;
            return toBytes(net->forward(toTensor(f).unsqueeze(0).unsqueeze(0))[0][0]);
        };
        const int frame = 5;
        const auto decoded = video::readAllFrames(file);
        video::ReaderOptions options;
        options.videoFilter = choice.filter;
        const auto progressive = readFrames(file, options);
        QCOMPARE(progressive.size(), 2 * decoded.size()); // one frame per field

        const auto r = previewFrame(file, frame, s);
        QCOMPARE(r.source.rgb, decoded[frame].rgb);
        const auto expected = restore(progressive[2 * frame]);
        QVERIFY(maxDifference(r.restored, expected) <= 1); // float rounding: the pass runs tiled

        s.deinterlace = DeinterlaceMode::Off; // as the job with deinterlacing off: the woven frame
        const auto woven = previewFrame(file, frame, s);
        QCOMPARE(woven.source.rgb, decoded[frame].rgb);
        const auto expectedWoven = restore(decoded[frame]);
        QVERIFY(maxDifference(woven.restored, expectedWoven) <= 1);
        QVERIFY(maxDifference(woven.restored, expected) > 1); // not the deinterlaced frame
    }

    void badRequestsAreNamed()
    {
        EngineSettings s;
        s.model = path("tiny.safetensors");
        s.device = DevicePreference::Cpu;
        test::expectError([&] { previewFrame(path("clip.mkv"), 500, s); }, ErrorCode::InvalidArgument, "past the end");
        test::expectError([&] { previewFrame(path("missing.mkv"), 0, s); }, ErrorCode::FileNotFound, "missing.mkv");
        std::atomic<bool> cancel{true};
        test::expectError([&] { previewFrame(path("clip.mkv"), 3, s, &cancel); }, ErrorCode::Cancelled, "cancelled");
        s.model = path("clip.mkv");
        test::expectError([&] { previewFrame(path("clip.mkv"), 0, s); }, ErrorCode::CorruptFile, "clip.mkv");
    }
};

QTEST_APPLESS_MAIN(TestPipelinePreview)
#include "test_pipeline_preview.moc"
