#pragma once
// What a media file holds, and frames from it, for front ends (the desktop app's queue rows,
// thumbnails and compare viewer) without FFmpeg types in their code.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dualx {

struct MediaSummary {
    int width = 0, height = 0;
    double fps = 0, durationSeconds = 0;
    int64_t frameCountEstimate = 0;
    std::string videoCodec, pixelFormat;
    std::vector<std::string> audioCodecs;
    int subtitleStreams = 0;
    std::string describe() const; // "640x360, 25 fps, 0:42, h264 yuv420p; audio aac; 1 subtitle"
};

struct RgbImage {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb; // packed RGB24
    double timeSeconds = 0;
    bool empty() const { return rgb.empty(); }
};

// Throws FileNotFound / FileUnreadable (not a video) naming the file.
MediaSummary probeMedia(const std::string& path);

// Frames by index: decoded in order, and found again by seeking once seen.
class FrameGrabber {
public:
    explicit FrameGrabber(const std::string& path); // throws as probeMedia
    ~FrameGrabber();
    const MediaSummary& summary() const;
    // Empty past the end. Frames seen before are reached again by seeking to the nearest
    // keyframe, so stepping back through a long video does not decode it from the start.
    RgbImage frame(int64_t index);
    int64_t framesDecoded() const; // decoding work so far (for diagnostics and tests)

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace dualx
