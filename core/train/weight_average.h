#pragma once
// An exponential moving average of the trained weights (Polyak averaging; Real-ESRGAN keeps one
// for its generator). Why: in the GAN stage the weights of any single step oscillate with the
// discriminator, and each oscillation leaves texture-locked patterns; the average over the last
// ~1/(1 - decay) steps keeps what the steps agree on. Also smooths an MSE stage's last steps.
#include "model/weights.h"

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace dualx::train {

class WeightAverage {
public:
    WeightAverage() = default; // keeps no average
    // Averages `parameters` (the ones a stage trains); starts at their current values.
    WeightAverage(std::vector<std::pair<std::string, torch::Tensor>> parameters, double decay);

    bool enabled() const { return m_decay > 0; }
    double decay() const { return m_decay; }
    // average = decay * average + (1 - decay) * weights; call after every optimizer step.
    void update();
    // Restarts the average at the current weights (a stage's first step).
    void reset();
    // The averaged tensors by parameter name (stored as "ema.<name>" in checkpoints).
    const model::NamedTensors& averaged() const { return m_averaged; }
    // Restores a saved average; throws WeightMismatch naming a missing or mis-shaped tensor.
    void load(const model::NamedTensors& saved, const std::string& path);

    // Puts the average into the network while it lives, the trained weights back after.
    class Applied {
    public:
        explicit Applied(WeightAverage& average);
        ~Applied();
        Applied(const Applied&) = delete;
        Applied& operator=(const Applied&) = delete;

    private:
        WeightAverage& m_average;
        std::vector<torch::Tensor> m_trained;
    };

private:
    std::vector<std::pair<std::string, torch::Tensor>> m_parameters;
    model::NamedTensors m_averaged;
    double m_decay = 0;
};

// Copies averaged tensors (by parameter name) into a network's parameters: what export and a
// next stage's init do with a checkpoint that keeps an average.
void loadAveragedWeights(torch::nn::Module& network, const model::NamedTensors& averaged, const std::string& path);

} // namespace dualx::train
