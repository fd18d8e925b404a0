#pragma once
// AdamW (Loshchilov & Hutter) with its state held by name, so a checkpoint stores and restores
// it exactly and the same code works with every LibTorch version (LibTorch's own optimizer
// keys its state by tensor address, a detail that changed between 1.x and 2.x).
#include <torch/types.h>

#include <map>
#include <string>
#include <vector>

namespace dualx::train {

struct AdamWOptions {
    double learningRate = 5e-5;
    double beta1 = 0.9;
    double beta2 = 0.99;
    double eps = 1e-8;
    double weightDecay = 1e-4;
};

class AdamW {
public:
    AdamW(std::vector<std::pair<std::string, torch::Tensor>> parameters, AdamWOptions options);

    void zeroGrad();
    void step(double learningRate);
    int64_t stepCount() const { return m_step; }

    // Moments by parameter name ("exp_avg.<name>", "exp_avg_sq.<name>") for checkpoints.
    std::vector<std::pair<std::string, torch::Tensor>> state() const;
    void loadState(const std::map<std::string, torch::Tensor>& state, int64_t stepCount);

private:
    std::vector<std::pair<std::string, torch::Tensor>> m_params;
    std::vector<torch::Tensor> m_expAvg, m_expAvgSq;
    AdamWOptions m_options;
    int64_t m_step = 0;
};

// Scales gradients so their global L2 norm is at most maxNorm; returns the norm before clipping.
double clipGradNorm(const std::vector<std::pair<std::string, torch::Tensor>>& parameters, double maxNorm);

} // namespace dualx::train
