#include "train/losses.h"

namespace dualx::train {

torch::Tensor charbonnierLoss(const torch::Tensor& output, const torch::Tensor& target, double eps)
{
    return torch::sqrt((output - target).pow(2) + eps * eps).mean();
}

} // namespace dualx::train
