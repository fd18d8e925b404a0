#pragma once
// DualX-VSR hyper-parameters. The config travels inside every weight file (JSON in the
// safetensors __metadata__), so a file always rebuilds the network it was trained as.
#include <string>
#include <string_view>
#include <vector>

namespace dualx {

// How the reconstruction head goes from LR features to the x4 image.
enum class UpsamplerKind {
    // The paper's head: [Conv c->4c, PixelShuffle(2), LeakyReLU] x2, Conv c->3 at HR.
    PixelShuffle2x2,
    // CPU head: one Conv c->3*16 and PixelShuffle(4), all at LR resolution. The paper head's
    // HR convolutions dominate a small model's cost (architecture.md section 7).
    PixelShuffle4,
};

struct AttentionShape {
    int heads = 12;
    int headDim = 64;
    int innerDim() const { return heads * headDim; }
    bool operator==(const AttentionShape&) const = default;
};

struct ModelConfig {
    std::string preset = "custom";
    int scale = 4;            // fixed by the architecture (two x2 or one x4 shuffle)
    int featureChannels = 64; // CNN channels c: shallow features and reconstruction convs
    int patchSize = 2;        // spatial token patch (frame patch is 1)

    // Input video embedding: temporal attention over each pixel's N tokens (c-dimensional).
    int embedTemporalDepth = 2;
    int embedTemporalMlpDim = 128;
    AttentionShape temporalAttention{12, 64};

    // Dual axial transformer: vtabDepth vertical-temporal then htabDepth horizontal-temporal.
    int embedDim = 1280; // D
    int vtabDepth = 6;
    int htabDepth = 6;
    int mlpDim = 2560;
    AttentionShape axialAttention{12, 64};

    // Spatiotemporal reconstruction: temporal attention over c-dimensional pixel tokens.
    int reconTemporalDepth = 2;
    int reconTemporalMlpDim = 128;
    // Residual 3x3 conv blocks at LR before the upsampler (0 in the paper; a cheap way to give
    // CPU presets more reconstruction capacity). Files without the field have none.
    int reconBlocks = 0;
    // Source conditioning (model/source_condition.h): the network takes a per-clip source
    // condition (0 clean, 0.5 unknown, 1 degraded). Files without the field are blind.
    bool sourceConditioned = false;
    // Deep source conditioning: also between the VTAB and HTAB stacks, after them, after each
    // reconstruction block and on the output residual (needs sourceConditioned). Default off.
    bool deepSourceCondition = false;
    // Split source conditioning: the clean side gets its own modulation at every site instead of
    // mirroring the degraded side's (needs sourceConditioned). Default off.
    bool splitSourceCondition = false;
    // The network condition a user's "unknown" (0.5 on the user's scale) stands for: the point
    // where the model does best on a mix of sources, found on the validation set after training
    // (tools/set-model-config.py). Training draws unknown inputs at 0.5 among mostly degraded
    // ones, so that point leans to degraded; a model whose blind behaviour serves clean sources
    // poorly gets a lower one. The user's scale maps through it in two linear pieces (0 -> 0,
    // 0.5 -> this, 1 -> the degraded point below), so "clean" keeps its meaning. Files without the
    // field use 0.5.
    double unknownSourceCondition = 0.5;
    // The network condition a user's "degraded" (1) stands for. Training marks every degraded
    // clip 1, heavy first-order degradations among them, so the network's own degraded end is
    // tuned for the worst inputs and smooths the mildly degraded ones users mostly have (camera
    // and web copies, home video); a file can be given the point that does best on those,
    // found on the validation set. The user's scale from 0.5 to 1 maps linearly from the unknown
    // point to this one (at least the unknown point). Files without the field use 1.
    double degradedSourceCondition = 1.0;
    // Clean-side reconstruction blocks: residual 3x3 conv blocks after the reconstruction blocks
    // whose residual is scaled by c = max(1 - 2s, 0), so they act only on inputs told clean (or
    // partly clean) and blind or degraded inputs go through the network unchanged (and skip
    // them). Capacity for the clean end that cannot cost the degraded end anything (needs
    // sourceConditioned). Files without the field have none.
    int cleanReconBlocks = 0;
    // Aligned-neighbour input: besides its own frame, each frame's shallow features take its
    // previous and next frames warped onto it by optical flow (engine/neighbour_alignment.h), so
    // the network sees the same content from several frames where the axial attentions would
    // have to find it across the motion. A 3x3 conv of the 6 warped channels added to conv_in's
    // output; it starts at zero, so a trained network grown by it is unchanged. Files without
    // the field have none.
    bool neighbourInput = false;
    UpsamplerKind upsampler = UpsamplerKind::PixelShuffle2x2;
    // Phase-consistent upsampler: every convolution that feeds a pixel shuffle gives all r x r
    // phases of an output channel the same response to a flat input (the mean of their biases,
    // and per input channel the mean of their weight sums; the weights keep their shape around
    // it). Independent phases put a fixed offset on each position of every r x r output block
    // wherever the picture is flat, a pattern that repeats across the whole frame; detail still
    // comes from how the phases answer to edges and texture. Files without the field keep
    // independent phases.
    bool phaseConsistentUpsampler = false;

    double ropeBase = 10000.0;

    // Throws dualx::Error(InvalidArgument) naming the first inconsistent field.
    void validate() const;
    std::string toJson() const;
    static ModelConfig fromJson(std::string_view json);
    bool operator==(const ModelConfig&) const = default;
};

std::string_view upsamplerName(UpsamplerKind kind);

// Named presets: "paper" (the paper's 127.95 M network), "small" (CPU inference), "tiny" (tests).
std::vector<std::string> presetNames();
ModelConfig presetConfig(std::string_view name); // throws InvalidArgument for unknown names

} // namespace dualx
