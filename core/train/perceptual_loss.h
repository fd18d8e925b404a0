#pragma once
// The perceptual term of the GAN stage. With a VGG19 weight file (torchvision's layout,
// "features.N.weight"/"features.N.bias", as safetensors): L1 between VGG19 features conv1_2,
// conv2_2, conv3_4, conv4_4, conv5_4 (before ReLU, ImageNet-normalised input) with weights
// 0.1, 0.1, 1, 1, 1, as BasicSR computes it. ImageNet weights cannot be obtained here, so the
// shipped GAN model uses the substitute below instead, and its model card says so.
#include "train/discriminator.h"

#include <torch/nn/modules/container/sequential.h>

#include <string>

namespace dualx::train {

class Vgg19PerceptualLoss {
public:
    // Throws FileNotFound / WeightMismatch naming what is wrong with the file.
    explicit Vgg19PerceptualLoss(const std::string& weightFile);
    torch::Tensor operator()(const torch::Tensor& output, const torch::Tensor& target); // [B, 3, H, W]

private:
    torch::nn::Sequential m_features;
};

// Substitute: feature matching (Salimans et al.) on the discriminator's decoder features —
// L1 between its feature maps for the output and for the (detached) ground truth, averaged.
torch::Tensor featureMatchingLoss(UNetDiscriminatorImpl& discriminator, const torch::Tensor& output, const torch::Tensor& target);

// Non-saturating GAN loss with logits (BCE), the vanilla loss of Real-ESRGAN/BasicSR.
torch::Tensor ganLoss(const torch::Tensor& logits, bool targetIsReal);

} // namespace dualx::train
