#include "model/attention.h"

#include "dualx/errors.h"
#include "model/cpu_attention.h"

#include <torch/version.h>

#include <cmath>

namespace dualx {

std::string_view attentionKernelName(AttentionKernel kernel)
{
    switch (kernel) {
    case AttentionKernel::Auto: return "auto";
    case AttentionKernel::Plain: return "plain";
    case AttentionKernel::Chunked: return "chunked";
    case AttentionKernel::Fused: return "fused";
    case AttentionKernel::Cpu: return "cpu";
    }
    return "unknown";
}

AttentionKernel attentionKernelFromName(std::string_view name)
{
    for (auto k : {AttentionKernel::Auto, AttentionKernel::Plain, AttentionKernel::Chunked, AttentionKernel::Fused, AttentionKernel::Cpu})
        if (attentionKernelName(k) == name) return k;
    throw Error(ErrorCode::InvalidArgument,
                "unknown attention kernel '" + std::string(name) + "' (expected auto, plain, chunked, fused or cpu)");
}

bool fusedAttentionAvailable() { return TORCH_VERSION_MAJOR >= 2; }

AttentionKernel resolveAttentionKernel(AttentionKernel kernel, bool cpuInference)
{
    if (kernel != AttentionKernel::Auto) return kernel;
    if (cpuInference) return AttentionKernel::Cpu;
    return fusedAttentionAvailable() ? AttentionKernel::Fused : AttentionKernel::Chunked;
}

} // namespace dualx

namespace dualx::model {

namespace {

torch::Tensor plainAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v)
{
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
    auto scores = torch::matmul(q * scale, k.transpose(-2, -1));
    return torch::matmul(scores.softmax(-1), v);
}

// Splits the flattened (sequence x head) batch and the queries so that no score block holds
// more than maxScoreElements values. Keys/values stay whole: each query row needs all of them.
torch::Tensor chunkedAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, int64_t maxScoreElements)
{
    const auto shape = q.sizes().vec();
    const int64_t lq = q.size(-2), lk = k.size(-2), d = q.size(-1);
    auto qf = q.reshape({-1, lq, d});
    auto kf = k.reshape({-1, lk, d});
    auto vf = v.reshape({-1, lk, v.size(-1)});
    const int64_t batch = qf.size(0);
    const int64_t budget = std::max<int64_t>(1, maxScoreElements);
    if (batch * lq * lk <= budget) return plainAttention(q, k, v);

    const int64_t queryChunk = std::clamp<int64_t>(budget / lk, 1, lq);
    const int64_t batchChunk = std::max<int64_t>(1, budget / (queryChunk * lk));
    std::vector<torch::Tensor> batchParts;
    for (int64_t b0 = 0; b0 < batch; b0 += batchChunk) {
        const int64_t nb = std::min(batchChunk, batch - b0);
        auto kb = kf.narrow(0, b0, nb), vb = vf.narrow(0, b0, nb), qb = qf.narrow(0, b0, nb);
        std::vector<torch::Tensor> queryParts;
        for (int64_t q0 = 0; q0 < lq; q0 += queryChunk) {
            const int64_t nq = std::min(queryChunk, lq - q0);
            queryParts.push_back(plainAttention(qb.narrow(1, q0, nq), kb, vb));
        }
        batchParts.push_back(queryParts.size() == 1 ? queryParts[0] : torch::cat(queryParts, 1));
    }
    auto out = batchParts.size() == 1 ? batchParts[0] : torch::cat(batchParts, 0);
    auto outShape = shape;
    outShape.back() = v.size(-1);
    return out.reshape(outShape);
}

} // namespace

torch::Tensor attend(torch::Tensor q, torch::Tensor k, const torch::Tensor& v, const AttentionSettings& settings, const RotaryTables* rope)
{
    const AttentionKernel kernel = resolveAttentionKernel(settings.kernel, cpuFusedAttentionApplies(q, k, v));
    if (kernel == AttentionKernel::Cpu) return cpuFusedAttention(q, k, v, rope);
    if (rope) {
        q = applyRotary(q, *rope);
        k = applyRotary(k, *rope);
    }
    switch (kernel) {
    case AttentionKernel::Plain: return plainAttention(q, k, v);
    case AttentionKernel::Chunked: return chunkedAttention(q, k, v, settings.maxScoreElements);
    case AttentionKernel::Fused:
#if TORCH_VERSION_MAJOR >= 2
        return at::scaled_dot_product_attention(q, k, v);
#else
        throw Error(ErrorCode::InvalidArgument,
                    "fused attention needs LibTorch >= 2.0 (this build has " + std::string(TORCH_VERSION) + "); use chunked");
#endif
    case AttentionKernel::Auto:
    case AttentionKernel::Cpu: break;
    }
    throw Error(ErrorCode::Internal, "attention kernel not resolved");
}

MultiHeadSelfAttentionImpl::MultiHeadSelfAttentionImpl(int64_t dim, int64_t heads, int64_t headDim,
                                                       std::shared_ptr<const AttentionSettings> settings)
    : m_heads(heads),
      m_headDim(headDim),
      m_settings(std::move(settings))
{
    const int64_t inner = heads * headDim;
    m_qkv = register_module("qkv", torch::nn::Linear(torch::nn::LinearOptions(dim, 3 * inner).bias(false)));
    m_proj = register_module("proj", torch::nn::Linear(torch::nn::LinearOptions(inner, dim)));
}

torch::Tensor MultiHeadSelfAttentionImpl::forward(const torch::Tensor& x, const RotaryTables* rope)
{
    const int64_t s = x.size(0), l = x.size(1);
    auto qkv = m_qkv->forward(x).view({s, l, 3, m_heads, m_headDim}).permute({2, 0, 3, 1, 4});
    auto out = attend(qkv[0], qkv[1], qkv[2], *m_settings, rope); // [S, heads, L, d]
    out = out.transpose(1, 2).reshape({s, l, m_heads * m_headDim});
    return m_proj->forward(out);
}

} // namespace dualx::model
