#include "train/adamw.h"

#include "dualx/errors.h"

#include <cmath>

namespace dualx::train {

AdamW::AdamW(std::vector<std::pair<std::string, torch::Tensor>> parameters, AdamWOptions options)
    : m_params(std::move(parameters)),
      m_options(options)
{
    for (const auto& [_, p] : m_params) {
        m_expAvg.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        m_expAvgSq.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
    }
}

void AdamW::zeroGrad()
{
    for (auto& [_, p] : m_params)
        if (p.grad().defined()) p.mutable_grad().zero_();
}

void AdamW::step(double learningRate)
{
    torch::NoGradGuard noGrad;
    ++m_step;
    const double b1 = m_options.beta1, b2 = m_options.beta2;
    const double correction1 = 1.0 - std::pow(b1, static_cast<double>(m_step));
    const double correction2 = 1.0 - std::pow(b2, static_cast<double>(m_step));
    for (size_t i = 0; i < m_params.size(); ++i) {
        auto& p = m_params[i].second;
        if (!p.grad().defined()) continue;
        const auto& g = p.grad();
        p.mul_(1.0 - learningRate * m_options.weightDecay); // decoupled weight decay
        m_expAvg[i].mul_(b1).add_(g, 1.0 - b1);
        m_expAvgSq[i].mul_(b2).addcmul_(g, g, 1.0 - b2);
        auto denom = (m_expAvgSq[i] / correction2).sqrt_().add_(m_options.eps);
        p.addcdiv_(m_expAvg[i], denom, -learningRate / correction1);
    }
}

std::vector<std::pair<std::string, torch::Tensor>> AdamW::state() const
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (size_t i = 0; i < m_params.size(); ++i) {
        out.emplace_back("exp_avg." + m_params[i].first, m_expAvg[i]);
        out.emplace_back("exp_avg_sq." + m_params[i].first, m_expAvgSq[i]);
    }
    return out;
}

void AdamW::loadState(const std::map<std::string, torch::Tensor>& state, int64_t stepCount)
{
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < m_params.size(); ++i) {
        for (auto [prefix, target] : {std::pair{"exp_avg.", &m_expAvg[i]}, {"exp_avg_sq.", &m_expAvgSq[i]}}) {
            auto it = state.find(prefix + m_params[i].first);
            if (it == state.end())
                throw Error(ErrorCode::WeightMismatch, "checkpoint lacks optimizer state " + std::string(prefix) + m_params[i].first);
            if (it->second.sizes() != target->sizes())
                throw Error(ErrorCode::WeightMismatch, "checkpoint optimizer state " + it->first + " has the wrong shape");
            target->copy_(it->second);
        }
    }
    m_step = stepCount;
}

double clipGradNorm(const std::vector<std::pair<std::string, torch::Tensor>>& parameters, double maxNorm)
{
    torch::NoGradGuard noGrad;
    double total = 0;
    for (const auto& [_, p] : parameters)
        if (p.grad().defined()) total += p.grad().pow(2).sum().item<double>();
    const double norm = std::sqrt(total);
    if (maxNorm > 0 && norm > maxNorm)
        for (const auto& [_, p] : parameters)
            if (p.grad().defined()) p.grad().mul_(maxNorm / (norm + 1e-6));
    return norm;
}

} // namespace dualx::train
