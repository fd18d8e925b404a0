#include "dualx/shipped_models.h"

#include "dualx/errors.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace dualx {

namespace fs = std::filesystem;

std::string resolveModel(const std::string& name)
{
    if (name != "mse" && name != "gan") return name;
    const std::string file = "dualx-small-" + name + ".safetensors";
    std::vector<fs::path> candidates;
    if (const char* dir = std::getenv("DUALX_MODEL_DIR")) {
        // An explicit model folder is the only place looked at.
        if (fs::exists(fs::path(dir) / file)) return (fs::path(dir) / file).string();
        throw Error(ErrorCode::FileNotFound, "the shipped " + name + " model " + file + " is not in DUALX_MODEL_DIR (" + dir + ")");
    }
    char exe[PATH_MAX] = {};
    if (const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1); n > 0) {
        const fs::path bin = fs::path(std::string(exe, static_cast<size_t>(n))).parent_path();
        candidates.push_back(bin / "../../models" / file);
        candidates.push_back(bin / "../share/dualx/models" / file);
    }
    for (const auto& c : candidates)
        if (fs::exists(c)) return fs::weakly_canonical(c).string();
    throw Error(ErrorCode::FileNotFound, "the shipped " + name + " model (" + file
                                             + ") is not installed yet; give a weight file with --model FILE");
}

} // namespace dualx
