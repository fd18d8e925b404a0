#include "model/residual_conv_block.h"

#include <torch/nn/init.h>

namespace dualx::model {

ResidualConvBlockImpl::ResidualConvBlockImpl(int64_t channels)
{
    auto conv = [&] { return torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, channels, 3).padding(1)); };
    m_conv1 = register_module("conv1", conv());
    m_conv2 = register_module("conv2", conv());
    zeroResidual();
}

torch::Tensor ResidualConvBlockImpl::forward(const torch::Tensor& x) { return x + residual(x); }

torch::Tensor ResidualConvBlockImpl::residual(const torch::Tensor& x)
{
    return m_conv2->forward(torch::leaky_relu(m_conv1->forward(x), 0.1));
}

void ResidualConvBlockImpl::zeroResidual()
{
    torch::NoGradGuard noGrad;
    torch::nn::init::zeros_(m_conv2->weight);
    torch::nn::init::zeros_(m_conv2->bias);
}

} // namespace dualx::model
