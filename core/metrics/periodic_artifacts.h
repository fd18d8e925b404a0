#pragma once
// Periodic-artefact energy: how strongly a ×4 upscale carries a fixed pattern at the periods of
// the upsampler's pixel shuffle (2 and 4 output pixels). A sub-pixel convolution computes each
// of the 4×4 output phases with its own filter; where those disagree, the output repeats a
// pattern every 4 (or 2) pixels, which shows in the luma spectrum as peaks at multiples of a
// quarter of the sampling rate. The measure is the power in those 15 peaks against the power of
// the spectrum around each of them: about 1 for a picture without such a pattern. Interpolators
// (bicubic) leave a little energy there too, so compare a model's value with a bicubic
// upscale's of the same input.
#include <torch/types.h>

#include <vector>

namespace dualx::metrics {

// frames: [N, 3, H, W] (or [3, H, W]) RGB in [0, 1]; H and W divisible by 4, at least 32.
// One value per frame (>= 0).
std::vector<double> periodicArtifactsPerFrame(const torch::Tensor& frames);
double meanPeriodicArtifacts(const torch::Tensor& frames);

} // namespace dualx::metrics
