#pragma once
// Source conditioning: tells the network what kind of input it restores, as a source condition
// s in [0, 1] per clip (0: clean, e.g. a good master downscaled; 1: degraded, blurred, noisy or
// compressed; 0.5: unknown). A blind model must hedge between smoothing away artefacts and
// keeping real detail; told the source, it need not (the "input quality" choice of commercial
// upscalers). With u = 2s - 1, three feature sites are modulated x * (1 + u*gamma) + u*beta.
// gamma and beta start at zero, so a grown network computes what it did before, and s = 0.5 is
// always the network's blind behaviour.
#include <torch/nn/module.h>

namespace dualx::model {

class SourceConditionImpl : public torch::nn::Module {
public:
    SourceConditionImpl(int64_t featureChannels, int64_t tokenDim);

    // u: [B], one value 2s - 1 per clip.
    // Shallow features [B, N, C, H, W].
    torch::Tensor modulateShallow(const torch::Tensor& x, const torch::Tensor& u) const;
    // Tokens [B, N, nh, nw, D].
    torch::Tensor modulateTokens(const torch::Tensor& x, const torch::Tensor& u) const;
    // Reconstruction features [B*N, C, H, W] (frames of a clip adjacent).
    torch::Tensor modulateBody(const torch::Tensor& x, const torch::Tensor& u) const;

    // Back to the blind state (zero gamma and beta).
    void reset();

private:
    // Rows: gamma, beta. Stored a tenth of their effect so that AdamW's per-step movement, tuned
    // for the trained layers around them, moves these new ones ten times as fast.
    torch::Tensor m_shallow, m_tokens, m_body;
};
TORCH_MODULE(SourceCondition);

// Checks a source condition and maps it to u = 2s - 1; throws InvalidArgument outside [0, 1].
double sourceConditionToU(double s);

} // namespace dualx::model
