// FFmpeg demux -> decode -> swscale, one output frame per read() call, using the send/receive
// decoding API so that frame-threaded decoders (which hold several packets) are drained properly.
#include "video/video_frame_reader.h"

#include "dualx/errors.h"
#include "video/ffmpeg_support.h"
#include "video/frame_filter.h"
#include "video/media_logging.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <system_error>

namespace dualx::video {

namespace {

// swscale warns about (and slows down on) destinations whose address or stride is not a
// multiple of 16; the staging buffer gets more so that wider SIMD stores stay inside it too.
constexpr size_t kDirectAlignment = 16;
// The largest side of a decoded frame the engine takes (8K is 7680 or 8192 wide). A damaged
// stream can decode to 7349x13699 behind a container that says 32x24 (found by fuzzing): such a
// frame would cost gigabytes to convert, so it is refused as corrupt.
constexpr int kMaxFrameSide = 8192;
constexpr size_t kStagingAlignment = 64;

bool validRational(AVRational value) { return value.num > 0 && value.den > 0; }

// FFmpeg's own words for why opening failed where it logged them ("moov atom not found"), which
// say more than the error code's generic text; the code's text otherwise.
std::string mediaErrorText(int error)
{
    const std::string logged = lastMediaLibraryError();
    return logged.empty() ? ffmpegErrorText(error) : logged;
}

// swscale itself treats the JPEG ("yuvj") formats and grey as full range; an explicit range in
// the frame still wins, but "unspecified" must keep that behaviour rather than become limited.
bool defaultsToFullRange(AVPixelFormat format, const AVPixFmtDescriptor& descriptor)
{
    switch (format) {
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUVJ444P:
    case AV_PIX_FMT_YUVJ440P:
    case AV_PIX_FMT_YUVJ411P: return true;
    default: return descriptor.nb_components <= 2; // grey, grey + alpha
    }
}

} // namespace

struct VideoFrameReader::Impl {
    Impl(const std::string& path, ReaderOptions options);
    const VideoInfo& info() const { return m_info; }
    bool read(RgbFrame& out);
    bool seekBefore(int64_t pts);
    std::string lastFrameMetadata(const std::string& key) const
    {
        const auto found = m_lastMetadata.find(key);
        return found == m_lastMetadata.end() ? std::string() : found->second;
    }

private:
    // Leaves the next decoded frame in m_decoded; false at the end.
    bool decodeNext();
    void noteConcealment(const AVFrame& frame);
    // Leaves the next filtered frame in m_filtered; false at the end.
    bool filterNext();
    void noteFilterOutput();
    // Reads packets until one has been handed to the decoder, or sends the flush packet at the
    // end of the input.
    void feedDecoder();
    void noteRejected(int error, int64_t pts);
    bool decodeErrorIsDamage(int error) const { return error != AVERROR(ENOMEM); }
    void convert(const AVFrame& frame, RgbFrame& out);
    void ensureScaler(const AVFrame& frame);
    [[noreturn]] void fail(ErrorCode code, const std::string& reason) const;
    [[noreturn]] void failDecoding(const std::string& what, int error) const;

    VideoInfo m_info;
    std::string m_path;
    ReaderOptions m_options;
    PacketHandler m_packetHandler;

public:
    void setPacketHandler(PacketHandler handler) { m_packetHandler = std::move(handler); }
    const AVFormatContext* formatContext() const { return m_format.get(); }

private:
    InputFormatContextPtr m_format;
    CodecContextPtr m_decoder;
    PacketPtr m_packet;
    FramePtr m_decoded;
    FramePtr m_filtered;
    std::unique_ptr<FrameFilter> m_filter;
    bool m_filterFlushed = false;
    std::map<std::string, std::string> m_lastMetadata;
    int m_streamIndex = -1;
    AVRational m_timeBase{0, 1};

