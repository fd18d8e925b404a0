#pragma once
// Preview: one restored frame, computed the way the whole job would compute it (a temporal
// window of frames around it, tiled), so a user can judge a model and settings in seconds
// before committing hours to the whole video.
#include "dualx/engine_settings.h"
#include "dualx/media_probe.h"

#include <atomic>
#include <cstdint>
#include <string>

namespace dualx {

// Frames in the window of a quick first preview: about a third of a 16-frame window's time on a
// CPU, shown while the job's own window is computed (the app replaces it when that is done).
inline constexpr int kQuickPreviewFrames = 5;

struct PreviewResult {
    RgbImage source;   // the frame as decoded (an interlaced one woven, as a player without a deinterlacer shows it)
    RgbImage restored; // 4x, of the frame the job makes at the source frame's time (deinterlaced as the job does)
};

// Throws like UpscaleJob (FileNotFound, FileUnreadable, CorruptFile for a bad model),
// InvalidArgument when `frameIndex` is past the end, Cancelled if `cancel` becomes true.
// The job's settings apply but for the frame overlap (one window, centred on the frame).
PreviewResult previewFrame(const std::string& input, int64_t frameIndex, const EngineSettings& settings,
                           const std::atomic<bool>* cancel = nullptr);

} // namespace dualx
