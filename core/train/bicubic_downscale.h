#pragma once
// The x4 bicubic downscale that makes stage-1 (and benchmark) LR input: antialiased bicubic
// (a = -0.5, the kernel MATLAB's imresize and PIL use), then quantised to 8-bit levels because
// real LR video is stored that way.
#include <torch/types.h>

namespace dualx::train {

// frames: [..., 3, H, W] in [0, 1] -> [..., 3, H/factor, W/factor] (H, W divisible by factor).
torch::Tensor bicubicDownscale(const torch::Tensor& frames, int factor);

// Plain bicubic upscale (no antialias needed), clamped to [0, 1]: the baseline every model must beat.
torch::Tensor bicubicUpscale(const torch::Tensor& frames, int factor);

// Rounds to the nearest of 256 levels.
torch::Tensor quantise8(const torch::Tensor& x);

} // namespace dualx::train