    // Recreated whenever the decoded frames' geometry, format or colour description changes.
    struct ScalerKey {
        int width = 0;
        int height = 0;
        int outputWidth = 0;
        int outputHeight = 0;
        int format = AV_PIX_FMT_NONE;
        int colorspace = 0;
        bool fullRange = false;
        bool sixteenBit = false;
        bool operator==(const ScalerKey&) const = default;
    };
    SwsContextPtr m_scaler;
    ScalerKey m_scalerKey;
    AvBufferPtr m_staging; // for destinations swscale should not write to directly
    size_t m_stagingBytes = 0;

    bool m_inputFinished = false;  // the flush packet has been sent
    bool m_outputFinished = false; // the decoder reported AVERROR_EOF
    int64_t m_framesOut = 0;
    int m_fixedWidth = 0, m_fixedHeight = 0; // with fixedSize: the first frame's size
    int64_t m_packetsRejected = 0;
    int m_lastRejectError = 0;
    int m_demuxError = 0; // the error that ended the input early, reported if nothing decoded
    ReadDamage m_damage;

public:
    const ReadDamage& damage() const { return m_damage; }

private:
    double m_lastTimeSeconds = 0;
};

VideoFrameReader::Impl::Impl(const std::string& path, ReaderOptions options) : m_path(path), m_options(options)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) fail(ErrorCode::FileNotFound, "does not exist");
    if (std::filesystem::is_directory(status)) fail(ErrorCode::FileUnreadable, "is a folder, not a video file");
    // A pipe, device or socket can block open() forever (a FIFO with no writer) and cannot be
    // read twice, while a job reads its input several times (probe, interlace check, resume).
    if (!std::filesystem::is_regular_file(status)) {
        const char* what = std::filesystem::is_fifo(status)             ? "is a named pipe (FIFO)"
                           : std::filesystem::is_character_file(status) ? "is a character device"
                           : std::filesystem::is_block_file(status)     ? "is a block device"
                           : std::filesystem::is_socket(status)         ? "is a socket"
                                                                        : "is not a regular file";
        fail(ErrorCode::FileUnreadable, std::string(what) + ", not a video file: save the stream to a file first");
    }

    AVFormatContext* format = nullptr;
    clearMediaLibraryError();
    int ret = avformat_open_input(&format, path.c_str(), nullptr, nullptr);
    if (ret < 0) {
        // It can disappear between the check above and here.
        if (ret == AVERROR(ENOENT)) fail(ErrorCode::FileNotFound, "does not exist");
        fail(ErrorCode::FileUnreadable, "is not a readable media file: " + mediaErrorText(ret));
    }
    m_format.reset(format);
    ret = avformat_find_stream_info(format, nullptr);
    if (ret < 0) fail(ErrorCode::FileUnreadable, "cannot read stream information: " + mediaErrorText(ret));

    const AVCodec* codec = nullptr;
    m_streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (m_streamIndex == AVERROR_DECODER_NOT_FOUND) {
        std::string codecName = "unknown";
        for (unsigned i = 0; i < format->nb_streams; ++i) {
            if (format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO) {
                codecName = avcodec_get_name(format->streams[i]->codecpar->codec_id);
                break;
            }
        }
        fail(ErrorCode::FileUnreadable, "no decoder for its video codec '" + codecName + "' in this FFmpeg build");
    }
    if (m_streamIndex < 0) fail(ErrorCode::FileUnreadable, "has no video stream");
    AVStream* stream = format->streams[m_streamIndex];
    // A cover picture in an audio file looks like a one-frame video stream; it is not a video.
    if (stream->disposition & AV_DISPOSITION_ATTACHED_PIC)
        fail(ErrorCode::FileUnreadable, "has no video stream (only an attached picture)");
    // Skip demuxing audio, subtitles and other video streams instead of reading and dropping them.
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (static_cast<int>(i) != m_streamIndex && !m_options.keepOtherStreams) format->streams[i]->discard = AVDISCARD_ALL;
    }

    const AVCodecParameters& parameters = *stream->codecpar;
    const auto pixelFormat = static_cast<AVPixelFormat>(parameters.format);
    if (pixelFormat != AV_PIX_FMT_NONE && !sws_isSupportedInput(pixelFormat)) {
        fail(ErrorCode::FileUnreadable, std::string("pixel format '") + av_get_pix_fmt_name(pixelFormat) + "' cannot be converted to RGB");
    }

    m_decoder.reset(avcodec_alloc_context3(codec));
    if (!m_decoder) fail(ErrorCode::OutOfMemory, "cannot allocate a decoder");
    ret = avcodec_parameters_to_context(m_decoder.get(), &parameters);
    if (ret < 0) fail(ErrorCode::FileUnreadable, "invalid codec parameters: " + ffmpegErrorText(ret));
    m_timeBase = stream->time_base;
    m_decoder->pkt_timebase = stream->time_base;                    // best_effort_timestamp is then in stream units
    m_decoder->thread_count = 0;                                    // one per core
    m_decoder->max_pixels = int64_t{kMaxFrameSide} * kMaxFrameSide; // refused before any buffer is allocated
    ret = avcodec_open2(m_decoder.get(), codec, nullptr);
    if (ret < 0) {
        fail(ErrorCode::FileUnreadable, std::string("cannot open the ") + codec->name + " decoder: " + ffmpegErrorText(ret));
    }

    m_packet.reset(av_packet_alloc());
    m_decoded.reset(av_frame_alloc());
    m_filtered.reset(av_frame_alloc());
    if (!m_packet || !m_decoded || !m_filtered) fail(ErrorCode::OutOfMemory, "cannot allocate decoding buffers");

    m_info.width = parameters.width;
    m_info.height = parameters.height;
    m_info.fps = validRational(stream->avg_frame_rate) ? av_q2d(stream->avg_frame_rate) : 0.0;
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0 && validRational(stream->time_base))
        m_info.durationSeconds = static_cast<double>(stream->duration) * av_q2d(stream->time_base);
    else if (format->duration != AV_NOPTS_VALUE && format->duration > 0)
        m_info.durationSeconds = static_cast<double>(format->duration) / AV_TIME_BASE;
    if (format->start_time != AV_NOPTS_VALUE)
        m_info.startSeconds = std::max(0.0, static_cast<double>(format->start_time) / AV_TIME_BASE);
    else if (stream->start_time != AV_NOPTS_VALUE && validRational(stream->time_base))
        m_info.startSeconds = std::max(0.0, static_cast<double>(stream->start_time) * av_q2d(stream->time_base));
    if (stream->nb_frames > 0)
        m_info.frameCountEstimate = stream->nb_frames;
    else if (m_info.durationSeconds > 0 && m_info.fps > 0)
        m_info.frameCountEstimate = std::llround(m_info.durationSeconds * m_info.fps);
    m_info.codecName = avcodec_get_name(parameters.codec_id);
    m_info.videoStreamIndex = m_streamIndex;
    m_info.timeBaseNum = stream->time_base.num;
    m_info.timeBaseDen = stream->time_base.den;
    const AVRational rate = av_guess_frame_rate(format, stream, nullptr);
    if (validRational(rate)) {
        m_info.frameRateNum = rate.num;
        m_info.frameRateDen = rate.den;
    }
    m_info.colorPrimaries = knownColourTag(parameters.color_primaries, AVCOL_PRI_NB, av_color_primaries_name, AVCOL_PRI_UNSPECIFIED);
    m_info.colorTransfer = knownColourTag(parameters.color_trc, AVCOL_TRC_NB, av_color_transfer_name, AVCOL_TRC_UNSPECIFIED);
    m_info.colorMatrix = knownColourTag(parameters.color_space, AVCOL_SPC_NB, av_color_space_name, AVCOL_SPC_UNSPECIFIED);
    m_info.colorRange = knownColourTag(parameters.color_range, AVCOL_RANGE_NB, av_color_range_name, AVCOL_RANGE_UNSPECIFIED);
    const AVRational sar = av_guess_sample_aspect_ratio(format, stream, nullptr);
    if (validRational(sar)) {
        m_info.sarNum = sar.num;
        m_info.sarDen = sar.den;
    }
    if (const auto matrix = streamDisplayMatrix(*stream); !matrix.empty()) {
        m_info.displayMatrix = matrix;
        const auto* m = reinterpret_cast<const int32_t*>(m_info.displayMatrix.data());
        // FFmpeg gives the counter-clockwise angle; players turn clockwise by its negation.
        const double degrees = -av_display_rotation_get(m);
        if (std::isfinite(degrees)) m_info.rotationDegrees = (static_cast<int>(std::lround(degrees / 90.0)) % 4 + 4) % 4 * 90;
        // A negative determinant of the 2x2 part is a mirror image.
        m_info.displayFlipped = static_cast<int64_t>(m[0]) * m[4] - static_cast<int64_t>(m[1]) * m[3] < 0;
    }
    switch (parameters.field_order) {
    case AV_FIELD_PROGRESSIVE: m_info.fieldOrder = "progressive"; break;
    case AV_FIELD_TT: m_info.fieldOrder = "tff"; break;
    case AV_FIELD_BB: m_info.fieldOrder = "bff"; break;
    case AV_FIELD_TB: m_info.fieldOrder = "tb"; break;
    case AV_FIELD_BT: m_info.fieldOrder = "bt"; break;
    default: break;
    }
    if (const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(pixelFormat)) m_info.bitsPerComponent = d->comp[0].depth;
    if (const char* name = av_get_pix_fmt_name(pixelFormat)) m_info.pixelFormatName = name;
}

