#include "dualx/engine_settings.h"

#include "dualx/errors.h"
#include "engine_settings_json.h"
#include "json_numbers.h"

namespace dualx {

void validateEngineSettings(const EngineSettings& s)
{
    auto bad = [](const std::string& what) { throw Error(ErrorCode::InvalidArgument, what); };
    if (s.model.empty()) bad("no model given");
    if (s.tileLr < 0) bad("the tile size must be 0 (the default) or positive, got " + std::to_string(s.tileLr));
    if (s.tileOverlapLr < 0) bad("the tile overlap must not be negative, got " + std::to_string(s.tileOverlapLr));
    if (s.windowFrames < 1) bad("the window must hold at least 1 frame, got " + std::to_string(s.windowFrames));
    if (s.windowOverlap < 0 || s.windowOverlap >= s.windowFrames)
        bad("the frame overlap " + std::to_string(s.windowOverlap) + " must be in [0, " + std::to_string(s.windowFrames)
            + ") for a window of " + std::to_string(s.windowFrames) + " frames");
    checkEnsembleSize(s.ensemble);
    checkFusionSetting(s.temporalFusion);
    if (!(s.sourceCondition >= 0.0 && s.sourceCondition <= 1.0))
        bad("the source condition must be in [0, 1] (0 clean, 0.5 unknown, 1 degraded), got " + std::to_string(s.sourceCondition));
}

void checkFusionSetting(int setting)
{
    if (!isFusionSetting(setting))
        throw Error(ErrorCode::InvalidArgument, "the temporal fusion radius must be auto or in [0, " + std::to_string(kMaxFusionRadius)
                                                    + "] frames, got " + std::to_string(setting));
}

int parseTemporalFusion(const std::string& text)
{
    if (text == "auto") return kFusionAuto;
    size_t used = 0;
    int radius = -1;
    try {
        radius = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || !isFusionRadius(radius))
        throw Error(ErrorCode::InvalidArgument, "the temporal fusion takes auto or a radius of 0 (off) to "
                                                    + std::to_string(kMaxFusionRadius) + " frames, not '" + text + "'");
    return radius;
}

namespace pipeline {

void writeEngineSettings(const EngineSettings& s, nlohmann::json& j)
{
    j["model"] = s.model;
    j["tile"] = s.tileLr;
    j["tile_overlap"] = s.tileOverlapLr;
    j["frames"] = s.windowFrames;
    j["frame_overlap"] = s.windowOverlap;
    j["ensemble"] = s.ensemble;
    if (s.temporalFusion == kFusionAuto)
        j["temporal_fusion"] = "auto";
    else
        j["temporal_fusion"] = s.temporalFusion;
    j["source"] = s.sourceCondition;
    j["device"] = devicePreferenceName(s.device);
    j["deinterlace"] = std::string(deinterlaceModeName(s.deinterlace));
}

bool readEngineSetting(const std::string& key, const nlohmann::json& value, EngineSettings& s)
{
    if (key == "model")
        s.model = value.get<std::string>();
    else if (key == "tile")
        s.tileLr = value.get<int>();
    else if (key == "tile_overlap")
        s.tileOverlapLr = value.get<int>();
    else if (key == "frames")
        s.windowFrames = value.get<int>();
    else if (key == "frame_overlap")
        s.windowOverlap = value.get<int>();
    else if (key == "ensemble")
        s.ensemble = value.get<int>();
    else if (key == "temporal_fusion")
        s.temporalFusion = value.is_string() && value.get<std::string>() == "auto" ? kFusionAuto : value.get<int>();
    else if (key == "source")
        s.sourceCondition = value.get<double>();
    else if (key == "device")
        s.device = devicePreferenceFromName(value.get<std::string>());
    else if (key == "deinterlace")
        s.deinterlace = parseDeinterlaceMode(value.get<std::string>());
    else
        return false;
    return true;
}

nlohmann::json parseSettingsObject(const std::string& json, const std::string& origin, const std::string& what)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidArgument, origin + ": the " + what + " are not JSON: " + e.what());
    }
    if (!j.is_object()) throw Error(ErrorCode::InvalidArgument, origin + ": the " + what + " must be a JSON object");
    if (const auto number = findOutOfRangeNumber(j); !number.empty())
        throw Error(ErrorCode::InvalidArgument, origin + ": " + number + " is out of range");
    return j;
}

} // namespace pipeline

std::string engineSettingsToJson(const EngineSettings& settings)
{
    nlohmann::json j = nlohmann::json::object();
    pipeline::writeEngineSettings(settings, j);
    return j.dump();
}

EngineSettings engineSettingsFromJson(const std::string& json, const std::string& origin)
{
    const nlohmann::json j = pipeline::parseSettingsObject(json, origin, "engine settings");
    EngineSettings s;
    for (const auto& [key, value] : j.items()) {
        bool known = false;
        try {
            known = pipeline::readEngineSetting(key, value, s);
        } catch (const nlohmann::json::exception& e) {
            throw Error(ErrorCode::InvalidArgument, origin + ": engine setting '" + key + "' has the wrong type: " + e.what());
        } catch (const Error& e) { // a device or deinterlace mode that does not exist
            throw Error(ErrorCode::InvalidArgument, origin + ": engine setting '" + key + "': " + e.what());
        }
        if (!known) throw Error(ErrorCode::InvalidArgument, origin + ": unknown engine setting '" + key + "'");
    }
    try {
        validateEngineSettings(s);
    } catch (const Error& e) {
        throw Error(ErrorCode::InvalidArgument, origin + ": " + e.what());
    }
    return s;
}

} // namespace dualx
