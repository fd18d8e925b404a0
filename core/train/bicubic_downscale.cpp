#include "train/bicubic_downscale.h"

#include "dualx/errors.h"

#include <torch/nn/functional/upsampling.h>

namespace dualx::train {

namespace F = torch::nn::functional;

namespace {
torch::Tensor resize(const torch::Tensor& frames, int64_t h, int64_t w, bool antialias)
{
    auto shape = frames.sizes().vec();
    auto flat = frames.reshape({-1, 3, frames.size(-2), frames.size(-1)});
    auto out = F::interpolate(
        flat, F::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kBicubic).align_corners(false).antialias(antialias));
    shape[shape.size() - 2] = h;
    shape[shape.size() - 1] = w;
    return out.reshape(shape);
}
} // namespace

torch::Tensor quantise8(const torch::Tensor& x) { return (x.clamp(0, 1) * 255.0).round() / 255.0; }

torch::Tensor bicubicDownscale(const torch::Tensor& frames, int factor)
{
    const int64_t h = frames.size(-2), w = frames.size(-1);
    if (factor < 1 || h % factor || w % factor)
        throw Error(ErrorCode::InvalidArgument,
                    "bicubic downscale: " + std::to_string(w) + "x" + std::to_string(h) + " is not divisible by " + std::to_string(factor));
    return quantise8(resize(frames, h / factor, w / factor, /*antialias=*/true));
}

torch::Tensor bicubicUpscale(const torch::Tensor& frames, int factor)
{
    return resize(frames, frames.size(-2) * factor, frames.size(-1) * factor, false).clamp(0, 1);
}

} // namespace dualx::train