void VideoFrameReader::Impl::fail(ErrorCode code, const std::string& reason) const
{
    throw Error(code, "video file '" + m_path + "' " + reason);
}

void VideoFrameReader::Impl::failDecoding(const std::string& what, int error) const
{
    if (error == AVERROR(ENOMEM)) fail(ErrorCode::OutOfMemory, what + ": out of memory");
    fail(ErrorCode::CorruptFile, what + ": " + ffmpegErrorText(error));
}

bool VideoFrameReader::Impl::read(RgbFrame& out)
{
    AVFrame* frame = nullptr;
    if (m_options.videoFilter.empty()) {
        if (!decodeNext()) return false;
        frame = m_decoded.get();
    } else {
        if (!filterNext()) return false;
        frame = m_filtered.get();
    }
    convert(*frame, out);
    av_frame_unref(frame);
    return true;
}

bool VideoFrameReader::Impl::filterNext()
{
    for (;;) {
        if (m_filter && m_filter->pull(m_filtered.get())) {
            noteFilterOutput();
            return true;
        }
        if (m_filterFlushed) return false;
        if (decodeNext()) {
            if (!m_filter) {
                const AVStream* stream = m_format->streams[m_streamIndex];
                m_filter = std::make_unique<FrameFilter>(m_options.videoFilter, *m_decoded, m_timeBase,
                                                         av_guess_frame_rate(m_format.get(), const_cast<AVStream*>(stream), nullptr));
                const AVRational tb = m_filter->outputTimeBase();
                const AVRational rate = m_filter->outputFrameRate();
                m_info.timeBaseNum = tb.num;
                m_info.timeBaseDen = tb.den;
                if (rate.num > 0 && m_info.frameRateNum > 0) {
                    // The chain may change the rate (fields to frames, pulldown removed).
                    const double factor = av_q2d(rate) / (static_cast<double>(m_info.frameRateNum) / m_info.frameRateDen);
                    m_info.frameCountEstimate = std::llround(static_cast<double>(m_info.frameCountEstimate) * factor);
                    m_info.fps = av_q2d(rate);
                    m_info.frameRateNum = rate.num;
                    m_info.frameRateDen = rate.den;
                }
            }
            m_decoded->pts = m_decoded->best_effort_timestamp; // what the unfiltered path uses
            m_filter->push(m_decoded.get());
        } else if (m_filter) {
            m_filter->flush();
            m_filterFlushed = true;
        } else {
            return false;
        }
    }
}

