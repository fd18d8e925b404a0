// Arbitrary text as an export preset file. ExportPreset::fromJson either gives a preset or
// throws dualx::Error naming the field; a preset it accepts must survive its own JSON form.
#include "dualx/errors.h"
#include "dualx/export_preset.h"

#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    dualx::ExportPreset preset;
    try {
        preset = dualx::ExportPreset::fromJson(text, "fuzz input");
    } catch (const dualx::Error&) {
        return 0;
    }
    // Round trip: what toJson writes, fromJson reads back to the same JSON.
    const std::string once = preset.toJson();
    const std::string twice = dualx::ExportPreset::fromJson(once, "round trip").toJson();
    if (once != twice) std::abort();
    return 0;
}
