#include "video/video_encoder.h"

#include "dualx/errors.h"
#include "video/ffmpeg_support.h"
#include "video/quarter_turn.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <cmath>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <map>
#include <utility>

namespace dualx::video {

namespace {

// x264's macroblock-tree rate control reads memory it never wrote (plain ffmpeg shows it: its
// output changes with MALLOC_PERTURB_), and this process reuses one heap for everything
// (runtime.cpp), so a lossy encode would depend on what the network left in the heap: two runs
// of the same job, or a resumed one, would differ. While the encoder allocates, glibc fills new
// blocks with a fixed byte instead, which makes its output a function of its input alone.
class FixedAllocationContents {
public:
    FixedAllocationContents()
    {
#ifdef __GLIBC__
        mallopt(M_PERTURB, kFill);
#endif
    }
    ~FixedAllocationContents()
    {
#ifdef __GLIBC__
        mallopt(M_PERTURB, 0);
#endif
    }
    FixedAllocationContents(const FixedAllocationContents&) = delete;
    FixedAllocationContents& operator=(const FixedAllocationContents&) = delete;

private:
    static constexpr int kFill = 0xA5;
};

// The preset's encoder options, with x265 told to keep quiet while FFmpeg is: it prints its own
// banner and settings to stderr for every segment's encoder, around the job's report (SVT-AV1's
// equivalent is SVT_LOG, set in quietenMediaLibraries). A preset's own x265-params come after,
// so its log-level wins.
std::map<std::string, std::string> encoderOptions(const ExportPreset& preset, const AVCodec* codec)
{
    std::map<std::string, std::string> options = preset.videoOptions;
    if (std::string(codec->name) == "libx265" && av_log_get_level() < AV_LOG_INFO) {
        std::string& params = options["x265-params"];
        params = params.empty() ? "log-level=error" : "log-level=error:" + params;
    }
    return options;
}

} // namespace

struct VideoEncoder::Impl {
    ExportPreset preset;
    OutputVideoSpec spec;
    CodecContextPtr encoder;
    SwsContextPtr scaler;
    FramePtr frame;
    PacketPtr packet;
    AVCodecParameters* parameters = nullptr;
    std::vector<std::pair<std::string, std::string>> muxerOptions;
    int outWidth = 0, outHeight = 0;
    AVRational outSar{1, 1};
    int bakedTurn = 0;                     // clockwise degrees turned before conversion
    std::vector<uint16_t> turned;          // the frame after that turn
    int scalerWidth = 0, scalerHeight = 0; // what swscale reads: the frame, turned

    int64_t framesSent = 0;
    bool ended = false; // end of stream sent

    ~Impl()
    {
        endSvtAv1Stream();
        avcodec_parameters_free(&parameters);
    }

    // SVT-AV1 (1.4) waits forever in its deinit for an end of stream it was never sent, and
    // forever for the end of a stream that held no frame: a job's reference encoder, which only
    // gives the headers, and a cancelled segment's would hang the process at the end. So it gets
    // a frame if it had none, then the end, and what it returns is dropped. Other encoders are
    // closed as they are, their lookahead unspent.
    void endSvtAv1Stream()
    {
        if (!encoder || !packet || !frame || ended || !avcodec_is_open(encoder.get()) || std::string(encoder->codec->name) != "libsvtav1")
            return;
        if (framesSent == 0) {
            frame->pts = 0;
            avcodec_send_frame(encoder.get(), frame.get());
        }
        avcodec_send_frame(encoder.get(), nullptr);
        while (avcodec_receive_packet(encoder.get(), packet.get()) >= 0) av_packet_unref(packet.get());
    }

