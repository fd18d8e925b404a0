#pragma once
// The restoration stream a job runs: the streaming tiled upscaler followed by temporal fusion
// when its settings ask for it (TilingSettings::fusionRadius). The same push/finish/pop as
// StreamingUpscaler, one output per input, in order; replayStart and contextEnd already count
// the fusion's context. Lives in dualx_core (the fusion needs OpenCV; the upscaler does not).
#include "engine/streaming_upscaler.h"
#include "engine/temporal_fusion.h"

#include <optional>

namespace dualx::engine {

class FusedUpscaler {
public:
    FusedUpscaler(WindowModel model, TilingSettings settings, int64_t firstFrame = 0);

    void push(const torch::Tensor& lrFrame); // [3, h, w]
    void finish();
    // Next HR frame [3, scale*h, scale*w], in order: on the model's device without fusion, on
    // the CPU with it.
    std::optional<torch::Tensor> pop();

    int tileLr() const { return m_upscaler.tileLr(); }
    int64_t windowsRun() const { return m_upscaler.windowsRun(); }

private:
    void forward(); // restored frames on to the fusion

    StreamingUpscaler m_upscaler;
    std::optional<TemporalFusion> m_fusion;
};

// Whole clip in memory (benchmarks, tests): [N, 3, h, w] -> [N, 3, scale*h, scale*w] on the CPU.
torch::Tensor restoreClip(const WindowModel& model, const torch::Tensor& clip, const TilingSettings& settings);

} // namespace dualx::engine
