#pragma once
// The last step of a job: the video packets from the job's segments, muxed with the source's
// other streams (copied or transcoded by MediaOutput), chapters and metadata, into one file.
// The source is demuxed again here (no decoding), so its packets never wait in memory while the
// model works.
#include "dualx/export_preset.h"
#include "pipeline/segment_journal.h"
#include "video/video_encoder.h"

#include <string>
#include <vector>

namespace dualx::pipeline {

struct TrimRange {
    double startSeconds = 0;                 // packets before it are dropped,
    double endSeconds = 1e300;               // from it on too; the rest shift to start at 0
};

// Writes `outputPath` (the caller renames it into place). Throws FileUnwritable / CorruptFile.
void muxSegments(const SegmentJournal& journal, const std::string& inputPath, const std::string& outputPath,
                 const ExportPreset& preset, const video::VideoEncoder& encoder, const video::OutputVideoSpec& spec,
                 const TrimRange& trim, std::vector<std::string>& report);

} // namespace dualx::pipeline
