#pragma once
// Pre-norm transformer block (x += Attn(LN(x)); x += MLP(LN(x))) and the two ways the network
// stacks them: temporal attention over each pixel's frames, and axial attention over
// vertical-temporal (VTAB) or horizontal-temporal (HTAB) planes of tokens.
#include "dualx/attention_kernel.h"
#include "dualx/model_config.h"
#include "model/attention.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/normalization.h>

namespace dualx::model {

class TransformerBlockImpl : public torch::nn::Module {
public:
    TransformerBlockImpl(int64_t dim, int64_t mlpDim, const AttentionShape& attention, std::shared_ptr<const AttentionSettings> settings);
    torch::Tensor forward(torch::Tensor x, const RotaryTables* rope);

private:
    torch::nn::LayerNorm m_norm1{nullptr}, m_norm2{nullptr};
    MultiHeadSelfAttention m_attn{nullptr};
    torch::nn::Linear m_fc1{nullptr}, m_fc2{nullptr};
};
TORCH_MODULE(TransformerBlock);

// Temporal attention: every pixel of a [B, N, C, H, W] feature video is a sequence of N
// C-dimensional tokens, with 1-D RoPE over t. Sequences are processed in slices so that the
// activations stay within the attention settings' memory bound.
class TemporalAttentionStackImpl : public torch::nn::Module {
public:
    TemporalAttentionStackImpl(int64_t channels, int64_t depth, int64_t mlpDim, const AttentionShape& attention, double ropeBase,
                               std::shared_ptr<const AttentionSettings> settings);
    torch::Tensor forward(const torch::Tensor& features);

private:
    int64_t m_mlpDim;
    AttentionShape m_attention;
    double m_ropeBase;
    std::shared_ptr<const AttentionSettings> m_settings;
    torch::nn::ModuleList m_blocks;
};
TORCH_MODULE(TemporalAttentionStack);

enum class AxialDirection { VerticalTemporal, HorizontalTemporal };

// VTAB: tokens [B, N, nH, nW, D] -> sequences [(B*nW), (N*nH), D] with 2-D RoPE over (t, h).
// HTAB: sequences [(B*nH), (N*nW), D] with RoPE over (t, w).
class AxialAttentionStackImpl : public torch::nn::Module {
public:
    AxialAttentionStackImpl(AxialDirection direction, int64_t dim, int64_t depth, int64_t mlpDim, const AttentionShape& attention,
                            double ropeBase, std::shared_ptr<const AttentionSettings> settings);
    torch::Tensor forward(const torch::Tensor& tokens);

private:
    AxialDirection m_direction;
    AttentionShape m_attention;
    double m_ropeBase;
    torch::nn::ModuleList m_blocks;
};
TORCH_MODULE(AxialAttentionStack);

} // namespace dualx::model
