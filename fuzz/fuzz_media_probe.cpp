// Arbitrary bytes as a video file, the way the desktop app's queue sees a dropped file:
// probeMedia and the first frames through FrameGrabber either work or throw dualx::Error.
#include "dualx/errors.h"
#include "dualx/media_probe.h"
#include "dualx/runtime.h"
#include "fuzz_input.h"

// FFmpeg's console lines hidden, as in the front ends: printing them would slow every input.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    dualx::quietenMediaLibraries();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = dualx::fuzz::writeScratchFile("input-media", data, size);
    try {
        dualx::probeMedia(path);
        dualx::FrameGrabber grabber(path);
        for (int64_t i = 0; i < 3; ++i) grabber.frame(i);
        grabber.frame(0); // found again by seeking
    } catch (const dualx::Error&) {
    }
    return 0;
}
