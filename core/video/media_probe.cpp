#include "dualx/media_probe.h"

#include "dualx/errors.h"
#include "video/video_frame_reader.h"

extern "C" {
#include <libavformat/avformat.h>
}

#include <cmath>
#include <cstdio>

namespace dualx {

namespace {

MediaSummary summarise(const video::VideoFrameReader& reader)
{
    const auto& info = reader.info();
    MediaSummary s;
    s.width = info.width;
    s.height = info.height;
    s.fps = info.fps;
    s.durationSeconds = info.durationSeconds;
    s.frameCountEstimate = info.frameCountEstimate;
    s.videoCodec = info.codecName;
    s.pixelFormat = info.pixelFormatName;
    const AVFormatContext* format = reader.formatContext();
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        const AVCodecParameters* p = format->streams[i]->codecpar;
        if (p->codec_type == AVMEDIA_TYPE_AUDIO) s.audioCodecs.push_back(avcodec_get_name(p->codec_id));
        if (p->codec_type == AVMEDIA_TYPE_SUBTITLE) ++s.subtitleStreams;
    }
    return s;
}

} // namespace

std::string MediaSummary::describe() const
{
    char head[160];
    const int seconds = static_cast<int>(std::lround(durationSeconds));
    std::snprintf(head, sizeof head, "%dx%d, %.3g fps, %d:%02d:%02d, %s %s", width, height, fps, seconds / 3600, seconds / 60 % 60,
                  seconds % 60, videoCodec.c_str(), pixelFormat.c_str());
    std::string text = head;
    if (!audioCodecs.empty()) {
        text += "; audio";
        for (const auto& a : audioCodecs) text += " " + a;
    }
    if (subtitleStreams > 0) text += "; " + std::to_string(subtitleStreams) + (subtitleStreams == 1 ? " subtitle" : " subtitles");
    return text;
}

MediaSummary probeMedia(const std::string& path)
{
    video::VideoFrameReader reader(path);
    return summarise(reader);
}

struct FrameGrabber::Impl {
    std::string path;
    std::unique_ptr<video::VideoFrameReader> reader;
    MediaSummary summary;
    int64_t next = 0; // index of the frame the reader gives next
    RgbImage last;
    int64_t lastIndex = -1;

    void reopen()
    {
        reader = std::make_unique<video::VideoFrameReader>(path);
        next = 0;
    }
};

FrameGrabber::FrameGrabber(const std::string& path) : m_impl(std::make_unique<Impl>())
{
    m_impl->path = path;
    m_impl->reopen();
    m_impl->summary = summarise(*m_impl->reader);
}

FrameGrabber::~FrameGrabber() = default;

const MediaSummary& FrameGrabber::summary() const { return m_impl->summary; }

RgbImage FrameGrabber::frame(int64_t index)
{
    auto& d = *m_impl;
    if (index < 0) return {};
    if (index == d.lastIndex) return d.last;
    if (index < d.next) d.reopen();
    video::RgbFrame f;
    while (d.next <= index) {
        if (!d.reader->read(f)) return {};
        ++d.next;
    }
    d.last = RgbImage{f.width, f.height, std::move(f.rgb), f.timeSeconds};
    d.lastIndex = index;
    return d.last;
}

} // namespace dualx
