#pragma once
// Stand-in window models for the engine tests: exact, cheap, and easy to reason about.
#include <torch/nn/functional/upsampling.h>
#include <torch/types.h>

namespace dualx::test {

// A pixel-local x4 "model": nearest-neighbour upscaling, which commutes with tiling, windows,
// flips, transposes and time reversal, so any bookkeeping error shows up as a difference.
inline torch::Tensor nearestModel(const torch::Tensor& window)
{
    namespace F = torch::nn::functional;
    return F::interpolate(window, F::InterpolateFuncOptions().scale_factor(std::vector<double>{4, 4}).mode(torch::kNearest));
}

} // namespace dualx::test
