#include "model/rope.h"

#include "dualx/errors.h"

namespace dualx::model {

torch::Tensor gridPositions(const std::vector<int64_t>& sizes)
{
    std::vector<torch::Tensor> axes;
    for (int64_t s : sizes) axes.push_back(torch::arange(s, torch::kFloat64));
    auto grids = torch::meshgrid(axes, "ij");
    std::vector<torch::Tensor> flat;
    for (auto& g : grids) flat.push_back(g.reshape({-1}));
    return torch::stack(flat, 1);
}

RotaryTables buildRotaryTables(const torch::Tensor& positions, int64_t headDim, double base, torch::Device device, torch::ScalarType dtype)
{
    const int64_t axes = positions.size(1);
    if (headDim % (2 * axes) != 0)
        throw Error(ErrorCode::InvalidArgument,
                    "RoPE: head dim " + std::to_string(headDim) + " is not divisible by 2 x " + std::to_string(axes) + " axes");
    const int64_t axisDim = headDim / axes; // dims per axis
    const int64_t pairsPerAxis = axisDim / 2;
    // Angles in float64 so that large positions keep their precision before cos/sin.
    auto k = torch::arange(pairsPerAxis, torch::kFloat64);
    auto theta = torch::pow(base, -2.0 * k / static_cast<double>(axisDim)); // [pairsPerAxis]
    auto pos = positions.to(torch::kFloat64);
    std::vector<torch::Tensor> angles;
    for (int64_t a = 0; a < axes; ++a) angles.push_back(pos.select(1, a).unsqueeze(1) * theta.unsqueeze(0));
    auto angle = torch::cat(angles, 1); // [L, headDim/2]
    return RotaryTables{angle.cos().to(device, dtype), angle.sin().to(device, dtype)};
}

torch::Tensor applyRotary(const torch::Tensor& x, const RotaryTables& tables)
{
    const int64_t half = x.size(-1) / 2;
    auto x1 = x.narrow(-1, 0, half);
    auto x2 = x.narrow(-1, half, half);
    return torch::cat({x1 * tables.cos - x2 * tables.sin, x1 * tables.sin + x2 * tables.cos}, -1);
}

} // namespace dualx::model
