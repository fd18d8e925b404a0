#pragma once
// PSNR with the video super-resolution literature's conventions: values on the 0-255 scale after
// rounding, optionally on BT.601 luma (Y = 16 + 65.481 R + 128.553 G + 24.966 B, RGB in [0, 1]),
// optionally with a border crop; one value per frame, averaged over frames.
#include <torch/types.h>

#include <vector>

namespace dualx::metrics {

// a, b: [N, 3, H, W] (or [3, H, W]) RGB in [0, 1]. Returns per-frame PSNR in dB
// (infinity where the frames are identical).
std::vector<double> psnrPerFrame(const torch::Tensor& a, const torch::Tensor& b, bool lumaOnly, int cropBorder);
double meanPsnr(const torch::Tensor& a, const torch::Tensor& b, bool lumaOnly, int cropBorder);

// RGB [.., 3, H, W] in [0, 1] -> rounded 8-bit-scale Y [.., 1, H, W] (16..235 range).
torch::Tensor lumaBt601(const torch::Tensor& rgb);

} // namespace dualx::metrics
