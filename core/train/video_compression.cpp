#include "train/video_compression.h"

#include "dualx/errors.h"
#include "video/ffmpeg_support.h"

#include <opencv2/core.hpp>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cstring>
#include <memory>

namespace dualx::train {

namespace {

using video::CodecContextPtr;
using video::FramePtr;
using video::PacketPtr;
using video::SwsContextPtr;

[[noreturn]] void fail(const std::string& what, int code)
{
    throw Error(ErrorCode::Internal, "video compression: " + what + ": " + video::ffmpegErrorText(code));
}

const AVCodec* findEncoder(const std::string& codec)
{
    // "h264" is x264 in its baseline profile: FFmpeg's default H.264 encoder can be a hardware
    // wrapper (nvenc, v4l2m2m) that fails without the device, and baseline (no B-frames,
    // CAVLC) gives artefacts of a different flavour than libx264's high profile.
    if (codec == "h264" || codec == "libx264") return avcodec_find_encoder_by_name("libx264");
    if (codec == "mpeg4" || codec == "mpeg2video") return avcodec_find_encoder_by_name(codec.c_str());
    throw Error(ErrorCode::InvalidArgument, "video compression: unknown codec '" + codec + "' (libx264, h264, mpeg4 or mpeg2video)");
}

void receivePackets(AVCodecContext* encoder, std::vector<PacketPtr>& packets)
{
    while (true) {
        PacketPtr packet(av_packet_alloc());
        const int r = avcodec_receive_packet(encoder, packet.get());
        if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return;
        if (r < 0) fail("encoding failed", r);
        packets.push_back(std::move(packet));
    }
}

void receiveFrames(AVCodecContext* decoder, SwsContext* toRgb, int width, int height, std::vector<cv::Mat>& out)
{
    FramePtr frame(av_frame_alloc());
    while (true) {
        const int r = avcodec_receive_frame(decoder, frame.get());
        if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return;
        if (r < 0) fail("decoding failed", r);
        cv::Mat rgb(height, width, CV_8UC3);
        uint8_t* dst[1] = {rgb.data};
        int dstStride[1] = {static_cast<int>(rgb.step)};
        sws_scale(toRgb, frame->data, frame->linesize, 0, height, dst, dstStride);
        out.push_back(rgb);
        av_frame_unref(frame.get());
    }
}

} // namespace

std::vector<cv::Mat> compressVideo(const std::vector<cv::Mat>& frames, const std::string& codec, int64_t bitRate)
{
    return compressVideo(frames, CompressionSettings{codec, bitRate, 0, false});
}

std::vector<cv::Mat> compressVideo(const std::vector<cv::Mat>& frames, const CompressionSettings& settings)
{
    if (frames.empty()) return {};
    const std::string& codecName = settings.codec;
    const bool x264 = codecName == "libx264" || codecName == "h264";
    if (settings.quality < 0 || settings.quality > (x264 ? 51 : 31))
        throw Error(ErrorCode::InvalidArgument,
                    "video compression: quality " + std::to_string(settings.quality) + " is out of range for " + codecName);
    const AVCodec* codec = findEncoder(codecName);
    if (!codec) throw Error(ErrorCode::InvalidArgument, "video compression: encoder '" + codecName + "' is not available");
    const int origW = frames[0].cols, origH = frames[0].rows;
    const int width = origW + origW % 2, height = origH + origH % 2; // 4:2:0 needs even sizes

    CodecContextPtr encoder(avcodec_alloc_context3(codec));
    encoder->width = width;
    encoder->height = height;
    encoder->pix_fmt = AV_PIX_FMT_YUV420P;
    encoder->time_base = AVRational{1, 25};
    encoder->framerate = AVRational{25, 1};
    if (settings.quality > 0) {
        if (x264) {
            av_opt_set_int(encoder->priv_data, "crf", settings.quality, 0);
        } else {
            encoder->flags |= AV_CODEC_FLAG_QSCALE;
            encoder->global_quality = FF_QP2LAMBDA * settings.quality;
        }
    } else {
        // x264 counts in kbit/s and rejects 0: tiny test clips scale the rate below that.
        encoder->bit_rate = std::max<int64_t>(settings.bitRate, 1000);
    }
    encoder->thread_count = 1; // reproducible output under a seed
    encoder->gop_size = 12;
    if (codecName == "mpeg2video") encoder->max_b_frames = 2; // the DVD pattern IBBP
    if (settings.interlaced) {
        encoder->flags |= AV_CODEC_FLAG_INTERLACED_DCT | AV_CODEC_FLAG_INTERLACED_ME;
        encoder->field_order = AV_FIELD_TT;
    }
    if (codecName == "h264") av_opt_set(encoder->priv_data, "profile", "baseline", 0);
    // One thread is not enough for x264 to repeat itself: on CPUs with AVX-512, its macroblock-tree
    // rate control (on in the high profile) gave differing packets for the same frames from one
    // call to the next in a process. cpu-independent keeps x264 on code paths whose results do
    // not depend on the CPU or on memory beyond its buffers.
    if (x264) av_opt_set(encoder->priv_data, "x264-params", "cpu-independent=1", 0);
    if (int r = avcodec_open2(encoder.get(), codec, nullptr); r < 0) fail("cannot open encoder " + codecName, r);

    SwsContextPtr toYuv(sws_getContext(width, height, AV_PIX_FMT_RGB24, width, height, AV_PIX_FMT_YUV420P, SWS_BICUBIC | SWS_ACCURATE_RND,
                                       nullptr, nullptr, nullptr));
    FramePtr yuv(av_frame_alloc());
    yuv->format = AV_PIX_FMT_YUV420P;
    yuv->width = width;
    yuv->height = height;
    if (int r = av_frame_get_buffer(yuv.get(), 0); r < 0) fail("cannot allocate a frame", r);

    std::vector<PacketPtr> packets;
    for (size_t i = 0; i < frames.size(); ++i) {
        cv::Mat rgb = frames[i];
        if (width != origW || height != origH)
            cv::copyMakeBorder(frames[i], rgb, 0, height - origH, 0, width - origW, cv::BORDER_REPLICATE);
        if (!rgb.isContinuous()) rgb = rgb.clone();
        if (int r = av_frame_make_writable(yuv.get()); r < 0) fail("frame not writable", r);
        const uint8_t* src[1] = {rgb.data};
        const int srcStride[1] = {static_cast<int>(rgb.step)};
        sws_scale(toYuv.get(), src, srcStride, 0, height, yuv->data, yuv->linesize);
        yuv->pts = static_cast<int64_t>(i);
        yuv->quality = encoder->global_quality; // the MPEG encoders take a fixed quantiser per frame
        yuv->interlaced_frame = settings.interlaced ? 1 : 0;
        yuv->top_field_first = settings.interlaced ? 1 : 0;
        if (int r = avcodec_send_frame(encoder.get(), yuv.get()); r < 0) fail("cannot send a frame to the encoder", r);
        receivePackets(encoder.get(), packets);
    }
    avcodec_send_frame(encoder.get(), nullptr);
    receivePackets(encoder.get(), packets);

    const AVCodec* decoderCodec = avcodec_find_decoder(codec->id);
    CodecContextPtr decoder(avcodec_alloc_context3(decoderCodec));
    decoder->thread_count = 1;
    if (encoder->extradata_size > 0) {
        decoder->extradata = static_cast<uint8_t*>(av_mallocz(encoder->extradata_size + AV_INPUT_BUFFER_PADDING_SIZE));
        std::memcpy(decoder->extradata, encoder->extradata, encoder->extradata_size);
        decoder->extradata_size = encoder->extradata_size;
    }
    if (int r = avcodec_open2(decoder.get(), decoderCodec, nullptr); r < 0) fail("cannot open decoder", r);
    SwsContextPtr toRgb(sws_getContext(width, height, AV_PIX_FMT_YUV420P, width, height, AV_PIX_FMT_RGB24,
                                       SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
    std::vector<cv::Mat> decoded;
    for (auto& packet : packets) {
        if (int r = avcodec_send_packet(decoder.get(), packet.get()); r < 0) fail("cannot send a packet to the decoder", r);
        receiveFrames(decoder.get(), toRgb.get(), width, height, decoded);
    }
    avcodec_send_packet(decoder.get(), nullptr);
    receiveFrames(decoder.get(), toRgb.get(), width, height, decoded);
    if (decoded.size() != frames.size())
        throw Error(ErrorCode::Internal,
                    "video compression: " + std::to_string(frames.size()) + " frames in, " + std::to_string(decoded.size()) + " out");
    if (width != origW || height != origH)
        for (auto& f : decoded) f = f(cv::Rect(0, 0, origW, origH)).clone();
    return decoded;
}

} // namespace dualx::train
