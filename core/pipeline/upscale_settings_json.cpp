#include "dualx/upscale_settings_json.h"

#include "dualx/errors.h"
#include "engine_settings_json.h"

#include <nlohmann/json.hpp>

namespace dualx {

std::string upscaleSettingsToJson(const UpscaleSettings& s)
{
    nlohmann::json j = {
        {"input", s.input},
        {"output", s.output},
        {"preset", s.preset},
        {"queue_frames", s.queueFrames},
        {"start", s.startSeconds},
        {"duration", s.durationSeconds},
        {"segment_frames", s.segmentFrames},
        {"segment_seconds", s.segmentSeconds},
        {"square_pixels", s.squarePixels},
        {"bake_rotation", s.bakeRotation},
        {"split_part", s.splitPart},
    };
    pipeline::writeEngineSettings(s.engine, j);
    return j.dump();
}

UpscaleSettings upscaleSettingsFromJson(const std::string& json, const std::string& origin)
{
    const nlohmann::json j = pipeline::parseSettingsObject(json, origin, "job settings");
    UpscaleSettings s;
    std::string key;
    try {
        for (const auto& [name, value] : j.items()) {
            key = name;
            if (name == "input")
                s.input = value.get<std::string>();
            else if (name == "output")
                s.output = value.get<std::string>();
            else if (name == "preset")
                s.preset = value.get<std::string>();
            else if (name == "queue_frames")
                s.queueFrames = value.get<int>();
            else if (name == "start")
                s.startSeconds = value.get<double>();
            else if (name == "duration")
                s.durationSeconds = value.get<double>();
            else if (name == "segment_frames")
                s.segmentFrames = value.get<int>();
            else if (name == "segment_seconds")
                s.segmentSeconds = value.get<double>();
            else if (name == "square_pixels")
                s.squarePixels = value.get<bool>();
            else if (name == "bake_rotation")
                s.bakeRotation = value.get<bool>();
            else if (name == "split_part")
                s.splitPart = value.get<bool>();
            else if (pipeline::readEngineSetting(name, value, s.engine))
                continue;
            else
                throw Error(ErrorCode::InvalidArgument, origin + ": unknown job setting '" + name + "'");
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidArgument, origin + ": job setting '" + key + "' has the wrong type: " + e.what());
    }
    return s;
}

} // namespace dualx
