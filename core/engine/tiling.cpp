#include "engine/tiling.h"

#include "dualx/errors.h"

#include <cmath>
#include <numbers>

namespace dualx::engine {

std::vector<int64_t> segmentStarts(int64_t length, int64_t segment, int64_t overlap)
{
    if (length < 1 || segment < 1 || overlap < 0)
        throw Error(ErrorCode::InvalidArgument, "tiling needs a positive length and segment and a non-negative overlap");
    if (segment >= length) return {0};
    if (overlap >= segment)
        throw Error(ErrorCode::InvalidArgument,
                    "overlap " + std::to_string(overlap) + " must be smaller than the tile/window " + std::to_string(segment));
    std::vector<int64_t> starts;
    const int64_t stride = segment - overlap;
    for (int64_t s = 0;; s += stride) {
        if (s + segment >= length) {
            starts.push_back(length - segment);
            break;
        }
        starts.push_back(s);
    }
    return starts;
}

int64_t balancedSegment(int64_t length, int64_t segment, int64_t overlap, int64_t multiple)
{
    if (length < 1 || segment < 1 || overlap < 0 || multiple < 1)
        throw Error(ErrorCode::InvalidArgument, "tiling needs a positive length, segment and multiple and a non-negative overlap");
    if (segment >= length) return length;
    if (overlap >= segment)
        throw Error(ErrorCode::InvalidArgument,
                    "overlap " + std::to_string(overlap) + " must be smaller than the tile/window " + std::to_string(segment));
    const int64_t count = (length - overlap + segment - overlap - 1) / (segment - overlap);
    const int64_t size = (length + (count - 1) * overlap + count - 1) / count;
    return std::min(segment, (size + multiple - 1) / multiple * multiple);
}

TileGrid tileGrid(int64_t height, int64_t width, int64_t tile, int64_t overlap)
{
    TileGrid grid;
    const auto axis = [&](int64_t length, int64_t& side, std::vector<int64_t>& starts) {
        const int64_t nominal = std::min(tile, length);
        side = balancedSegment(length, nominal, std::min(overlap, nominal - 1), 2);
        starts = segmentStarts(length, side, std::min(overlap, side - 1));
    };
    axis(height, grid.tileHeight, grid.ys);
    axis(width, grid.tileWidth, grid.xs);
    return grid;
}

torch::Tensor segmentWeights(int64_t start, int64_t size, int64_t length, int64_t ramp)
{
    auto w = torch::ones({size}, torch::kFloat32);
    if (ramp <= 0) return w;
    auto a = w.accessor<float, 1>();
    const int64_t n = std::min(ramp, size);
    for (int64_t i = 0; i < n; ++i) {
        // Samples at i + 0.5 keep every weight > 0 and make opposite ramps sum to 1.
        const float up
            = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * (static_cast<double>(i) + 0.5) / static_cast<double>(ramp)));
        if (start > 0) a[i] = std::min(a[i], up);
        if (start + size < length) a[size - 1 - i] = std::min(a[size - 1 - i], up);
    }
    return w;
}

} // namespace dualx::engine
