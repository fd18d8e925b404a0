#include "dualx/model_config.h"

#include "dualx/errors.h"
#include "json_numbers.h"

#include <nlohmann/json.hpp>

namespace dualx {

namespace {

void require(bool ok, const std::string& message)
{
    if (!ok) throw Error(ErrorCode::InvalidArgument, "model config: " + message);
}

UpsamplerKind upsamplerFromName(const std::string& name)
{
    if (name == "pixelshuffle2x2") return UpsamplerKind::PixelShuffle2x2;
    if (name == "pixelshuffle4") return UpsamplerKind::PixelShuffle4;
    throw Error(ErrorCode::InvalidArgument, "model config: unknown upsampler '" + name + "' (expected pixelshuffle2x2 or pixelshuffle4)");
}

nlohmann::json attentionToJson(const AttentionShape& a) { return {{"heads", a.heads}, {"head_dim", a.headDim}}; }

AttentionShape attentionFromJson(const nlohmann::json& j) { return AttentionShape{j.at("heads").get<int>(), j.at("head_dim").get<int>()}; }

} // namespace

std::string_view upsamplerName(UpsamplerKind kind)
{
    switch (kind) {
    case UpsamplerKind::PixelShuffle2x2: return "pixelshuffle2x2";
    case UpsamplerKind::PixelShuffle4: return "pixelshuffle4";
    }
    return "unknown";
}

void ModelConfig::validate() const
{
    require(scale == 4, "scale must be 4, got " + std::to_string(scale));
    require(featureChannels > 0, "feature_channels must be positive");
    require(patchSize == 2, "patch_size must be 2 (the paper's 2x2 token embedding), got " + std::to_string(patchSize));
    require(embedDim > 0 && mlpDim > 0, "embed_dim and mlp_dim must be positive");
    require(embedTemporalMlpDim > 0 && reconTemporalMlpDim > 0, "temporal MLP dims must be positive");
    require(embedTemporalDepth >= 0 && reconTemporalDepth >= 0, "temporal depths must be >= 0");
    require(reconBlocks >= 0, "recon_blocks must be >= 0, got " + std::to_string(reconBlocks));
    require(!deepSourceCondition || sourceConditioned, "source_condition_deep needs source_conditioned");
    require(!splitSourceCondition || sourceConditioned, "source_condition_split needs source_conditioned");
    require(unknownSourceCondition >= 0.0 && unknownSourceCondition <= 1.0,
            "unknown_source_condition must be in [0, 1], got " + std::to_string(unknownSourceCondition));
    require(degradedSourceCondition >= unknownSourceCondition && degradedSourceCondition <= 1.0,
            "degraded_source_condition must be in [unknown_source_condition, 1] = [" + std::to_string(unknownSourceCondition) + ", 1], got "
                + std::to_string(degradedSourceCondition));
    require(cleanReconBlocks >= 0, "clean_recon_blocks must be >= 0, got " + std::to_string(cleanReconBlocks));
    require(cleanReconBlocks == 0 || sourceConditioned, "clean_recon_blocks needs source_conditioned");
    require(vtabDepth >= 0 && htabDepth >= 0 && vtabDepth + htabDepth > 0, "at least one VTAB or HTAB block is needed");
    require(temporalAttention.heads > 0 && temporalAttention.headDim > 0, "temporal attention heads/head_dim must be positive");
    require(axialAttention.heads > 0 && axialAttention.headDim > 0, "axial attention heads/head_dim must be positive");
    // 1-D RoPE rotates pairs; 2-D RoPE gives half of the pairs to each axis.
    require(temporalAttention.headDim % 2 == 0, "temporal head_dim must be even for RoPE");
    require(axialAttention.headDim % 4 == 0, "axial head_dim must be a multiple of 4 for 2-D RoPE");
    require(ropeBase > 1.0, "rope_base must be > 1");
}

std::string ModelConfig::toJson() const
{
    nlohmann::json j = {
        {"preset", preset},
        {"scale", scale},
        {"feature_channels", featureChannels},
        {"patch_size", patchSize},
        {"embed_temporal_depth", embedTemporalDepth},
        {"embed_temporal_mlp_dim", embedTemporalMlpDim},
        {"temporal_attention", attentionToJson(temporalAttention)},
        {"embed_dim", embedDim},
        {"vtab_depth", vtabDepth},
        {"htab_depth", htabDepth},
        {"mlp_dim", mlpDim},
        {"axial_attention", attentionToJson(axialAttention)},
        {"recon_temporal_depth", reconTemporalDepth},
        {"recon_temporal_mlp_dim", reconTemporalMlpDim},
        {"recon_blocks", reconBlocks},
        {"source_conditioned", sourceConditioned},
        {"source_condition_deep", deepSourceCondition},
        {"source_condition_split", splitSourceCondition},
        {"unknown_source_condition", unknownSourceCondition},
        {"degraded_source_condition", degradedSourceCondition},
        {"clean_recon_blocks", cleanReconBlocks},
        {"neighbour_input", neighbourInput},
        {"phase_consistent_upsampler", phaseConsistentUpsampler},
        {"upsampler", std::string(upsamplerName(upsampler))},
        {"rope_base", ropeBase},
    };
    return j.dump();
}

ModelConfig ModelConfig::fromJson(std::string_view text)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidArgument, std::string("model config: not valid JSON: ") + e.what());
    }
    if (const auto number = findOutOfRangeNumber(j); !number.empty())
        throw Error(ErrorCode::InvalidArgument, "model config: " + number + " is out of range");
    ModelConfig c;
    try {
        c.preset = j.at("preset").get<std::string>();
        c.scale = j.at("scale").get<int>();
        c.featureChannels = j.at("feature_channels").get<int>();
        c.patchSize = j.at("patch_size").get<int>();
        c.embedTemporalDepth = j.at("embed_temporal_depth").get<int>();
        c.embedTemporalMlpDim = j.at("embed_temporal_mlp_dim").get<int>();
        c.temporalAttention = attentionFromJson(j.at("temporal_attention"));
        c.embedDim = j.at("embed_dim").get<int>();
        c.vtabDepth = j.at("vtab_depth").get<int>();
        c.htabDepth = j.at("htab_depth").get<int>();
        c.mlpDim = j.at("mlp_dim").get<int>();
        c.axialAttention = attentionFromJson(j.at("axial_attention"));
        c.reconTemporalDepth = j.at("recon_temporal_depth").get<int>();
        c.reconTemporalMlpDim = j.at("recon_temporal_mlp_dim").get<int>();
        c.reconBlocks = j.value("recon_blocks", 0);                                // absent in files written before it existed
        c.sourceConditioned = j.value("source_conditioned", false);                // likewise
        c.deepSourceCondition = j.value("source_condition_deep", false);           // likewise
        c.splitSourceCondition = j.value("source_condition_split", false);         // likewise
        c.unknownSourceCondition = j.value("unknown_source_condition", 0.5);       // likewise
        c.degradedSourceCondition = j.value("degraded_source_condition", 1.0);     // likewise
        c.cleanReconBlocks = j.value("clean_recon_blocks", 0);                     // likewise
        c.neighbourInput = j.value("neighbour_input", false);                      // likewise
        c.phaseConsistentUpsampler = j.value("phase_consistent_upsampler", false); // likewise
        c.upsampler = upsamplerFromName(j.at("upsampler").get<std::string>());
        c.ropeBase = j.at("rope_base").get<double>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::InvalidArgument, std::string("model config: missing or mistyped field: ") + e.what());
    }
    c.validate();
    return c;
}

