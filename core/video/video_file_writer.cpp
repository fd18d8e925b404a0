// RGB24 -> swscale -> encoder -> muxer, using the send/receive encoding API so that encoders
// that hold frames back (B-frames, frame threads) are drained properly at the end.
#include "video/video_file_writer.h"

#include "dualx/errors.h"
#include "file_extension.h"
#include "video/ffmpeg_support.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <filesystem>
#include <system_error>

namespace dualx::video {

namespace {

// A full disk is the likeliest reason for a long write to fail; say so in words.
std::string writeErrorText(int errnum)
{
    if (errnum == AVERROR(ENOSPC) || errnum == AVERROR(EDQUOT)) return "the disk is full (" + ffmpegErrorText(errnum) + ")";
    if (errnum == AVERROR(EFBIG)) return "the file size limit was reached (" + ffmpegErrorText(errnum) + ")";
    return ffmpegErrorText(errnum);
}

// The encoders "auto" picks for the containers it knows, with the quality settings that make
// inspection clips look like their source: lossless in Matroska, near-transparent otherwise.
struct AutoCodec {
    const char* extension;
    const char* encoder;
};
constexpr AutoCodec kAutoCodecs[] = {
    {".mkv", "ffv1"},
    {".mp4", "libx264"},
    {".mov", "libx264"},
    {".avi", "mpeg4"},
};
constexpr int kAutoX264Crf = 12;
constexpr int kAutoMpeg4Qscale = 2;

bool listContains(const AVPixelFormat* formats, AVPixelFormat wanted)
{
    for (const AVPixelFormat* format = formats; *format != AV_PIX_FMT_NONE; ++format) {
        if (*format == wanted) return true;
    }
    return false;
}

std::string supportedFormatList(const AVPixelFormat* formats)
{
    std::string list;
    for (const AVPixelFormat* format = formats; *format != AV_PIX_FMT_NONE; ++format) {
        if (const char* name = av_get_pix_fmt_name(*format)) list += (list.empty() ? "" : ", ") + std::string(name);
    }
    return list;
}

} // namespace

struct VideoFileWriter::Impl {
    Impl(const std::string& path, const VideoWriterSettings& settings);
    ~Impl() { discard(); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    void write(const uint8_t* rgb, size_t bytes);
    void finish();
    int64_t framesWritten() const { return m_framesWritten; }

private:
    void open();
    const AVCodec* chooseEncoder(const AVOutputFormat& container) const;
    AVPixelFormat choosePixelFormat(const AVCodec& encoder) const;
    void openEncoder(const AVCodec& encoder, AVPixelFormat pixelFormat, const AVOutputFormat& container);
    void createScaler(AVPixelFormat pixelFormat);
    void checkUsable() const;
    // Sends `frame` (nullptr: the end of the stream) and muxes every packet the encoder returns.
    void encode(const AVFrame* frame);
    void syncToDisk();
    // Closes and deletes the .partial file; never throws (runs in destructors and error paths).
    void discard() noexcept;
    [[noreturn]] void fail(ErrorCode code, const std::string& reason) const;
    // Fails with FileUnwritable (OutOfMemory for ENOMEM), removes the .partial file and keeps the
    // reason so that later calls report it instead of writing into a broken file. `error` 0: no
    // FFmpeg code, `what` says it all.
    [[noreturn]] void failWriting(const std::string& what, int error);

    std::string m_path;
    std::string m_partialPath;
    VideoWriterSettings m_settings;
    OutputFormatContextPtr m_format;
    CodecContextPtr m_encoder;
    SwsContextPtr m_scaler;
    FramePtr m_frame;
    PacketPtr m_packet;
    AVStream* m_stream = nullptr; // owned by m_format
    size_t m_frameBytes = 0;
    int64_t m_framesWritten = 0;
    bool m_created = false; // the .partial file exists and is ours to delete
    bool m_finished = false;
    std::string m_failure; // why an earlier write failed; empty while usable
};

VideoFileWriter::Impl::Impl(const std::string& path, const VideoWriterSettings& settings)
    : m_path(path),
      m_partialPath(path + ".partial"),
      m_settings(settings)
{
    try {
        open();
    } catch (...) {
        discard();
        throw;
    }
}

void VideoFileWriter::Impl::fail(ErrorCode code, const std::string& reason) const
{
    throw Error(code, "video file '" + m_path + "': " + reason);
}

void VideoFileWriter::Impl::failWriting(const std::string& what, int error)
{
    m_failure = error == 0 ? what : what + ": " + writeErrorText(error);
    discard();
    fail(error == AVERROR(ENOMEM) ? ErrorCode::OutOfMemory : ErrorCode::FileUnwritable, m_failure);
}

void VideoFileWriter::Impl::open()
{
    const VideoWriterSettings& s = m_settings;
    if (s.width <= 0 || s.height <= 0) {
        fail(ErrorCode::InvalidArgument, "invalid frame size " + std::to_string(s.width) + "x" + std::to_string(s.height));
    }
    if (av_image_check_size(static_cast<unsigned>(s.width), static_cast<unsigned>(s.height), 0, nullptr) < 0) {
        fail(ErrorCode::InvalidArgument, "frame size " + std::to_string(s.width) + "x" + std::to_string(s.height) + " is too large");
    }
    if (s.fpsNum <= 0 || s.fpsDen <= 0) {
        fail(ErrorCode::InvalidArgument, "invalid frame rate " + std::to_string(s.fpsNum) + "/" + std::to_string(s.fpsDen));
    }
    if (s.bitRate < 0) fail(ErrorCode::InvalidArgument, "invalid bit rate " + std::to_string(s.bitRate));

    // The container comes from the final name: ".partial" says nothing about the format.
    const std::string extension = lowercaseExtension(m_path);
    const AVOutputFormat* container = av_guess_format(nullptr, m_path.c_str(), nullptr);
    if (!container) {
        fail(ErrorCode::InvalidArgument, extension.empty() ? std::string("has no extension to tell the container format from")
                                                           : "unknown container extension '" + extension + "'");
    }
    // Image sequences and devices open their own outputs, which the .partial rename cannot cover.
    if (container->flags & AVFMT_NOFILE) {
        fail(ErrorCode::InvalidArgument, "extension '" + extension + "' means " + container->name + " output, not a single video file");
    }

    const AVCodec* encoder = chooseEncoder(*container);
    // 0 means the container cannot hold this codec; < 0 means the muxer does not say. Lenient
    // compliance because Matroska takes codecs without a native ID (PNG) through VFW mapping, as
    // its header writer does; anything else it refuses is caught by avformat_write_header().
    if (avformat_query_codec(container, encoder->id, FF_COMPLIANCE_UNOFFICIAL) == 0) {
        fail(ErrorCode::InvalidArgument,
             std::string("a ") + container->name + " file ('" + extension + "') cannot hold " + encoder->name + " video");
    }
    const AVPixelFormat pixelFormat = choosePixelFormat(*encoder);
    const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(pixelFormat);
    if ((descriptor->log2_chroma_w > 0 && s.width % 2 != 0) || (descriptor->log2_chroma_h > 0 && s.height % 2 != 0)) {
        fail(ErrorCode::InvalidArgument, "frame size " + std::to_string(s.width) + "x" + std::to_string(s.height) + " must be even for "
                                             + descriptor->name + " (chroma is subsampled); use a 4:4:4 or RGB pixel format for odd sizes");
    }

    std::error_code ec;
    if (std::filesystem::is_directory(m_path, ec)) fail(ErrorCode::FileUnwritable, "is a folder");

    AVFormatContext* format = nullptr;
    int ret = avformat_alloc_output_context2(&format, container, nullptr, m_partialPath.c_str());
    if (ret < 0 || !format) fail(ErrorCode::OutOfMemory, "cannot allocate the muxer: " + ffmpegErrorText(ret));
    m_format.reset(format);
    m_stream = avformat_new_stream(format, nullptr);
    if (!m_stream) fail(ErrorCode::OutOfMemory, "cannot allocate the video stream");

    openEncoder(*encoder, pixelFormat, *container);
    createScaler(pixelFormat);

    ret = avcodec_parameters_from_context(m_stream->codecpar, m_encoder.get());
    if (ret < 0) fail(ErrorCode::OutOfMemory, "cannot copy the encoder parameters: " + ffmpegErrorText(ret));
    m_stream->time_base = m_encoder->time_base; // a request: the muxer may pick its own
    m_stream->avg_frame_rate = m_encoder->framerate;
    m_stream->r_frame_rate = m_encoder->framerate;

    ret = avio_open(&format->pb, m_partialPath.c_str(), AVIO_FLAG_WRITE);
    if (ret < 0) fail(ErrorCode::FileUnwritable, "cannot create '" + m_partialPath + "': " + writeErrorText(ret));
    m_created = true;
    ret = avformat_write_header(format, nullptr);
    if (ret < 0) {
        if (format->pb->error < 0) failWriting("cannot write the header", format->pb->error);
        fail(ErrorCode::InvalidArgument,
             std::string("the ") + container->name + " muxer rejected the " + encoder->name + " stream: " + ffmpegErrorText(ret));
    }

    m_packet.reset(av_packet_alloc());
    if (!m_packet) fail(ErrorCode::OutOfMemory, "cannot allocate a packet");
}

const AVCodec* VideoFileWriter::Impl::chooseEncoder(const AVOutputFormat& container) const
{
    const std::string& name = m_settings.codec;
    const AVCodec* encoder = nullptr;
    if (name == "auto") {
        const std::string extension = lowercaseExtension(m_path);
        const auto known = std::find_if(std::begin(kAutoCodecs), std::end(kAutoCodecs),
                                        [&](const AutoCodec& entry) { return extension == entry.extension; });
        if (known != std::end(kAutoCodecs)) {
            encoder = avcodec_find_encoder_by_name(known->encoder);
            if (!encoder) {
                fail(ErrorCode::InvalidArgument,
                     std::string("this FFmpeg build has no ") + known->encoder + " encoder for '" + extension + "' files");
            }
        } else {
            encoder = container.video_codec != AV_CODEC_ID_NONE ? avcodec_find_encoder(container.video_codec) : nullptr;
            if (!encoder) {
                fail(ErrorCode::InvalidArgument, "no default video encoder for '" + extension + "' files; name a codec");
            }
        }
    } else {
        encoder = avcodec_find_encoder_by_name(name.c_str());
        if (!encoder) fail(ErrorCode::InvalidArgument, "unknown video encoder '" + name + "'");
    }
    if (encoder->type != AVMEDIA_TYPE_VIDEO)
        fail(ErrorCode::InvalidArgument, "'" + std::string(encoder->name) + "' is not a video encoder");
    return encoder;
}

AVPixelFormat VideoFileWriter::Impl::choosePixelFormat(const AVCodec& encoder) const
{
    const std::string& name = m_settings.pixelFormat;
    AVPixelFormat format = AV_PIX_FMT_NONE;
    if (name == "auto") {
        // No list means the encoder takes anything (rawvideo): keep the input as it is.
        format = encoder.pix_fmts ? avcodec_find_best_pix_fmt_of_list(encoder.pix_fmts, AV_PIX_FMT_RGB24, 0, nullptr) : AV_PIX_FMT_RGB24;
        if (format == AV_PIX_FMT_NONE)
            fail(ErrorCode::InvalidArgument, std::string("the ") + encoder.name + " encoder lists no pixel format");
    } else {
        format = av_get_pix_fmt(name.c_str());
        if (format == AV_PIX_FMT_NONE) fail(ErrorCode::InvalidArgument, "unknown pixel format '" + name + "'");
        if (encoder.pix_fmts && !listContains(encoder.pix_fmts, format)) {
            fail(ErrorCode::InvalidArgument, std::string("the ") + encoder.name + " encoder does not take pixel format '" + name
                                                 + "' (it takes " + supportedFormatList(encoder.pix_fmts) + ")");
        }
    }
    if (!sws_isSupportedOutput(format)) {
        fail(ErrorCode::InvalidArgument, std::string("cannot convert RGB to pixel format '") + av_get_pix_fmt_name(format) + "'");
    }
    return format;
}

void VideoFileWriter::Impl::openEncoder(const AVCodec& encoder, AVPixelFormat pixelFormat, const AVOutputFormat& container)
{
    const VideoWriterSettings& s = m_settings;
    m_encoder.reset(avcodec_alloc_context3(&encoder));
    if (!m_encoder) fail(ErrorCode::OutOfMemory, "cannot allocate the encoder");
    AVCodecContext& context = *m_encoder;

    AVRational fps{0, 1};
    av_reduce(&fps.num, &fps.den, s.fpsNum, s.fpsDen, INT_MAX);
    context.width = s.width;
    context.height = s.height;
    context.pix_fmt = pixelFormat;
    context.sample_aspect_ratio = AVRational{1, 1};
    context.framerate = fps;
    context.time_base = av_inv_q(fps);
    context.thread_count = 0; // one per core

    // HD material is BT.709 by convention, SD is BT.601; players guess the same way when tags are
    // missing, but the tags make it explicit. The matrix and range only apply to YUV; RGB and grey
    // are full range, as the reader (and swscale) assume.
    const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(pixelFormat);
    const bool hd = isHdBySize(s.width, s.height);
    const bool isRgb = (descriptor->flags & AV_PIX_FMT_FLAG_RGB) != 0;
    const bool isGrey = !isRgb && descriptor->nb_components <= 2;
    const bool isJpegRange = pixelFormat == AV_PIX_FMT_YUVJ420P || pixelFormat == AV_PIX_FMT_YUVJ422P || pixelFormat == AV_PIX_FMT_YUVJ444P
                             || pixelFormat == AV_PIX_FMT_YUVJ440P || pixelFormat == AV_PIX_FMT_YUVJ411P;
    context.color_primaries = hd ? AVCOL_PRI_BT709 : AVCOL_PRI_SMPTE170M;
    context.color_trc = hd ? AVCOL_TRC_BT709 : AVCOL_TRC_SMPTE170M;
    if (isRgb) {
        context.colorspace = AVCOL_SPC_RGB;
        context.color_range = AVCOL_RANGE_JPEG;
    } else {
        context.colorspace = hd ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
        context.color_range = isGrey || isJpegRange ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG;
    }

    if (s.bitRate > 0) context.bit_rate = s.bitRate;
    AVDictionary* options = nullptr;
    int crf = s.crf;
    const bool autoCodec = s.codec == "auto";
    if (autoCodec && crf < 0 && s.bitRate <= 0 && std::string(encoder.name) == "libx264") crf = kAutoX264Crf;
    if (crf >= 0) av_dict_set_int(&options, "crf", crf, 0);
    if (autoCodec && s.bitRate <= 0 && encoder.id == AV_CODEC_ID_MPEG4) {
        // Fixed quantiser: each frame carries the quality too (see write()), as the ffmpeg CLI does.
        context.flags |= AV_CODEC_FLAG_QSCALE;
        context.global_quality = FF_QP2LAMBDA * kAutoMpeg4Qscale;
    }
    if (container.flags & AVFMT_GLOBALHEADER) context.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;

    const int ret = avcodec_open2(&context, &encoder, &options);
    // Whatever the encoder did not consume is an option it does not have.
    const bool crfUnused = av_dict_get(options, "crf", nullptr, 0) != nullptr;
    av_dict_free(&options);
    if (ret < 0) {
        if (ret == AVERROR(ENOMEM)) fail(ErrorCode::OutOfMemory, std::string("cannot open the ") + encoder.name + " encoder");
        fail(ErrorCode::InvalidArgument, std::string("the ") + encoder.name + " encoder rejected " + std::to_string(s.width) + "x"
                                             + std::to_string(s.height) + " " + av_get_pix_fmt_name(pixelFormat) + " at "
                                             + std::to_string(fps.num) + "/" + std::to_string(fps.den) + " fps: " + ffmpegErrorText(ret));
    }
    if (crfUnused) fail(ErrorCode::InvalidArgument, std::string("the ") + encoder.name + " encoder has no crf setting");
}

void VideoFileWriter::Impl::createScaler(AVPixelFormat pixelFormat)
{
    const AVCodecContext& encoder = *m_encoder;
    // Accurate rounding and full chroma input keep colours where the reader expects them (the
    // fast paths are a level or two off and take every other pixel's chroma).
    const int flags = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP;
    m_scaler.reset(sws_getContext(encoder.width, encoder.height, AV_PIX_FMT_RGB24, encoder.width, encoder.height, pixelFormat, flags,
                                  nullptr, nullptr, nullptr));
    if (!m_scaler) {
        fail(ErrorCode::InvalidArgument, std::string("cannot convert RGB to pixel format '") + av_get_pix_fmt_name(pixelFormat) + "'");
    }
    const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(pixelFormat);
    if (!(descriptor->flags & AV_PIX_FMT_FLAG_RGB)) {
        // The same matrix as the tags, so a reader that honours them gets the input colours back.
        const int matrix = encoder.colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_ITU601;
        const int fullRange = encoder.color_range == AVCOL_RANGE_JPEG ? 1 : 0;
        sws_setColorspaceDetails(m_scaler.get(), sws_getCoefficients(SWS_CS_DEFAULT), 1, sws_getCoefficients(matrix), fullRange, 0, 1 << 16,
                                 1 << 16);
    }

    m_frame.reset(av_frame_alloc());
    if (!m_frame) fail(ErrorCode::OutOfMemory, "cannot allocate a frame");
    m_frame->format = pixelFormat;
    m_frame->width = encoder.width;
    m_frame->height = encoder.height;
    m_frame->color_primaries = encoder.color_primaries;
    m_frame->color_trc = encoder.color_trc;
    m_frame->colorspace = encoder.colorspace;
    m_frame->color_range = encoder.color_range;
    m_frame->sample_aspect_ratio = encoder.sample_aspect_ratio;
    if (av_frame_get_buffer(m_frame.get(), 0) < 0) fail(ErrorCode::OutOfMemory, "cannot allocate a frame");
    m_frameBytes = static_cast<size_t>(encoder.width) * static_cast<size_t>(encoder.height) * 3;
}

void VideoFileWriter::Impl::checkUsable() const
{
    if (!m_failure.empty()) fail(ErrorCode::FileUnwritable, "cannot continue after an earlier failure: " + m_failure);
}

void VideoFileWriter::Impl::write(const uint8_t* rgb, size_t bytes)
{
    checkUsable();
    if (m_finished) fail(ErrorCode::Internal, "write() called after finish()");
    if (bytes != m_frameBytes || !rgb) {
        fail(ErrorCode::InvalidArgument, "frame has " + std::to_string(bytes) + " bytes; " + std::to_string(m_settings.width) + "x"
                                             + std::to_string(m_settings.height) + " RGB24 needs " + std::to_string(m_frameBytes));
    }
    // The encoder may still reference the previous frame's buffers; this copies only if it does.
    int ret = av_frame_make_writable(m_frame.get());
    if (ret < 0) failWriting("cannot allocate a frame", ret);

    const uint8_t* const source[4] = {rgb, nullptr, nullptr, nullptr};
    const int sourceStrides[4] = {m_settings.width * 3, 0, 0, 0};
    const int rows = sws_scale(m_scaler.get(), source, sourceStrides, 0, m_settings.height, m_frame->data, m_frame->linesize);
    if (rows != m_settings.height) fail(ErrorCode::Internal, "pixel format conversion produced an incomplete frame");
    m_frame->pts = m_framesWritten;
    m_frame->pict_type = AV_PICTURE_TYPE_NONE; // let the encoder choose
    if (m_encoder->flags & AV_CODEC_FLAG_QSCALE) m_frame->quality = m_encoder->global_quality;
    encode(m_frame.get());
    ++m_framesWritten;
}

void VideoFileWriter::Impl::encode(const AVFrame* frame)
{
    int ret = avcodec_send_frame(m_encoder.get(), frame);
    if (ret < 0) failWriting(frame ? "cannot encode frame " + std::to_string(m_framesWritten) : "cannot flush the encoder", ret);
    for (;;) {
        ret = avcodec_receive_packet(m_encoder.get(), m_packet.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) return;
        if (ret < 0) failWriting("cannot encode frame " + std::to_string(m_framesWritten), ret);
        av_packet_rescale_ts(m_packet.get(), m_encoder->time_base, m_stream->time_base);
        m_packet->stream_index = m_stream->index;
        // Takes the packet's reference whether it succeeds or not.
        ret = av_interleaved_write_frame(m_format.get(), m_packet.get());
        if (ret < 0) failWriting("cannot write to '" + m_partialPath + "'", ret);
    }
}

void VideoFileWriter::Impl::finish()
{
    if (m_finished) return;
    checkUsable();
    encode(nullptr);
    int ret = av_write_trailer(m_format.get());
    if (ret < 0) failWriting("cannot write the trailer of '" + m_partialPath + "'", ret);
    // avio_close() drops errors from its final flush; flushing first makes them visible.
    avio_flush(m_format->pb);
    if (m_format->pb->error < 0) failWriting("cannot write to '" + m_partialPath + "'", m_format->pb->error);
    ret = avio_closep(&m_format->pb);
    if (ret < 0) failWriting("cannot close '" + m_partialPath + "'", ret);
    syncToDisk();

    std::error_code ec;
    std::filesystem::rename(m_partialPath, m_path, ec);
    if (ec) failWriting("cannot rename '" + m_partialPath + "' to its final name (" + ec.message() + ")", 0);
    m_created = false;
    m_finished = true;
    m_format.reset();
    m_encoder.reset();
    m_scaler.reset();
    m_frame.reset();
    m_packet.reset();
}

// Without this, a power cut shortly after the rename could leave the final name pointing at a file
// whose data never reached the disk. Delayed-allocation errors (a full disk) also surface here.
void VideoFileWriter::Impl::syncToDisk()
{
    const int fd = ::open(m_partialPath.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) failWriting("cannot reopen '" + m_partialPath + "'", AVERROR(errno));
    const int ret = ::fsync(fd) == 0 ? 0 : AVERROR(errno);
    ::close(fd);
    if (ret < 0) failWriting("cannot flush '" + m_partialPath + "' to disk", ret);
}

void VideoFileWriter::Impl::discard() noexcept
{
    m_format.reset(); // closes the file
    if (m_created) {
        std::error_code ec;
        std::filesystem::remove(m_partialPath, ec);
        m_created = false;
    }
}

VideoFileWriter::VideoFileWriter(const std::string& path, const VideoWriterSettings& settings)
    : m_impl(std::make_unique<Impl>(path, settings))
{
}
VideoFileWriter::~VideoFileWriter() = default;
VideoFileWriter::VideoFileWriter(VideoFileWriter&&) noexcept = default;
VideoFileWriter& VideoFileWriter::operator=(VideoFileWriter&&) noexcept = default;

void VideoFileWriter::write(const uint8_t* rgb, size_t bytes) { m_impl->write(rgb, bytes); }

void VideoFileWriter::finish() { m_impl->finish(); }

int64_t VideoFileWriter::framesWritten() const { return m_impl->framesWritten(); }

} // namespace dualx::video
