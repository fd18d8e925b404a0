#pragma once
// One time range of a video split across machines (dualx cluster): its encoded video packets
// in one file, with the encoder headers they need and the number of frames. Parts of the same
// job share the encoder's settings, so their packets join into one stream without re-encoding.
#include "pipeline/segment_journal.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

struct AVPacket;

namespace dualx::pipeline {

// Writes every packet of `journal` to `path` (via "<path>.partial", renamed when durable).
// Throws FileUnwritable.
void writeSplitPart(const SegmentJournal& journal, const std::vector<uint8_t>& extradata, const std::string& path);

struct SplitPartInfo {
    std::vector<uint8_t> extradata;
    int64_t frames = 0;
    int64_t packets = 0;
};

// Reads a part's header; throws FileNotFound / CorruptFile naming `path`.
SplitPartInfo readSplitPartInfo(const std::string& path);

// Every packet of the part in order (borrowed). Throws CorruptFile.
void forEachSplitPartPacket(const std::string& path, const std::function<void(AVPacket*)>& visit);

} // namespace dualx::pipeline
