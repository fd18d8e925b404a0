#pragma once
// Where a job's segments end. A lossy encoder starts afresh (with a keyframe and new rate
// control) at every segment, so a resumed job writes the bits of an uninterrupted one only when
// both cut at the same frames. The cuts therefore sit on a fixed grid of output frames that is
// chosen from the settings, the model and the picture size, never from how fast the work goes.
#include "dualx/device.h"

#include <cstdint>

namespace dualx::pipeline {

// Frames per segment: `segmentFrames` when it is set (> 0); otherwise about `segmentSeconds` of
// work estimated from the model's multiply-accumulates per frame (`macsPerFrame`, with the
// self-ensemble's copies) at a nominal rate for the device kind, within [kMinSegmentFrames,
// kMaxSegmentFrames].
int64_t segmentLengthFrames(int segmentFrames, double segmentSeconds, double macsPerFrame, DeviceKind kind);

inline constexpr int64_t kMinSegmentFrames = 8;    // fewer would mean a keyframe every few frames
inline constexpr int64_t kMaxSegmentFrames = 1800; // a minute of 30 fps video

// True when the segment that holds output frame `framesWritten - 1` ends there.
constexpr bool segmentEndsAfter(int64_t framesWritten, int64_t lengthFrames)
{
    return lengthFrames > 0 && framesWritten % lengthFrames == 0;
}

} // namespace dualx::pipeline
