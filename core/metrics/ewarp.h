#pragma once
// E_warp, the temporal-consistency error of Lai et al. (paper table 3): each output frame t is
// warped onto frame t-1 with optical flow computed on the *reference* video (OpenCV DIS),
// occluded pixels are masked by the forward-backward check, and the mean squared difference on
// [0, 1] over the rest is averaged over frame pairs. Reported x10^-3, like the paper.
#include <torch/types.h>

namespace dualx::metrics {

// output, reference: [N, 3, H, W] in [0, 1], same sizes, N >= 2. Returns E_warp x 10^-3.
double ewarp(const torch::Tensor& output, const torch::Tensor& reference);

} // namespace dualx::metrics
