#include "pipeline/final_mux.h"

#include "dualx/errors.h"
#include "video/ffmpeg_support.h"
#include "video/media_output.h"

extern "C" {
#include <libavformat/avformat.h>
}

#include <cmath>

namespace dualx::pipeline {

namespace {

int64_t secondsToTicks(double seconds, AVRational tb) { return std::llround(seconds * tb.den / tb.num); }

// Applies the trim to a source packet: false if it lies outside, else shifts it to start at 0
// (a subtitle that outlasts the range ends with it).
bool trimPacket(AVPacket* p, AVRational tb, const TrimRange& trim)
{
    const int64_t t = p->pts != AV_NOPTS_VALUE ? p->pts : p->dts;
    const double seconds = t == AV_NOPTS_VALUE ? trim.startSeconds : t * av_q2d(tb);
    if (seconds < trim.startSeconds - 1e-9 || seconds >= trim.endSeconds) return false;
    if (p->duration > 0 && std::isfinite(trim.endSeconds) && t != AV_NOPTS_VALUE && (t + p->duration) * av_q2d(tb) > trim.endSeconds)
        p->duration = std::max<int64_t>(1, secondsToTicks(trim.endSeconds, tb) - t);
    const int64_t shift = secondsToTicks(trim.startSeconds, tb);
    if (p->pts != AV_NOPTS_VALUE) p->pts -= shift;
    if (p->dts != AV_NOPTS_VALUE) p->dts -= shift;
    return true;
}

} // namespace

void muxVideo(const VideoPacketSource& videoPackets, const std::string& inputPath, const std::string& outputPath,
              const ExportPreset& preset, const video::VideoEncoder& encoder, const video::OutputVideoSpec& spec, const TrimRange& trim,
              std::vector<std::string>& report)
{
    AVFormatContext* raw = nullptr;
    if (int r = avformat_open_input(&raw, inputPath.c_str(), nullptr, nullptr); r < 0)
        throw Error(ErrorCode::FileUnreadable, "cannot reopen '" + inputPath + "': " + video::ffmpegErrorText(r));
    video::InputFormatContextPtr input(raw);
    if (int r = avformat_find_stream_info(raw, nullptr); r < 0)
        throw Error(ErrorCode::FileUnreadable, "cannot read the streams of '" + inputPath + "': " + video::ffmpegErrorText(r));
    const int videoStream = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);

    video::MediaOutput output(outputPath, preset, raw, videoStream, encoder, spec, report);
    const AVRational videoTb{spec.timeBaseNum, spec.timeBaseDen};

    // Source packets are fed a little ahead of the video so MediaOutput can interleave them.
    video::PacketPtr next(av_packet_alloc());
    bool sourceDone = false;
    auto feedSourceUntil = [&](double seconds) {
        while (!sourceDone) {
            const int r = av_read_frame(raw, next.get());
            if (r < 0) {
                sourceDone = true; // end of file, or a damaged tail the decode pass also stopped at
                return;
            }
            const int index = next->stream_index;
            const AVRational tb = raw->streams[index]->time_base;
            if (index == videoStream || !trimPacket(next.get(), tb, trim)) {
                av_packet_unref(next.get());
                continue;
            }
            const int64_t t = next->dts != AV_NOPTS_VALUE ? next->dts : next->pts;
            const bool ahead = t != AV_NOPTS_VALUE && t * av_q2d(tb) > seconds;
            output.writePassthrough(av_packet_clone(next.get()));
            av_packet_unref(next.get());
            if (ahead) return;
        }
    };
    videoPackets([&](AVPacket* packet) {
        const int64_t t = packet->dts != AV_NOPTS_VALUE ? packet->dts : packet->pts;
        if (t != AV_NOPTS_VALUE) feedSourceUntil(t * av_q2d(videoTb) + 2.0);
        output.writeVideoPacket(packet);
    });
    feedSourceUntil(1e300);
    output.finish();
}

} // namespace dualx::pipeline
