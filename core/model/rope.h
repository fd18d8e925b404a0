#pragma once
// Rotary position embedding (RoPE, Su et al.), 1-D over t or 2-D over (t, h) / (t, w).
// Pair j rotates dims j and j + headDim/2 by angle pos_axis(j) * theta_j; with A axes each axis
// owns headDim/(2A) consecutive pairs with its own frequency ladder theta_k = base^(-2k/(headDim/A)).
#include <torch/types.h>

#include <vector>

namespace dualx::model {

struct RotaryTables {
    torch::Tensor cos; // [L, headDim/2]
    torch::Tensor sin; // [L, headDim/2]
};

// Row-major integer coordinates of a grid: sizes {N, H} -> [N*H, 2] with rows (t, h).
torch::Tensor gridPositions(const std::vector<int64_t>& sizes);

// positions: [L, A] (any numeric dtype). headDim must be divisible by 2*A.
RotaryTables buildRotaryTables(const torch::Tensor& positions, int64_t headDim, double base, torch::Device device, torch::ScalarType dtype);

// x: [..., L, headDim] -> same shape, rotated.
torch::Tensor applyRotary(const torch::Tensor& x, const RotaryTables& tables);

} // namespace dualx::model
