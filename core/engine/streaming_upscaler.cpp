#include "engine/streaming_upscaler.h"

#include "engine/torch_device.h"

#include "dualx/errors.h"

#include <c10/util/Exception.h>

#include <limits>

namespace dualx::engine {

namespace {

constexpr int kMinTileLr = 16;

bool isOutOfMemory(const c10::Error& e)
{
    // c10::OutOfMemoryError is not in every LibTorch version; its message is.
    return std::string(e.what()).find("out of memory") != std::string::npos;
}

void validate(const TilingSettings& s)
{
    if (s.tileLr < 1 || s.tileOverlapLr < 0 || s.windowFrames < 1 || s.windowOverlap < 0 || s.scale < 1)
        throw Error(ErrorCode::InvalidArgument, "tiling: sizes must be positive and overlaps non-negative");
    if (s.windowOverlap >= s.windowFrames)
        throw Error(ErrorCode::InvalidArgument, "frame overlap " + std::to_string(s.windowOverlap) + " must be smaller than the window of "
                                                    + std::to_string(s.windowFrames));
    if (!isFusionRadius(s.fusionRadius))
        throw Error(ErrorCode::InvalidArgument, "the temporal fusion radius " + std::to_string(s.fusionRadius) + " must be in [0, "
                                                    + std::to_string(kMaxFusionRadius) + "]");
    if (s.tileOverlapLr >= s.tileLr)
        throw Error(ErrorCode::InvalidArgument,
                    "tile overlap " + std::to_string(s.tileOverlapLr) + " must be smaller than the tile of " + std::to_string(s.tileLr));
}

} // namespace

torch::Tensor upscaleWindowTiled(const WindowModel& model, const torch::Tensor& window, const TilingSettings& settings)
{
    validate(settings);
    const int64_t t = window.size(0), h = window.size(2), w = window.size(3), s = settings.scale;
    const TileGrid grid = tileGrid(h, w, settings.tileLr, settings.tileOverlapLr);
    const int64_t tileH = grid.tileHeight, tileW = grid.tileWidth;
    if (grid.count() == 1) return model(window);

    torch::Tensor out, weightSum;
    for (int64_t y0 : grid.ys)
        for (int64_t x0 : grid.xs) {
            auto tile = model(window.narrow(2, y0, tileH).narrow(3, x0, tileW));
            if (!out.defined()) {
                out = torch::zeros({t, tile.size(1), h * s, w * s}, tile.options());
                weightSum = torch::zeros({1, 1, h * s, w * s}, tile.options());
            }
            const auto wy = segmentWeights(y0 * s, tileH * s, h * s, settings.tileOverlapLr * s);
            const auto wx = segmentWeights(x0 * s, tileW * s, w * s, settings.tileOverlapLr * s);
            const auto weight = (wy.unsqueeze(1) * wx.unsqueeze(0)).to(tile.options()).view({1, 1, tileH * s, tileW * s});
            out.narrow(2, y0 * s, tileH * s).narrow(3, x0 * s, tileW * s).add_(tile * weight);
            weightSum.narrow(2, y0 * s, tileH * s).narrow(3, x0 * s, tileW * s).add_(weight);
        }
    return out / weightSum;
}

torch::Tensor upscaleWindowFitting(const WindowModel& model, const torch::Tensor& window, TilingSettings& settings)
{
    while (true) {
        try {
            return upscaleWindowTiled(model, window, settings);
        } catch (const c10::Error& e) {
            // On a GPU that runs out of memory, smaller tiles usually fit.
            if (!isOutOfMemory(e) || settings.tileLr <= kMinTileLr) throw;
            settings.tileLr = std::max(kMinTileLr, settings.tileLr / 2);
            settings.tileOverlapLr = std::min(settings.tileOverlapLr, settings.tileLr / 4);
        }
    }
}

StreamingUpscaler::StreamingUpscaler(WindowModel model, TilingSettings settings, int64_t firstFrame)
    : m_model(std::move(model)),
      m_settings(settings)
{
    validate(m_settings);
    const int64_t stride = m_settings.windowFrames - m_settings.windowOverlap;
    if (firstFrame < 0 || firstFrame % stride != 0)
        throw Error(ErrorCode::InvalidArgument, "the first frame of a resumed stream must be on the window grid");
    m_firstFrame = m_lrFirst = m_framesIn = m_framesOut = m_nextWindow = m_lastWindowEnd = firstFrame;
}

int64_t StreamingUpscaler::replayStart(int64_t framesDone, const TilingSettings& settings)
{
    // Starting a whole window early also covers the clip's last, end-aligned window, which
    // may begin up to T frames before the clip's end (and framesDone < end). Temporal fusion
    // needs the restored frames `fusionRadius` before the first one to write as well.
    const int64_t stride = settings.windowFrames - settings.windowOverlap;
    const int64_t earliest = std::max<int64_t>(0, framesDone - settings.fusionRadius - settings.windowFrames);
    return earliest / stride * stride;
}

int64_t StreamingUpscaler::contextEnd(int64_t endFrame, const TilingSettings& settings)
{
    // A window at g completes the frames before g + stride (its successor covers the rest), and
    // a window that is not the clip's last has the same weights in both runs. Temporal fusion
    // needs the restored frames `fusionRadius` after the last one to write as well.
    endFrame += settings.fusionRadius;
    const int64_t stride = settings.windowFrames - settings.windowOverlap;
    const int64_t lastStart = std::max<int64_t>(0, (endFrame + stride - 1) / stride - 1) * stride;
    return lastStart + settings.windowFrames;
}

void StreamingUpscaler::push(const torch::Tensor& lrFrame)
{
    if (m_finished) throw Error(ErrorCode::InvalidArgument, "frame pushed after finish()");
    if (lrFrame.dim() != 3) throw Error(ErrorCode::InvalidArgument, "frames must be [3, H, W]");
    if (!m_lr.empty() && lrFrame.sizes() != m_lr.back().sizes()) throw Error(ErrorCode::InvalidArgument, "frame size changed mid-stream");
    m_lr.push_back(lrFrame);
    ++m_framesIn;
    const int64_t t = m_settings.windowFrames;
    while (m_nextWindow + t <= m_framesIn) {
        runWindow(m_nextWindow, t, false);
        m_nextWindow += t - m_settings.windowOverlap;
    }
}

void StreamingUpscaler::finish()
{
    if (m_finished) return;
    m_finished = true;
    if (m_framesOut == m_framesIn) return;
    // Frames past the last full window: one more window, aligned to the end of the clip.
    const int64_t count = std::min<int64_t>(m_settings.windowFrames, m_framesIn - m_firstFrame);
    const int64_t start = m_framesIn - count;
    if (m_windowsRun > 0 && start + count == m_lastWindowEnd) {
        // The last window already ended here: its frames only waited for a successor.
        while (m_framesOut < m_framesIn) {
            m_ready.push_back(m_sum.front() / m_weight.front());
            m_sum.pop_front();
            m_weight.pop_front();
            ++m_framesOut;
        }
        return;
    }
    runWindow(start, count, true);
}

std::optional<torch::Tensor> StreamingUpscaler::pop()
{
    if (m_ready.empty()) return std::nullopt;
    auto frame = m_ready.front();
    m_ready.pop_front();
    return frame;
}

void StreamingUpscaler::runWindow(int64_t start, int64_t count, bool isLast)
{
    std::vector<torch::Tensor> frames;
    for (int64_t f = start; f < start + count; ++f) frames.push_back(m_lr.at(static_cast<size_t>(f - m_lrFirst)));
    const auto hr = upscaleWindowFitting(m_model, torch::stack(frames), m_settings);
    ++m_windowsRun;
    m_lastWindowEnd = start + count;

    const int64_t length = isLast ? start + count : std::numeric_limits<int64_t>::max();
    const auto weights = segmentWeights(start, count, length, m_settings.windowOverlap);
    for (int64_t i = 0; i < count; ++i) {
        const int64_t f = start + i;
        if (f < m_framesOut) continue; // already complete and delivered
        const auto j = static_cast<size_t>(f - m_framesOut);
        while (m_sum.size() <= j) {
            m_sum.push_back(torch::zeros_like(hr[0]));
            m_weight.push_back(0.0f);
        }
        const float w = weights[i].item<float>();
        m_sum[j].add_(hr[i], w);
        m_weight[j] += w;
    }
    const int64_t complete = isLast ? start + count : start + count - m_settings.windowOverlap;
    while (m_framesOut < complete) {
        m_ready.push_back(m_sum.front() / m_weight.front());
        m_sum.pop_front();
        m_weight.pop_front();
        ++m_framesOut;
    }
    while (static_cast<int64_t>(m_lr.size()) > m_settings.windowFrames) {
        m_lr.pop_front();
        ++m_lrFirst;
    }
}

int defaultTileLr(const std::string& variant, const DeviceChoice& device)
{
    if (device.kind == DeviceKind::Cuda) return kGpuDefaultTileLr;
    return variant == "gan" ? 64 : 112;
}

WindowModel networkWindowModel(model::DualXVSR net, const DeviceChoice& device, NeighbourAligner aligner)
{
    const auto torchDev = torchDevice(device);
    const auto dtype = computeDtype(device);
    // The network must sit where its input goes; moving it again costs nothing.
    net->to(torchDev, dtype);
    net->eval();
    if (net->config().neighbourInput && !aligner)
        throw Error(ErrorCode::InvalidArgument, "this network takes aligned neighbours, and no aligner was given");
    return [net, torchDev, dtype, aligner = std::move(aligner)](const torch::Tensor& window) mutable {
        torch::InferenceMode guard;
        const auto clip = window.to(torchDev, dtype).unsqueeze(0);
        const auto neighbours = net->config().neighbourInput ? aligner(clip) : torch::Tensor();
        return net->forward(clip, {}, neighbours)[0].to(torch::kFloat32).clamp_(0, 1);
    };
}

torch::Tensor upscaleClipTiled(const WindowModel& model, const torch::Tensor& clip, const TilingSettings& settings)
{
    StreamingUpscaler upscaler(model, settings);
    return upscaleClip(upscaler, clip);
}

} // namespace dualx::engine
