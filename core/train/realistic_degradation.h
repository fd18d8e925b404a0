#pragma once
// Degradations of the videos people actually bring, beside the heavy first-order synthesis of
// the paper (degradation.h). Two families, each drawn once per clip:
// - mild: a camera or a web copy. Optical blur, an antialiased ¼ resize by one of several
//   kernels, sometimes in-camera sharpening, light sensor noise, then H.264 at a constant
//   quality (CRF) or MPEG-4 ASP at a fixed quantiser.
// - home: an SD tape or disc. Soft luma, VHS chroma (blurred and shifted colour, chroma noise),
//   sometimes a single field per frame (a bob-deinterlaced capture keeps half the lines), then
//   interlaced MPEG-2 (DVD, DV-to-DVD transfers) or interlaced H.264 at a fixed quality.
// The benchmark's validation families are made by FFmpeg's own filters with other parameters
// (tools/validation), so a model is never judged on the generator it trained on.
#include <opencv2/core/mat.hpp>
#include <torch/types.h>

#include <random>
#include <string>
#include <vector>

namespace dualx::train {

enum class RealisticFamily { Mild, Home };

struct RealisticPlan {
    RealisticFamily family = RealisticFamily::Mild;
    double blurSigmaGt = 1.0;  // Gaussian blur before the resize, in GT pixels (antialiasing included)
    int resizeKernel = 0;      // cv::INTER_AREA, INTER_CUBIC or INTER_LANCZOS4
    double sharpenAmount = 0;  // unsharp mask at LR (0: none)
    double sharpenSigma = 1.0; // its Gaussian, in LR pixels
    double noiseSigma = 0;     // luma (or RGB) Gaussian noise, 0-255 scale
    bool lumaNoiseOnly = false;
    bool singleField = false;    // keep one field per frame (alternating), rebuild the other lines
    double chromaBlurSigma = 0;  // horizontal chroma blur, LR pixels
    double chromaShift = 0;      // horizontal chroma shift, LR pixels
    double chromaNoiseSigma = 0; // 0-255 scale
    double saturation = 1.0;
    std::string codec = "libx264";
    int quality = 23; // CRF (x264) or quantiser (MPEG)
    bool interlaced = false;

    std::string describe() const;
};

RealisticPlan sampleRealisticPlan(RealisticFamily family, std::mt19937_64& rng);

// gt: RGB CV_32FC3 in [0, 1], sides divisible by 4 -> LR RGB CV_8UC3 at a quarter of the size.
std::vector<cv::Mat> applyRealisticDegradation(const std::vector<cv::Mat>& gt, const RealisticPlan& plan, std::mt19937_64& rng);

// Tensor front end: gt [N, 3, H, W] in [0, 1] -> LR [N, 3, H/4, W/4] in [0, 1].
torch::Tensor degradeClipRealistic(const torch::Tensor& gt, RealisticFamily family, std::mt19937_64& rng, RealisticPlan* drawn = nullptr);

} // namespace dualx::train
