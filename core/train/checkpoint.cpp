#include "train/checkpoint.h"

#include "dualx/errors.h"
#include "dualx/weights.h"
#include "model/weights.h"

#include <filesystem>
#include <map>

namespace dualx::train {

namespace {

constexpr const char* kModelPrefix = "model.";
constexpr const char* kOptimPrefix = "optim.";
constexpr const char* kDiscPrefix = "disc.";
constexpr const char* kDiscOptimPrefix = "disc_optim.";
constexpr const char* kAveragePrefix = "ema.";

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

bool isCheckpoint(const model::Metadata& m)
{
    auto format = m.find(metadata_keys::kFormat);
    return format != m.end() && format->second == kCheckpointFormat;
}

void requireCheckpoint(const model::Metadata& m, const std::string& path)
{
    if (!isCheckpoint(m)) throw Error(ErrorCode::WeightMismatch, "'" + path + "' is not a DualX training checkpoint");
}

model::NamedTensors withoutPrefix(const model::NamedTensors& tensors, const std::string& prefix)
{
    model::NamedTensors out;
    for (const auto& [name, t] : tensors)
        if (name.rfind(prefix, 0) == 0) out.emplace_back(name.substr(prefix.size()), t);
    return out;
}

// The network's weights in a file a stage starts from: a shipped weight file's tensors as they
// are, or a checkpoint's "model.*" with its weight average ("ema.*") in place of each trained
// tensor that has one (frozen ones have none). `averaged` says whether any was replaced.
model::NamedTensors networkWeights(const model::SafetensorsContent& content, bool* averaged = nullptr)
{
    if (averaged) *averaged = false;
    if (!isCheckpoint(content.metadata)) return content.tensors;
    auto weights = withoutPrefix(content.tensors, kModelPrefix);
    const auto average = withoutPrefix(content.tensors, kAveragePrefix);
    std::map<std::string, torch::Tensor> byName(average.begin(), average.end());
    for (auto& [name, t] : weights)
        if (auto it = byName.find(name); it != byName.end()) t = it->second;
    if (averaged) *averaged = !average.empty();
    return weights;
}

// A shipped weight file names the stages it came from ("a@1;b@2"): the last is the earlier
// stage, the rest its history, so the lineage carries on through an export.
std::optional<TrainingState> stateFromStages(const std::string& all)
{
    const auto split = all.rfind(';');
    const std::string last = split == std::string::npos ? all : all.substr(split + 1);
    const auto at = last.rfind('@');
    if (at == std::string::npos || at + 1 >= last.size() || last.find_first_not_of("0123456789", at + 1) != std::string::npos)
        return std::nullopt;
    TrainingState earlier;
    earlier.recipeName = last.substr(0, at);
    earlier.step = std::stoll(last.substr(at + 1));
    earlier.history = split == std::string::npos ? "" : all.substr(0, split);
    return earlier;
}

} // namespace

std::string stagesThrough(const TrainingState& stage)
{
    return (stage.history.empty() ? "" : stage.history + ";") + stage.recipeName + "@" + std::to_string(stage.step);
}

void saveCheckpoint(const std::string& path, model::DualXVSRImpl& model, const AdamW& optimizer, const TrainingState& state,
                    AdversaryParts adversary, const model::NamedTensors& averaged)
{
    model::NamedTensors tensors;
    for (const auto& item : model.named_parameters()) tensors.emplace_back(kModelPrefix + item.key(), item.value());
    for (const auto& [name, t] : averaged) tensors.emplace_back(kAveragePrefix + name, t);
    for (const auto& [name, t] : optimizer.state()) tensors.emplace_back(kOptimPrefix + name, t);
    if (adversary.discriminator) {
        for (const auto& item : adversary.discriminator->named_parameters()) tensors.emplace_back(kDiscPrefix + item.key(), item.value());
        for (const auto& item : adversary.discriminator->named_buffers()) tensors.emplace_back(kDiscPrefix + item.key(), item.value());
        for (const auto& [name, t] : adversary.optimizer->state()) tensors.emplace_back(kDiscOptimPrefix + name, t);
    }
    model::Metadata metadata = {
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
    if (adversary.optimizer) metadata["dualx.disc_optimizer_step"] = std::to_string(adversary.optimizer->stepCount());
    const auto folder = std::filesystem::path(path).parent_path();
    if (!folder.empty()) std::filesystem::create_directories(folder);
    model::writeSafetensors(path, tensors, metadata);
}

namespace {

// The discriminator and its optimizer from a GAN-stage checkpoint's "disc.*" and "disc_optim.*".
void restoreDiscriminator(const model::SafetensorsContent& content, const std::string& path, AdversaryParts adversary)
{
    const auto disc = withoutPrefix(content.tensors, kDiscPrefix);
    std::map<std::string, torch::Tensor> byName(disc.begin(), disc.end());
    torch::NoGradGuard noGrad;
    auto restore = [&](const std::string& name, torch::Tensor& target) {
        auto it = byName.find(name);
        if (it == byName.end() || it->second.sizes() != target.sizes())
            throw Error(ErrorCode::WeightMismatch, "checkpoint '" + path + "': discriminator tensor " + name + " missing or mis-shaped");
        target.copy_(it->second);
    };
    for (auto& item : adversary.discriminator->named_parameters()) restore(item.key(), item.value());
    for (auto& item : adversary.discriminator->named_buffers()) restore(item.key(), item.value());
    std::map<std::string, torch::Tensor> discOptim;
    for (auto& [name, t] : withoutPrefix(content.tensors, kDiscOptimPrefix)) discOptim[name] = t;
    adversary.optimizer->loadState(discOptim, std::stoll(content.metadata.at("dualx.disc_optimizer_step")));
}

} // namespace

bool loadCheckpoint(const std::string& path, model::DualXVSRImpl& model, AdamW& optimizer, TrainingState& state, AdversaryParts adversary,
                    model::NamedTensors* averaged)
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
    if (adversary.discriminator) {
        if (withoutPrefix(content.tensors, kDiscPrefix).empty()) {
            // A stage-2 checkpoint resumed as stage 3 would be a recipe mix-up: say so.
            throw Error(ErrorCode::WeightMismatch, "checkpoint '" + path + "' has no discriminator; it is not a GAN-stage checkpoint");
        }
        restoreDiscriminator(content, path, adversary);
    }
    if (averaged) *averaged = withoutPrefix(content.tensors, kAveragePrefix);
    state = stateFromMetadata(content.metadata);
    return true;
}

InitialWeights loadInitialWeights(const std::string& path, model::DualXVSRImpl& model, AdversaryParts adversary)
{
    auto content = model::readSafetensors(path);
    InitialWeights result;
    result.grownBlocks = model::loadTensorsGrowing(model, networkWeights(content, &result.averaged), path);
    if (isCheckpoint(content.metadata)) {
        result.earlier = stateFromMetadata(content.metadata);
        if (adversary.discriminator && !withoutPrefix(content.tensors, kDiscPrefix).empty()) {
            restoreDiscriminator(content, path, adversary);
            result.discriminator = true;
        }
    } else if (auto stages = content.metadata.find("dualx.stages"); stages != content.metadata.end()) {
        result.earlier = stateFromStages(stages->second);
    }
    return result;
}

int loadInitPart(model::DualXVSRImpl& model, const std::string& prefix, const std::string& path)
{
    const auto weights = networkWeights(model::readSafetensors(path));
    const std::map<std::string, torch::Tensor> byName(weights.begin(), weights.end());
    // Every tensor is checked before any is copied, so a bad file leaves the model as it was.
    std::vector<std::pair<torch::Tensor, const torch::Tensor*>> copies;
    for (const auto& item : model.named_parameters()) {
        if (!item.key().starts_with(prefix)) continue;
        const auto found = byName.find(item.key());
        const torch::Tensor* from = found == byName.end() ? nullptr : &found->second;
        if (!from || from->sizes() != item.value().sizes())
            throw Error(ErrorCode::InvalidArgument, "recipe: init_parts." + prefix + ": " + path + " has no tensor " + item.key()
                                                        + (from ? " of the network's shape" : ""));
        copies.emplace_back(item.value(), from);
    }
    if (copies.empty())
        throw Error(ErrorCode::InvalidArgument, "recipe: init_parts prefix '" + prefix + "' names no parameter of the network");
    torch::NoGradGuard noGrad;
    for (auto& [to, from] : copies) to.copy_(from->to(to.dtype()));
    return static_cast<int>(copies.size());
}

} // namespace dualx::train