void VideoFrameReader::Impl::noteFilterOutput()
{
    m_lastMetadata.clear();
    const AVDictionaryEntry* entry = nullptr;
    while ((entry = av_dict_get(m_filtered->metadata, "", entry, AV_DICT_IGNORE_SUFFIX))) m_lastMetadata[entry->key] = entry->value;
}

bool VideoFrameReader::Impl::decodeNext()
{
    if (m_outputFinished) return false;
    for (;;) {
        const int ret = avcodec_receive_frame(m_decoder.get(), m_decoded.get());
        if (ret == 0) {
            noteConcealment(*m_decoded);
            return true;
        }
        if (ret == AVERROR_EOF) {
            m_outputFinished = true;
            m_damage.reachedEnd = true;
            m_damage.lastFrameSeconds = m_lastTimeSeconds;
            if (m_framesOut > 0) return false;
            std::string reason = "contains no decodable video frame";
            if (m_packetsRejected > 0) {
                reason += " (" + std::to_string(m_packetsRejected) + " packet(s) rejected: " + ffmpegErrorText(m_lastRejectError) + ")";
            } else if (m_demuxError != 0) {
                reason += " (" + ffmpegErrorText(m_demuxError) + ")";
            }
            fail(ErrorCode::CorruptFile, reason);
        }
        // Frame-threaded decoders report a bad packet here, one call after it was sent.
        if (ret != AVERROR(EAGAIN) && decodeErrorIsDamage(ret)) {
            noteRejected(ret, AV_NOPTS_VALUE);
            continue;
        }
        if (ret != AVERROR(EAGAIN)) failDecoding("failed to decode", ret);
        // After the flush packet a decoder never asks for more input; guard against looping.
        if (m_inputFinished) fail(ErrorCode::Internal, "decoder wants input after the end of the stream");
        feedDecoder();
    }
}

