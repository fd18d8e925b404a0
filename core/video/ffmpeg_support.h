#pragma once
// Internal to the core: the FFmpeg ownership and error-text helpers that the reader, the writers
// and the training-side codec round trip share, so each frees and words things the same way.
// Header-only because every piece is a one-liner the compiler should see at the call site.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/mem.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace dualx::video {

// An input context also owns its AVIOContext; avformat_close_input closes both.
struct InputFormatContextDeleter {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
// An output context's AVIOContext is ours to close (avformat_free_context leaves it open).
struct OutputFormatContextDeleter {
    void operator()(AVFormatContext* context) const
    {
        if (context->pb && !(context->oformat->flags & AVFMT_NOFILE)) avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
struct CodecContextDeleter {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct FrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct PacketDeleter {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct SwsContextDeleter {
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};
// For buffers from av_malloc, which must not go to free() or delete.
struct AvBufferDeleter {
    void operator()(uint8_t* data) const { av_free(data); }
};

using InputFormatContextPtr = std::unique_ptr<AVFormatContext, InputFormatContextDeleter>;
using OutputFormatContextPtr = std::unique_ptr<AVFormatContext, OutputFormatContextDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsContextPtr = std::unique_ptr<SwsContext, SwsContextDeleter>;
using AvBufferPtr = std::unique_ptr<uint8_t, AvBufferDeleter>;

// A colour tag as FFmpeg's structs hold it. A demuxer may store whatever number a file declares
// (found by fuzzing: primaries 204), which is no value of the enum: read the bits as an int and
// keep only values FFmpeg has a name for, else `unspecified`.
template <typename Enum> int knownColourTag(const Enum& field, int count, const char* (*name)(Enum), int unspecified)
{
    static_assert(sizeof(Enum) == sizeof(int));
    int raw = 0;
    std::memcpy(&raw, &field, sizeof raw);
    return raw >= 0 && raw < count && name(static_cast<Enum>(raw)) ? raw : unspecified;
}

// FFmpeg's own wording for an AVERROR code, for the tail of an Error message.
inline std::string ffmpegErrorText(int errnum)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(errnum, buffer, sizeof(buffer));
    return buffer;
}

// Maps a matrix tag to a swscale coefficient table index. AVCOL_SPC_* and SWS_CS_* share
// numbering; anything swscale has no table for (unspecified, RGB, YCgCo, ICtCp, ...) falls back
// to BT.601 (the reader resolves untagged streams with untaggedMatrixFor first).
inline int swscaleColorspace(AVColorSpace colorspace)
{
    switch (colorspace) {
    case AVCOL_SPC_BT709:
    case AVCOL_SPC_FCC:
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
    case AVCOL_SPC_SMPTE240M:
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL: return static_cast<int>(colorspace);
    default: return SWS_CS_DEFAULT;
    }
}

// The matrix players (mpv, VLC, browsers) assume for a stream without colour tags, by its
// coded size: BT.709 from 1280 wide or 720 high up, BT.601 below. Decoding an untagged HD source
// any other way would give colours that differ from what the user sees in a player.
inline bool isHdBySize(int width, int height) { return width >= 1280 || height >= 720; }
inline AVColorSpace untaggedMatrixFor(int width, int height) { return isHdBySize(width, height) ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M; }

// A stream's display matrix (9 int32, AV_PKT_DATA_DISPLAYMATRIX), empty if it has none. FFmpeg
// moved stream side data into the codec parameters in libavcodec 60.31 (FFmpeg 6.1).
inline std::vector<uint8_t> streamDisplayMatrix(const AVStream& stream)
{
    const uint8_t* data = nullptr;
    size_t size = 0;
#if LIBAVCODEC_VERSION_INT >= AV_VERSION_INT(60, 31, 102)
    if (const AVPacketSideData* sd
        = av_packet_side_data_get(stream.codecpar->coded_side_data, stream.codecpar->nb_coded_side_data, AV_PKT_DATA_DISPLAYMATRIX)) {
        data = sd->data;
        size = sd->size;
    }
#else
    data = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
#endif
    if (!data || size < 9 * sizeof(int32_t)) return {};
    return std::vector<uint8_t>(data, data + 9 * sizeof(int32_t));
}

// Gives an output stream a display matrix; false if FFmpeg could not allocate it.
inline bool setStreamDisplayMatrix(AVStream& stream, const std::vector<uint8_t>& matrix)
{
#if LIBAVCODEC_VERSION_INT >= AV_VERSION_INT(60, 31, 102)
    AVPacketSideData* sd = av_packet_side_data_new(&stream.codecpar->coded_side_data, &stream.codecpar->nb_coded_side_data,
                                                   AV_PKT_DATA_DISPLAYMATRIX, matrix.size(), 0);
    uint8_t* data = sd ? sd->data : nullptr;
#else
    uint8_t* data = av_stream_new_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, matrix.size());
#endif
    if (!data) return false;
    std::memcpy(data, matrix.data(), matrix.size());
    return true;
}

} // namespace dualx::video
