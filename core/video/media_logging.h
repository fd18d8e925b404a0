#pragma once
// FFmpeg's console lines are hidden (quietenMediaLibraries), but the last error it logged on
// this thread often names a problem better than its error code does ("moov atom not found",
// "Picture size 60000x40000 is invalid" against "Invalid data found" or "Device or resource
// busy"), so it is kept for our error messages.
#include <string>

namespace dualx::video {

// Forgets this thread's last logged FFmpeg error (and starts capturing, once per process).
void clearMediaLibraryError();
// The last error-level line FFmpeg logged on this thread since clearMediaLibraryError(), without
// its "[component @ 0x...]" prefix; empty if none.
std::string lastMediaLibraryError();

} // namespace dualx::video