bool VideoFrameReader::Impl::seekBefore(int64_t pts)
{
    // A filter chain holds frames and state from before the seek; seeking is for unfiltered reads.
    if (m_filter || !m_options.videoFilter.empty()) return false;
    if (av_seek_frame(m_format.get(), m_streamIndex, pts, AVSEEK_FLAG_BACKWARD) < 0) return false;
    // Frames the decoder still holds belong to the old position.
    avcodec_flush_buffers(m_decoder.get());
    m_inputFinished = false;
    m_outputFinished = false;
    return true;
}

void VideoFrameReader::Impl::feedDecoder()
{
    for (;;) {
        int ret = av_read_frame(m_format.get(), m_packet.get());
        if (ret < 0) {
            // Garbage, a cut-off tail or a read error ends the input like the end of file does (as
            // in the ffmpeg CLI): the frames before it are still good, and the damage is reported.
            if (ret == AVERROR(ENOMEM)) failDecoding("failed to read", ret);
            if (ret != AVERROR_EOF) {
                m_demuxError = ret;
                m_damage.endedEarly = true;
                m_damage.endedAtSeconds = m_lastTimeSeconds;
                m_damage.endReason = ffmpegErrorText(ret);
            }
            m_inputFinished = true;
            ret = avcodec_send_packet(m_decoder.get(), nullptr);
            if (ret < 0 && ret != AVERROR_EOF && decodeErrorIsDamage(ret))
                noteRejected(ret, AV_NOPTS_VALUE);
            else if (ret < 0 && ret != AVERROR_EOF)
                failDecoding("failed to flush the decoder", ret);
            return;
        }
        if (m_packet->stream_index != m_streamIndex) {
            if (m_options.keepOtherStreams && m_packetHandler) {
                AVPacket* copy = av_packet_alloc();
                if (!copy) fail(ErrorCode::OutOfMemory, "cannot allocate a packet");
                av_packet_move_ref(copy, m_packet.get());
                m_packetHandler(copy);
            }
            av_packet_unref(m_packet.get());
            continue;
        }
        // With the receive-first loop in read() the decoder always accepts this packet (no
        // EAGAIN); an error here is about this or an earlier packet, which is consumed either way.
        const int64_t pts = m_packet->pts != AV_NOPTS_VALUE ? m_packet->pts : m_packet->dts;
        ret = avcodec_send_packet(m_decoder.get(), m_packet.get());
        av_packet_unref(m_packet.get());
        if (ret < 0 && decodeErrorIsDamage(ret))
            noteRejected(ret, pts);
        else if (ret < 0)
            failDecoding("failed to decode", ret);
        return;
    }
}

