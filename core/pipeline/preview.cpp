#include "dualx/preview.h"

#include "dualx/errors.h"
#include "engine/neighbour_alignment.h"
#include "engine/self_ensemble.h"
#include "engine/streaming_upscaler.h"
#include "engine/temporal_fusion.h"
#include "pipeline/engine_setup.h"
#include "video/video_frame_reader.h"

#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>

namespace dualx {

namespace {

torch::Tensor toTensor(const video::RgbFrame& f)
{
    return torch::from_blob(const_cast<uint8_t*>(f.rgb.data()), {f.height, f.width, 3}, torch::kUInt8)
        .permute({2, 0, 1})
        .to(torch::kFloat32)
        .div(255.0);
}

RgbImage toImage(const torch::Tensor& chw, double timeSeconds)
{
    auto hwc = chw.clamp(0, 1).mul(255.0).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous().to(torch::kCPU);
    RgbImage img;
    img.height = static_cast<int>(hwc.size(0));
    img.width = static_cast<int>(hwc.size(1));
    img.rgb.assign(hwc.data_ptr<uint8_t>(), hwc.data_ptr<uint8_t>() + hwc.numel());
    img.timeSeconds = timeSeconds;
    return img;
}

RgbImage toImage(const video::RgbFrame& f) { return RgbImage{f.width, f.height, f.rgb, f.timeSeconds}; }

// The frames around the first one `isTarget` accepts: up to half a window before it, the rest
// after (fewer where the clip ends). The job's window is centred the same way where it can be.
struct Window {
    std::vector<torch::Tensor> frames;
    size_t target = 0;
    video::RgbFrame targetFrame;
};

// Empty when no frame is the target.
Window readWindow(video::VideoFrameReader& reader, int windowFrames, const std::function<bool(const video::RgbFrame&)>& isTarget,
                  const std::function<void()>& checkCancelled)
{
    const size_t before = static_cast<size_t>(windowFrames / 2), size = static_cast<size_t>(windowFrames);
    std::deque<torch::Tensor> frames;
    bool found = false;
    Window w;
    video::RgbFrame f;
    while ((!found || frames.size() < size) && reader.read(f)) {
        checkCancelled();
        if (!found && isTarget(f)) {
            found = true;
            w.target = frames.size();
            w.targetFrame = f;
        }
        frames.push_back(toTensor(f));
        if (!found && frames.size() > before) frames.pop_front();
    }
    if (found) w.frames.assign(frames.begin(), frames.end());
    return w;
}

// The interlacing analysis decodes up to 120 frames, and previews are asked for again and again
// on one file (every picked frame, in a quick and a full pass): the last answer is kept while the
// file is unchanged.
DeinterlaceChoice deinterlacingFor(const std::string& input, DeinterlaceMode mode)
{
    if (mode == DeinterlaceMode::Off) return {};
    struct Key {
        std::string path;
        DeinterlaceMode mode;
        std::uintmax_t size;
        std::filesystem::file_time_type modified;
        bool operator==(const Key&) const = default;
    };
    static std::mutex mutex;
    static std::optional<std::pair<Key, DeinterlaceChoice>> last;
    std::error_code ec;
    const Key key{input, mode, std::filesystem::file_size(input, ec), std::filesystem::last_write_time(input, ec)};
    {
        std::lock_guard lock(mutex);
        if (last && last->first == key) return last->second;
    }
    DeinterlaceChoice choice = chooseDeinterlacing(input, mode);
    std::lock_guard lock(mutex);
    last.emplace(key, choice);
    return choice;
}

} // namespace

PreviewResult previewFrame(const std::string& input, int64_t frameIndex, const EngineSettings& jobSettings, const std::atomic<bool>* cancel)
{
    EngineSettings settings = jobSettings;
    settings.windowOverlap = 0; // one window
    const auto checkCancelled = [cancel] {
        if (cancel && cancel->load()) throw Error(ErrorCode::Cancelled, "preview cancelled");
    };
    const pipeline::PreparedEngine prepared = pipeline::prepareEngine(settings);
    // Cancel is checked before every network pass, each copy of a self-ensemble included.
    const engine::WindowModel network = [pass = engine::networkWindowModel(prepared.net, prepared.device, engine::alignedNeighbours),
                                         &checkCancelled](const torch::Tensor& window) {
        checkCancelled();
        return pass(window);
    };
    const engine::WindowModel modelFn = engine::selfEnsembleWindowModel(network, settings.ensemble);
    const auto pastTheEnd
        = [&] { return Error(ErrorCode::InvalidArgument, "frame " + std::to_string(frameIndex) + " is past the end of '" + input + "'"); };

    video::ReaderOptions readerOptions;
    readerOptions.fixedSize = true; // frames are stacked into one window
    const DeinterlaceChoice deinterlacing = deinterlacingFor(input, settings.deinterlace);
    PreviewResult result;
    Window window;
    int rotation = 0;
    if (deinterlacing.filter.empty()) {
        video::VideoFrameReader reader(input, readerOptions);
        rotation = reader.info().rotationDegrees;
        window = readWindow(
            reader, settings.windowFrames, [&](const video::RgbFrame& f) { return f.index == frameIndex; }, checkCancelled);
        if (window.frames.empty()) throw pastTheEnd();
        result.source = toImage(window.targetFrame);
    } else {
        // The source frame as decoded; then, from the stream the job restores, the frame made
        // at its time (the first field's, at field rate).
        video::VideoFrameReader decoded(input, readerOptions);
        rotation = decoded.info().rotationDegrees;
        video::RgbFrame f;
        while (result.source.empty() && decoded.read(f)) {
            checkCancelled();
            if (f.index == frameIndex) result.source = toImage(f);
        }
        if (result.source.empty()) throw pastTheEnd();
        readerOptions.videoFilter = deinterlacing.filter;
        video::VideoFrameReader reader(input, readerOptions);
        const double time = result.source.timeSeconds - 1e-6;
        window = readWindow(
            reader, settings.windowFrames, [&](const video::RgbFrame& g) { return g.timeSeconds >= time; }, checkCancelled);
        if (window.frames.empty()) throw pastTheEnd();
    }
    const auto clip = torch::stack(window.frames);
    engine::TilingSettings tiling = prepared.tiling;
    tiling.windowFrames = static_cast<int>(clip.size(0));
    const auto hr = engine::upscaleWindowFitting(modelFn, clip, tiling);
    const auto target = static_cast<int64_t>(window.target);
    // As the job fuses it, from the neighbours this window holds.
    const auto restored = tiling.fusionRadius > 0 ? engine::fuseOneFrame(hr, target, tiling.fusionRadius) : hr[target];
    result.restored = toImage(restored, window.targetFrame.timeSeconds);
    // Shown as a player would: upright.
    result.source = upright(std::move(result.source), rotation);
    result.restored = upright(std::move(result.restored), rotation);
    return result;
}

} // namespace dualx
