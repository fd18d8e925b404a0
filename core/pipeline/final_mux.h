#pragma once
// The last step of a job: the encoded video packets (the job's segments), muxed with the source's
// other streams (copied or transcoded by MediaOutput), chapters and metadata, into one file.
// The source is demuxed again here (no decoding), so its packets never wait in memory while the
// model works.
#include "dualx/export_preset.h"
#include "video/video_encoder.h"

#include <functional>
#include <string>
#include <vector>

struct AVPacket;

namespace dualx::pipeline {

struct TrimRange {
    double startSeconds = 0;   // packets before it are dropped,
    double endSeconds = 1e300; // from it on too; the rest shift to start at 0
};

// Calls its argument with every encoded video packet in decode order (a job's segments, or the
// parts of a split job one after another).
using VideoPacketSource = std::function<void(const std::function<void(AVPacket*)>&)>;

// Writes `outputPath` (the caller renames it into place). Throws FileUnwritable / CorruptFile.
void muxVideo(const VideoPacketSource& videoPackets, const std::string& inputPath, const std::string& outputPath,
              const ExportPreset& preset, const video::VideoEncoder& encoder, const video::OutputVideoSpec& spec, const TrimRange& trim,
              std::vector<std::string>& report);

} // namespace dualx::pipeline
