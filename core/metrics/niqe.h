#pragma once
// NIQE, the no-reference "naturalness" score of Mittal, Soundararajan and Bovik ("Making a
// 'Completely Blind' Image Quality Analyzer", 2013), computed as BasicSR's calculate_niqe
// (convert_to='y') and the authors' MATLAB release do: rounded BT.601 Y on the 0-255 scale, border
// crop, the top-left whole 96x96 blocks, MSCN coefficients with the model's 7x7 Gaussian window,
// 18 AGGD features per block at full and at half resolution (MATLAB's antialiased bicubic
// imresize), and the Mahalanobis-like distance to the pristine-image model. Lower is more natural.
// BasicSR's float32 steps are followed too: baboon.png scores 5.7295758 (BasicSR 5.7295763).
#include <torch/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace dualx::metrics {

// Block side; images must keep at least one whole block after the border crop.
inline constexpr int kNiqeBlockSize = 96;

// The pristine-image multivariate Gaussian and the MSCN window (resources/niqe).
struct NiqeModel {
    std::vector<double> muPris;  // 36 values: 18 features at full, then 18 at half resolution
    std::vector<double> covPris; // 36 x 36, row-major
    std::vector<double> window;  // 7 x 7, row-major
};

// Reads the text format of resources/niqe/niqe_pris_params.txt (see resources/niqe/README.md).
NiqeModel loadNiqeModel(const std::string& path);
NiqeModel parseNiqeModel(std::string_view text, const std::string& origin);
// The copy compiled into the library: works wherever the program is installed.
const NiqeModel& builtinNiqeModel();
// The text of that copy (defined in a file CMake generates from resources/niqe).
std::string_view builtinNiqeParamsText();
// resources/niqe/niqe_pris_params.txt beside the build tree, or share/dualx/niqe/ beside an
// installed executable; empty when neither exists (builtinNiqeModel() needs no file).
std::string defaultNiqeParamsPath();

// rgbOrGrey: [3, H, W] RGB or [1, H, W] grey (taken as the Y plane, like BasicSR's 'HW' input),
// values in [0, 1]. NaN when no block has usable statistics (a flat image: NIQE is undefined there).
double niqe(const torch::Tensor& rgbOrGrey, int cropBorder = 0);
double niqe(const torch::Tensor& rgbOrGrey, int cropBorder, const NiqeModel& model);

// frames: [N, 3, H, W] or [N, 1, H, W]. meanNiqe averages the frames where NIQE is defined
// (NaN if it is defined on none), so a black fade does not void a clip's score.
std::vector<double> niqePerFrame(const torch::Tensor& frames, int cropBorder);
double meanNiqe(const torch::Tensor& frames, int cropBorder);

} // namespace dualx::metrics
