#include "dualx/shipped_models.h"

#include "dualx/errors.h"
#include "dualx/weights.h"

#include <unistd.h>

#include <climits>
#include <cstdio>
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
    throw Error(ErrorCode::FileNotFound,
                "the shipped " + name + " model (" + file + ") is not installed yet; give a weight file with --model FILE");
}

namespace {

// The last stage's own validation score, where it ran one: stages trained with validation off
// store 0, which is no score (the model card gives the validation set's numbers).
std::string trainingValidation(const std::map<std::string, std::string>& metadata)
{
    auto score = [&](const char* key) {
        auto it = metadata.find(key);
        if (it == metadata.end()) return 0.0;
        try {
            return std::stod(it->second);
        } catch (const std::exception&) {
            return 0.0;
        }
    };
    const double network = score("dualx.validation_psnr_y"), bicubic = score("dualx.validation_bicubic_psnr_y");
    if (network <= 0 || bicubic <= 0) return "";
    char text[96];
    std::snprintf(text, sizeof text, ", last stage's validation PSNR-Y %.2f dB (bicubic %.2f)", network, bicubic);
    return text;
}

} // namespace

std::vector<std::string> shippedModelProvenance()
{
    std::vector<std::string> lines;
    for (const char* name : {"mse", "gan"}) {
        try {
            const std::string path = resolveModel(name);
            const WeightFileInfo info = inspectWeightFile(path);
            auto meta = [&](const char* key) {
                auto it = info.metadata.find(key);
                return it == info.metadata.end() ? std::string("?") : it->second;
            };
            lines.push_back(
                std::string(name) + ": " + path + ": " + info.config.preset + ", " + std::to_string(info.parameters) + " parameters, "
                + info.storageDtype + ", trained " + meta("dualx.stages") + trainingValidation(info.metadata)
                + (info.metadata.count("dualx.interpolation") ? "; " + meta("dualx.interpolation") : "")
                + (info.metadata.count("dualx.config_changes") ? "; config changed after training: " + meta("dualx.config_changes") : ""));
        } catch (const Error& e) {
            lines.push_back(std::string(name) + ": " + e.what());
        }
    }
    return lines;
}

} // namespace dualx
