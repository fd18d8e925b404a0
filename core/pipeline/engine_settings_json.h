#pragma once
// EngineSettings inside a larger JSON object (a job's settings carry its keys at the top level).
#include "dualx/engine_settings.h"

#include <nlohmann/json.hpp>

#include <string>

namespace dualx::pipeline {

void writeEngineSettings(const EngineSettings& settings, nlohmann::json& into);
// Reads `value` into `settings` when `key` is one of EngineSettings' keys; false otherwise.
// Throws nlohmann's type error for a value of the wrong type, InvalidArgument for a bad name.
bool readEngineSetting(const std::string& key, const nlohmann::json& value, EngineSettings& settings);

// `json` parsed as an object of settings; throws InvalidArgument starting with `origin` when it
// is not JSON, not an object, or holds a number too large for its field ("the job settings").
nlohmann::json parseSettingsObject(const std::string& json, const std::string& origin, const std::string& what);

} // namespace dualx::pipeline
