#pragma once
// The job options `dualx upscale` takes, shared with `dualx cluster submit` (whose tasks run
// the same job): names, parsing into UpscaleSettings, and time values.
#include "cli/arguments.h"

#include "dualx/upscale_job.h"

#include <set>
#include <string>

namespace dualx::cli {

// Options taking a value, and flags, that upscaleSettingsFromArguments() reads.
const std::set<std::string>& upscaleValueOptions();
const std::set<std::string>& upscaleFlags();

// Everything but input and output; throws InvalidArgument naming the bad option.
UpscaleSettings upscaleSettingsFromArguments(const Arguments& args);

// "90", "90.5", "1:30" or "0:01:30.5" -> seconds; throws InvalidArgument naming --option.
double parseSeconds(const std::string& option, const std::string& text);

} // namespace dualx::cli
