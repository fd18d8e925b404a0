#include "video/media_output.h"

#include "dualx/errors.h"
#include "video/ffmpeg_support.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <cmath>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>

namespace dualx::video {

namespace {

[[noreturn]] void failWrite(const std::string& what, int code)
{
    if (code == AVERROR(ENOSPC) || code == AVERROR(EFBIG))
        throw Error(ErrorCode::FileUnwritable, what + ": disk full or file size limit reached (" + ffmpegErrorText(code) + ")");
    throw Error(ErrorCode::FileUnwritable, what + ": " + ffmpegErrorText(code));
}

const char* mediaTypeName(AVMediaType t)
{
    const char* name = av_get_media_type_string(t);
    return name ? name : "data";
}

// MP4 and QuickTime files: Apple's players (QuickTime, iPhone and Mac Photos) play HEVC in them
// only tagged hvc1, parameter sets in the sample description (the encoder's global header), not
// FFmpeg's default hev1.
bool isQuickTimeFamily(const AVOutputFormat* format)
{
    const std::string name = format->name;
    return name == "mp4" || name == "mov" || name == "ipod";
}

// A stream's format for the report: its codec, or for the data tracks cameras add (timecode,
// telemetry, Apple's metadata), whose codec FFmpeg calls "none", the four-character tag.
std::string streamFormatName(const AVCodecParameters& p)
{
    if (p.codec_id != AV_CODEC_ID_NONE || p.codec_tag == 0) return avcodec_get_name(p.codec_id);
    char tag[AV_FOURCC_MAX_STRING_SIZE] = {};
    return av_fourcc_make_string(tag, p.codec_tag);
}

// The attachment Matroska's convention names for cover art of a picture format it can hold.
struct CoverFile {
    const char* name;
    const char* mimeType;
};
std::optional<CoverFile> matroskaCoverFile(AVCodecID id)
{
    if (id == AV_CODEC_ID_MJPEG) return CoverFile{"cover.jpg", "image/jpeg"};
    if (id == AV_CODEC_ID_PNG) return CoverFile{"cover.png", "image/png"};
    return std::nullopt;
}

// Matroska holds files beside the tracks as attachments (fonts for styled subtitles, cover art):
// FFmpeg's muxer writes an attachment stream's extradata as the file, named by its "filename"
// and "mimetype" tags, and finds no codec tag for them, so they are added here, not copied as
// tracks. Cover art (a picture track in MP4) becomes the attachment cover.jpg or cover.png, by
// Matroska's convention. Returns the report's words, or nothing where `in` is neither or the
// output is not Matroska.
std::optional<std::string> addMatroskaAttachment(AVFormatContext& output, const AVStream& in)
{
    if (std::strcmp(output.oformat->name, "matroska") != 0) return std::nullopt;
    const uint8_t* bytes = nullptr;
    int size = 0;
    const char* fileName = "attachment.bin";
    const char* mimeType = "application/octet-stream";
    if (in.codecpar->codec_type == AVMEDIA_TYPE_ATTACHMENT) {
        bytes = in.codecpar->extradata;
        size = in.codecpar->extradata_size;
    } else if (in.disposition & AV_DISPOSITION_ATTACHED_PIC) {
        bytes = in.attached_pic.data;
        size = in.attached_pic.size;
        const auto cover = matroskaCoverFile(in.codecpar->codec_id);
        if (!cover) return std::nullopt;
        fileName = cover->name;
        mimeType = cover->mimeType;
    }
    if (!bytes || size <= 0) return std::nullopt;
    AVStream* out = avformat_new_stream(&output, nullptr);
    auto* data = static_cast<uint8_t*>(av_mallocz(static_cast<size_t>(size) + AV_INPUT_BUFFER_PADDING_SIZE));
    if (!out || !data) {
        av_free(data);
        throw Error(ErrorCode::OutOfMemory, "cannot allocate the output's attachments");
    }
    std::memcpy(data, bytes, static_cast<size_t>(size));
    out->codecpar->codec_type = AVMEDIA_TYPE_ATTACHMENT;
    out->codecpar->codec_id = in.codecpar->codec_id;
    out->codecpar->extradata = data;
    out->codecpar->extradata_size = size;
    av_dict_copy(&out->metadata, in.metadata, 0);
    // The muxer refuses an attachment without a name or a type (the source's are kept).
    av_dict_set(&out->metadata, "filename", fileName, AV_DICT_DONT_OVERWRITE);
    av_dict_set(&out->metadata, "mimetype", mimeType, in.codecpar->codec_type == AVMEDIA_TYPE_ATTACHMENT ? AV_DICT_DONT_OVERWRITE : 0);
    const AVDictionaryEntry* name = av_dict_get(out->metadata, "filename", nullptr, 0);
    return in.codecpar->codec_type == AVMEDIA_TYPE_ATTACHMENT ? std::string("copied as ") + name->value
                                                              : std::string("cover picture kept as the attachment ") + name->value;
}

} // namespace

// Text subtitles the container cannot hold as they are (SubRip into MP4, mov_text into MKV...):
// decoded and re-encoded to the container's own text format, timing kept.
struct SubtitleTranscoder {
    CodecContextPtr decoder, encoder;
};

static AVCodecID textSubtitleCodecFor(const AVOutputFormat* format)
{
    for (AVCodecID id : {AV_CODEC_ID_MOV_TEXT, AV_CODEC_ID_SUBRIP, AV_CODEC_ID_ASS, AV_CODEC_ID_WEBVTT})
        if (avformat_query_codec(format, id, FF_COMPLIANCE_NORMAL) == 1) return id;
    return AV_CODEC_ID_NONE;
}

static std::unique_ptr<SubtitleTranscoder> openSubtitleTranscoder(const AVStream* in, AVCodecID target)
{
    const AVCodecDescriptor* descriptor = avcodec_descriptor_get(in->codecpar->codec_id);
    if (!descriptor || !(descriptor->props & AV_CODEC_PROP_TEXT_SUB) || target == AV_CODEC_ID_NONE) return nullptr;
    const AVCodec* decoderCodec = avcodec_find_decoder(in->codecpar->codec_id);
    const AVCodec* encoderCodec = avcodec_find_encoder(target);
    if (!decoderCodec || !encoderCodec) return nullptr;
    auto t = std::make_unique<SubtitleTranscoder>();
    t->decoder.reset(avcodec_alloc_context3(decoderCodec));
    avcodec_parameters_to_context(t->decoder.get(), in->codecpar);
    t->decoder->pkt_timebase = in->time_base;
    if (avcodec_open2(t->decoder.get(), decoderCodec, nullptr) < 0) return nullptr;
    t->encoder.reset(avcodec_alloc_context3(encoderCodec));
    t->encoder->time_base = in->time_base;
    if (t->decoder->subtitle_header) {
        // Styles (ASS header) carry over to formats that keep them.
        t->encoder->subtitle_header = static_cast<uint8_t*>(av_mallocz(t->decoder->subtitle_header_size + 1));
        std::memcpy(t->encoder->subtitle_header, t->decoder->subtitle_header, t->decoder->subtitle_header_size);
        t->encoder->subtitle_header_size = t->decoder->subtitle_header_size;
    }
    if (avcodec_open2(t->encoder.get(), encoderCodec, nullptr) < 0) return nullptr;
    return t;
}

// Audio the container cannot hold (or a preset that asks for it): decoded, resampled to what the
// fallback encoder takes, re-framed to its frame size, encoded. Timestamps continue from the
// stream's first packet in samples, so the audio stays where it was.
struct AudioTranscoder {
    CodecContextPtr decoder, encoder;
    SwrContext* resampler = nullptr;
    AVAudioFifo* fifo = nullptr;
    int64_t nextPts = AV_NOPTS_VALUE; // in encoder time base (1 / sample rate)
    ~AudioTranscoder()
    {
        swr_free(&resampler);
        if (fifo) av_audio_fifo_free(fifo);
    }
};

static std::unique_ptr<AudioTranscoder> openAudioTranscoder(const AVStream* in, const std::string& encoderName, int64_t bitRate,
                                                            int formatFlags)
{
    const AVCodec* decoderCodec = avcodec_find_decoder(in->codecpar->codec_id);
    const AVCodec* encoderCodec = avcodec_find_encoder_by_name(encoderName.c_str());
    if (!decoderCodec || !encoderCodec || encoderCodec->type != AVMEDIA_TYPE_AUDIO) return nullptr;
    auto t = std::make_unique<AudioTranscoder>();
    t->decoder.reset(avcodec_alloc_context3(decoderCodec));
    avcodec_parameters_to_context(t->decoder.get(), in->codecpar);
    t->decoder->pkt_timebase = in->time_base;
    if (avcodec_open2(t->decoder.get(), decoderCodec, nullptr) < 0) return nullptr;
    AVCodecContext* e = avcodec_alloc_context3(encoderCodec);
    t->encoder.reset(e);
    e->sample_fmt = encoderCodec->sample_fmts ? encoderCodec->sample_fmts[0] : t->decoder->sample_fmt;
    int rate = t->decoder->sample_rate;
    if (encoderCodec->supported_samplerates) { // nearest rate the encoder takes (Opus: 48 kHz)
        int best = encoderCodec->supported_samplerates[0];
        for (const int* r = encoderCodec->supported_samplerates; *r; ++r)
            if (std::abs(*r - rate) < std::abs(best - rate)) best = *r;
        rate = best;
    }
    e->sample_rate = rate;
    av_channel_layout_copy(&e->ch_layout, &t->decoder->ch_layout);
    if (e->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) av_channel_layout_default(&e->ch_layout, t->decoder->ch_layout.nb_channels);
    e->time_base = AVRational{1, rate};
    if (bitRate > 0) e->bit_rate = bitRate;
    if (formatFlags & AVFMT_GLOBALHEADER) e->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (avcodec_open2(e, encoderCodec, nullptr) < 0) return nullptr;
    if (swr_alloc_set_opts2(&t->resampler, &e->ch_layout, e->sample_fmt, e->sample_rate, &t->decoder->ch_layout, t->decoder->sample_fmt,
                            t->decoder->sample_rate, 0, nullptr)
            < 0
        || swr_init(t->resampler) < 0)
        return nullptr;
    t->fifo = av_audio_fifo_alloc(e->sample_fmt, e->ch_layout.nb_channels, 4096);
    return t;
}

struct MediaOutput::Impl {
    std::string path;
    ExportPreset preset;
    AVFormatContext* format = nullptr;
    AVStream* videoStream = nullptr;
    AVRational videoTimeBase{1, 25};
    int64_t lastVideoDts = AV_NOPTS_VALUE;
    std::map<int, int> streamMap;                                           // input stream -> output stream
    std::map<int, std::unique_ptr<SubtitleTranscoder>> subtitleTranscoders; // by input stream
    std::map<int, std::unique_ptr<AudioTranscoder>> audioTranscoders;       // by input stream
    std::vector<AVRational> inputTimeBases;
    std::mutex pendingMutex;
    std::deque<AVPacket*> pending;
    bool headerWritten = false, finished = false;
    std::vector<std::string>* report = nullptr;
    std::map<int, int64_t> lastDts;        // by output stream, in its time base
    std::map<int, int64_t> droppedPackets; // by input stream: timestamps the muxer would refuse

