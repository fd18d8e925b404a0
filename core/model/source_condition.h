#pragma once
// Source conditioning: tells the network what kind of input it restores, as a source condition
// s in [0, 1] per clip (0: clean, e.g. a good master downscaled; 1: degraded, blurred, noisy or
// compressed; 0.5: unknown). A blind model must hedge between smoothing away artefacts and
// keeping real detail; told the source, it need not (the "input quality" choice of commercial
// upscalers). With u = 2s - 1, three feature sites are modulated x * (1 + u*gamma) + u*beta;
// deep conditioning (ModelConfig::deepSourceCondition) adds the tokens between and after the
// axial stacks, each reconstruction block's output and the output residual, so that the two
// ends can differ all along the network rather than only where it starts.
// With u tying both ends to one (gamma, beta), told clean is the mirror image of told degraded
// around the blind behaviour; split conditioning (ModelConfig::splitSourceCondition) gives the
// clean side its own pair per site: x * (1 + a*gamma + c*gamma_clean) + a*beta + c*beta_clean with
// a = max(u, 0), c = max(-u, 0), so each end can move without pulling the other.
// gamma and beta start at zero, so a grown network computes what it did before, and s = 0.5 is
// always the network's blind behaviour; a split network grown from an unsplit file starts with
// the clean pairs mirrored (-gamma, -beta), which is the same function.
#include "dualx/model_config.h"

#include <torch/nn/module.h>

#include <set>
#include <string>

namespace dualx::model {

class SourceConditionImpl : public torch::nn::Module {
public:
    explicit SourceConditionImpl(const ModelConfig& config);

    // u: [B], one value 2s - 1 per clip.
    // Shallow features [B, N, C, H, W].
    torch::Tensor modulateShallow(const torch::Tensor& x, const torch::Tensor& u) const;
    // Tokens [B, N, nh, nw, D]: as embedded; between the VTAB and HTAB stacks and after them
    // (those two only when deep; otherwise x is returned as it is).
    enum class TokenSite { Embedded, BetweenStacks, AfterStacks };
    torch::Tensor modulateTokens(const torch::Tensor& x, const torch::Tensor& u, TokenSite site = TokenSite::Embedded) const;
    // Reconstruction features [B*N, C, H, W] (frames of a clip adjacent).
    torch::Tensor modulateBody(const torch::Tensor& x, const torch::Tensor& u) const;
    // The output of reconstruction block `block` [B*N, C, H, W] (deep only).
    torch::Tensor modulateReconBlock(int block, const torch::Tensor& x, const torch::Tensor& u) const;
    // The network's output residual over its bilinear base [B*N, 3, H, W] (deep only).
    torch::Tensor modulateOutput(const torch::Tensor& x, const torch::Tensor& u) const;

    // Back to the blind state (zero gamma and beta).
    void reset();
    // For a split network loaded from a file without the clean pairs (`loaded` names this
    // module's tensors that the file held): sets each missing "<site>_clean" to the mirror of its
    // site, so the network computes what the file's did.
    void mirrorMissingCleanSides(const std::set<std::string>& loaded);

    // One modulation site: rows gamma, beta. Stored a tenth of their effect so that AdamW's
    // per-step movement, tuned for the trained layers around them, moves these new ones ten
    // times as fast. `clean` is defined only when split.
    struct Site {
        torch::Tensor degraded, clean;
        bool defined() const { return degraded.defined(); }
    };

private:
    Site addSite(const std::string& name, std::vector<int64_t> shape, bool split);

    Site m_shallow, m_tokens, m_body;
    // Deep sites, undefined unless deep: [2, D] twice, [blocks, 2, C], [2, 3].
    Site m_tokensMid, m_tokensOut, m_recon, m_output;
};
TORCH_MODULE(SourceCondition);

// The clean side's weight c = max(-u, 0) per clip: 1 told clean, 0 blind or degraded (split
// conditioning and the clean-side reconstruction blocks both scale by it).
torch::Tensor cleanSideWeight(const torch::Tensor& u);
// A per-clip value [B] viewed against frame-shaped features [B*N, C, H, W]: each clip's value
// repeated over its frames, as [B*N, 1, 1, 1].
torch::Tensor perFrame(const torch::Tensor& perClip, const torch::Tensor& frames);

// Checks a source condition and maps it to u = 2s - 1; throws InvalidArgument outside [0, 1].
double sourceConditionToU(double s);
// A condition on the user's scale (0 clean, 0.5 unknown, 1 degraded) as the network's condition,
// for a network whose unknown and degraded points are `unknownPoint` and `degradedPoint`
// (ModelConfig::unknownSourceCondition, degradedSourceCondition): linear from 0 to the unknown
// point and from it to the degraded point. Throws InvalidArgument outside [0, 1].
double networkSourceCondition(double userCondition, double unknownPoint, double degradedPoint = 1.0);

} // namespace dualx::model
