#pragma once
// Encodes packed RGB24 frames into a video file: degraded clips for inspection, test media, and
// later the streaming pipeline's output. FFmpeg stays behind a pimpl so that nothing including
// this header sees libav* types.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dualx::video {

struct VideoWriterSettings {
    // Frame size; must be > 0. Odd sizes work with formats that do not subsample chroma (4:4:4,
    // RGB); with 4:2:0 or 4:2:2 the subsampled direction must be even.
    int width = 0;
    int height = 0;
    // Constant frame rate fpsNum/fpsDen (frames get pts 0, 1, 2, ... in the time base 1/fps).
    int fpsNum = 25;
    int fpsDen = 1;
    // FFmpeg encoder name ("libx264", "ffv1", "png", "mpeg4", ...). "auto" picks from the file
    // extension: .mkv -> ffv1 (lossless), .mp4/.mov -> libx264 crf 12, .avi -> mpeg4 q 2, any
    // other extension -> the container's default video encoder.
    std::string codec = "auto";
    // FFmpeg pixel format name ("yuv420p", "yuv444p", "rgb24", "bgr0", ...). "auto": the encoder's
    // closest match to RGB24 (for libx264 that is yuv444p, which some players cannot play).
    std::string pixelFormat = "auto";
    // Constant rate factor when >= 0, for encoders that have one (libx264, libx265, libvpx).
    int crf = -1;
    // Target bits per second when > 0.
    int64_t bitRate = 0;
};

class VideoFileWriter {
public:
    // Creates the container (format guessed from the extension of `path`) and the encoder. Data
    // goes to path + ".partial", renamed to `path` by finish(), so a crashed or failed write never
    // leaves a half file at `path`. Colour tags: BT.709 from 1280 wide or 720 high up, BT.601
    // (SMPTE 170M) below, limited range for YUV; the RGB->YUV conversion uses the same matrix.
    // Throws dualx::Error: InvalidArgument for bad settings, an unknown extension, codec or pixel
    // format (naming it); FileUnwritable if the file cannot be created (with the reason).
    VideoFileWriter(const std::string& path, const VideoWriterSettings& settings);
    // Without a successful finish(): closes and deletes the .partial file.
    ~VideoFileWriter();
    VideoFileWriter(VideoFileWriter&&) noexcept;
    VideoFileWriter& operator=(VideoFileWriter&&) noexcept;
    VideoFileWriter(const VideoFileWriter&) = delete;
    VideoFileWriter& operator=(const VideoFileWriter&) = delete;

    // A moved-from writer has no state: calling anything but the destructor or assignment on it
    // is a bug.

    // `rgb`: packed RGB24, width*height*3 bytes, row-major. Throws dualx::Error: InvalidArgument on
    // a wrong size; FileUnwritable when encoding or writing fails (a full disk is named as such),
    // after which the writer is unusable and the destructor removes the .partial file.
    void write(const uint8_t* rgb, size_t bytes);
    void write(const std::vector<uint8_t>& rgb) { write(rgb.data(), rgb.size()); }

    // Flushes the encoder, writes the trailer, closes the file and renames it to its final path.
    // Calling it again after success does nothing. Throws dualx::Error(FileUnwritable) on failure.
    void finish();

    int64_t framesWritten() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace dualx::video