    // A damaged source can carry packets whose decode times go backwards (or pts before dts);
    // the muxer refuses them and would end the whole job, so they are dropped and counted,
    // as players skip them. `p` is in the output stream's time base.
    bool keepsTimeOrder(int inputStream, const AVPacket* p)
    {
        const int out = p->stream_index;
        const bool equalAllowed = format->oformat->flags & AVFMT_TS_NONSTRICT;
        const auto last = lastDts.find(out);
        const bool backwards
            = p->dts != AV_NOPTS_VALUE && last != lastDts.end() && (p->dts < last->second || (p->dts == last->second && !equalAllowed));
        const bool inverted = p->dts != AV_NOPTS_VALUE && p->pts != AV_NOPTS_VALUE && p->pts < p->dts;
        if (backwards || inverted) {
            ++droppedPackets[inputStream];
            return false;
        }
        if (p->dts != AV_NOPTS_VALUE) lastDts[out] = p->dts;
        return true;
    }

    ~Impl()
    {
        for (auto* p : pending) av_packet_free(&p);
        if (format) {
            if (!(format->oformat->flags & AVFMT_NOFILE) && format->pb) avio_closep(&format->pb);
            avformat_free_context(format);
        }
    }

    // Encodes whole encoder frames from the FIFO (all of it, padded, when flushing).
    void encodeAudioFrames(int inputStream, AudioTranscoder& t, bool flush)
    {
        AVCodecContext* e = t.encoder.get();
        AVStream* stream = format->streams[streamMap.at(inputStream)];
        const int frameSize = e->frame_size > 0 ? e->frame_size : 1024;
        while (av_audio_fifo_size(t.fifo) >= frameSize || (flush && av_audio_fifo_size(t.fifo) > 0)) {
            const int n = std::min(frameSize, av_audio_fifo_size(t.fifo));
            FramePtr frame(av_frame_alloc());
            frame->nb_samples = (e->frame_size > 0 && !(e->codec->capabilities & AV_CODEC_CAP_VARIABLE_FRAME_SIZE)) ? frameSize : n;
            frame->format = e->sample_fmt;
            frame->sample_rate = e->sample_rate;
            av_channel_layout_copy(&frame->ch_layout, &e->ch_layout);
            if (av_frame_get_buffer(frame.get(), 0) < 0) throw Error(ErrorCode::OutOfMemory, "cannot allocate an audio frame");
            av_samples_set_silence(frame->data, 0, frame->nb_samples, e->ch_layout.nb_channels, e->sample_fmt);
            av_audio_fifo_read(t.fifo, reinterpret_cast<void**>(frame->data), n);
            frame->pts = t.nextPts;
            t.nextPts += n;
            if (int r = avcodec_send_frame(e, frame.get()); r < 0)
                throw Error(ErrorCode::Internal, "audio encoding failed: " + ffmpegErrorText(r));
            writeAudioPackets(t, stream);
        }
        if (flush) {
            avcodec_send_frame(e, nullptr);
            writeAudioPackets(t, stream);
        }
    }

