#pragma once
// Which decoded frames a job pushes through the model and which it writes: the frames of its
// time range (by timestamp) that are not yet in finished segments, plus the frames around them
// that make them the very bits of a run over the whole source (the window grid starts at the
// source's first frame; see StreamingUpscaler::replayStart and contextEnd). Trimmed jobs,
// resumed jobs and the parts of a split job all restore frames this way.
#include "engine/streaming_upscaler.h"

#include <cstddef>
#include <cstdint>
#include <limits>

namespace dualx::pipeline {

class FrameSelection {
public:
    enum class Verdict {
        Hold, // before the range: keep it, it may become context
        Push, // through the model (written if writes(index), else context) unless before pushFrom()
        Stop, // nothing after this frame is needed
    };

    // Frames with timestamps in [startSeconds, endSeconds); the first `framesDone` of them are
    // already written.
    FrameSelection(double startSeconds, double endSeconds, int64_t framesDone, const engine::TilingSettings& tiling);

    // For each decoded frame in order; `index` counts every decoded frame from 0.
    Verdict next(int64_t index, double seconds);

    // Valid once a frame got Push.
    int64_t pushFrom() const { return m_pushFrom; }
    bool writes(int64_t index) const { return index >= m_writeFrom && index < m_writeUntil; }
    // How many held frames can still become context once the range starts.
    size_t holdFrames() const;

private:
    static constexpr int64_t kNone = std::numeric_limits<int64_t>::max();
    double m_start, m_end;
    int64_t m_done;
    engine::TilingSettings m_tiling;
    int64_t m_first = -1, m_writeFrom = kNone, m_writeUntil = kNone, m_pushFrom = kNone, m_pushUntil = kNone;
};

} // namespace dualx::pipeline
