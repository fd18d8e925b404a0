#pragma once
// Stage-3 adversarial training parts: a spectrally normalised convolution and Real-ESRGAN's U-Net
// discriminator (per-pixel real/fake logits), which the paper's GAN stage uses.
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/types.h>

#include <vector>

namespace dualx::train {

// Conv2d whose weight is divided by its largest singular value, estimated by one power
// iteration per training forward pass (Miyato et al.); `u` is kept as a buffer.
class SpectralNormConv2dImpl : public torch::nn::Module {
public:
    SpectralNormConv2dImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding, bool bias);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor normalisedWeight();

private:
    torch::Tensor m_weight, m_bias, m_u;
    int64_t m_stride, m_padding;
};
TORCH_MODULE(SpectralNormConv2d);

class UNetDiscriminatorImpl : public torch::nn::Module {
public:
    explicit UNetDiscriminatorImpl(int64_t features = 64);
    // frames [B, 3, H, W] (H, W divisible by 8) -> logits [B, 1, H, W].
    torch::Tensor forward(const torch::Tensor& frames);
    // Same, also returning the decoder's feature maps (for feature matching).
    torch::Tensor forward(const torch::Tensor& frames, std::vector<torch::Tensor>& features);

private:
    torch::nn::Conv2d m_conv0{nullptr}, m_conv9{nullptr};
    SpectralNormConv2d m_conv1{nullptr}, m_conv2{nullptr}, m_conv3{nullptr}, m_conv4{nullptr}, m_conv5{nullptr}, m_conv6{nullptr},
        m_conv7{nullptr}, m_conv8{nullptr};
};
TORCH_MODULE(UNetDiscriminator);

} // namespace dualx::train
