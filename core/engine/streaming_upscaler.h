#pragma once
// Streaming tiled spatio-temporal inference: LR frames go in one at a time, HR frames come out in
// order as soon as no later window can touch them. Memory is bounded by the window (T frames of
// LR input and T frames of HR accumulators), never by the video's length.
#include "dualx/device.h"
#include "dualx/engine_settings.h"
#include "engine/tiling.h"
#include "model/dualx_vsr.h"

#include <torch/types.h>

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dualx::engine {

struct TilingSettings {
    int tileLr = 112;                          // spatial tile side in LR pixels (paper: 112 MSE, 64 GAN)
    int tileOverlapLr = 16;                    // shared LR pixels between neighbouring tiles
    int windowFrames = kDefaultWindowFrames;   // temporal window T (paper: 16)
    int windowOverlap = kDefaultWindowOverlap; // shared frames between neighbouring windows
    int scale = 4;
    // Frames on each side that temporal fusion averages into each restored frame (0: off). The
    // upscaler does not fuse (FusedUpscaler, in dualx_core, does: OpenCV's optical flow); its
    // replayStart and contextEnd widen the context by this many frames for it.
    int fusionRadius = 0;
};

// The tile side when the user leaves it to us. On the CPU the paper's 112 LR px for MSE models
// and 64 for GAN models: larger tiles cost more per pixel there (longer attention sequences).
// On a GPU 512 px, whole frames up to 2048x2048 output: one pass per window is faster than many
// small tiles (H100, small, 320x180, the job's path: 8.2 against 11.8 ms per frame), a window
// that does not fit falls back to smaller tiles by itself, and the benchmark scores near-whole frames within
// 0.03 dB of 112-px tiles (MSE) and within 0.1 NIQE of 64-px tiles (GAN; docs/benchmarks.md).
inline constexpr int kGpuDefaultTileLr = 512;
int defaultTileLr(const std::string& variant, const DeviceChoice& device);

// Maps an LR window [T, 3, h, w] to its HR result [T, 3, scale*h, scale*w].
using WindowModel = std::function<torch::Tensor(const torch::Tensor&)>;

// The network as a WindowModel: each window on `device` (in its compute dtype), without
// gradients, the result clamped to [0, 1] as float32 and left on that device, so tiles, windows
// and ensemble copies are blended there and only finished frames cross to the CPU.
// A network with ModelConfig::neighbourInput needs `aligner`, which maps a clip [B, N, 3, h, w]
// to its aligned neighbours [B, N, 6, h, w] (dualx_core's is engine::alignedNeighbours).
using NeighbourAligner = std::function<torch::Tensor(const torch::Tensor&)>;
WindowModel networkWindowModel(model::DualXVSR net, const DeviceChoice& device, NeighbourAligner aligner = {});

// Runs `model` over overlapping spatial tiles of one window and blends them.
torch::Tensor upscaleWindowTiled(const WindowModel& model, const torch::Tensor& window, const TilingSettings& settings);

// The same, but when the device runs out of memory the tile is halved (down to a minimum) and
// the window tried again; `settings` keeps the tile that fitted, for the windows after it.
torch::Tensor upscaleWindowFitting(const WindowModel& model, const torch::Tensor& window, TilingSettings& settings);

class StreamingUpscaler {
public:
    // `firstFrame`: index of the first frame that will be pushed, for resuming mid-video. It must
    // be on the window grid (see replayStart); outputs then match an uninterrupted run exactly
    // from firstFrame + windowOverlap on, as if the earlier frames had gone through.
    StreamingUpscaler(WindowModel model, TilingSettings settings, int64_t firstFrame = 0);

    // Where to start pushing frames again so that every output from `framesDone` on is
    // bit-identical to an uninterrupted run: a window start at least one window before it.
    static int64_t replayStart(int64_t framesDone, const TilingSettings& settings);
    // How far to push frames (exclusive) so that every output before `endFrame` is bit-identical
    // to a run over a longer video: the end of the first grid window that completes them all.
    // Restoring a range of a video needs frames from replayStart(first) to contextEnd(end).
    static int64_t contextEnd(int64_t endFrame, const TilingSettings& settings);

    void push(const torch::Tensor& lrFrame); // [3, h, w], every frame the same size
    void finish();                           // no more input: flush the last window
    std::optional<torch::Tensor> pop();      // next HR frame [3, scale*h, scale*w], in order, on the model's device

    int64_t framesIn() const { return m_framesIn; }   // absolute: firstFrame + frames pushed
    int64_t framesOut() const { return m_framesOut; } // absolute index of the next output
    int64_t windowsRun() const { return m_windowsRun; }
    // The tile side in use: smaller than configured after a GPU ran out of memory.
    int tileLr() const { return m_settings.tileLr; }

private:
    void runWindow(int64_t start, int64_t count, bool isLast);

    WindowModel m_model;
    TilingSettings m_settings;
    std::deque<torch::Tensor> m_lr; // LR frames [m_lrFirst, m_framesIn)
    int64_t m_lrFirst = 0;
    std::deque<torch::Tensor> m_sum; // weighted HR sums for frames [m_framesOut, ...)
    std::deque<float> m_weight;
    std::deque<torch::Tensor> m_ready;
    int64_t m_firstFrame = 0;
    int64_t m_framesIn = 0, m_framesOut = 0, m_nextWindow = 0, m_windowsRun = 0, m_lastWindowEnd = 0;
    bool m_finished = false;
};

// Whole clip in memory (tests, benchmarks): [N, 3, h, w] -> [N, 3, scale*h, scale*w].
torch::Tensor upscaleClipTiled(const WindowModel& model, const torch::Tensor& clip, const TilingSettings& settings);
// Pushes every frame of `clip` [N, 3, h, w] through `stream` (push/finish/pop, as
// StreamingUpscaler), finishes it, and stacks the output on the CPU.
template <class Stream> torch::Tensor runClip(Stream& stream, const torch::Tensor& clip)
{
    std::vector<torch::Tensor> out;
    for (int64_t i = 0; i < clip.size(0); ++i) {
        stream.push(clip[i]);
        while (auto f = stream.pop()) out.push_back(f->to(torch::kCPU));
    }
    stream.finish();
    while (auto f = stream.pop()) out.push_back(f->to(torch::kCPU));
    return torch::stack(out);
}
inline torch::Tensor upscaleClip(StreamingUpscaler& upscaler, const torch::Tensor& clip) { return runClip(upscaler, clip); }

} // namespace dualx::engine
