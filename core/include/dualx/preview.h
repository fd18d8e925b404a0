#pragma once
// Preview: one restored frame, computed the way the whole job would compute it (a temporal
// window of frames around it, tiled), so a user can judge a model and settings in seconds
// before committing hours to the whole video.
#include "dualx/device.h"
#include "dualx/media_probe.h"

#include <atomic>
#include <cstdint>
#include <string>

namespace dualx {

// Frames in the window of a quick first preview: about a third of a 16-frame window's time on a
// CPU, shown while the job's own window is computed (the app replaces it when that is done).
inline constexpr int kQuickPreviewFrames = 5;

struct PreviewSettings {
    std::string modelPath;
    int tileLr = 0, tileOverlapLr = 16; // 0: as the job (CPU: 112 MSE, 64 GAN; GPU: 512)
    int windowFrames = 16;              // frames around the previewed one that the model sees
    int ensemble = 1;                   // self-ensemble copies (1, 2, 4, 8, 16), as in the job
    double sourceCondition = 0.5;       // as in the job (source_quality.h)
    DevicePreference device = DevicePreference::Auto;
};

struct PreviewResult {
    RgbImage source;   // the frame as decoded
    RgbImage restored; // 4x
};

// Throws like UpscaleJob (FileNotFound, FileUnreadable, CorruptFile for a bad model),
// InvalidArgument when `frameIndex` is past the end, Cancelled if `cancel` becomes true.
PreviewResult previewFrame(const std::string& input, int64_t frameIndex, const PreviewSettings& settings,
                           const std::atomic<bool>* cancel = nullptr);

} // namespace dualx
