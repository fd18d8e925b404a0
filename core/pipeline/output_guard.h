#pragma once
// A cheap check that a job is not writing garbage: each restored frame, reduced to a sixteenth
// of its size, must resemble its input frame reduced to a quarter. Restoration changes detail,
// noise and compression artefacts, which averaging over 4x4 input pixels removes; a wrong
// stride, a misread pixel format or a broken model changes the picture itself.
#include <torch/torch.h>

#include <cstdint>

namespace dualx::pipeline {

// Below this a frame is taken as garbage. Measured: the MSE model's output of a clean Theora clip
// scores 41 dB, a restoration that removes noise of sigma 30 stays above 25 dB (the pipeline test);
// 218-pixel-wide Theora frames read as 214 wide (the fault this guards against) scored 14.6-17.6 dB.
constexpr double kMinCoarseMatchPsnr = 20.0;

// PSNR (dB) of the luma of `lr` [3, h, w] and `hr` [3, 4h, 4w] (floats in [0, 1]) after
// area-averaging both to ceil(h/4) x ceil(w/4).
double coarseMatchPsnr(const torch::Tensor& lr, const torch::Tensor& hr);

// Throws dualx::Error(Internal) naming the frame when coarseMatchPsnr is below the limit.
void checkRestoredFrame(const torch::Tensor& lr, const torch::Tensor& hr, int64_t frameIndex);

} // namespace dualx::pipeline
