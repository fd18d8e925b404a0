#include "train/weight_average.h"

#include "dualx/errors.h"

#include <map>

namespace dualx::train {

WeightAverage::WeightAverage(std::vector<std::pair<std::string, torch::Tensor>> parameters, double decay)
    : m_parameters(std::move(parameters)),
      m_decay(decay)
{
    if (enabled()) reset();
}

void WeightAverage::reset()
{
    torch::NoGradGuard noGrad;
    m_averaged.clear();
    for (const auto& [name, p] : m_parameters) m_averaged.emplace_back(name, p.detach().clone());
}

void WeightAverage::update()
{
    if (!enabled()) return;
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < m_parameters.size(); ++i)
        m_averaged[i].second.mul_(m_decay).add_(m_parameters[i].second.detach(), 1.0 - m_decay);
}

void WeightAverage::load(const model::NamedTensors& saved, const std::string& path)
{
    if (!enabled()) return;
    std::map<std::string, torch::Tensor> byName(saved.begin(), saved.end());
    torch::NoGradGuard noGrad;
    for (auto& [name, average] : m_averaged) {
        auto it = byName.find(name);
        if (it == byName.end() || it->second.sizes() != average.sizes())
            throw Error(ErrorCode::WeightMismatch, "checkpoint '" + path + "': averaged weight " + name + " missing or mis-shaped");
        average.copy_(it->second);
    }
}

WeightAverage::Applied::Applied(WeightAverage& average) : m_average(average)
{
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < m_average.m_parameters.size(); ++i) {
        auto& p = m_average.m_parameters[i].second;
        m_trained.push_back(p.detach().clone());
        p.copy_(m_average.m_averaged[i].second);
    }
}

WeightAverage::Applied::~Applied()
{
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < m_trained.size(); ++i) m_average.m_parameters[i].second.copy_(m_trained[i]);
}

void loadAveragedWeights(torch::nn::Module& network, const model::NamedTensors& averaged, const std::string& path)
{
    auto parameters = network.named_parameters();
    torch::NoGradGuard noGrad;
    for (const auto& [name, t] : averaged) {
        auto* p = parameters.find(name);
        if (!p || p->sizes() != t.sizes())
            throw Error(ErrorCode::WeightMismatch, "'" + path + "': averaged weight " + name + " does not fit the network");
        p->copy_(t);
    }
}

} // namespace dualx::train