std::vector<std::string> presetNames() { return {"paper", "medium", "small", "tiny"}; }

ModelConfig presetConfig(std::string_view name)
{
    ModelConfig c; // defaults are the paper's tables 6-8
    if (name == "paper") {
        c.preset = "paper";
        return c;
    }
    if (name == "small") {
        // Sized for CPU inference and CPU training (see docs/benchmarks.md for the measurements
        // that chose it): narrow features, few heads, a light x4 head computed at LR.
        c.preset = "small";
        c.featureChannels = 32;
        c.embedTemporalDepth = 1;
        c.embedTemporalMlpDim = 64;
        c.temporalAttention = {2, 16};
        c.embedDim = 64;
        c.vtabDepth = 2;
        c.htabDepth = 2;
        c.mlpDim = 128;
        c.axialAttention = {2, 32};
        c.reconTemporalDepth = 1;
        c.reconTemporalMlpDim = 64;
        c.upsampler = UpsamplerKind::PixelShuffle4;
        return c;
    }
    if (name == "medium") {
        // For GPU users and patient CPU users (issue: quality per second against "small"):
        // 1.5x the features, twice the token width and one more axial block per direction.
        c.preset = "medium";
        c.featureChannels = 48;
        c.embedTemporalDepth = 1;
        c.embedTemporalMlpDim = 96;
        c.temporalAttention = {2, 24};
        c.embedDim = 128;
        c.vtabDepth = 3;
        c.htabDepth = 3;
        c.mlpDim = 256;
        c.axialAttention = {4, 32};
        c.reconTemporalDepth = 1;
        c.reconTemporalMlpDim = 96;
        c.upsampler = UpsamplerKind::PixelShuffle4;
        return c;
    }
    if (name == "tiny") {
        c.preset = "tiny";
        c.featureChannels = 8;
        c.embedTemporalDepth = 1;
        c.embedTemporalMlpDim = 16;
        c.temporalAttention = {2, 8};
        c.embedDim = 16;
        c.vtabDepth = 1;
        c.htabDepth = 1;
        c.mlpDim = 32;
        c.axialAttention = {2, 8};
        c.reconTemporalDepth = 1;
        c.reconTemporalMlpDim = 16;
        c.upsampler = UpsamplerKind::PixelShuffle4;
        return c;
    }
    std::string known;
    for (const auto& n : presetNames()) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorCode::InvalidArgument, "unknown model preset '" + std::string(name) + "' (known: " + known + ")");
}

} // namespace dualx
