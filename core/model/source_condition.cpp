#include "model/source_condition.h"

#include "dualx/errors.h"
#include "dualx/source_quality.h"

#include <cmath>
#include <string>
#include <string_view>

namespace dualx::model {

namespace {

constexpr double kGain = 10.0;                      // see Site in the header
constexpr std::string_view kCleanSuffix = "_clean"; // a site's clean pair is "<site>_clean"

using Site = SourceConditionImpl::Site;

torch::Tensor gammaOf(const torch::Tensor& params, c10::IntArrayRef shape, const torch::Tensor& like)
{
    return (params[0] * kGain).view(shape).to(like.dtype());
}

torch::Tensor betaOf(const torch::Tensor& params, c10::IntArrayRef shape, const torch::Tensor& like)
{
    return (params[1] * kGain).view(shape).to(like.dtype());
}

// x * (1 + u*gamma) + u*beta with u and the vectors viewed to broadcast against x; split, the
// clean pair takes over below u = 0 (see the header).
torch::Tensor modulate(const torch::Tensor& x, const Site& site, const torch::Tensor& uView, c10::IntArrayRef vectorShape)
{
    const auto u = uView.to(x.dtype());
    const auto& d = site.degraded;
    if (!site.clean.defined()) return x * (1 + u * gammaOf(d, vectorShape, x)) + u * betaOf(d, vectorShape, x);
    const auto a = u.clamp_min(0), c = cleanSideWeight(u);
    const auto& k = site.clean;
    return x * (1 + a * gammaOf(d, vectorShape, x) + c * gammaOf(k, vectorShape, x)) + a * betaOf(d, vectorShape, x)
           + c * betaOf(k, vectorShape, x);
}

// The same for frame-shaped [B*N, C, H, W] features.
torch::Tensor modulateFrames(const torch::Tensor& x, const Site& site, const torch::Tensor& u)
{
    return modulate(x, site, perFrame(u, x), {1, x.size(1), 1, 1});
}

} // namespace

torch::Tensor cleanSideWeight(const torch::Tensor& u) { return (-u).clamp_min(0); }

torch::Tensor perFrame(const torch::Tensor& perClip, const torch::Tensor& frames)
{
    return perClip.repeat_interleave(frames.size(0) / perClip.size(0)).view({-1, 1, 1, 1});
}

SourceConditionImpl::SourceConditionImpl(const ModelConfig& config)
{
    const int64_t ch = config.featureChannels, d = config.embedDim;
    const bool split = config.splitSourceCondition;
    m_shallow = addSite("shallow", {2, ch}, split);
    m_tokens = addSite("tokens", {2, d}, split);
    m_body = addSite("body", {2, ch}, split);
    if (config.deepSourceCondition) {
        m_tokensMid = addSite("tokens_mid", {2, d}, split);
        m_tokensOut = addSite("tokens_out", {2, d}, split);
        if (config.reconBlocks > 0) m_recon = addSite("recon", {config.reconBlocks, 2, ch}, split);
        m_output = addSite("output", {2, 3}, split);
    }
}

SourceConditionImpl::Site SourceConditionImpl::addSite(const std::string& name, std::vector<int64_t> shape, bool split)
{
    Site site;
    site.degraded = register_parameter(name, torch::zeros(shape));
    if (split) site.clean = register_parameter(name + std::string(kCleanSuffix), torch::zeros(shape));
    return site;
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
    if (!m_recon.defined()) return x;
    const Site blockSite{m_recon.degraded[block], m_recon.clean.defined() ? m_recon.clean[block] : torch::Tensor()};
    return modulateFrames(x, blockSite, u);
}

torch::Tensor SourceConditionImpl::modulateOutput(const torch::Tensor& x, const torch::Tensor& u) const
{
    return m_output.defined() ? modulateFrames(x, m_output, u) : x;
}

void SourceConditionImpl::reset()
{
    torch::NoGradGuard noGrad;
    for (const auto& item : named_parameters(/*recurse=*/false)) item.value().zero_();
}

void SourceConditionImpl::mirrorMissingCleanSides(const std::set<std::string>& loaded)
{
    torch::NoGradGuard noGrad;
    auto params = named_parameters(/*recurse=*/false);
    for (const auto& item : params) {
        const auto& name = item.key();
        if (!name.ends_with(kCleanSuffix) || loaded.count(name)) continue;
        const auto site = name.substr(0, name.size() - kCleanSuffix.size());
        if (loaded.count(site)) item.value().copy_(-params[site]);
    }
}

double sourceConditionToU(double s)
{
    if (!(s >= 0.0 && s <= 1.0) || std::isnan(s))
        throw Error(ErrorCode::InvalidArgument,
                    "the source condition must be in [0, 1] (0 clean, 0.5 unknown, 1 degraded), got " + std::to_string(s));
    return 2.0 * s - 1.0;
}

double networkSourceCondition(double userCondition, double unknownPoint, double degradedPoint)
{
    sourceConditionToU(userCondition); // validates
    if (userCondition <= kSourceUnknown) return userCondition / kSourceUnknown * unknownPoint;
    return unknownPoint + (userCondition - kSourceUnknown) / (kSourceDegraded - kSourceUnknown) * (degradedPoint - unknownPoint);
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
