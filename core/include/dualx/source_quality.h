#pragma once
// What the user tells a source-conditioned model about the input (model/source_condition.h):
// a source condition in [0, 1], 0 for a clean source, 1 for a degraded one (blurred, noisy,
// compressed), 0.5 when unknown (the blind default). Blind models ignore it.
#include <string_view>

namespace dualx {

constexpr double kSourceClean = 0.0, kSourceUnknown = 0.5, kSourceDegraded = 1.0;

// "clean", "unknown", "degraded", or a number in [0, 1]; throws InvalidArgument naming the text.
double parseSourceCondition(std::string_view text);

} // namespace dualx
