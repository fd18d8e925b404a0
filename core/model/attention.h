#pragma once
// Multi-head self-attention with RoPE and memory-bounded kernels.
#include "dualx/attention_kernel.h"
#include "model/rope.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

#include <memory>

namespace dualx::model {

// q, k, v: [S, heads, L, d] -> [S, heads, L, d]. Softmax(q' k'^T / sqrt(d)) v with the kernel
// chosen by settings (resolveAttentionKernel), where q', k' are q, k rotated by `rope` (or q, k
// themselves when it is null).
torch::Tensor attend(torch::Tensor q, torch::Tensor k, const torch::Tensor& v, const AttentionSettings& settings,
                     const RotaryTables* rope = nullptr);

class MultiHeadSelfAttentionImpl : public torch::nn::Module {
public:
    MultiHeadSelfAttentionImpl(int64_t dim, int64_t heads, int64_t headDim, std::shared_ptr<const AttentionSettings> settings);
    // x: [S, L, dim]; rope may be null (no positions).
    torch::Tensor forward(const torch::Tensor& x, const RotaryTables* rope);

private:
    int64_t m_heads;
    int64_t m_headDim;
    std::shared_ptr<const AttentionSettings> m_settings;
    torch::nn::Linear m_qkv{nullptr};
    torch::nn::Linear m_proj{nullptr};
};
TORCH_MODULE(MultiHeadSelfAttention);

} // namespace dualx::model
