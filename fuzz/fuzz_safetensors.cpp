// Arbitrary bytes as a weight file. The reader's contract (model/safetensors.h): it returns the
// tensors or throws dualx::Error; anything else (a crash, another exception, a sanitizer report,
// an allocation beyond the file's size) is a finding.
#include "dualx/errors.h"
#include "fuzz_input.h"
#include "model/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = dualx::fuzz::writeScratchFile("input.safetensors", data, size);
    try {
        dualx::model::readSafetensorsHeader(path);
    } catch (const dualx::Error&) {
    }
    try {
        const auto content = dualx::model::readSafetensors(path);
        for (const auto& [name, tensor] : content.tensors)
            if (tensor.numel() > 0) (void)tensor.sum(); // the data must be readable memory
    } catch (const dualx::Error&) {
    }
    return 0;
}
