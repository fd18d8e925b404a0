#include "train/augmentation.h"

namespace dualx::train {

torch::Tensor augmentClip(torch::Tensor clip, std::mt19937_64& rng)
{
    std::bernoulli_distribution coin(0.5);
    if (coin(rng)) clip = clip.flip({3});
    if (coin(rng)) clip = clip.flip({2});
    const bool transpose = coin(rng);
    if (transpose && clip.size(2) == clip.size(3)) clip = clip.transpose(2, 3); // batches of clips must stack
    if (coin(rng)) clip = clip.flip({0});
    return clip.contiguous();
}

} // namespace dualx::train
