#pragma once
// A residual block of two 3x3 convolutions at LR resolution (EDSR style, no normalisation):
// x + conv2(leaky_relu(conv1(x))). CPU presets use a few of them to widen the reconstruction
// cheaply; conv2 starts at zero, so adding blocks to a trained network leaves its output unchanged.
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>

namespace dualx::model {

class ResidualConvBlockImpl : public torch::nn::Module {
public:
    explicit ResidualConvBlockImpl(int64_t channels);
    torch::Tensor forward(const torch::Tensor& x);  // x + residual(x)
    torch::Tensor residual(const torch::Tensor& x); // conv2(leaky_relu(conv1(x))), for gated use
    void zeroResidual();                            // makes the block an identity (its initial state)

private:
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::Conv2d m_conv2{nullptr};
};
TORCH_MODULE(ResidualConvBlock);

} // namespace dualx::model
