#include "pipeline/segment_grid.h"

#include <algorithm>
#include <cmath>

namespace dualx::pipeline {

namespace {

// Nominal rates in multiply-accumulates per second, tiling overlap included. CPU: the `small`
// model restores 320x180 input (25.7 G MACs per frame, `dualx model-info`) at 1.43 s per frame
// through `dualx upscale` on this project's 2-core reference machine. CUDA: a conservative
// fifty times that, so that a fast card gets longer segments (fewer keyframes), not a slow card
// shorter ones.
constexpr double kCpuMacsPerSecond = 18e9;
constexpr double kCudaMacsPerSecond = 50 * kCpuMacsPerSecond;

} // namespace

int64_t segmentLengthFrames(int segmentFrames, double segmentSeconds, double macsPerFrame, DeviceKind kind)
{
    if (segmentFrames > 0) return segmentFrames;
    const double rate = kind == DeviceKind::Cuda ? kCudaMacsPerSecond : kCpuMacsPerSecond;
    const double frames = macsPerFrame > 0 ? segmentSeconds * rate / macsPerFrame : static_cast<double>(kMaxSegmentFrames);
    const double bounded = std::clamp(frames, static_cast<double>(kMinSegmentFrames), static_cast<double>(kMaxSegmentFrames));
    return std::llround(bounded);
}

} // namespace dualx::pipeline
