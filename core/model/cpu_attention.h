#pragma once
// Self-attention for float32 inference on the CPU, one task per sequence and head: the rotary
// embedding, the scores, the softmax and the weighted sum of values run on data that stays in
// the core's cache, instead of LibTorch's separate passes over score tensors of hundreds of MB
// (and, for the temporal attention's 16-frame rows, a batched product that loops over 32,768
// tiny matrices one call at a time). Where it applies it is what AttentionKernel::Auto uses.
#include "model/rope.h"

#include <torch/types.h>

namespace dualx::model {

// True where cpuFusedAttention can run: float32 tensors on the CPU with no gradient wanted and a
// head size of 8, 16, 32 or 64.
bool cpuFusedAttentionApplies(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v);

// q, k, v: [S, heads, L, d], any strides (the last dimension is copied when not contiguous);
// rope: tables for the L positions applied to q and k, or null. Returns softmax(q k^T / sqrt(d)) v
// as [S, heads, L, d], a view of a contiguous [S, L, heads, d] tensor (so merging the heads is free).
torch::Tensor cpuFusedAttention(torch::Tensor q, torch::Tensor k, torch::Tensor v, const RotaryTables* rope);

} // namespace dualx::model