    void writeAudioPackets(AudioTranscoder& t, AVStream* stream)
    {
        PacketPtr out(av_packet_alloc());
        while (avcodec_receive_packet(t.encoder.get(), out.get()) == 0) {
            out->stream_index = stream->index;
            av_packet_rescale_ts(out.get(), t.encoder->time_base, stream->time_base);
            if (int w = av_interleaved_write_frame(format, out.get()); w < 0) failWrite("writing '" + path + "' failed", w);
        }
    }

    void transcodeAudio(int inputStream, AVPacket* p)
    {
        auto& t = *audioTranscoders.at(inputStream);
        if (t.nextPts == AV_NOPTS_VALUE)
            t.nextPts = p->pts == AV_NOPTS_VALUE ? 0 : av_rescale_q(p->pts, inputTimeBases[inputStream], t.encoder->time_base);
        if (avcodec_send_packet(t.decoder.get(), p) < 0) return; // a damaged packet is skipped, as players do
        FramePtr decoded(av_frame_alloc());
        while (avcodec_receive_frame(t.decoder.get(), decoded.get()) == 0) {
            const int outSamples = swr_get_out_samples(t.resampler, decoded->nb_samples);
            uint8_t** converted = nullptr;
            av_samples_alloc_array_and_samples(&converted, nullptr, t.encoder->ch_layout.nb_channels, outSamples, t.encoder->sample_fmt, 0);
            const int got
                = swr_convert(t.resampler, converted, outSamples, const_cast<const uint8_t**>(decoded->extended_data), decoded->nb_samples);
            if (got > 0) av_audio_fifo_write(t.fifo, reinterpret_cast<void**>(converted), got);
            av_freep(&converted[0]);
            av_freep(&converted);
            av_frame_unref(decoded.get());
        }
        encodeAudioFrames(inputStream, t, false);
    }