void VideoFrameReader::Impl::noteConcealment(const AVFrame& frame)
{
    // Decoders patch over a damaged slice (error concealment) and flag the frame; it still
    // plays, but the user should know which part of the video was damaged.
    if (frame.decode_error_flags == 0 && !(frame.flags & AV_FRAME_FLAG_CORRUPT)) return;
    const int64_t t = frame.best_effort_timestamp;
    const double seconds = t != AV_NOPTS_VALUE && validRational(m_timeBase) ? t * av_q2d(m_timeBase) : m_lastTimeSeconds;
    ++m_damage.framesConcealed;
    if (m_damage.firstConcealedSeconds < 0) m_damage.firstConcealedSeconds = seconds;
    m_damage.lastConcealedSeconds = seconds;
}

void VideoFrameReader::Impl::noteRejected(int error, int64_t pts)
{
    ++m_packetsRejected;
    m_lastRejectError = error;
    const double seconds = pts != AV_NOPTS_VALUE && validRational(m_timeBase) ? pts * av_q2d(m_timeBase) : m_lastTimeSeconds;
    ++m_damage.packetsRejected;
    if (m_damage.firstRejectedSeconds < 0) m_damage.firstRejectedSeconds = seconds;
    m_damage.lastRejectedSeconds = seconds;
    m_damage.rejectReason = ffmpegErrorText(error);
}

void VideoFrameReader::Impl::ensureScaler(const AVFrame& frame)
{
    const auto format = static_cast<AVPixelFormat>(frame.format);
    const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(format);
    if (!descriptor) fail(ErrorCode::CorruptFile, "decoder returned a frame without a pixel format");
    const bool isRgb = (descriptor->flags & AV_PIX_FMT_FLAG_RGB) != 0;

    ScalerKey key;
    key.width = frame.width;
    key.height = frame.height;
    key.outputWidth = m_fixedWidth > 0 ? m_fixedWidth : frame.width;
    key.outputHeight = m_fixedHeight > 0 ? m_fixedHeight : frame.height;
    key.format = frame.format;
    key.sixteenBit = m_options.sixteenBit;
    if (!isRgb) {
        // Decoders pass on what a stream declares (found by fuzzing: colour space 21).
        const auto space
            = static_cast<AVColorSpace>(knownColourTag(frame.colorspace, AVCOL_SPC_NB, av_color_space_name, AVCOL_SPC_UNSPECIFIED));
        const auto range
            = static_cast<AVColorRange>(knownColourTag(frame.color_range, AVCOL_RANGE_NB, av_color_range_name, AVCOL_RANGE_UNSPECIFIED));
        key.colorspace = swscaleColorspace(space == AVCOL_SPC_UNSPECIFIED ? untaggedMatrixFor(frame.width, frame.height) : space);
        key.fullRange = range == AVCOL_RANGE_JPEG || (range == AVCOL_RANGE_UNSPECIFIED && defaultsToFullRange(format, *descriptor));
    }
    if (m_scaler && key == m_scalerKey) return;

    m_scaler.reset();
    // Accurate rounding avoids swscale's fast but approximate unscaled YUV->RGB path; full chroma
    // interpolation keeps 4:4:4 chroma at full width and interpolates 4:2:x chroma instead of
    // reusing each sample for two output pixels.
    const int flags = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT;
    const AVPixelFormat output = m_options.sixteenBit ? AV_PIX_FMT_RGB48LE : AV_PIX_FMT_RGB24;
    SwsContext* scaler
        = sws_getContext(frame.width, frame.height, format, key.outputWidth, key.outputHeight, output, flags, nullptr, nullptr, nullptr);
    if (!scaler) {
        fail(ErrorCode::FileUnreadable,
             std::string("has frames in pixel format '") + descriptor->name + "' that cannot be converted to RGB");
    }
    m_scaler.reset(scaler);
    if (!isRgb) {
        // RGB output is always full range; the destination table is unused for RGB.
        sws_setColorspaceDetails(scaler, sws_getCoefficients(key.colorspace), key.fullRange ? 1 : 0, sws_getCoefficients(SWS_CS_DEFAULT), 1,
                                 0, 1 << 16, 1 << 16);
    }
    m_scalerKey = key;
}

