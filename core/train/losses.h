#pragma once
// Training losses.
#include <torch/types.h>

namespace dualx::train {

// Charbonnier (differentiable L1): mean(sqrt((x - y)^2 + eps^2)), the paper's L_pix.
torch::Tensor charbonnierLoss(const torch::Tensor& output, const torch::Tensor& target, double eps = 1e-3);

// Mean squared error. Under an input that leaves the answer uncertain (noise, compression) it
// trains towards the conditional mean, which PSNR rewards, where L1 trains towards the median.
torch::Tensor mseLoss(const torch::Tensor& output, const torch::Tensor& target);

// Periodic-energy loss: how far the output's luma stands out more than a reference's at the x4
// pixel shuffle's periods. For each of the 15 spectral peaks at multiples of a quarter of the
// sampling rate: the power of its 3x3 bins against the median power around it (Chebyshev distance
// 3..8, no gradient: only removing the peak lowers the loss), as the periodic-artefact measure
// takes it; the loss is the mean over peaks and frames
// of relu(log(ratio_output) - log(ratio_reference) - log(margin)). The reference is the ground
// truth, or a bicubic upscale of the input as the measure compares with (GanSpec).
// Why: a GAN stage learns texture-locked 4-pixel patterns (each output phase filter answering
// texture differently) that the phase-consistent upsampler cannot remove and the periodic-
// artefact measure (metrics/periodic_artifacts.h) sees; the pixel loss spreads its weight over
// every frequency, this one looks where the pattern lives. Frames [..., 3, H, W], H and W
// divisible by 4 and at least 32; Hann-windowed.
torch::Tensor periodicEnergyLoss(const torch::Tensor& output, const torch::Tensor& reference, double margin = 1.0);

} // namespace dualx::train
