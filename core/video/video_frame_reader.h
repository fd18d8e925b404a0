#pragma once
// Sequential video decoding to packed RGB24, for training now and the streaming pipeline later.
// FFmpeg stays behind a pimpl so that nothing including this header sees libav* types.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dualx::video {

struct VideoInfo {
    int width = 0;
    int height = 0;
    double fps = 0; // average frame rate, 0 if unknown
    double durationSeconds = 0; // 0 if unknown
    int64_t frameCountEstimate = 0; // container's count, else duration * fps; 0 if unknown
    std::string codecName; // e.g. "h264"
    std::string pixelFormatName; // e.g. "yuv420p10le"; empty if unknown
};

struct RgbFrame {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgb; // width*height*3, packed RGB24, row-major
    double timeSeconds = 0; // from the frame's best-effort timestamp (not rebased to 0)
    int64_t index = 0; // 0-based decode order of output frames
};

class VideoFrameReader {
public:
    // Opens `path`, picks the best video stream and opens its decoder (auto thread count).
    // Throws dualx::Error: FileNotFound if the file does not exist; FileUnreadable if it is not
    // a media file, has no video stream or no decoder for it.
    explicit VideoFrameReader(const std::string& path);
    ~VideoFrameReader();
    VideoFrameReader(VideoFrameReader&&) noexcept;
    VideoFrameReader& operator=(VideoFrameReader&&) noexcept;
    VideoFrameReader(const VideoFrameReader&) = delete;
    VideoFrameReader& operator=(const VideoFrameReader&) = delete;

    // A moved-from reader has no state: calling anything but the destructor or assignment on it
    // is a bug.
    const VideoInfo& info() const;

    // Decodes the next frame into `frame` (full size, RGB24, honouring the source's matrix and
    // range; the frame's buffer is reused). Returns false once the decoder has been flushed and
    // has nothing left. Packets the decoder rejects as invalid data are skipped, and invalid data
    // in the container (a cut-off tail) ends the stream, as the ffmpeg CLI does; throws
    // dualx::Error(CorruptFile) if decoding or reading fails otherwise, or if the whole file
    // yields no frame at all (OutOfMemory if FFmpeg runs out of memory).
    bool read(RgbFrame& frame);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Decodes up to `maxFrames` frames (all when maxFrames <= 0).
std::vector<RgbFrame> readAllFrames(const std::string& path, int64_t maxFrames = 0);

} // namespace dualx::video
