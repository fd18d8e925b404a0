#pragma once
// Side-by-side zoomed crops of one frame under several methods (ground truth first), so a
// person can look at what the numbers mean: detail, ringing, a fixed pattern. The crop is taken
// where the ground truth has the most detail, identical for every panel, and enlarged with
// nearest-neighbour so that each output pixel stays visible.
#include <torch/types.h>

#include <string>
#include <utility>
#include <vector>

namespace dualx::report {

// panels: (label, [3, H, W] RGB in [0, 1]) all the same size; the first is the reference the crop
// is chosen on. Writes a PNG; throws dualx::Error(FileUnwritable) when it cannot.
void writeFrameGrab(const std::vector<std::pair<std::string, torch::Tensor>>& panels, const std::string& pngPath, int cropSide = 96,
                    int zoom = 3);

} // namespace dualx::report
