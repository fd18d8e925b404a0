#pragma once
// `dualx degrade`: writes a clip degraded exactly as the stage-2 training input is, so anyone can
// look at what the network learns to undo.
#include <cstdint>
#include <string>

namespace dualx {

struct DegradeReport {
    int64_t frames = 0;
    int lrWidth = 0, lrHeight = 0;
    std::string plan; // the sampled degradation parameters, one line
};

// Reads `input` (any video FFmpeg reads; cropped to sides divisible by 4), degrades it to a
// quarter of its size with a plan drawn from `seed`, writes `output` (container and codec from
// the extension: .mkv lossless FFV1, .mp4 H.264). maxFrames <= 0: the whole clip.
DegradeReport degradeVideoFile(const std::string& input, const std::string& output, uint64_t seed, int64_t maxFrames);

} // namespace dualx