    void writeTranscodedSubtitle(AVPacket* p)
    {
        auto& t = *subtitleTranscoders.at(p->stream_index);
        AVSubtitle subtitle{};
        int got = 0;
        if (avcodec_decode_subtitle2(t.decoder.get(), &subtitle, &got, p) < 0 || !got) return; // an unreadable cue is skipped
        std::vector<uint8_t> buffer(1 << 16);
        const int size = avcodec_encode_subtitle(t.encoder.get(), buffer.data(), static_cast<int>(buffer.size()), &subtitle);
        avsubtitle_free(&subtitle);
        if (size <= 0) return;
        PacketPtr out(av_packet_alloc());
        if (av_new_packet(out.get(), size) < 0) throw Error(ErrorCode::OutOfMemory, "cannot allocate a subtitle packet");
        std::memcpy(out->data, buffer.data(), static_cast<size_t>(size));
        AVStream* stream = format->streams[streamMap.at(p->stream_index)];
        const AVRational inTb = inputTimeBases[p->stream_index];
        out->pts = p->pts == AV_NOPTS_VALUE ? AV_NOPTS_VALUE : av_rescale_q(p->pts, inTb, stream->time_base);
        out->dts = out->pts;
        out->duration = av_rescale_q(p->duration, inTb, stream->time_base);
        out->stream_index = stream->index;
        if (!keepsTimeOrder(p->stream_index, out.get())) return;
        if (int w = av_interleaved_write_frame(format, out.get()); w < 0) failWrite("writing '" + path + "' failed", w);
    }

