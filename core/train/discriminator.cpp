#include "train/discriminator.h"

#include "dualx/errors.h"

#include <torch/nn/functional/conv.h>
#include <torch/nn/functional/upsampling.h>
#include <torch/nn/init.h>

namespace dualx::train {

namespace F = torch::nn::functional;

SpectralNormConv2dImpl::SpectralNormConv2dImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding, bool bias)
    : m_stride(stride),
      m_padding(padding)
{
    m_weight = register_parameter("weight", torch::empty({out, in, kernel, kernel}));
    torch::nn::init::kaiming_uniform_(m_weight, std::sqrt(5.0));
    if (bias) m_bias = register_parameter("bias", torch::zeros({out}));
    m_u = register_buffer("u", F::normalize(torch::randn({out}), F::NormalizeFuncOptions().dim(0)));
}

torch::Tensor SpectralNormConv2dImpl::normalisedWeight()
{
    auto matrix = m_weight.reshape({m_weight.size(0), -1});
    if (is_training()) {
        torch::NoGradGuard noGrad;
        auto v = F::normalize(torch::mv(matrix.t(), m_u), F::NormalizeFuncOptions().dim(0));
        m_u.copy_(F::normalize(torch::mv(matrix, v), F::NormalizeFuncOptions().dim(0)));
    }
    // A copy of u: later forward passes update the buffer in place, which must not touch the
    // graph of this one.
    const auto u = m_u.clone();
    auto v = F::normalize(torch::mv(matrix.t(), u), F::NormalizeFuncOptions().dim(0)).detach();
    const auto sigma = torch::dot(u, torch::mv(matrix, v));
    return m_weight / sigma;
}

torch::Tensor SpectralNormConv2dImpl::forward(const torch::Tensor& x)
{
    return F::conv2d(x, normalisedWeight(), F::Conv2dFuncOptions().bias(m_bias).stride(m_stride).padding(m_padding));
}

UNetDiscriminatorImpl::UNetDiscriminatorImpl(int64_t nf)
{
    m_conv0 = register_module("conv0", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, nf, 3).padding(1)));
    m_conv1 = register_module("conv1", SpectralNormConv2d(nf, nf * 2, 4, 2, 1, false));
    m_conv2 = register_module("conv2", SpectralNormConv2d(nf * 2, nf * 4, 4, 2, 1, false));
    m_conv3 = register_module("conv3", SpectralNormConv2d(nf * 4, nf * 8, 4, 2, 1, false));
    m_conv4 = register_module("conv4", SpectralNormConv2d(nf * 8, nf * 4, 3, 1, 1, false));
    m_conv5 = register_module("conv5", SpectralNormConv2d(nf * 4, nf * 2, 3, 1, 1, false));
    m_conv6 = register_module("conv6", SpectralNormConv2d(nf * 2, nf, 3, 1, 1, false));
    m_conv7 = register_module("conv7", SpectralNormConv2d(nf, nf, 3, 1, 1, false));
    m_conv8 = register_module("conv8", SpectralNormConv2d(nf, nf, 3, 1, 1, false));
    m_conv9 = register_module("conv9", torch::nn::Conv2d(torch::nn::Conv2dOptions(nf, 1, 3).padding(1)));
}

torch::Tensor UNetDiscriminatorImpl::forward(const torch::Tensor& frames)
{
    std::vector<torch::Tensor> unused;
    return forward(frames, unused);
}

torch::Tensor UNetDiscriminatorImpl::forward(const torch::Tensor& x, std::vector<torch::Tensor>& features)
{
    if (x.dim() != 4 || x.size(2) % 8 || x.size(3) % 8)
        throw Error(ErrorCode::InvalidArgument, "the discriminator needs [B, 3, H, W] frames with H, W divisible by 8");
    auto act = [](const torch::Tensor& t) { return torch::leaky_relu(t, 0.2); };
    auto up = [](const torch::Tensor& t) {
        return F::interpolate(
            t, F::InterpolateFuncOptions().scale_factor(std::vector<double>{2, 2}).mode(torch::kBilinear).align_corners(false));
    };
    auto x0 = act(m_conv0->forward(x));
    auto x1 = act(m_conv1->forward(x0));
    auto x2 = act(m_conv2->forward(x1));
    auto x3 = act(m_conv3->forward(x2));
    auto x4 = act(m_conv4->forward(up(x3))) + x2; // U-Net skips
    auto x5 = act(m_conv5->forward(up(x4))) + x1;
    auto x6 = act(m_conv6->forward(up(x5))) + x0;
    auto out = act(m_conv7->forward(x6));
    out = act(m_conv8->forward(out));
    features = {x1, x2, x3, x4, x5, x6};
    return m_conv9->forward(out);
}

} // namespace dualx::train
