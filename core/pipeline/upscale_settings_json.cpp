#include "dualx/upscale_settings_json.h"

#include "dualx/errors.h"
#include "json_numbers.h"

#include <nlohmann/json.hpp>

namespace dualx {

std::string upscaleSettingsToJson(const UpscaleSettings& s)
{
    const nlohmann::json j = {
        {"input", s.input},
        {"output", s.output},
        {"model", s.modelPath},
        {"preset", s.preset},
        {"tile", s.tileLr},
        {"tile_overlap", s.tileOverlapLr},
        {"frames", s.windowFrames},
        {"frame_overlap", s.windowOverlap},
        {"ensemble", s.ensemble},
        {"source", s.sourceCondition},
        {"device", devicePreferenceName(s.device)},
        {"queue_frames", s.queueFrames},
        {"start", s.startSeconds},
        {"duration", s.durationSeconds},
        {"segment_frames", s.segmentFrames},
        {"segment_seconds", s.segmentSeconds},
        {"deinterlace", std::string(deinterlaceModeName(s.deinterlace))},
        {"square_pixels", s.squarePixels},
        {"bake_rotation", s.bakeRotation},
        {"split_part", s.splitPart},
    };
    return j.dump();
}

UpscaleSettings upscaleSettingsFromJson(const std::string& json, const std::string& origin)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidArgument, origin + ": the job settings are not JSON: " + e.what());
    }
    if (!j.is_object()) throw Error(ErrorCode::InvalidArgument, origin + ": the job settings must be a JSON object");
    if (const auto number = findOutOfRangeNumber(j); !number.empty())
        throw Error(ErrorCode::InvalidArgument, origin + ": job setting " + number + " is out of range");
    UpscaleSettings s;
    std::string key;
    try {
        for (const auto& [name, value] : j.items()) {
            key = name;
            if (name == "input")
                s.input = value.get<std::string>();
            else if (name == "output")
                s.output = value.get<std::string>();
            else if (name == "model")
                s.modelPath = value.get<std::string>();
            else if (name == "preset")
                s.preset = value.get<std::string>();
            else if (name == "tile")
                s.tileLr = value.get<int>();
            else if (name == "tile_overlap")
                s.tileOverlapLr = value.get<int>();
            else if (name == "frames")
                s.windowFrames = value.get<int>();
            else if (name == "frame_overlap")
                s.windowOverlap = value.get<int>();
            else if (name == "ensemble")
                s.ensemble = value.get<int>();
            else if (name == "source")
                s.sourceCondition = value.get<double>();
            else if (name == "device")
                s.device = devicePreferenceFromName(value.get<std::string>());
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
            else if (name == "deinterlace")
                s.deinterlace = parseDeinterlaceMode(value.get<std::string>());
            else if (name == "square_pixels")
                s.squarePixels = value.get<bool>();
            else if (name == "bake_rotation")
                s.bakeRotation = value.get<bool>();
            else if (name == "split_part")
                s.splitPart = value.get<bool>();
            else
                throw Error(ErrorCode::InvalidArgument, origin + ": unknown job setting '" + name + "'");
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidArgument, origin + ": job setting '" + key + "' has the wrong type: " + e.what());
    }
    return s;
}

} // namespace dualx
