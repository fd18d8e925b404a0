// Arbitrary text as a training recipe. parseRecipe either gives a recipe or throws
// dualx::Error naming the field.
#include "dualx/errors.h"
#include "train/recipe.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        dualx::train::parseRecipe(text, "/nonexistent-recipe-folder");
    } catch (const dualx::Error&) {
    }
    return 0;
}