    void drainPending(bool all, int64_t videoPts)
    {
        std::deque<AVPacket*> ready;
        {
            std::lock_guard lock(pendingMutex);
            while (!pending.empty()) {
                AVPacket* p = pending.front();
                const int64_t t = p->dts != AV_NOPTS_VALUE ? p->dts : p->pts;
                // Keep passthrough packets at most ~1 s ahead of the video written so far, so the
                // muxer interleaves them instead of buffering a long run of audio.
                if (!all && t != AV_NOPTS_VALUE && videoPts != AV_NOPTS_VALUE
                    && t * av_q2d(inputTimeBases[p->stream_index]) - videoPts * av_q2d(videoTimeBase) > 1.0)
                    break;
                pending.pop_front();
                ready.push_back(p);
            }
        }
        for (AVPacket* p : ready) {
            if (audioTranscoders.count(p->stream_index)) {
                transcodeAudio(p->stream_index, p);
                av_packet_free(&p);
                continue;
            }
            if (subtitleTranscoders.count(p->stream_index)) {
                writeTranscodedSubtitle(p);
                av_packet_free(&p);
                continue;
            }
            const int in = p->stream_index;
            const auto out = streamMap.at(in);
            AVStream* stream = format->streams[out];
            av_packet_rescale_ts(p, inputTimeBases[in], stream->time_base);
            p->stream_index = out;
            p->pos = -1;
            if (!keepsTimeOrder(in, p)) {
                av_packet_free(&p);
                continue;
            }
            const int w = av_interleaved_write_frame(format, p);
            av_packet_free(&p);
            if (w < 0) failWrite("writing '" + path + "' failed", w);
        }
    }
};

MediaOutput::MediaOutput(const std::string& path, const ExportPreset& preset, const AVFormatContext* input, int inputVideoStream,
                         const VideoEncoder& encoder, const OutputVideoSpec& video, std::vector<std::string>& report)
    : m_impl(std::make_unique<Impl>())
{
    auto& d = *m_impl;
    d.path = path;
    d.preset = preset;
    d.report = &report;
    d.videoTimeBase = AVRational{video.timeBaseNum, video.timeBaseDen};

    if (int r = avformat_alloc_output_context2(&d.format, nullptr, preset.container.c_str(), path.c_str()); r < 0 || !d.format)
        throw Error(ErrorCode::InvalidArgument, "cannot create a '" + preset.container + "' output: " + ffmpegErrorText(r));
    AVDictionary* muxerOptions = nullptr;
    for (const auto& [key, value] : encoder.muxerOptions()) av_dict_set(&muxerOptions, key.c_str(), value.c_str(), 0);
    d.videoStream = avformat_new_stream(d.format, nullptr);
    avcodec_parameters_copy(d.videoStream->codecpar, encoder.parameters());
    if (d.videoStream->codecpar->codec_id == AV_CODEC_ID_HEVC && isQuickTimeFamily(d.format->oformat))
        d.videoStream->codecpar->codec_tag = MKTAG('h', 'v', 'c', '1');
    d.videoStream->time_base = d.videoTimeBase;
    d.videoStream->avg_frame_rate = AVRational{video.frameRateNum, video.frameRateDen};
    d.videoStream->sample_aspect_ratio = AVRational{encoder.outputSarNum(), encoder.outputSarDen()};
    if (!video.displayMatrix.empty() && !setStreamDisplayMatrix(*d.videoStream, video.displayMatrix))
        throw Error(ErrorCode::OutOfMemory, "cannot allocate the output's display matrix");
    report.push_back(encoder.describe());

    // The source's other streams.
    d.inputTimeBases.resize(input->nb_streams);
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        const AVStream* in = input->streams[i];
        d.inputTimeBases[i] = in->time_base;
        if (static_cast<int>(i) == inputVideoStream) {
            av_dict_copy(&d.videoStream->metadata, in->metadata, 0);
            continue;
        }
        const AVMediaType type = in->codecpar->codec_type;
        const std::string what = std::string(mediaTypeName(type)) + " #" + std::to_string(i) + " (" + streamFormatName(*in->codecpar) + ")";
        const StreamPolicy policy = type == AVMEDIA_TYPE_SUBTITLE ? preset.subtitles : preset.audio;
        if (policy == StreamPolicy::Drop) {
            report.push_back(what + ": dropped (preset)");
            continue;
        }
        if (const auto attached = addMatroskaAttachment(*d.format, *in)) {
            report.push_back(what + ": " + *attached);
            continue;
        }
        const bool audioMustChange = type == AVMEDIA_TYPE_AUDIO
                                     && (policy == StreamPolicy::Transcode
                                         || avformat_query_codec(d.format->oformat, in->codecpar->codec_id, FF_COMPLIANCE_NORMAL) != 1);
        if (audioMustChange) {
            if (auto transcoder
                = openAudioTranscoder(in, preset.audioFallbackCodec, preset.audioFallbackBitRate, d.format->oformat->flags)) {
                AVStream* out = avformat_new_stream(d.format, nullptr);
                avcodec_parameters_from_context(out->codecpar, transcoder->encoder.get());
                out->time_base = transcoder->encoder->time_base;
                out->disposition = in->disposition;
                av_dict_copy(&out->metadata, in->metadata, 0);
                d.streamMap[static_cast<int>(i)] = out->index;
                d.audioTranscoders[static_cast<int>(i)] = std::move(transcoder);
                report.push_back(
                    what + ": transcoded to " + preset.audioFallbackCodec
                    + (policy == StreamPolicy::Transcode ? " (preset)" : " (" + preset.container + " cannot hold it as it is)"));
                continue;
            }
            report.push_back(what + ": NOT COPIED: no " + preset.audioFallbackCodec + " encoding possible for it");
            continue;
        }
        if (avformat_query_codec(d.format->oformat, in->codecpar->codec_id, FF_COMPLIANCE_NORMAL) != 1) {
            if (type == AVMEDIA_TYPE_SUBTITLE) {
                const AVCodecID target = textSubtitleCodecFor(d.format->oformat);
                if (auto transcoder = openSubtitleTranscoder(in, target)) {
                    AVStream* out = avformat_new_stream(d.format, nullptr);
                    avcodec_parameters_from_context(out->codecpar, transcoder->encoder.get());
                    out->time_base = in->time_base;
                    out->disposition = in->disposition;
                    av_dict_copy(&out->metadata, in->metadata, 0);
                    d.streamMap[static_cast<int>(i)] = out->index;
                    d.subtitleTranscoders[static_cast<int>(i)] = std::move(transcoder);
                    report.push_back(what + ": transcoded to " + avcodec_get_name(target) + " (" + preset.container + " cannot hold "
                                     + avcodec_get_name(in->codecpar->codec_id) + ")");
                    continue;
                }
            }
            const AVDictionaryEntry* timecode = av_dict_get(d.videoStream->metadata, "timecode", nullptr, 0);
            if (type == AVMEDIA_TYPE_DATA && in->codecpar->codec_tag == MKTAG('t', 'm', 'c', 'd') && timecode) {
                report.push_back(what + ": timecode " + timecode->value + " kept on the video");
                continue;
            }
            const AVOutputFormat* matroska = av_guess_format("matroska", nullptr, nullptr);
            const bool attachment = type == AVMEDIA_TYPE_ATTACHMENT
                                    || ((in->disposition & AV_DISPOSITION_ATTACHED_PIC) && matroskaCoverFile(in->codecpar->codec_id));
            const bool matroskaHolds = d.format->oformat != matroska && matroska
                                       && (attachment || avformat_query_codec(matroska, in->codecpar->codec_id, FF_COMPLIANCE_NORMAL) == 1);
            report.push_back(what + ": NOT COPIED: " + preset.container + " cannot hold " + streamFormatName(*in->codecpar)
                             + (matroskaHolds ? " (a .mkv output keeps it)" : ""));
            continue;
        }
        AVStream* out = avformat_new_stream(d.format, nullptr);
        avcodec_parameters_copy(out->codecpar, in->codecpar);
        out->codecpar->codec_tag = 0;
        out->time_base = in->time_base;
        out->disposition = in->disposition;
        av_dict_copy(&out->metadata, in->metadata, 0);
        d.streamMap[static_cast<int>(i)] = out->index;
        report.push_back(what + ": copied");
    }

