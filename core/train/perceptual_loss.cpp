#include "train/perceptual_loss.h"

#include "dualx/errors.h"
#include "model/safetensors.h"

#include <torch/nn/functional/loss.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/pooling.h>

#include <filesystem>
#include <set>

namespace dualx::train {

namespace {

// torchvision's VGG19 "features": channel counts, 'M' = max-pool.
const std::vector<int> kVgg19 = {64, 64, -1, 128, 128, -1, 256, 256, 256, 256, -1, 512, 512, 512, 512, -1, 512, 512, 512, 512};
// Indices (in the Sequential) of conv1_2, conv2_2, conv3_4, conv4_4, conv5_4 and their weights.
const std::vector<std::pair<size_t, double>> kLayers = {{2, 0.1}, {7, 0.1}, {16, 1.0}, {25, 1.0}, {34, 1.0}};

} // namespace

Vgg19PerceptualLoss::Vgg19PerceptualLoss(const std::string& weightFile)
{
    int64_t in = 3;
    for (int c : kVgg19) {
        if (c < 0) {
            m_features->push_back(torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(2).stride(2)));
        } else {
            m_features->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(in, c, 3).padding(1)));
            m_features->push_back(torch::nn::ReLU());
            in = c;
        }
    }
    if (!std::filesystem::exists(weightFile)) throw Error(ErrorCode::FileNotFound, "VGG19 weights '" + weightFile + "' do not exist");
    auto content = model::readSafetensors(weightFile);
    std::map<std::string, torch::Tensor> tensors;
    for (auto& [name, t] : content.tensors) tensors[name] = t;
    torch::NoGradGuard noGrad;
    for (const auto& item : m_features->named_parameters()) {
        const std::string name = "features." + item.key();
        auto it = tensors.find(name);
        if (it == tensors.end()) throw Error(ErrorCode::WeightMismatch, "VGG19 weights '" + weightFile + "' lack " + name);
        if (it->second.sizes() != item.value().sizes())
            throw Error(ErrorCode::WeightMismatch, "VGG19 weights '" + weightFile + "': " + name + " has the wrong shape");
        item.value().copy_(it->second.to(torch::kFloat32));
    }
    for (auto& p : m_features->parameters()) p.set_requires_grad(false);
    m_features->eval();
}

torch::Tensor Vgg19PerceptualLoss::operator()(const torch::Tensor& output, const torch::Tensor& target)
{
    const auto mean = torch::tensor({0.485f, 0.456f, 0.406f}).view({1, 3, 1, 1}).to(output.device());
    const auto std = torch::tensor({0.229f, 0.224f, 0.225f}).view({1, 3, 1, 1}).to(output.device());
    auto x = (output - mean) / std;
    torch::Tensor y;
    {
        torch::NoGradGuard noGrad;
        y = (target - mean) / std;
    }
    torch::Tensor loss = torch::zeros({}, output.options());
    size_t next = 0, i = 0;
    for (auto& layer : *m_features) {
        if (next == kLayers.size()) break;
        x = layer.forward(x);
        {
            torch::NoGradGuard noGrad;
            y = layer.forward(y);
        }
        if (i == kLayers[next].first) {
            loss = loss + kLayers[next].second * (x - y).abs().mean();
            ++next;
        }
        ++i;
    }
    return loss;
}

torch::Tensor featureMatchingLoss(UNetDiscriminatorImpl& discriminator, const torch::Tensor& output, const torch::Tensor& target)
{
    std::vector<torch::Tensor> fake, real;
    discriminator.forward(output, fake);
    {
        torch::NoGradGuard noGrad;
        discriminator.forward(target, real);
    }
    torch::Tensor loss = torch::zeros({}, output.options());
    for (size_t i = 0; i < fake.size(); ++i) loss = loss + (fake[i] - real[i]).abs().mean();
    return loss / static_cast<double>(fake.size());
}

torch::Tensor ganLoss(const torch::Tensor& logits, bool targetIsReal)
{
    const auto target = targetIsReal ? torch::ones_like(logits) : torch::zeros_like(logits);
    return torch::nn::functional::binary_cross_entropy_with_logits(logits, target);
}

} // namespace dualx::train
