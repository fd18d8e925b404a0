#pragma once
// Where the shipped models are: `mse` and `gan` name models/dualx-small-{mse,gan}.safetensors,
// looked up in DUALX_MODEL_DIR, beside the build tree, or in the installed share folder. Shared
// by the CLI and the desktop app so both find the same files.
#include <string>
#include <vector>

namespace dualx {

// "mse" / "gan" -> the shipped file's path (FileNotFound naming it if absent); else `name`.
std::string resolveModel(const std::string& name);

// One line per shipped model for --version and the About dialog: where it is and where it came
// from ("mse: /usr/share/dualx/models/dualx-small-mse.safetensors: small, 303260 parameters, F16,
// trained small-stage1-bicubic@7528;...", the last stage's own validation score where it ran
// one, interpolation and config changes), or that it is not installed.
std::vector<std::string> shippedModelProvenance();

} // namespace dualx