    // Chapters and global metadata.
    av_dict_copy(&d.format->metadata, input->metadata, 0);
    if (input->nb_chapters > 0) {
        d.format->chapters = static_cast<AVChapter**>(av_calloc(input->nb_chapters, sizeof(AVChapter*)));
        for (unsigned i = 0; i < input->nb_chapters; ++i) {
            const AVChapter* src = input->chapters[i];
            auto* c = static_cast<AVChapter*>(av_mallocz(sizeof(AVChapter)));
            c->id = src->id;
            c->time_base = src->time_base;
            c->start = src->start;
            c->end = src->end;
            av_dict_copy(&c->metadata, src->metadata, 0);
            d.format->chapters[d.format->nb_chapters++] = c;
        }
        report.push_back(std::to_string(input->nb_chapters) + " chapter(s) copied");
    }

    if (!(d.format->oformat->flags & AVFMT_NOFILE)) {
        if (int r = avio_open(&d.format->pb, path.c_str(), AVIO_FLAG_WRITE); r < 0) {
            av_dict_free(&muxerOptions);
            failWrite("cannot create '" + path + "'", r);
        }
    }
    const int r = avformat_write_header(d.format, &muxerOptions);
    av_dict_free(&muxerOptions);
    if (r < 0) failWrite("cannot write the header of '" + path + "'", r);
    d.headerWritten = true;
}