void VideoFrameReader::Impl::convert(const AVFrame& frame, RgbFrame& out)
{
    if (frame.width <= 0 || frame.height <= 0) fail(ErrorCode::CorruptFile, "decoder returned an empty frame");
    if (frame.width > kMaxFrameSide || frame.height > kMaxFrameSide)
        fail(ErrorCode::CorruptFile, "a frame decodes as " + std::to_string(frame.width) + "x" + std::to_string(frame.height)
                                         + ", larger than the " + std::to_string(kMaxFrameSide) + "x" + std::to_string(kMaxFrameSide)
                                         + " DualX Studio reads (damaged data?)");
    if (m_options.fixedSize && m_fixedWidth == 0) {
        m_fixedWidth = frame.width;
        m_fixedHeight = frame.height;
    }
    ensureScaler(frame);
    const int width = m_scalerKey.outputWidth, height = m_scalerKey.outputHeight;

    const size_t bytesPerSample = m_options.sixteenBit ? 2 : 1;
    const size_t rowBytes = static_cast<size_t>(width) * 3 * bytesPerSample;
    uint8_t* target = nullptr;
    if (m_options.sixteenBit) {
        out.rgb.clear();
        out.rgb16.resize(static_cast<size_t>(width) * 3 * static_cast<size_t>(height));
        target = reinterpret_cast<uint8_t*>(out.rgb16.data());
    } else {
        out.rgb16.clear();
        out.rgb.resize(rowBytes * static_cast<size_t>(height));
        target = out.rgb.data();
    }
    const bool direct = rowBytes % kDirectAlignment == 0 && reinterpret_cast<uintptr_t>(target) % kDirectAlignment == 0;
    uint8_t* destination = target;
    size_t stride = rowBytes;
    if (!direct) {
        stride = (rowBytes + kStagingAlignment - 1) / kStagingAlignment * kStagingAlignment;
        const size_t bytes = stride * static_cast<size_t>(height) + kStagingAlignment;
        if (bytes > m_stagingBytes) {
            m_staging.reset(static_cast<uint8_t*>(av_malloc(bytes)));
            m_stagingBytes = m_staging ? bytes : 0;
            if (!m_staging) fail(ErrorCode::OutOfMemory, "cannot allocate a conversion buffer");
        }
        destination = m_staging.get();
    }
    uint8_t* destinationPlanes[4] = {destination, nullptr, nullptr, nullptr};
    const int destinationStrides[4] = {static_cast<int>(stride), 0, 0, 0};
    const int rows = sws_scale(m_scaler.get(), frame.data, frame.linesize, 0, frame.height, destinationPlanes, destinationStrides);
    if (rows != height) fail(ErrorCode::Internal, "RGB conversion produced an incomplete frame");
    if (!direct) {
        for (int y = 0; y < height; ++y) std::memcpy(target + rowBytes * y, destination + stride * y, rowBytes);
    }

    out.width = width;
    out.height = height;
    out.index = m_framesOut;
#if LIBAVUTIL_VERSION_INT >= AV_VERSION_INT(58, 7, 100)
    out.keyFrame = (frame.flags & AV_FRAME_FLAG_KEY) != 0;
#else
    out.keyFrame = frame.key_frame != 0;
#endif
    // Filtered frames carry their timestamp in pts, in the chain's output time base.
    const int64_t timestamp = m_filter ? frame.pts : frame.best_effort_timestamp;
    const AVRational timeBase = m_filter ? m_filter->outputTimeBase() : m_timeBase;
    out.pts = timestamp == AV_NOPTS_VALUE ? INT64_MIN : timestamp;
    if (timestamp != AV_NOPTS_VALUE && validRational(timeBase)) {
        out.timeSeconds = static_cast<double>(timestamp) * av_q2d(timeBase);
    } else {
        // No timestamp at all (some raw streams): continue from the previous one at the nominal rate.
        out.timeSeconds = m_framesOut == 0 ? 0.0 : m_lastTimeSeconds + (m_info.fps > 0 ? 1.0 / m_info.fps : 0.0);
    }
    m_lastTimeSeconds = out.timeSeconds;
    ++m_framesOut;
}

