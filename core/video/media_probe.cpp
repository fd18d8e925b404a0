#include "dualx/media_probe.h"

#include "dualx/errors.h"
#include "video/quarter_turn.h"
#include "video/video_frame_reader.h"

extern "C" {
#include <libavformat/avformat.h>
}

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace dualx {

namespace {

// The decoded size where a frame can be decoded (decoders may disagree with the header).
MediaSummary summarise(const video::VideoFrameReader& reader, int decodedWidth, int decodedHeight)
{
    const auto& info = reader.info();
    MediaSummary s;
    s.width = decodedWidth > 0 ? decodedWidth : info.width;
    s.height = decodedHeight > 0 ? decodedHeight : info.height;
    s.sarNum = info.sarNum;
    s.sarDen = info.sarDen;
    s.rotationDegrees = info.rotationDegrees;
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

double MediaSummary::displayAspect() const
{
    if (width <= 0 || height <= 0) return 0;
    const double aspect = static_cast<double>(width) * sarNum / (static_cast<double>(height) * sarDen);
    return rotationDegrees == 90 || rotationDegrees == 270 ? 1.0 / aspect : aspect;
}

std::string MediaSummary::displayAspectText() const
{
    const double aspect = displayAspect();
    // Within 1 %: DV's 8:9 pixels on 720x480 give 1.333, on 704-wide active picture 1.30.
    for (const auto& [w, h] : {std::pair{4, 3}, {16, 9}, {3, 4}, {9, 16}, {1, 1}, {3, 2}, {2, 3}, {21, 9}})
        if (std::abs(aspect / (static_cast<double>(w) / h) - 1.0) < 0.01) return std::to_string(w) + ":" + std::to_string(h);
    char text[32];
    std::snprintf(text, sizeof text, "%.3g:1", aspect);
    return text;
}

RgbImage upright(RgbImage image, int clockwiseDegrees)
{
    if (clockwiseDegrees == 0 || image.empty()) return image;
    const bool quarter = clockwiseDegrees == 90 || clockwiseDegrees == 270;
    RgbImage out{quarter ? image.height : image.width, quarter ? image.width : image.height, {}, image.timeSeconds};
    video::turnClockwise(image.rgb.data(), image.width, image.height, clockwiseDegrees, out.rgb);
    return out;
}

std::string MediaSummary::describe() const
{
    char head[160];
    const int seconds = static_cast<int>(std::lround(durationSeconds));
    // Five digits: NTSC rates read 29.97, 23.976 and 59.94, not 30, 24 and 59.9.
    std::snprintf(head, sizeof head, "%dx%d, %.5g fps, %d:%02d:%02d, %s %s", width, height, fps, seconds / 3600, seconds / 60 % 60,
                  seconds % 60, videoCodec.c_str(), pixelFormat.c_str());
    std::string text = head;
    const bool squareUpright = sarNum == sarDen && rotationDegrees == 0;
    if (!squareUpright) {
        text += "; display " + displayAspectText();
        if (sarNum != sarDen) text += " (pixels " + std::to_string(sarNum) + ":" + std::to_string(sarDen) + ")";
        if (rotationDegrees != 0) text += ", rotated " + std::to_string(rotationDegrees);
    }
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
    video::RgbFrame first;
    try {
        if (reader.read(first)) return summarise(reader, first.width, first.height);
    } catch (const Error&) {
        // Undecodable frames: the header still describes the file; the job reports the damage.
    }
    return summarise(reader, 0, 0);
}

struct FrameGrabber::Impl {
    std::string path;
    std::unique_ptr<video::VideoFrameReader> reader;
    MediaSummary summary;
    int64_t next = 0; // index of the frame the reader gives next
    RgbImage last;
    int64_t lastIndex = -1;
    int64_t decoded = 0;
    // Timestamps of the frames decoded so far, by index: where seeking can go back to. Only
    // trusted while strictly increasing (a frame is found again by its timestamp).
    std::vector<int64_t> ptsByIndex;
    std::vector<int64_t> keyframes; // indices of the keyframes among them, ascending
    bool ptsUsable = true;

    void reopen()
    {
        video::ReaderOptions options;
        options.fixedSize = true; // the viewer shows every frame at one size
        reader = std::make_unique<video::VideoFrameReader>(path, options);
        next = 0;
    }

    bool readNext(video::RgbFrame& f)
    {
        if (!reader->read(f)) return false;
        ++decoded;
        if (next == static_cast<int64_t>(ptsByIndex.size())) {
            if (f.pts == INT64_MIN || (!ptsByIndex.empty() && f.pts <= ptsByIndex.back())) ptsUsable = false;
            ptsByIndex.push_back(f.pts);
            if (f.keyFrame) keyframes.push_back(next);
        }
        ++next;
        return true;
    }

    // Jumps to a frame decoded before, through a keyframe before it. False where that fails (the
    // reader is then reopened at the start).
    bool seekTo(int64_t index, video::RgbFrame& f)
    {
        const int64_t target = ptsByIndex[static_cast<size_t>(index)];
        auto key = std::upper_bound(keyframes.begin(), keyframes.end(), index);
        // Containers that seek by decode timestamp (MPEG-TS) can land just past the keyframe:
        // then try from the keyframe before it.
        for (int attempt = 0; attempt < 3 && key != keyframes.begin(); ++attempt) {
            --key;
            if (!reader->seekBefore(ptsByIndex[static_cast<size_t>(*key)])) break;
            if (decodeUpTo(target, f)) {
                next = index + 1;
                return true;
            }
        }
        reopen();
        return false;
    }

    // After a seek: decodes up to the frame with timestamp `target`. Frames count only from a
    // keyframe on; before one they may be garbage with plausible timestamps.
    bool decodeUpTo(int64_t target, video::RgbFrame& f)
    {
        bool keyframeSeen = false;
        while (reader->read(f)) {
            ++decoded;
            keyframeSeen = keyframeSeen || f.keyFrame;
            if (f.pts >= target) return keyframeSeen && f.pts == target;
        }
        return false;
    }
};

FrameGrabber::FrameGrabber(const std::string& path) : m_impl(std::make_unique<Impl>())
{
    m_impl->path = path;
    m_impl->reopen();
    auto& d = *m_impl;
    video::RgbFrame first;
    try {
        if (d.readNext(first)) {
            d.summary = summarise(*d.reader, first.width, first.height);
            d.last = upright(RgbImage{first.width, first.height, std::move(first.rgb), first.timeSeconds}, d.summary.rotationDegrees);
            d.lastIndex = 0;
            return;
        }
    } catch (const Error&) {
        d.reopen(); // frame() decodes again and reports the damage
    }
    d.summary = summarise(*d.reader, 0, 0);
}

FrameGrabber::~FrameGrabber() = default;

const MediaSummary& FrameGrabber::summary() const { return m_impl->summary; }

int64_t FrameGrabber::framesDecoded() const { return m_impl->decoded; }

RgbImage FrameGrabber::frame(int64_t index)
{
    // Decoding forward is cheapest for short hops; seeking pays off going back, or far ahead
    // into frames already seen.
    constexpr int64_t kForwardSeekDistance = 48;
    auto& d = *m_impl;
    if (index < 0) return {};
    if (index == d.lastIndex) return d.last;
    video::RgbFrame f;
    bool found = false;
    const bool known = index < static_cast<int64_t>(d.ptsByIndex.size());
    if (known && d.ptsUsable && (index < d.next || index - d.next > kForwardSeekDistance)) found = d.seekTo(index, f);
    if (!found) {
        if (index < d.next) d.reopen();
        while (d.next <= index)
            if (!d.readNext(f)) return {};
    }
    d.last = upright(RgbImage{f.width, f.height, std::move(f.rgb), f.timeSeconds}, d.summary.rotationDegrees);
    d.lastIndex = index;
    return d.last;
}

} // namespace dualx
