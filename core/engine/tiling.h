#pragma once
// Overlapping tiles and temporal windows (architecture.md section 4): where they start and how
// much each output pixel / frame trusts each of them. Weights are raised-cosine ramps over the
// overlap on interior edges and stay 1 at the video's own borders, so the normalised sum of
// overlapping results has no seams and equals a single pass wherever one tile covers alone.
#include <torch/types.h>

#include <vector>

namespace dualx::engine {

// Starts of segments of `segment` covering [0, length) with at least `overlap` shared between
// neighbours; the last segment ends exactly at `length`. One segment when it covers everything.
std::vector<int64_t> segmentStarts(int64_t length, int64_t segment, int64_t overlap);

// The segment size to tile [0, length) with: as many segments as segmentStarts needs for
// `segment`, each only as long as covering `length` with `overlap` between neighbours requires,
// rounded up to a multiple of `multiple` (and never above `segment`). Segments of `segment` itself
// would share the slack as extra overlap, computing the same pixels twice.
int64_t balancedSegment(int64_t length, int64_t segment, int64_t overlap, int64_t multiple);

// The tiles of an LR frame: every tile is tileHeight x tileWidth (balancedSegment of `tile`, even
// sides for the network's 2x2 tokens, neighbours sharing at least `overlap`), starting at each
// (ys[i], xs[j]).
struct TileGrid {
    int64_t tileHeight = 0, tileWidth = 0;
    std::vector<int64_t> ys, xs;
    size_t count() const { return ys.size() * xs.size(); }
};
TileGrid tileGrid(int64_t height, int64_t width, int64_t tile, int64_t overlap);

// Weights for positions [start, start + size) of an axis of `length`: ramps of `ramp` positions
// where the segment's edge is interior (start > 0 / start + size < length), 1 elsewhere;
// always > 0. Returned as a 1-D float tensor of `size` elements.
torch::Tensor segmentWeights(int64_t start, int64_t size, int64_t length, int64_t ramp);

} // namespace dualx::engine
