#include "cli/arguments.h"
#include "cli/commands.h"

#include "dualx/errors.h"
#include "dualx/interlacing.h"
#include "dualx/media_probe.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace dualx::cli {

// What the job will see in a file: size, rate, display aspect, rotation and scan type.
int runProbe(const std::vector<std::string>& argv)
{
    Arguments args(argv, {}, {"json"});
    if (args.positionals().empty()) throw Error(ErrorCode::InvalidArgument, "usage: dualx probe FILE... [--json]");
    for (const auto& file : args.positionals()) {
        const MediaSummary summary = probeMedia(file);
        const InterlaceAnalysis scan = analyseInterlacing(file);
        if (args.flag("json")) {
            nlohmann::json j = {{"file", file},
                                {"width", summary.width},
                                {"height", summary.height},
                                {"fps", summary.fps},
                                {"duration_seconds", summary.durationSeconds},
                                {"video_codec", summary.videoCodec},
                                {"pixel_format", summary.pixelFormat},
                                {"pixel_aspect", std::to_string(summary.sarNum) + ":" + std::to_string(summary.sarDen)},
                                {"display_aspect", summary.displayAspectText()},
                                {"rotation", summary.rotationDegrees},
                                {"scan", scan.verdict()},
                                {"scan_evidence", scan.describe()}};
            std::cout << j.dump() << "\n";
        } else {
            std::cout << file << ": " << summary.describe() << "\n  scan: " << scan.describe() << "\n";
        }
    }
    return 0;
}

} // namespace dualx::cli
