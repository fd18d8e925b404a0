#pragma once
// Where the shipped models are: `mse` and `gan` name models/dualx-small-{mse,gan}.safetensors,
// looked up in DUALX_MODEL_DIR, beside the build tree, or in the installed share folder. Shared
// by the CLI and the desktop app so both find the same files.
#include <string>

namespace dualx {

// "mse" / "gan" -> the shipped file's path (FileNotFound naming it if absent); else `name`.
std::string resolveModel(const std::string& name);

} // namespace dualx
