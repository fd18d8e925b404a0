#pragma once
// The pipeline's output file: the restored video's packets (from a VideoEncoder, possibly via
// crash-safe segments) muxed with the source's other streams copied (audio, subtitles,
// attachments), its chapters and metadata. Video timestamps are the source frames' own, so
// variable frame rate survives. Not thread-safe except writePassthrough(), which a demux thread
// may call while another writes video.
#include "dualx/export_preset.h"
#include "video/video_encoder.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct AVFormatContext;
struct AVPacket;

namespace dualx::video {

class MediaOutput {
public:
    // Opens `path` (any name; the muxer comes from the preset). The video stream takes the
    // encoder's parameters; `input` and its video stream index give the streams to copy. Lines
    // describing what happens to each stream are appended to `report` (which must outlive this
    // object: finish() adds the count of damaged packets it dropped). Throws InvalidArgument /
    // FileUnwritable.
    MediaOutput(const std::string& path, const ExportPreset& preset, const AVFormatContext* input, int inputVideoStream,
                const VideoEncoder& encoder, const OutputVideoSpec& video, std::vector<std::string>& report);
    ~MediaOutput();
    MediaOutput(const MediaOutput&) = delete;
    MediaOutput& operator=(const MediaOutput&) = delete;

    // An encoded video packet (borrowed), timestamps in the spec's time base, in decode order.
    void writeVideoPacket(AVPacket* packet);
    // Takes ownership of a packet from the source (any thread); written in order with the video.
    void writePassthrough(AVPacket* packet);
    // Writes the pending packets and the trailer.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace dualx::video
