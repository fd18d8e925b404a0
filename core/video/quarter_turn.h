#pragma once
// Turning packed RGB pictures by quarter turns, as players apply a rotation tag: shared by the
// encoder (baking a rotation into RGB48 output) and the frame grabber (upright RGB24 previews).
#include <cstddef>
#include <vector>

namespace dualx::video {

// `in` (width x height, 3 samples per pixel) turned clockwise by 90, 180 or 270 degrees.
template <typename Sample> void turnClockwise(const Sample* in, int width, int height, int degrees, std::vector<Sample>& out)
{
    out.resize(static_cast<size_t>(width) * height * 3);
    const int outWidth = degrees == 180 ? width : height;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            // Where pixel (x, y) lands.
            const int tx = degrees == 90 ? height - 1 - y : degrees == 180 ? width - 1 - x : y;
            const int ty = degrees == 90 ? x : degrees == 180 ? height - 1 - y : width - 1 - x;
            const Sample* from = in + (static_cast<size_t>(y) * width + x) * 3;
            Sample* to = out.data() + (static_cast<size_t>(ty) * outWidth + tx) * 3;
            to[0] = from[0];
            to[1] = from[1];
            to[2] = from[2];
        }
    }
}

} // namespace dualx::video
