#pragma once
// The training augmentation: horizontal and vertical flips, transposition (square clips) and
// temporal reversal, each with probability 1/2. Four draws from `rng` in a fixed order, so a
// clip's augmentation replays exactly from the same generator state.
#include <torch/types.h>

#include <random>

namespace dualx::train {

// clip [N, 3, H, W]
torch::Tensor augmentClip(torch::Tensor clip, std::mt19937_64& rng);

} // namespace dualx::train