MediaOutput::~MediaOutput() = default;

void MediaOutput::writeVideoPacket(AVPacket* packet)
{
    auto& d = *m_impl;
    const int64_t pts = packet->pts;
    // Segments from separate encoder runs each start their own decode clock; keep it rising.
    if (packet->dts != AV_NOPTS_VALUE && d.lastVideoDts != AV_NOPTS_VALUE && packet->dts <= d.lastVideoDts)
        packet->dts = d.lastVideoDts + 1;
    if (packet->dts != AV_NOPTS_VALUE && packet->pts != AV_NOPTS_VALUE && packet->dts > packet->pts)
        throw Error(ErrorCode::Internal, "video packet decode time after its presentation time");
    d.lastVideoDts = packet->dts;
    packet->stream_index = d.videoStream->index;
    av_packet_rescale_ts(packet, d.videoTimeBase, d.videoStream->time_base);
    if (int w = av_interleaved_write_frame(d.format, packet); w < 0) failWrite("writing '" + d.path + "' failed", w);
    d.drainPending(false, pts);
}

void MediaOutput::writePassthrough(AVPacket* packet)
{
    auto& d = *m_impl;
    if (!d.streamMap.count(packet->stream_index)) {
        av_packet_free(&packet);
        return;
    }
    std::lock_guard lock(d.pendingMutex);
    d.pending.push_back(packet);
}

void MediaOutput::finish()
{
    auto& d = *m_impl;
    if (d.finished) return;
    d.drainPending(true, AV_NOPTS_VALUE);
    for (auto& [stream, transcoder] : d.audioTranscoders) d.encodeAudioFrames(stream, *transcoder, true);
    for (const auto& [stream, count] : d.droppedPackets)
        d.report->push_back("stream #" + std::to_string(stream) + ": " + std::to_string(count)
                            + " damaged packet(s) dropped (timestamps out of order)");
    if (int r = av_write_trailer(d.format); r < 0) failWrite("cannot finish '" + d.path + "'", r);
    if (d.format->pb) {
        avio_flush(d.format->pb);
        if (d.format->pb->error < 0) failWrite("writing '" + d.path + "' failed", d.format->pb->error);
    }
    d.finished = true;
}

} // namespace dualx::video
