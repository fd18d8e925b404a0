#pragma once
// Interlaced and telecined sources (DV, VHS captures, DVD, broadcast): how a file is scanned,
// found from its field-order tag and FFmpeg's idet filter on its first frames (tags are often
// missing or wrong), and how the job turns it into progressive frames before the network.
#include <cstdint>
#include <string>
#include <string_view>

namespace dualx {

enum class DeinterlaceMode {
    Auto,      // deinterlace what is interlaced (field rate), inverse-telecine what is telecined
    FieldRate, // always bwdif, one frame per field: 25i -> 50p, 29.97i -> 59.94p
    FrameRate, // always bwdif, one frame per frame: 25i -> 25p
    Off,
};

std::string_view deinterlaceModeName(DeinterlaceMode mode); // "auto", "field", "frame", "off"
// Throws InvalidArgument listing the names.
DeinterlaceMode parseDeinterlaceMode(const std::string& name);

enum class ScanType { Progressive, Interlaced, Telecined };

struct InterlaceAnalysis {
    std::string fieldOrderTag; // the stream's: "progressive", "tff", "bff", "tb", "bt" or ""
    int framesChecked = 0;
    // idet's multi-frame counts and repeated fields over the checked frames.
    int64_t tff = 0, bff = 0, progressive = 0, undetermined = 0, repeatedFields = 0;
    ScanType scan = ScanType::Progressive;
    bool topFieldFirst = true; // for Interlaced and Telecined
    double frameRate = 0;
    // "interlaced, top field first", "telecined (3:2 pulldown)", "progressive"
    std::string verdict() const;
    // The verdict with its evidence: "interlaced, top field first (tag tff; idet 48 TFF, 0 BFF, 2 progressive of 50 frames)"
    std::string describe() const;
};

// Decodes up to `frames` frames of `path` through idet. Throws like the frame reader.
InterlaceAnalysis analyseInterlacing(const std::string& path, int frames = 120);

// The libavfilter chain that `mode` applies to a source analysed as `analysis`; empty for none.
std::string deinterlaceFilter(DeinterlaceMode mode, const InterlaceAnalysis& analysis);

// What the engine does with `path` under `mode`: the filter chain (empty for none) and a line for
// the job's report ("scan: interlaced, top field first (...): bwdif=..."), empty when there is
// nothing to say (a progressive source). Analyses the file unless `mode` is Off.
struct DeinterlaceChoice {
    std::string filter;
    std::string note;
};
DeinterlaceChoice chooseDeinterlacing(const std::string& path, DeinterlaceMode mode);

} // namespace dualx
