#include "model/dualx_vsr.h"

#include "dualx/errors.h"
#include "model/residual_conv_block.h"

#include <torch/nn/functional/padding.h>
#include <torch/nn/functional/upsampling.h>
#include <torch/nn/init.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/pixelshuffle.h>

namespace dualx::model {

namespace F = torch::nn::functional;

namespace {

torch::nn::Conv2d conv3x3(int64_t in, int64_t out) { return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1)); }

torch::nn::LeakyReLU leakyRelu() { return torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.1)); }

torch::nn::Sequential makeUpsampler(const ModelConfig& c)
{
    const int64_t ch = c.featureChannels;
    torch::nn::Sequential seq;
    switch (c.upsampler) {
    case UpsamplerKind::PixelShuffle2x2:
        for (int i = 0; i < 2; ++i) {
            seq->push_back(conv3x3(ch, 4 * ch));
            seq->push_back(torch::nn::PixelShuffle(2));
            seq->push_back(leakyRelu());
        }
        seq->push_back(conv3x3(ch, 3));
        break;
    case UpsamplerKind::PixelShuffle4:
        seq->push_back(conv3x3(ch, 3 * 16));
        seq->push_back(torch::nn::PixelShuffle(4));
        break;
    }
    return seq;
}

} // namespace

DualXVSRImpl::DualXVSRImpl(const ModelConfig& config) : m_config(config), m_attentionSettings(std::make_shared<AttentionSettings>())
{
    m_config.validate();
    const auto& c = m_config;
    const int64_t ch = c.featureChannels;
    const int64_t patchFeatures = ch * c.patchSize * c.patchSize;

    m_convIn = register_module("conv_in", conv3x3(3, ch));
    m_embedTemporal = register_module("embed_temporal", TemporalAttentionStack(ch, c.embedTemporalDepth, c.embedTemporalMlpDim,
                                                                               c.temporalAttention, c.ropeBase, m_attentionSettings));
    m_tokenEmbed = register_module("token_embed", torch::nn::Linear(patchFeatures, c.embedDim));
    m_vtab = register_module("vtab", AxialAttentionStack(AxialDirection::VerticalTemporal, c.embedDim, c.vtabDepth, c.mlpDim,
                                                         c.axialAttention, c.ropeBase, m_attentionSettings));
    m_htab = register_module("htab", AxialAttentionStack(AxialDirection::HorizontalTemporal, c.embedDim, c.htabDepth, c.mlpDim,
                                                         c.axialAttention, c.ropeBase, m_attentionSettings));
    m_tokenNorm = register_module("token_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.embedDim})));
    m_tokenUnembed = register_module("token_unembed", torch::nn::Linear(c.embedDim, patchFeatures));
    m_reconTemporal = register_module("recon_temporal", TemporalAttentionStack(ch, c.reconTemporalDepth, c.reconTemporalMlpDim,
                                                                               c.temporalAttention, c.ropeBase, m_attentionSettings));
    m_convBody = register_module("conv_body", conv3x3(ch, ch));
    if (c.reconBlocks > 0) {
        torch::nn::Sequential blocks;
        for (int i = 0; i < c.reconBlocks; ++i) blocks->push_back(ResidualConvBlock(ch));
        m_reconBlocks = register_module("recon_blocks", blocks);
    }
    m_upsampler = register_module("upsampler", makeUpsampler(c));
    if (c.sourceConditioned) m_condition = register_module("source_condition", SourceCondition(c));
    if (c.cleanReconBlocks > 0) {
        torch::nn::Sequential blocks;
        for (int i = 0; i < c.cleanReconBlocks; ++i) blocks->push_back(ResidualConvBlock(ch));
        m_cleanReconBlocks = register_module("clean_recon_blocks", blocks);
    }
    if (c.neighbourInput) m_convNeighbours = register_module("conv_neighbours", conv3x3(6, ch));
    initialiseWeights(*this);
}

void DualXVSRImpl::setSourceCondition(double s)
{
    sourceConditionToU(s); // validates
    m_sourceCondition = s;
}

torch::Tensor DualXVSRImpl::forward(const torch::Tensor& lrVideo, const torch::Tensor& sourceCondition, const torch::Tensor& neighbours)
{
    if (lrVideo.dim() != 5 || lrVideo.size(2) != 3 || lrVideo.size(1) < 1 || lrVideo.size(3) < 1 || lrVideo.size(4) < 1)
        throw Error(ErrorCode::InvalidArgument,
                    "DualX-VSR expects a [B, N, 3, H, W] video with N, H, W >= 1, got " + std::string(c10::str(lrVideo.sizes())));
    const int64_t b = lrVideo.size(0), n = lrVideo.size(1), h = lrVideo.size(3), w = lrVideo.size(4);
    const int64_t p = m_config.patchSize, ch = m_config.featureChannels, s = m_config.scale;
    auto frames = lrVideo.reshape({b * n, 3, h, w});
    torch::Tensor u; // 2s - 1 per clip, only for a conditioned network
    if (m_condition) {
        if (sourceCondition.defined()) {
            if (sourceCondition.dim() != 1 || sourceCondition.size(0) != b)
                throw Error(ErrorCode::InvalidArgument, "the source condition must hold one value per clip (" + std::to_string(b)
                                                            + "), got " + std::string(c10::str(sourceCondition.sizes())));
            u = sourceCondition.to(lrVideo.device(), lrVideo.dtype()) * 2 - 1;
        } else {
            const double condition
                = networkSourceCondition(m_sourceCondition, m_config.unknownSourceCondition, m_config.degradedSourceCondition);
            u = torch::full({b}, sourceConditionToU(condition), lrVideo.options());
        }
    }

    // Tokens are p x p patches: pad to a multiple of p (reflect; replicate where a side is 1 px).
    const int64_t padH = (p - h % p) % p, padW = (p - w % p) % p;
    const auto pad = [&](const torch::Tensor& x) {
        if (!padH && !padW) return x;
        auto options = F::PadFuncOptions({0, padW, 0, padH});
        if (h > padH && w > padW)
            options.mode(torch::kReflect);
        else
            options.mode(torch::kReplicate);
        return F::pad(x, options);
    };
    const int64_t hp = h + padH, wp = w + padW, nh = hp / p, nw = wp / p;

    // Input video embedding: per-frame conv, temporal attention per pixel, 2x2 token embedding.
    auto shallow = m_convIn->forward(pad(frames));
    if (m_convNeighbours) {
        if (!neighbours.defined() || neighbours.dim() != 5 || neighbours.size(0) != b || neighbours.size(1) != n || neighbours.size(2) != 6
            || neighbours.size(3) != h || neighbours.size(4) != w)
            throw Error(ErrorCode::InvalidArgument,
                        "this network takes each frame's aligned neighbours [B, N, 6, H, W] beside the video, got "
                            + (neighbours.defined() ? std::string(c10::str(neighbours.sizes())) : "none"));
        // The conv sees what the neighbours add: their differences from the frame. Fed as frames,
        // they mostly repeat it, and a conv starting at zero found no steady direction (stage 2z).
        const auto added = (neighbours.reshape({b * n, 2, 3, h, w}).to(frames.dtype()) - frames.unsqueeze(1)).reshape({b * n, 6, h, w});
        shallow = shallow + m_convNeighbours->forward(pad(added));
    }
    shallow = shallow.view({b, n, ch, hp, wp});
    if (m_condition) shallow = m_condition->modulateShallow(shallow, u);
    auto feats = m_embedTemporal->forward(shallow);
    auto tokens = feats.view({b, n, ch, nh, p, nw, p}).permute({0, 1, 3, 5, 2, 4, 6}).reshape({b, n, nh, nw, ch * p * p});
    tokens = m_tokenEmbed->forward(tokens);
    if (m_condition) tokens = m_condition->modulateTokens(tokens, u);

    // Dual axial spatial x temporal attention, serial connection.
    tokens = m_vtab->forward(tokens);
    if (m_condition) tokens = m_condition->modulateTokens(tokens, u, SourceConditionImpl::TokenSite::BetweenStacks);
    tokens = m_htab->forward(tokens);
    if (m_condition) tokens = m_condition->modulateTokens(tokens, u, SourceConditionImpl::TokenSite::AfterStacks);

    // Spatiotemporal reconstruction: unpatchify, add shallow features, temporal attention, convs.
    auto patches = m_tokenUnembed->forward(m_tokenNorm->forward(tokens));
    feats = patches.view({b, n, nh, nw, ch, p, p}).permute({0, 1, 4, 2, 5, 3, 6}).reshape({b, n, ch, hp, wp});
    feats = m_reconTemporal->forward(feats + shallow);
    auto hr = reconstructFrames(feats.view({b * n, ch, hp, wp}), u);
    hr = hr.narrow(2, 0, h * s).narrow(3, 0, w * s);

    // Global residual: the network learns the difference to a bilinear x4 upscale.
    auto base = F::interpolate(
        frames, F::InterpolateFuncOptions().size(std::vector<int64_t>{h * s, w * s}).mode(torch::kBilinear).align_corners(false));
    return (hr + base).view({b, n, 3, h * s, w * s});
}

torch::Tensor DualXVSRImpl::reconstructFrames(const torch::Tensor& features, const torch::Tensor& u)
{
    auto x = torch::leaky_relu(m_convBody->forward(features), 0.1);
    if (m_condition) x = m_condition->modulateBody(x, u);
    if (m_reconBlocks) {
        int index = 0;
        for (auto& block : *m_reconBlocks) {
            x = block.forward(x);
            if (m_condition) x = m_condition->modulateReconBlock(index, x, u);
            ++index;
        }
    }
    if (m_cleanReconBlocks) {
        // Skipped when no clip is on the clean side, so blind and degraded output is exactly
        // the ungated network's (and costs nothing more).
        const auto c = cleanSideWeight(u);
        if (c.gt(0).any().item<bool>()) {
            const auto gate = perFrame(c, x).to(x.dtype());
            for (auto& block : *m_cleanReconBlocks) x = x + gate * block.get<ResidualConvBlock>()->residual(x);
        }
    }
    auto residual = upsample(x);
    return m_condition ? m_condition->modulateOutput(residual, u) : residual;
}

torch::Tensor DualXVSRImpl::upsample(torch::Tensor x)
{
    if (!m_config.phaseConsistentUpsampler) return m_upsampler->forward(x);
    auto module = m_upsampler->begin();
    for (size_t i = 0; i < m_upsampler->size(); ++i, ++module) {
        auto* conv = m_upsampler->ptr(i)->as<torch::nn::Conv2dImpl>();
        auto* shuffle = i + 1 < m_upsampler->size() ? m_upsampler->ptr(i + 1)->as<torch::nn::PixelShuffleImpl>() : nullptr;
        if (conv && shuffle) {
            // Each output channel's r*r phase channels are adjacent in the shuffle's input.
            const int64_t phases = shuffle->options.upscale_factor() * shuffle->options.upscale_factor();
            const auto bias = conv->bias.view({-1, phases}).mean(1, true).expand({-1, phases}).reshape({-1});
            const auto& w = conv->weight; // [C * r * r, in, k, k]
            const int64_t taps = w.size(2) * w.size(3);
            const auto v = w.view({-1, phases, w.size(1), taps});
            const auto sums = v.sum(3, true);
            const auto weight = (v - (sums - sums.mean(1, true)) / static_cast<double>(taps)).view_as(w);
            x = torch::conv2d(x, weight, bias, /*stride=*/1, /*padding=*/1); // every upsampler conv is 3x3
        } else {
            x = module->forward(x);
        }
    }
    return x;
}

void initialiseWeights(DualXVSRImpl& model)
{
    torch::NoGradGuard noGrad;
    for (auto& module : model.modules(/*include_self=*/false)) {
        if (auto* linear = module->as<torch::nn::LinearImpl>()) {
            // ViT-style init: small normal weights, zero bias.
            torch::nn::init::normal_(linear->weight, 0.0, 0.02);
            if (linear->bias.defined()) torch::nn::init::zeros_(linear->bias);
        } else if (auto* norm = module->as<torch::nn::LayerNormImpl>()) {
            torch::nn::init::ones_(norm->weight);
            torch::nn::init::zeros_(norm->bias);
        } else if (auto* conv = module->as<torch::nn::Conv2dImpl>()) {
            torch::nn::init::kaiming_normal_(conv->weight, 0.1, torch::kFanIn, torch::kLeakyReLU);
            torch::nn::init::zeros_(conv->bias);
        }
    }
    // Residual blocks start as identities (what lets a trained network grow them, see weights.h).
    for (auto& module : model.modules(/*include_self=*/false))
        if (auto* block = module->as<ResidualConvBlockImpl>())
            block->zeroResidual();
        else if (auto* condition = module->as<SourceConditionImpl>())
            condition->reset();
    // The last convolution starts small so an untrained network is close to its bilinear base.
    // find() points into the dictionary, so it must outlive the pointer (a temporary did not, and
    // the freed entry crashed when another thread reused the memory).
    const auto parameters = model.named_parameters();
    const auto* last
        = parameters.find("upsampler." + std::to_string(model.config().upsampler == UpsamplerKind::PixelShuffle2x2 ? 6 : 0) + ".weight");
    if (last) last->mul_(0.1);
    // Aligned-neighbour input starts silent, so a trained network can grow it (weights.h).
    if (const auto* neighbourWeight = parameters.find("conv_neighbours.weight")) neighbourWeight->zero_();
}

} // namespace dualx::model
