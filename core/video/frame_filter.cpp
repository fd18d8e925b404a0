#include "video/frame_filter.h"

#include "dualx/errors.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/pixdesc.h>
}

namespace dualx::video {

namespace {

[[noreturn]] void failFilter(const std::string& description, const std::string& what, int error)
{
    throw Error(ErrorCode::Internal, "video filter '" + description + "': " + what + ": " + ffmpegErrorText(error));
}

} // namespace

FrameFilter::FrameFilter(const std::string& description, const AVFrame& first, AVRational timeBase, AVRational frameRate)
    : m_description(description),
      m_graph(avfilter_graph_alloc())
{
    if (!m_graph) throw Error(ErrorCode::OutOfMemory, "cannot allocate a filter graph");
    m_graph->nb_threads = 1; // the decoder and the network already use the cores

    AVBufferSrcParameters* parameters = av_buffersrc_parameters_alloc();
    if (!parameters) throw Error(ErrorCode::OutOfMemory, "cannot allocate filter parameters");
    parameters->format = first.format;
    parameters->width = first.width;
    parameters->height = first.height;
    parameters->time_base = timeBase.num > 0 ? timeBase : AVRational{1, 25};
    parameters->frame_rate = frameRate;
    parameters->sample_aspect_ratio = first.sample_aspect_ratio;
    m_source = avfilter_graph_alloc_filter(m_graph.get(), avfilter_get_by_name("buffer"), "in");
    int r = m_source ? av_buffersrc_parameters_set(m_source, parameters) : AVERROR(ENOMEM);
    av_free(parameters);
    if (r < 0) failFilter(description, "cannot set the source", r);
    if ((r = avfilter_init_str(m_source, nullptr)) < 0) failFilter(description, "cannot open the source", r);
    if ((r = avfilter_graph_create_filter(&m_sink, avfilter_get_by_name("buffersink"), "out", nullptr, nullptr, m_graph.get())) < 0)
        failFilter(description, "cannot open the sink", r);

    AVFilterInOut* outputs = avfilter_inout_alloc();
    AVFilterInOut* inputs = avfilter_inout_alloc();
    if (!outputs || !inputs) {
        avfilter_inout_free(&outputs);
        avfilter_inout_free(&inputs);
        throw Error(ErrorCode::OutOfMemory, "cannot allocate filter links");
    }
    outputs->name = av_strdup("in");
    outputs->filter_ctx = m_source;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = m_sink;
    r = avfilter_graph_parse_ptr(m_graph.get(), description.c_str(), &inputs, &outputs, nullptr);
    avfilter_inout_free(&outputs);
    avfilter_inout_free(&inputs);
    if (r < 0) failFilter(description, "cannot parse it", r);
    if ((r = avfilter_graph_config(m_graph.get(), nullptr)) < 0) {
        const char* format = av_get_pix_fmt_name(static_cast<AVPixelFormat>(first.format));
        failFilter(description, std::string("cannot configure it for ") + (format ? format : "this pixel format"), r);
    }
}

void FrameFilter::push(AVFrame* frame)
{
    const int r = av_buffersrc_add_frame_flags(m_source, frame, AV_BUFFERSRC_FLAG_KEEP_REF);
    av_frame_unref(frame);
    if (r < 0) failFilter(m_description, "refused a frame", r);
}

void FrameFilter::flush()
{
    if (m_ended) return;
    m_ended = true;
    if (const int r = av_buffersrc_add_frame_flags(m_source, nullptr, 0); r < 0) failFilter(m_description, "cannot flush", r);
}

bool FrameFilter::pull(AVFrame* frame)
{
    const int r = av_buffersink_get_frame(m_sink, frame);
    if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return false;
    if (r < 0) failFilter(m_description, "failed", r);
    return true;
}

AVRational FrameFilter::outputTimeBase() const { return av_buffersink_get_time_base(m_sink); }

AVRational FrameFilter::outputFrameRate() const
{
    const AVRational rate = av_buffersink_get_frame_rate(m_sink);
    return rate.num > 0 && rate.den > 0 ? rate : AVRational{0, 1};
}

} // namespace dualx::video
