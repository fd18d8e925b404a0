// Arbitrary bytes as a crash-safety job folder: a journal.json and two segment files. Opening
// the journal must either resume from segments it can vouch for or start afresh (never throw
// but dualx::Error), and replaying the resumed segments must give packets or dualx::Error.
// A resumed journal must never count frames backwards or point outside its folder.
#include "dualx/errors.h"
#include "fuzz_input.h"
#include "pipeline/segment_journal.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

extern "C" {
#include <libavcodec/packet.h>
}

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzedDataProvider input(data, size);
    const std::string output = dualx::fuzz::scratchFolder() + "/out.mkv";
    const std::string folder = dualx::pipeline::SegmentJournal::folderFor(output);
    fs::remove_all(folder);
    fs::create_directories(folder);
    std::ofstream(folder + "/journal.json", std::ios::binary) << input.ConsumeRandomLengthString(4096);
    std::ofstream(folder + "/segment-000000.dxseg", std::ios::binary) << input.ConsumeRandomLengthString(4096);
    std::ofstream(folder + "/segment-000001.dxseg", std::ios::binary) << input.ConsumeRemainingBytesAsString();

    try {
        dualx::pipeline::SegmentJournal journal(output, "fuzz", {});
        int64_t expectedFirst = 0;
        for (const auto& s : journal.segments()) {
            if (s.firstFrame != expectedFirst || s.frames <= 0 || s.file.find('/') != std::string::npos) std::abort();
            expectedFirst += s.frames;
        }
        if (journal.framesDone() != expectedFirst) std::abort();
        try {
            journal.forEachPacket([](AVPacket* p) {
                if (p->size < 0) std::abort();
            });
        } catch (const dualx::Error&) {
        }
    } catch (const dualx::Error&) {
    }
    return 0;
}
