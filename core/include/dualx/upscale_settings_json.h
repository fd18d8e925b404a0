#pragma once
// UpscaleSettings as JSON, for jobs that run somewhere else than where they were set up (the
// tasks of a cluster batch). Every field travels; unknown keys are an error that names them.
#include "dualx/upscale_job.h"

#include <string>

namespace dualx {

std::string upscaleSettingsToJson(const UpscaleSettings& settings);
// Throws InvalidArgument naming the key that is wrong or unknown (and `origin`).
UpscaleSettings upscaleSettingsFromJson(const std::string& json, const std::string& origin);

} // namespace dualx
