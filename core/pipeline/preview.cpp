#include "dualx/preview.h"

#include "dualx/errors.h"
#include "dualx/weights.h"
#include "engine/self_ensemble.h"
#include "engine/streaming_upscaler.h"
#include "model/weights.h"
#include "video/video_frame_reader.h"

#include <algorithm>

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

} // namespace

PreviewResult previewFrame(const std::string& input, int64_t frameIndex, const PreviewSettings& settings, const std::atomic<bool>* cancel)
{
    auto cancelled = [&] { return cancel && cancel->load(); };
    checkEnsembleSize(settings.ensemble);
    const WeightFileInfo info = inspectWeightFile(settings.modelPath);
    auto net = model::loadModelWeights(settings.modelPath);
    net->setSourceCondition(settings.sourceCondition);
    const DeviceChoice device = selectDevice(settings.device);
    // Cancel is checked before every network pass, each copy of a self-ensemble included.
    const engine::WindowModel network = [pass = engine::networkWindowModel(net, device), &cancelled](const torch::Tensor& window) {
        if (cancelled()) throw Error(ErrorCode::Cancelled, "preview cancelled");
        return pass(window);
    };
    const engine::WindowModel modelFn = engine::selfEnsembleWindowModel(network, settings.ensemble);

    // The window the job would use is centred on the frame where the clip allows.
    const int64_t half = settings.windowFrames / 2;
    const int64_t first = std::max<int64_t>(0, frameIndex - half);
    video::ReaderOptions readerOptions;
    readerOptions.fixedSize = true; // frames are stacked into one window
    video::VideoFrameReader reader(input, readerOptions);
    std::vector<torch::Tensor> frames;
    video::RgbFrame f;
    PreviewResult result;
    for (int64_t i = 0; reader.read(f); ++i) {
        if (cancelled()) throw Error(ErrorCode::Cancelled, "preview cancelled");
        if (i < first) continue;
        if (i == frameIndex) result.source = RgbImage{f.width, f.height, f.rgb, f.timeSeconds};
        frames.push_back(toTensor(f));
        if (static_cast<int64_t>(frames.size()) >= settings.windowFrames && i >= frameIndex) break;
    }
    if (result.source.empty())
        throw Error(ErrorCode::InvalidArgument, "frame " + std::to_string(frameIndex) + " is past the end of '" + input + "'");
    const auto clip = torch::stack(frames);
    engine::TilingSettings tiling;
    tiling.tileLr = settings.tileLr > 0 ? settings.tileLr : engine::defaultTileLr(info.variant, device);
    tiling.tileOverlapLr = std::min(settings.tileOverlapLr, tiling.tileLr - 1);
    tiling.windowFrames = static_cast<int>(clip.size(0));
    tiling.windowOverlap = 0;
    const auto hr = engine::upscaleWindowFitting(modelFn, clip, tiling);
    result.restored = toImage(hr[frameIndex - first], result.source.timeSeconds);
    // Shown as a player would: upright.
    result.source = upright(std::move(result.source), reader.info().rotationDegrees);
    result.restored = upright(std::move(result.restored), reader.info().rotationDegrees);
    return result;
}

} // namespace dualx
