#pragma once
// Training losses.
#include <torch/types.h>

namespace dualx::train {

// Charbonnier (differentiable L1): mean(sqrt((x - y)^2 + eps^2)), the paper's L_pix.
torch::Tensor charbonnierLoss(const torch::Tensor& output, const torch::Tensor& target, double eps = 1e-3);

} // namespace dualx::train
