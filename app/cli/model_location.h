#pragma once
// Where the shipped models are: `mse` and `gan` name models/dualx-small-{mse,gan}.safetensors,
// looked up in DUALX_MODEL_DIR, beside the build tree, or in the installed share folder.
#include <string>

namespace dualx::cli {

// "mse" / "gan" -> the shipped file's path (FileNotFound naming it if absent); else `name`.
std::string resolveModel(const std::string& name);

} // namespace dualx::cli
