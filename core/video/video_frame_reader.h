#pragma once
// Sequential video decoding to packed RGB (8- or 16-bit), for training and the streaming
// pipeline. FFmpeg stays behind a pimpl; the pipeline's muxer, which needs the demuxer's streams
// and packets, gets them through opaque forward-declared pointers.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct AVFormatContext;
struct AVPacket;

namespace dualx::video {

struct VideoInfo {
    int width = 0;
    int height = 0;
    double fps = 0;             // average frame rate, 0 if unknown
    double durationSeconds = 0; // 0 if unknown
    // Where the file's timeline begins: MPEG program and transport streams (DVDs, camcorders,
    // broadcast captures) start at an arbitrary clock value; 0 if unknown or negative.
    double startSeconds = 0;
    int64_t frameCountEstimate = 0; // container's count, else duration * fps; 0 if unknown
    std::string codecName;          // e.g. "h264"
    std::string pixelFormatName;    // e.g. "yuv420p10le"; empty if unknown
    int bitsPerComponent = 8;       // of the source pixel format
    int videoStreamIndex = -1;
    int timeBaseNum = 0, timeBaseDen = 1;   // of the video stream (RgbFrame::pts units)
    int frameRateNum = 0, frameRateDen = 1; // guessed frame rate, 0/1 if unknown
    // Colour description (FFmpeg AVColorPrimaries / AVColorTransferCharacteristic / AVColorSpace
    // / AVColorRange values; 2 / 0 mean unspecified).
    int colorPrimaries = 2, colorTransfer = 2, colorMatrix = 2, colorRange = 0;
    // Pixel aspect (1:1 when unknown) and the display matrix players rotate by: 9 int32 in
    // FFmpeg's layout (AV_PKT_DATA_DISPLAYMATRIX), empty when there is none.
    int sarNum = 1, sarDen = 1;
    std::vector<uint8_t> displayMatrix;
    int rotationDegrees = 0;     // clockwise turn a player applies: 0, 90, 180 or 270
    bool displayFlipped = false; // the matrix also mirrors the picture
    // The stream's field order tag: "progressive", "tff", "bff", "tb", "bt", or "" if unknown.
    std::string fieldOrder;
};

struct ReaderOptions {
    bool sixteenBit = false;       // fill RgbFrame::rgb16 (RGB48) instead of rgb (RGB24)
    bool keepOtherStreams = false; // demux the other streams and hand their packets to the handler
    // Every frame comes out at the size of the first decoded one (later frames of another size
    // are rescaled to it), as an encoder needs. The first frame's size is the truth: decoders may
    // disagree with the container's header (a Theora file declaring 214x160 decodes to 218x160).
    bool fixedSize = false;
    // A libavfilter chain applied to the decoded frames before the RGB conversion, e.g.
    // "bwdif=mode=send_field:parity=auto:deint=all"; empty for none. VideoInfo's time base and
    // frame rate become the chain's output ones once the first frame has been read.
    std::string videoFilter;
};

// Receives ownership of every packet of a stream other than the decoded video stream (in
// demux order); free it with av_packet_free.
using PacketHandler = std::function<void(AVPacket*)>;

struct RgbFrame {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgb;    // width*height*3, packed RGB24, row-major
    std::vector<uint16_t> rgb16; // width*height*3, packed RGB48 (ReaderOptions::sixteenBit)
    int64_t pts = 0;             // best-effort timestamp in the stream's time base (INT64_MIN if none)
    double timeSeconds = 0;      // from the frame's best-effort timestamp (not rebased to 0)
    int64_t index = 0;           // 0-based decode order of output frames
    bool keyFrame = false;       // decodable on its own (where a seek can land cleanly)
};

// What could not be read in a damaged file (a truncated capture, corrupt packets): frames are
// skipped, the rest decode, and this says what was lost.
struct ReadDamage {
    int64_t packetsRejected = 0;                                // video packets the decoder could not decode (skipped)
    double firstRejectedSeconds = -1, lastRejectedSeconds = -1; // where (-1: unknown)
    std::string rejectReason;                                   // FFmpeg's words for the last rejection
    int64_t framesConcealed = 0;                                // frames the decoder output with damage patched over
    double firstConcealedSeconds = -1, lastConcealedSeconds = -1;
    bool endedEarly = false;   // the container could not be read to its end
    double endedAtSeconds = 0; // the last frame's time when it did
    std::string endReason;
    bool reachedEnd = false;     // the stream was read to its end (not stopped by the caller)
    double lastFrameSeconds = 0; // the time of the last frame read
    // "2 damaged video packets skipped (0:01.20-0:01.40: Invalid data ...); the file could not be
    // read past 0:04.00 (...)", empty if undamaged. A stream read to its end that stops well
    // before the `durationSeconds` its container declares counts as cut short.
    std::string describe(double durationSeconds) const;
};

class VideoFrameReader {
public:
    // Opens `path`, picks the best video stream and opens its decoder (auto thread count).
    // Throws dualx::Error: FileNotFound if the file does not exist; FileUnreadable if it is not
    // a media file, has no video stream or no decoder for it.
    explicit VideoFrameReader(const std::string& path, ReaderOptions options = {});
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

    // Repositions at the last keyframe at or before `pts` (the stream's time base, as
    // RgbFrame::pts): read() goes on from that keyframe. RgbFrame::index keeps counting the
    // frames output since opening, so after a seek it is no longer the frame's place in the
    // stream. Returns false, the position unchanged, where the container cannot seek.
    bool seekBefore(int64_t pts);

    // Damage met so far (complete once read() has returned false).
    const ReadDamage& damage() const;

    // A metadata value the video filter attached to the last frame read (e.g. idet's counts,
    // "lavfi.idet.multiple.tff"), empty if none.
    std::string lastFrameMetadata(const std::string& key) const;

    // With keepOtherStreams: where the other streams' packets go (dropped while unset).
    void setPacketHandler(PacketHandler handler);
    // The demuxer, for copying stream parameters, chapters and metadata to an output.
    const AVFormatContext* formatContext() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Decodes up to `maxFrames` frames (all when maxFrames <= 0).
std::vector<RgbFrame> readAllFrames(const std::string& path, int64_t maxFrames = 0);

} // namespace dualx::video
