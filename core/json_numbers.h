#pragma once
// nlohmann-json converts a floating-point number to an integer field with a plain cast, which is
// undefined behaviour when the value does not fit (found by fuzzing the preset and recipe
// parsers: "crf": 1e52). Every parser of a file a user or a crash can hand us checks the parsed
// document first.
#include <nlohmann/json_fwd.hpp>

#include <string>

namespace dualx {

// The first floating-point number in `document` too large for a 32-bit integer field
// (|x| >= 2^31), as "path = value" ("video.crf = 1.9e+52"); empty when there is none.
std::string findOutOfRangeNumber(const nlohmann::json& document);

} // namespace dualx
