#include "model/weights.h"

#include "dualx/errors.h"

#include <set>

namespace dualx::model {

namespace {

std::string joinNames(const std::vector<std::string>& names, size_t limit = 5)
{
    std::string out;
    for (size_t i = 0; i < names.size() && i < limit; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > limit) out += " and " + std::to_string(names.size() - limit) + " more";
    return out;
}

std::string shapeText(c10::IntArrayRef shape) { return c10::str(shape); }

ModelConfig configFromMetadata(const Metadata& metadata, const std::string& path)
{
    const auto format = metadata.find(metadata_keys::kFormat);
    const auto config = metadata.find(metadata_keys::kConfig);
    if (format == metadata.end() || config == metadata.end())
        throw Error(ErrorCode::WeightMismatch,
                    "'" + path + "' is a safetensors file but not a DualX-VSR weight file (no dualx.config in its metadata)");
    if (format->second != kWeightFormat)
        throw Error(ErrorCode::WeightMismatch,
                    "'" + path + "' has weight format '" + format->second + "'; this version reads '" + kWeightFormat + "'");
    try {
        return ModelConfig::fromJson(config->second);
    } catch (const Error& e) {
        throw Error(ErrorCode::WeightMismatch, "'" + path + "' carries an unusable config: " + e.what());
    }
}

} // namespace

void saveModelWeights(DualXVSRImpl& model, const std::string& path, const std::string& variant, const Metadata& provenance,
                      torch::ScalarType storage)
{
    if (storage != torch::kFloat32 && storage != torch::kFloat16)
        throw Error(ErrorCode::InvalidArgument, "weights can be stored as float32 or float16 only");
    Metadata metadata = provenance;
    metadata[metadata_keys::kFormat] = kWeightFormat;
    metadata[metadata_keys::kConfig] = model.config().toJson();
    metadata[metadata_keys::kVariant] = variant;
    NamedTensors tensors;
    for (const auto& item : model.named_parameters()) tensors.emplace_back(item.key(), item.value().to(storage));
    for (const auto& item : model.named_buffers()) tensors.emplace_back(item.key(), item.value().to(storage));
    writeSafetensors(path, tensors, metadata);
}

namespace {

// Parts a trained network can be grown by: each starts as a no-op (identity residual blocks,
// blind source conditioning, clean-gated blocks), so a file without them fits the grown network.
constexpr std::string_view kGrowablePrefixes[] = {"recon_blocks.", "source_condition.", "clean_recon_blocks.", "conv_neighbours."};

bool isGrowable(const std::string& name)
{
    for (auto prefix : kGrowablePrefixes)
        if (name.starts_with(prefix)) return true;
    return false;
}

// Per-block tensors of the reconstruction blocks' source conditioning ([blocks, 2, C]): a file
// from a network with fewer blocks fills the leading rows, and the added blocks' rows stay blind.
bool fillsLeadingBlocks(const std::string& name, const torch::Tensor& inFile, const torch::Tensor& inNetwork)
{
    if (name != "source_condition.recon" && name != "source_condition.recon_clean") return false;
    return inFile.dim() == inNetwork.dim() && inFile.dim() > 0 && inFile.size(0) < inNetwork.size(0)
           && inFile.sizes().slice(1) == inNetwork.sizes().slice(1);
}

void loadChecked(DualXVSRImpl& model, const NamedTensors& tensors, const std::string& source, bool allowGrowth)
{
    std::map<std::string, torch::Tensor> expected;
    for (const auto& item : model.named_parameters()) expected[item.key()] = item.value();
    for (const auto& item : model.named_buffers()) expected[item.key()] = item.value();

    std::set<std::string> seen;
    std::vector<std::string> extra, misShaped, misTyped;
    for (const auto& [name, tensor] : tensors) {
        seen.insert(name);
        auto it = expected.find(name);
        if (it == expected.end()) {
            extra.push_back(name);
            continue;
        }
        if (!tensor.is_floating_point())
            misTyped.push_back(name + " (" + c10::toString(tensor.scalar_type()) + ", expected a floating-point type)");
        else if (tensor.sizes() != it->second.sizes() && !(allowGrowth && fillsLeadingBlocks(name, tensor, it->second)))
            misShaped.push_back(name + " (file " + shapeText(tensor.sizes()) + ", network " + shapeText(it->second.sizes()) + ")");
    }
    std::vector<std::string> missing;
    for (const auto& [name, _] : expected)
        if (!seen.count(name) && !(allowGrowth && isGrowable(name))) missing.push_back(name);

    std::string problems;
    auto add = [&](const char* what, const std::vector<std::string>& names) {
        if (!names.empty()) problems += std::string(problems.empty() ? "" : "; ") + what + ": " + joinNames(names);
    };
    add("missing tensors", missing);
    add("unexpected tensors", extra);
    add("wrong shape", misShaped);
    add("wrong dtype", misTyped);
    if (!problems.empty()) throw Error(ErrorCode::WeightMismatch, "'" + source + "' does not fit the network it describes: " + problems);

    torch::NoGradGuard noGrad;
    for (const auto& [name, tensor] : tensors) {
        auto& target = expected[name];
        auto into = tensor.sizes() == target.sizes() ? target : target.narrow(0, 0, tensor.size(0));
        into.copy_(tensor.to(target.dtype()));
    }
}

} // namespace

void loadTensorsInto(DualXVSRImpl& model, const NamedTensors& tensors, const std::string& source)
{
    loadChecked(model, tensors, source, false);
}

int loadTensorsGrowing(DualXVSRImpl& model, const NamedTensors& tensors, const std::string& source)
{
    int inFile = 0;
    for (const auto& [name, _] : tensors)
        if (name.starts_with("recon_blocks.") && name.ends_with(".conv1.weight")) ++inFile;
    loadChecked(model, tensors, source, true);
    if (model.config().splitSourceCondition) {
        constexpr std::string_view prefix = "source_condition.";
        std::set<std::string> loaded;
        for (const auto& [name, _] : tensors)
            if (name.starts_with(prefix)) loaded.insert(name.substr(prefix.size()));
        for (auto& module : model.modules(/*include_self=*/false))
            if (auto* condition = module->as<SourceConditionImpl>()) condition->mirrorMissingCleanSides(loaded);
    }
    return model.config().reconBlocks - inFile;
}

DualXVSR loadModelWeights(const std::string& path)
{
    auto content = readSafetensors(path);
    DualXVSR model(configFromMetadata(content.metadata, path));
    loadTensorsInto(*model, content.tensors, path);
    return model;
}

} // namespace dualx::model

namespace dualx {

WeightFileInfo inspectWeightFile(const std::string& path)
{
    auto header = model::readSafetensorsHeader(path);
    WeightFileInfo info;
    info.config = model::configFromMetadata(header.metadata, path);
    auto variant = header.metadata.find(metadata_keys::kVariant);
    info.variant = variant == header.metadata.end() ? "unknown" : variant->second;
    info.metadata = header.metadata;
    std::set<std::string> dtypes;
    for (const auto& e : header.entries) {
        int64_t numel = 1;
        for (auto d : e.shape) numel *= d;
        info.parameters += numel;
        dtypes.insert(e.dtype);
    }
    info.storageDtype = dtypes.size() == 1 ? *dtypes.begin() : (dtypes.empty() ? "none" : "mixed");
    return info;
}

} // namespace dualx
