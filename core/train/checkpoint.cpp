#include "train/checkpoint.h"

#include "dualx/errors.h"
#include "dualx/weights.h"
#include "model/weights.h"

#include <filesystem>

namespace dualx::train {

namespace {

constexpr const char* kModelPrefix = "model.";
constexpr const char* kOptimPrefix = "optim.";

TrainingState stateFromMetadata(const model::Metadata& m)
{
    auto get = [&](const char* key, const std::string& fallback = "0") {
        auto it = m.find(key);
        return it == m.end() ? fallback : it->second;
    };
    TrainingState s;
    s.step = std::stoll(get("dualx.step"));
    s.trainSeconds = std::stod(get("dualx.train_seconds"));
    s.samplesSeen = std::stoll(get("dualx.samples_seen"));
    s.lastValidationPsnr = std::stod(get("dualx.validation_psnr_y"));
    s.lastValidationBicubicPsnr = std::stod(get("dualx.validation_bicubic_psnr_y"));
    s.recipeName = get("dualx.recipe", "");
    s.history = get("dualx.history", "");
    return s;
}

void requireCheckpoint(const model::Metadata& m, const std::string& path)
{
    auto format = m.find(metadata_keys::kFormat);
    if (format == m.end() || format->second != kCheckpointFormat)
        throw Error(ErrorCode::WeightMismatch, "'" + path + "' is not a DualX training checkpoint");
}

model::NamedTensors withoutPrefix(const model::NamedTensors& tensors, const std::string& prefix)
{
    model::NamedTensors out;
    for (const auto& [name, t] : tensors)
        if (name.rfind(prefix, 0) == 0) out.emplace_back(name.substr(prefix.size()), t);
    return out;
}

} // namespace

void saveCheckpoint(const std::string& path, model::DualXVSRImpl& model, const AdamW& optimizer,
                    const TrainingState& state)
{
    model::NamedTensors tensors;
    for (const auto& item : model.named_parameters()) tensors.emplace_back(kModelPrefix + item.key(), item.value());
    for (const auto& [name, t] : optimizer.state()) tensors.emplace_back(kOptimPrefix + name, t);
    const model::Metadata metadata = {
        {metadata_keys::kFormat, kCheckpointFormat},
        {metadata_keys::kConfig, model.config().toJson()},
        {"dualx.step", std::to_string(state.step)},
        {"dualx.optimizer_step", std::to_string(optimizer.stepCount())},
        {"dualx.train_seconds", std::to_string(state.trainSeconds)},
        {"dualx.samples_seen", std::to_string(state.samplesSeen)},
        {"dualx.validation_psnr_y", std::to_string(state.lastValidationPsnr)},
        {"dualx.validation_bicubic_psnr_y", std::to_string(state.lastValidationBicubicPsnr)},
        {"dualx.recipe", state.recipeName},
        {"dualx.history", state.history},
    };
    const auto folder = std::filesystem::path(path).parent_path();
    if (!folder.empty()) std::filesystem::create_directories(folder);
    model::writeSafetensors(path, tensors, metadata);
}

bool loadCheckpoint(const std::string& path, model::DualXVSRImpl& model, AdamW& optimizer, TrainingState& state)
{
    if (!std::filesystem::exists(path)) return false;
    auto content = model::readSafetensors(path);
    requireCheckpoint(content.metadata, path);
    if (ModelConfig::fromJson(content.metadata.at(metadata_keys::kConfig)) != model.config())
        throw Error(ErrorCode::WeightMismatch, "checkpoint '" + path + "' was trained with a different model config");
    model::loadTensorsInto(model, withoutPrefix(content.tensors, kModelPrefix), path);
    std::map<std::string, torch::Tensor> optimState;
    for (auto& [name, t] : withoutPrefix(content.tensors, kOptimPrefix)) optimState[name] = t;
    optimizer.loadState(optimState, std::stoll(content.metadata.at("dualx.optimizer_step")));
    state = stateFromMetadata(content.metadata);
    return true;
}

std::optional<TrainingState> loadInitialWeights(const std::string& path, model::DualXVSRImpl& model)
{
    auto content = model::readSafetensors(path);
    auto format = content.metadata.find(metadata_keys::kFormat);
    if (format != content.metadata.end() && format->second == kCheckpointFormat) {
        model::loadTensorsInto(model, withoutPrefix(content.tensors, kModelPrefix), path);
        return stateFromMetadata(content.metadata);
    }
    model::loadTensorsInto(model, content.tensors, path);
    return std::nullopt;
}

} // namespace dualx::train
