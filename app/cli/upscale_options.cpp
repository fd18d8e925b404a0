#include "cli/upscale_options.h"

#include "dualx/errors.h"
#include "dualx/export_preset.h"
#include "dualx/shipped_models.h"
#include "dualx/source_quality.h"

#include <cstdlib>

namespace dualx::cli {

const std::set<std::string>& upscaleValueOptions()
{
    static const std::set<std::string> names
        = {"model",  "preset", "tile",     "tile-overlap",   "frames",          "frame-overlap", "ensemble",       "source",
           "device", "start",  "duration", "segment-frames", "segment-seconds", "deinterlace",   "temporal-fusion"};
    return names;
}

const std::set<std::string>& upscaleFlags()
{
    static const std::set<std::string> names = {"square-pixels", "bake-rotation"};
    return names;
}

// "90", "90.5", "1:30" or "0:01:30.5" -> seconds.
double parseSeconds(const std::string& option, const std::string& text)
{
    double total = 0;
    size_t begin = 0;
    int fields = 0;
    while (true) {
        const size_t colon = text.find(':', begin);
        const std::string part = text.substr(begin, colon == std::string::npos ? std::string::npos : colon - begin);
        char* end = nullptr;
        const double v = std::strtod(part.c_str(), &end);
        if (part.empty() || *end != '\0' || v < 0 || ++fields > 3)
            throw Error(ErrorCode::InvalidArgument, "--" + option + " expects seconds or [HH:]MM:SS, got '" + text + "'");
        total = total * 60 + v;
        if (colon == std::string::npos) break;
        begin = colon + 1;
    }
    return total;
}

UpscaleSettings upscaleSettingsFromArguments(const Arguments& args)
{
    UpscaleSettings base;
    base.preset = args.value("preset", base.preset);
    findPreset(base.preset); // an unknown preset fails before anything else
    EngineSettings& engine = base.engine;
    engine.model = resolveModel(args.value("model", engine.model)); // a missing shipped model fails here
    engine.tileLr = args.intValue("tile", engine.tileLr);
    engine.tileOverlapLr = args.intValue("tile-overlap", engine.tileOverlapLr);
    engine.windowFrames = args.intValue("frames", engine.windowFrames);
    engine.windowOverlap = args.intValue("frame-overlap", engine.windowOverlap);
    engine.ensemble = args.intValue("ensemble", engine.ensemble);
    if (const auto fusion = args.value("temporal-fusion")) engine.temporalFusion = parseTemporalFusion(*fusion);
    if (const auto source = args.value("source")) engine.sourceCondition = parseSourceCondition(*source);
    if (const auto device = args.value("device")) engine.device = devicePreferenceFromName(*device);
    if (const auto mode = args.value("deinterlace")) engine.deinterlace = parseDeinterlaceMode(*mode);
    validateEngineSettings(engine); // once, before any output folder exists
    base.startSeconds = parseSeconds("start", args.value("start", "0"));
    base.durationSeconds = parseSeconds("duration", args.value("duration", "0"));
    base.squarePixels = args.flag("square-pixels");
    base.bakeRotation = args.flag("bake-rotation");
    base.segmentFrames = args.intValue("segment-frames", 0);
    base.segmentSeconds = parseSeconds("segment-seconds", args.value("segment-seconds", "30"));
    if (base.segmentFrames < 0 || base.segmentSeconds <= 0)
        throw Error(ErrorCode::InvalidArgument, "--segment-frames must be >= 0 and --segment-seconds > 0");
    return base;
}

} // namespace dualx::cli
