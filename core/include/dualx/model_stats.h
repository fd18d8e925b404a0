#pragma once
// Size and cost of a DualX-VSR configuration, for `dualx model-info` and the benchmarks.
#include "dualx/model_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dualx {

struct StageCost {
    std::string stage;
    int64_t parameters = 0;
    double macs = 0; // multiply-accumulates for the whole input clip
};

struct ModelStats {
    int64_t parameters = 0; // counted on the instantiated network
    double macs = 0;        // analytic count, sum of the stages
    std::vector<StageCost> stages;
};

// Instantiates the network on the CPU to count parameters, and counts MACs analytically for one
// clip of `frames` LR frames of width x height (convolutions, linear layers, attention
// products; element-wise work is not counted).
ModelStats computeModelStats(const ModelConfig& config, int frames, int width, int height);

} // namespace dualx
