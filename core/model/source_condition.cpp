#include "model/source_condition.h"

#include "dualx/errors.h"
#include "dualx/source_quality.h"

#include <cmath>
#include <string>

namespace dualx::model {

namespace {

constexpr double kGain = 10.0; // see the member comment in the header

// x * (1 + u*gamma) + u*beta with u and the vectors viewed to broadcast against x.
torch::Tensor modulate(const torch::Tensor& x, const torch::Tensor& params, const torch::Tensor& uView,
                       c10::IntArrayRef vectorShape)
{
    const auto gamma = (params[0] * kGain).view(vectorShape).to(x.dtype());
    const auto beta = (params[1] * kGain).view(vectorShape).to(x.dtype());
    const auto u = uView.to(x.dtype());
    return x * (1 + u * gamma) + u * beta;
}

// The same for frame-shaped [B*N, C, H, W] features: each clip's u repeated over its frames.
torch::Tensor modulateFrames(const torch::Tensor& x, const torch::Tensor& params, const torch::Tensor& u)
{
    const int64_t framesPerClip = x.size(0) / u.size(0);
    return modulate(x, params, u.repeat_interleave(framesPerClip).view({-1, 1, 1, 1}), {1, x.size(1), 1, 1});
}

} // namespace

SourceConditionImpl::SourceConditionImpl(const ModelConfig& config)
{
    const int64_t ch = config.featureChannels, d = config.embedDim;
    m_shallow = register_parameter("shallow", torch::zeros({2, ch}));
    m_tokens = register_parameter("tokens", torch::zeros({2, d}));
    m_body = register_parameter("body", torch::zeros({2, ch}));
    if (config.deepSourceCondition) {
        m_tokensMid = register_parameter("tokens_mid", torch::zeros({2, d}));
        m_tokensOut = register_parameter("tokens_out", torch::zeros({2, d}));
        if (config.reconBlocks > 0) m_recon = register_parameter("recon", torch::zeros({config.reconBlocks, 2, ch}));
        m_output = register_parameter("output", torch::zeros({2, 3}));
    }
}

torch::Tensor SourceConditionImpl::modulateShallow(const torch::Tensor& x, const torch::Tensor& u) const
{
    return modulate(x, m_shallow, u.view({-1, 1, 1, 1, 1}), {1, 1, x.size(2), 1, 1});
}

torch::Tensor SourceConditionImpl::modulateTokens(const torch::Tensor& x, const torch::Tensor& u, TokenSite site) const
{
    const auto& params = site == TokenSite::Embedded ? m_tokens : site == TokenSite::BetweenStacks ? m_tokensMid : m_tokensOut;
    if (!params.defined()) return x; // a deep site of a network without deep conditioning
    return modulate(x, params, u.view({-1, 1, 1, 1, 1}), {1, 1, 1, 1, x.size(4)});
}

torch::Tensor SourceConditionImpl::modulateBody(const torch::Tensor& x, const torch::Tensor& u) const
{
    return modulateFrames(x, m_body, u);
}

torch::Tensor SourceConditionImpl::modulateReconBlock(int block, const torch::Tensor& x, const torch::Tensor& u) const
{
    return m_recon.defined() ? modulateFrames(x, m_recon[block], u) : x;
}

torch::Tensor SourceConditionImpl::modulateOutput(const torch::Tensor& x, const torch::Tensor& u) const
{
    return m_output.defined() ? modulateFrames(x, m_output, u) : x;
}

void SourceConditionImpl::reset()
{
    torch::NoGradGuard noGrad;
    m_shallow.zero_();
    m_tokens.zero_();
    m_body.zero_();
    for (auto* deep : {&m_tokensMid, &m_tokensOut, &m_recon, &m_output})
        if (deep->defined()) deep->zero_();
}

double sourceConditionToU(double s)
{
    if (!(s >= 0.0 && s <= 1.0) || std::isnan(s))
        throw Error(ErrorCode::InvalidArgument,
                    "the source condition must be in [0, 1] (0 clean, 0.5 unknown, 1 degraded), got " + std::to_string(s));
    return 2.0 * s - 1.0;
}

} // namespace dualx::model

namespace dualx {

double parseSourceCondition(std::string_view text)
{
    if (text == "clean") return kSourceClean;
    if (text == "unknown") return kSourceUnknown;
    if (text == "degraded") return kSourceDegraded;
    const std::string s(text);
    size_t used = 0;
    double value = -1;
    try {
        value = std::stod(s, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != s.size() || s.empty() || !(value >= 0.0 && value <= 1.0))
        throw Error(ErrorCode::InvalidArgument,
                    "unknown source quality '" + s + "' (use clean, unknown, degraded, or a number from 0 (clean) to 1 (degraded))");
    return value;
}

} // namespace dualx
