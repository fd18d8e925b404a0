#pragma once
// A libavfilter chain between the decoder and the RGB conversion (deinterlacing, inverse
// telecine, idet statistics). Set up from the first decoded frame, so it sees the real pixel
// format and size; its output may have another time base and frame rate (bwdif at field rate
// doubles both), which the reader then reports.
#include "video/ffmpeg_support.h"

extern "C" {
#include <libavfilter/avfilter.h>
}

#include <memory>
#include <string>

namespace dualx::video {

struct FilterGraphDeleter {
    void operator()(AVFilterGraph* graph) const { avfilter_graph_free(&graph); }
};

class FrameFilter {
public:
    // `description` in libavfilter syntax, e.g. "bwdif=mode=send_field:parity=auto:deint=all".
    // `timeBase` and `frameRate` are the decoded stream's. Throws dualx::Error(Internal) if the
    // chain cannot be built for `first`'s format.
    FrameFilter(const std::string& description, const AVFrame& first, AVRational timeBase, AVRational frameRate);

    void push(AVFrame* frame); // takes the frame's references (the frame is left empty)
    void flush();              // end of input: the filters give out what they hold
    bool pull(AVFrame* frame); // false while the chain needs more input or after the end

    AVRational outputTimeBase() const;
    AVRational outputFrameRate() const; // 0/1 if the chain does not know it
    const std::string& description() const { return m_description; }

private:
    std::string m_description;
    std::unique_ptr<AVFilterGraph, FilterGraphDeleter> m_graph;
    AVFilterContext* m_source = nullptr;
    AVFilterContext* m_sink = nullptr;
    bool m_ended = false;
};

} // namespace dualx::video
