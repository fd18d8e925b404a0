#pragma once
// BRISQUE (Mittal et al.), a no-reference quality score (lower is better), computed with
// OpenCV's quality module and the LIVE model that Debian's opencv-data ships.
#include <torch/types.h>

#include <string>

namespace dualx::metrics {

// $DUALX_BRISQUE_DIR, else /usr/share/opencv4/quality: must hold brisque_model_live.yml and
// brisque_range_live.yml. Throws FileNotFound naming the package when they are missing.
std::string brisqueModelFolder();

// rgb: [3, H, W] in [0, 1].
double brisque(const torch::Tensor& rgb);
// Mean over frames of [N, 3, H, W].
double meanBrisque(const torch::Tensor& frames);

} // namespace dualx::metrics