    void drain(const PacketSink& sink)
    {
        FixedAllocationContents fixed; // receiving a packet runs the encoder too
        while (true) {
            const int r = avcodec_receive_packet(encoder.get(), packet.get());
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return;
            if (r < 0) throw Error(ErrorCode::Internal, "video encoding failed: " + ffmpegErrorText(r));
            sink(packet.get());
            av_packet_unref(packet.get());
        }
    }
};

VideoEncoder::VideoEncoder(const ExportPreset& preset, const OutputVideoSpec& spec) : m_impl(std::make_unique<Impl>())
{
    auto& d = *m_impl;
    d.preset = preset;
    d.spec = spec;
    preset.checkAvailable();

    // Final geometry: the x4 result, turned upright if the preset bakes the rotation (a quarter
    // turn swaps the axes the pixel aspect applies to), resampled to square pixels if asked,
    // then scaled by the preset; even for 4:2:x formats.
    AVRational sar{spec.sarNum > 0 ? spec.sarNum : 1, spec.sarDen > 0 ? spec.sarDen : 1};
    d.bakedTurn = spec.bakeRotationDegrees;
    if (d.bakedTurn % 90 != 0 || d.bakedTurn < 0 || d.bakedTurn >= 360)
        throw Error(ErrorCode::Internal, "cannot turn a frame by " + std::to_string(d.bakedTurn) + " degrees");
    d.scalerWidth = spec.width;
    d.scalerHeight = spec.height;
    if (d.bakedTurn == 90 || d.bakedTurn == 270) {
        std::swap(d.scalerWidth, d.scalerHeight);
        sar = AVRational{sar.den, sar.num};
    }
    double width = d.scalerWidth, height = d.scalerHeight;
    if (preset.squarePixels && sar.num != sar.den) {
        width *= av_q2d(sar);
        sar = AVRational{1, 1};
    }
    d.outWidth = static_cast<int>(std::lround(width));
    d.outHeight = static_cast<int>(std::lround(height));
    if (preset.scaleMode == OutputScaleMode::Factor) {
        d.outWidth = static_cast<int>(std::lround(width * preset.scaleFactor));
        d.outHeight = static_cast<int>(std::lround(height * preset.scaleFactor));
    } else if (preset.scaleMode == OutputScaleMode::Height) {
        d.outHeight = preset.targetHeight;
        d.outWidth = static_cast<int>(std::lround(width * preset.targetHeight / height));
    }
    av_reduce(&d.outSar.num, &d.outSar.den, sar.num, sar.den, 1 << 30);
    const AVPixelFormat pixelFormat = av_get_pix_fmt(preset.pixelFormat.c_str());
    const AVPixFmtDescriptor* pixDesc = av_pix_fmt_desc_get(pixelFormat);
    if (pixDesc->log2_chroma_w) d.outWidth += d.outWidth % 2;
    if (pixDesc->log2_chroma_h) d.outHeight += d.outHeight % 2;

    const AVCodec* codec = avcodec_find_encoder_by_name(preset.videoCodec.c_str());
    d.encoder.reset(avcodec_alloc_context3(codec));
    AVCodecContext* e = d.encoder.get();
    e->width = d.outWidth;
    e->height = d.outHeight;
    e->pix_fmt = pixelFormat;
    e->time_base = AVRational{spec.timeBaseNum, spec.timeBaseDen};
    e->framerate = AVRational{spec.frameRateNum, spec.frameRateDen};
    e->sample_aspect_ratio = d.outSar;
    // Untagged SD sources were decoded as BT.601 (a job tags untagged HD ones BT.709, as they
    // were decoded): say so, or players would assume BT.709 for the x4 output.
    const bool tagged = spec.colorMatrix != AVCOL_SPC_UNSPECIFIED;
    e->colorspace = tagged ? static_cast<AVColorSpace>(spec.colorMatrix) : AVCOL_SPC_SMPTE170M;
    e->color_primaries = spec.colorPrimaries != AVCOL_PRI_UNSPECIFIED ? static_cast<AVColorPrimaries>(spec.colorPrimaries)
                                                                      : (tagged ? AVCOL_PRI_UNSPECIFIED : AVCOL_PRI_SMPTE170M);
    e->color_trc = spec.colorTransfer != AVCOL_TRC_UNSPECIFIED ? static_cast<AVColorTransferCharacteristic>(spec.colorTransfer)
                                                               : (tagged ? AVCOL_TRC_UNSPECIFIED : AVCOL_TRC_SMPTE170M);
    e->color_range = spec.colorRange == AVCOL_RANGE_JPEG ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG;
    if (preset.videoBitRate > 0) e->bit_rate = preset.videoBitRate;
    // Global headers whenever the container wants them; the muxer then takes them from here.
    const AVOutputFormat* container = av_guess_format(preset.container.c_str(), nullptr, nullptr);
    if (container && (container->flags & AVFMT_GLOBALHEADER)) e->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (preset.crf >= 0) av_opt_set_int(e->priv_data, "crf", preset.crf, 0);
    if (!preset.encoderPreset.empty()) av_opt_set(e->priv_data, "preset", preset.encoderPreset.c_str(), 0);
    for (const auto& [key, value] : encoderOptions(preset, codec)) {
        // Encoder options first (private, then generic); what neither knows goes to the muxer.
        if (av_opt_set(e->priv_data, key.c_str(), value.c_str(), 0) >= 0) continue;
        if (av_opt_set(e, key.c_str(), value.c_str(), 0) >= 0) continue;
        d.muxerOptions.emplace_back(key, value);
    }
    int opened = 0;
    {
        FixedAllocationContents fixed;
        opened = avcodec_open2(e, codec, nullptr);
    }
    if (int r = opened; r < 0)
        throw Error(ErrorCode::InvalidArgument, "cannot open the " + preset.videoCodec + " encoder for " + std::to_string(d.outWidth) + "x"
                                                    + std::to_string(d.outHeight) + " " + preset.pixelFormat + ": " + ffmpegErrorText(r));
    d.parameters = avcodec_parameters_alloc();
    avcodec_parameters_from_context(d.parameters, e);

    d.scaler.reset(sws_getContext(d.scalerWidth, d.scalerHeight, AV_PIX_FMT_RGB48LE, d.outWidth, d.outHeight, pixelFormat,
                                  SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
    if (!d.scaler) throw Error(ErrorCode::Internal, "cannot convert RGB48 to " + preset.pixelFormat);
    const int* table = sws_getCoefficients(swscaleColorspace(e->colorspace));
    sws_setColorspaceDetails(d.scaler.get(), table, 1, table, e->color_range == AVCOL_RANGE_JPEG ? 1 : 0, 0, 1 << 16, 1 << 16);
    d.frame.reset(av_frame_alloc());
    d.frame->format = pixelFormat;
    d.frame->width = d.outWidth;
    d.frame->height = d.outHeight;
    d.frame->sample_aspect_ratio = d.outSar;
    if (av_frame_get_buffer(d.frame.get(), 0) < 0) throw Error(ErrorCode::OutOfMemory, "cannot allocate an output frame");
    d.packet.reset(av_packet_alloc());
}

VideoEncoder::~VideoEncoder() = default;

void VideoEncoder::encode(const uint16_t* rgb48, int64_t pts, const PacketSink& sink)
{
    auto& d = *m_impl;
    AVFrame* f = d.frame.get();
    if (av_frame_make_writable(f) < 0) throw Error(ErrorCode::OutOfMemory, "output frame not writable");
    if (d.bakedTurn != 0) {
        turnClockwise(rgb48, d.spec.width, d.spec.height, d.bakedTurn, d.turned);
        rgb48 = d.turned.data();
    }
    const uint8_t* src[1] = {reinterpret_cast<const uint8_t*>(rgb48)};
    const int srcStride[1] = {d.scalerWidth * 6};
    sws_scale(d.scaler.get(), src, srcStride, 0, d.scalerHeight, f->data, f->linesize);
    f->pts = pts;
    f->color_primaries = d.encoder->color_primaries;
    f->color_trc = d.encoder->color_trc;
    f->colorspace = d.encoder->colorspace;
    f->color_range = d.encoder->color_range;
    int sent = 0;
    {
        FixedAllocationContents fixed;
        sent = avcodec_send_frame(d.encoder.get(), f);
    }
    if (sent >= 0) ++d.framesSent;
    if (int r = sent; r < 0)
        throw Error(ErrorCode::Internal, "the " + d.preset.videoCodec + " encoder refused a frame: " + ffmpegErrorText(r));
    d.drain(sink);
}

void VideoEncoder::flush(const PacketSink& sink)
{
    {
        FixedAllocationContents fixed;
        avcodec_send_frame(m_impl->encoder.get(), nullptr);
    }
    m_impl->ended = true;
    m_impl->drain(sink);
}

const AVCodecParameters* VideoEncoder::parameters() const { return m_impl->parameters; }

std::vector<uint8_t> VideoEncoder::extradata() const
{
    const auto* p = m_impl->parameters;
    return p->extradata ? std::vector<uint8_t>(p->extradata, p->extradata + p->extradata_size) : std::vector<uint8_t>{};
}

const std::vector<std::pair<std::string, std::string>>& VideoEncoder::muxerOptions() const { return m_impl->muxerOptions; }
int VideoEncoder::outputWidth() const { return m_impl->outWidth; }
int VideoEncoder::outputHeight() const { return m_impl->outHeight; }
int VideoEncoder::outputSarNum() const { return m_impl->outSar.num; }
int VideoEncoder::outputSarDen() const { return m_impl->outSar.den; }

bool containerKeepsRotation(const std::string& container)
{
    return container == "mp4" || container == "mov" || container == "ipod" || container == "3gp" || container == "3g2";
}

std::string VideoEncoder::describe() const
{
    const auto& d = *m_impl;
    return "video: " + std::to_string(d.spec.width / 4) + "x" + std::to_string(d.spec.height / 4) + " -> " + std::to_string(d.outWidth)
           + "x" + std::to_string(d.outHeight) + " " + d.preset.videoCodec + " " + d.preset.pixelFormat + " in " + d.preset.container;
}

} // namespace dualx::video
