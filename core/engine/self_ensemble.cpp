#include "engine/self_ensemble.h"

#include "dualx/engine_settings.h"
#include "dualx/errors.h"

#include <torch/torch.h>

namespace dualx {

void checkEnsembleSize(int copies)
{
    if (!isEnsembleSize(copies))
        throw Error(ErrorCode::InvalidArgument, "the self-ensemble takes 1, 2, 4, 8 or 16 copies, not " + std::to_string(copies));
}

namespace engine {

torch::Tensor ensembleTransform(const torch::Tensor& window, int k)
{
    auto x = window;
    if (k & 1) x = x.flip({3});
    if (k & 2) x = x.flip({2});
    if (k & 4) x = x.transpose(2, 3);
    if (k & 8) x = x.flip({0});
    return x.contiguous();
}

torch::Tensor ensembleInverse(const torch::Tensor& output, int k)
{
    auto x = output;
    if (k & 8) x = x.flip({0});
    if (k & 4) x = x.transpose(2, 3);
    if (k & 2) x = x.flip({2});
    if (k & 1) x = x.flip({3});
    return x;
}

WindowModel selfEnsembleWindowModel(WindowModel model, int copies)
{
    checkEnsembleSize(copies);
    if (copies == 1) return model;
    return [model = std::move(model), copies](const torch::Tensor& window) {
        torch::Tensor sum;
        for (int k = 0; k < copies; ++k) {
            auto out = ensembleInverse(model(ensembleTransform(window, k)), k);
            sum = sum.defined() ? sum.add_(out) : out.clone(); // clone: `out` may alias the input
        }
        return sum.div_(static_cast<double>(copies));
    };
}

} // namespace engine
} // namespace dualx
