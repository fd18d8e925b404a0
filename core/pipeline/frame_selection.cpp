#include "pipeline/frame_selection.h"

namespace dualx::pipeline {

FrameSelection::FrameSelection(double startSeconds, double endSeconds, int64_t framesDone, const engine::TilingSettings& tiling)
    : m_start(startSeconds),
      m_end(endSeconds),
      m_done(framesDone),
      m_tiling(tiling)
{
}

FrameSelection::Verdict FrameSelection::next(int64_t index, double seconds)
{
    if (m_first < 0) {
        if (seconds >= m_end) return Verdict::Stop; // the range holds no frame
        if (seconds < m_start - 1e-9) return Verdict::Hold;
        m_first = index;
        m_writeFrom = index + m_done;
        m_pushFrom = engine::StreamingUpscaler::replayStart(m_writeFrom, m_tiling);
    }
    if (m_writeUntil == kNone && seconds >= m_end) {
        m_writeUntil = index;
        m_pushUntil = engine::StreamingUpscaler::contextEnd(index, m_tiling);
    }
    return index < m_pushUntil ? Verdict::Push : Verdict::Stop;
}

size_t FrameSelection::holdFrames() const
{
    // replayStart() reaches back at most one window, one stride and the fusion radius before
    // the range's start.
    return static_cast<size_t>(2 * m_tiling.windowFrames - m_tiling.windowOverlap + m_tiling.fusionRadius);
}

} // namespace dualx::pipeline
