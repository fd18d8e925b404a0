#pragma once
// EngineSettings made real: the model loaded and told the source condition, the device chosen and
// the tiling decided, the same way for a job and for a preview (so a preview shows what the job
// will produce).
#include "dualx/engine_settings.h"
#include "dualx/weights.h"
#include "engine/streaming_upscaler.h"
#include "model/dualx_vsr.h"

#include <string>

namespace dualx::pipeline {

struct PreparedEngine {
    std::string modelPath; // the model file (a shipped model's name resolved)
    WeightFileInfo modelInfo;
    model::DualXVSR net{nullptr};
    DeviceChoice device;
    engine::TilingSettings tiling; // the default tile for the model and device filled in
};

// Validates `settings` first; throws like inspectWeightFile for a bad model file and
// DeviceUnavailable for a device that is not there.
PreparedEngine prepareEngine(const EngineSettings& settings);

} // namespace dualx::pipeline