VideoFrameReader::VideoFrameReader(const std::string& path, ReaderOptions options) : m_impl(std::make_unique<Impl>(path, options)) { }

void VideoFrameReader::setPacketHandler(PacketHandler handler) { m_impl->setPacketHandler(std::move(handler)); }

const AVFormatContext* VideoFrameReader::formatContext() const { return m_impl->formatContext(); }
VideoFrameReader::~VideoFrameReader() = default;
VideoFrameReader::VideoFrameReader(VideoFrameReader&&) noexcept = default;
VideoFrameReader& VideoFrameReader::operator=(VideoFrameReader&&) noexcept = default;

const VideoInfo& VideoFrameReader::info() const { return m_impl->info(); }

bool VideoFrameReader::read(RgbFrame& frame) { return m_impl->read(frame); }

bool VideoFrameReader::seekBefore(int64_t pts) { return m_impl->seekBefore(pts); }

const ReadDamage& VideoFrameReader::damage() const { return m_impl->damage(); }

namespace {

std::string clockText(double seconds)
{
    char text[32];
    const int whole = static_cast<int>(std::max(0.0, seconds));
    std::snprintf(text, sizeof text, "%d:%02d:%05.2f", whole / 3600, whole / 60 % 60, std::max(0.0, seconds) - whole / 60 * 60);
    return text;
}

} // namespace

std::string ReadDamage::describe(double durationSeconds) const
{
    std::string text;
    if (packetsRejected > 0) {
        text = std::to_string(packetsRejected) + " damaged video packet" + (packetsRejected == 1 ? "" : "s") + " skipped (";
        if (firstRejectedSeconds >= 0)
            text += firstRejectedSeconds == lastRejectedSeconds ? "at " + clockText(firstRejectedSeconds)
                                                                : clockText(firstRejectedSeconds) + " to " + clockText(lastRejectedSeconds);
        text += ": " + rejectReason + ")";
    }
    if (framesConcealed > 0) {
        if (!text.empty()) text += "; ";
        text += std::to_string(framesConcealed) + " frame" + (framesConcealed == 1 ? "" : "s") + " decoded with damage patched over ("
                + (firstConcealedSeconds == lastConcealedSeconds
                       ? "at " + clockText(firstConcealedSeconds)
                       : clockText(firstConcealedSeconds) + " to " + clockText(lastConcealedSeconds))
                + ")";
    }
    // A container whose declared length runs well past its last frame was cut short (a copy
    // that stopped, a card pulled out); a second or a tenth of the length is the margin for
    // audio that outlasts the video and for rounding.
    if (!endedEarly && reachedEnd && durationSeconds > lastFrameSeconds + std::max(1.0, 0.1 * durationSeconds)) {
        if (!text.empty()) text += "; ";
        text += "the video ends at " + clockText(lastFrameSeconds) + " although the file declares " + clockText(durationSeconds)
                + " (cut short?)";
    }
    if (endedEarly) {
        if (!text.empty()) text += "; ";
        text += "the file could not be read past " + clockText(endedAtSeconds) + " (" + endReason + ")";
        if (durationSeconds > endedAtSeconds + 0.5)
            text += ", about " + std::to_string(static_cast<int>(std::lround(durationSeconds - endedAtSeconds))) + " s of the "
                    + std::to_string(static_cast<int>(std::lround(durationSeconds))) + " s it declares are missing";
    }
    return text;
}

std::string VideoFrameReader::lastFrameMetadata(const std::string& key) const { return m_impl->lastFrameMetadata(key); }

std::vector<RgbFrame> readAllFrames(const std::string& path, int64_t maxFrames)
{
    VideoFrameReader reader(path);
    std::vector<RgbFrame> frames;
    while (maxFrames <= 0 || static_cast<int64_t>(frames.size()) < maxFrames) {
        RgbFrame frame;
        if (!reader.read(frame)) break;
        frames.push_back(std::move(frame));
    }
    return frames;
}

} // namespace dualx::video
