#pragma once
// What a media file holds, and frames from it, for front ends (the desktop app's queue rows,
// thumbnails and compare viewer) without FFmpeg types in their code.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dualx {

struct MediaSummary {
    int width = 0, height = 0; // of the decoded frames (the container's header can differ)
    double fps = 0, durationSeconds = 0;
    int64_t frameCountEstimate = 0;
    std::string videoCodec, pixelFormat;
    std::vector<std::string> audioCodecs;
    int subtitleStreams = 0;
    int sarNum = 1, sarDen = 1; // pixel aspect
    int rotationDegrees = 0;    // clockwise turn players apply (0, 90, 180, 270)
    // Width:height as shown: pixel aspect and rotation applied ("4:3" for NTSC DV 720x480 8:9).
    double displayAspect() const;
    std::string displayAspectText() const; // "4:3", "16:9", else "1.85:1"
    // "640x360, 25 fps, 0:42, h264 yuv420p; display 16:9, rotated 90; audio aac; 1 subtitle"
    std::string describe() const;
};

struct RgbImage {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb; // packed RGB24
    double timeSeconds = 0;
    bool empty() const { return rgb.empty(); }
};

// `image` turned clockwise by 0, 90, 180 or 270 degrees: how a player shows a rotated source.
RgbImage upright(RgbImage image, int clockwiseDegrees);

// Throws FileNotFound / FileUnreadable (not a video) naming the file.
MediaSummary probeMedia(const std::string& path);

// Frames by index: decoded in order, and found again by seeking once seen.
class FrameGrabber {
public:
    explicit FrameGrabber(const std::string& path); // throws as probeMedia
    ~FrameGrabber();
    const MediaSummary& summary() const;
    // Upright (the source's rotation applied; pixel aspect is the caller's to show, see
    // MediaSummary::displayAspect). Empty past the end. Frames seen before are reached again by seeking to the nearest
    // keyframe, so stepping back through a long video does not decode it from the start.
    RgbImage frame(int64_t index);
    int64_t framesDecoded() const; // decoding work so far (for diagnostics and tests)

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace dualx
