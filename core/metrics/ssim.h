#pragma once
// SSIM with the video super-resolution literature's conventions (BasicSR's calculate_ssim, itself
// matching Wang et al.'s MATLAB release): values on the 0-255 scale after rounding, optionally on
// BT.601 luma (metrics::lumaBt601), optionally with a border crop; 11x11 Gaussian window
// (sigma 1.5), C1 = (0.01 * 255)^2, C2 = (0.03 * 255)^2, 'valid' filtering (no padded border), the
// mean of the SSIM map, and for RGB the mean of the three per-channel values.
#include <torch/types.h>

#include <vector>

namespace dualx::metrics {

// The window's side: frames must keep at least this many rows and columns after the border crop.
inline constexpr int kSsimWindowSize = 11;

// a, b: [N, 3, H, W] (or [3, H, W]) RGB in [0, 1]. Returns per-frame SSIM (1 where identical).
std::vector<double> ssimPerFrame(const torch::Tensor& a, const torch::Tensor& b, bool lumaOnly, int cropBorder);
double meanSsim(const torch::Tensor& a, const torch::Tensor& b, bool lumaOnly, int cropBorder);

} // namespace dualx::metrics
