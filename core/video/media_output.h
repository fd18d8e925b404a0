#pragma once
// The pipeline's output file: the restored video encoded as an export preset says, plus the
// source's other streams copied (audio, subtitles, attachments), its chapters and metadata.
// Video timestamps are the source frames' own, so variable frame rate survives. Not thread-safe
// except writePassthrough(), which the demux thread calls while the encode thread writes video.
#include "dualx/export_preset.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct AVFormatContext;
struct AVPacket;

namespace dualx::video {

struct OutputVideoSpec {
    int width = 0, height = 0;              // of the frames given to writeVideoFrame
    int timeBaseNum = 1, timeBaseDen = 25;  // of their timestamps (the source video stream's)
    int frameRateNum = 25, frameRateDen = 1;
    int colorPrimaries = 2, colorTransfer = 2, colorMatrix = 2, colorRange = 0; // source tags
};

class MediaOutput {
public:
    // Opens `path` (any name; the muxer comes from the preset). `input` and its video stream
    // index give the streams to copy. Lines describing what happens to each stream are appended
    // to `report`. Throws InvalidArgument / FileUnwritable.
    MediaOutput(const std::string& path, const ExportPreset& preset, const AVFormatContext* input, int inputVideoStream,
                const OutputVideoSpec& video, std::vector<std::string>& report);
    ~MediaOutput();
    MediaOutput(const MediaOutput&) = delete;
    MediaOutput& operator=(const MediaOutput&) = delete;

    // rgb48: packed RGB48, width*height*3 values; pts in the source video time base.
    void writeVideoFrame(const uint16_t* rgb48, int64_t pts);
    // Takes ownership of a packet from the source (any thread); written in order with the video.
    void writePassthrough(AVPacket* packet);
    // Flushes the encoder and the pending packets and writes the trailer.
    void finish();

    int outputWidth() const;
    int outputHeight() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace dualx::video
