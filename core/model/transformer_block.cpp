#include "model/transformer_block.h"

#include <torch/nn/functional/activation.h>

namespace dualx::model {

TransformerBlockImpl::TransformerBlockImpl(int64_t dim, int64_t mlpDim, const AttentionShape& attention,
                                           std::shared_ptr<const AttentionSettings> settings)
{
    m_norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
    m_attn = register_module("attn", MultiHeadSelfAttention(dim, attention.heads, attention.headDim, std::move(settings)));
    m_norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
    m_fc1 = register_module("fc1", torch::nn::Linear(dim, mlpDim));
    m_fc2 = register_module("fc2", torch::nn::Linear(mlpDim, dim));
}

torch::Tensor TransformerBlockImpl::forward(torch::Tensor x, const RotaryTables* rope)
{
    x = x + m_attn->forward(m_norm1->forward(x), rope);
    return x + m_fc2->forward(torch::gelu(m_fc1->forward(m_norm2->forward(x))));
}

TemporalAttentionStackImpl::TemporalAttentionStackImpl(int64_t channels, int64_t depth, int64_t mlpDim, const AttentionShape& attention,
                                                       double ropeBase, std::shared_ptr<const AttentionSettings> settings)
    : m_mlpDim(mlpDim),
      m_attention(attention),
      m_ropeBase(ropeBase),
      m_settings(settings)
{
    m_blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < depth; ++i) m_blocks->push_back(TransformerBlock(channels, mlpDim, attention, settings));
}

torch::Tensor TemporalAttentionStackImpl::forward(const torch::Tensor& features)
{
    if (m_blocks->size() == 0) return features;
    const int64_t b = features.size(0), n = features.size(1), c = features.size(2);
    const int64_t h = features.size(3), w = features.size(4);
    auto seq = features.permute({0, 3, 4, 1, 2}).reshape({b * h * w, n, c});
    auto rope = buildRotaryTables(gridPositions({n}), m_attention.headDim, m_ropeBase, seq.device(), seq.scalar_type());

    // Widest per-token activation: qkv (3*inner), MLP hidden, or one head's score row per head.
    const int64_t widest = std::max({int64_t{3} * m_attention.innerDim(), m_mlpDim, int64_t{m_attention.heads} * n});
    const int64_t total = seq.size(0);
    const int64_t slice = std::max<int64_t>(1, m_settings->maxScoreElements / (n * widest));
    std::vector<torch::Tensor> parts;
    for (int64_t s0 = 0; s0 < total; s0 += slice) {
        auto x = seq.narrow(0, s0, std::min(slice, total - s0));
        for (auto& block : *m_blocks) x = block->as<TransformerBlock>()->forward(x, &rope);
        parts.push_back(x);
    }
    auto out = parts.size() == 1 ? parts[0] : torch::cat(parts, 0);
    return out.view({b, h, w, n, c}).permute({0, 3, 4, 1, 2}).contiguous();
}

AxialAttentionStackImpl::AxialAttentionStackImpl(AxialDirection direction, int64_t dim, int64_t depth, int64_t mlpDim,
                                                 const AttentionShape& attention, double ropeBase,
                                                 std::shared_ptr<const AttentionSettings> settings)
    : m_direction(direction),
      m_attention(attention),
      m_ropeBase(ropeBase)
{
    m_blocks = register_module("blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < depth; ++i) m_blocks->push_back(TransformerBlock(dim, mlpDim, attention, settings));
}

torch::Tensor AxialAttentionStackImpl::forward(const torch::Tensor& tokens)
{
    if (m_blocks->size() == 0) return tokens;
    const int64_t b = tokens.size(0), n = tokens.size(1), nh = tokens.size(2), nw = tokens.size(3), d = tokens.size(4);
    const bool vertical = m_direction == AxialDirection::VerticalTemporal;
    // Put the axis that is *not* attended next to the batch: [B, nW, N, nH, D] or [B, nH, N, nW, D].
    auto planes = vertical ? tokens.permute({0, 3, 1, 2, 4}) : tokens.permute({0, 2, 1, 3, 4});
    const int64_t across = vertical ? nw : nh, along = vertical ? nh : nw;
    auto x = planes.reshape({b * across, n * along, d});
    auto rope = buildRotaryTables(gridPositions({n, along}), m_attention.headDim, m_ropeBase, x.device(), x.scalar_type());
    for (auto& block : *m_blocks) x = block->as<TransformerBlock>()->forward(x, &rope);
    x = x.view({b, across, n, along, d});
    return (vertical ? x.permute({0, 2, 3, 1, 4}) : x.permute({0, 2, 1, 3, 4})).contiguous();
}

} // namespace dualx::model
