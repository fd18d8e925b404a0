#pragma once
// First-order degradation synthesis for video (paper appendix C.2, RealBasicVSR ranges):
// blur -> random resize -> resize to LR (GT/4) -> noise -> JPEG -> video compression. Every
// parameter is drawn once per clip and then drifts per frame by a small random walk, clipped
// to its range, so a clip degrades consistently but not identically from frame to frame.
#include "train/blur_kernels.h"

#include <opencv2/core/mat.hpp>
#include <torch/types.h>

#include <random>
#include <string>
#include <vector>

namespace dualx::train {

// Ranges and walk steps, as the training issue specifies them.
struct DegradationRanges {
    static constexpr int kMinKernel = 7, kMaxKernel = 21;
    static constexpr double kSigmaMin = 0.2, kSigmaMax = 3.0, kSigmaStep = 0.02;
    static constexpr double kThetaStep = 0.31416;
    static constexpr double kBetaGenMin = 0.5, kBetaGenMax = 4.0, kBetaGenStep = 0.05;
    static constexpr double kBetaPlateauMin = 1.0, kBetaPlateauMax = 2.0, kBetaPlateauStep = 0.1;
    static constexpr double kOmegaStep = 0.0628;
    static constexpr double kUpMax = 1.5, kDownMin = 0.15, kResizeStep = 0.015;
    static constexpr double kNoiseSigmaMin = 1.0, kNoiseSigmaMax = 30.0; // on the 0-255 scale
    static constexpr double kPoissonMin = 0.05, kPoissonMax = 3.0;
    static constexpr int kJpegMin = 30, kJpegMax = 95, kJpegStep = 3;
    static constexpr double kBitRateMin = 1e4, kBitRateMax = 1e5; // bit/s at 64x64
};

enum class ResizeDirection { Up, Down, Keep };
enum class Interpolation { Bilinear, Area, Bicubic };
enum class NoiseKind { Gaussian, Poisson };

struct FrameBlur {
    double sigmaX = 1, sigmaY = 1, theta = 0, beta = 1, omega = 1;
};

struct DegradationPlan {
    // Per clip
    BlurKind blurKind = BlurKind::Iso;
    int kernelSize = 7;
    ResizeDirection resizeDirection = ResizeDirection::Keep;
    Interpolation interpolation = Interpolation::Bilinear;
    NoiseKind noiseKind = NoiseKind::Gaussian;
    bool greyNoise = false;
    double noiseLevel = 1; // Gaussian sigma (0-255 scale) or Poisson scale
    std::string codec = "libx264";
    int64_t bitRate = 10000; // already scaled to the LR frame size
    // Per frame (random walks)
    std::vector<FrameBlur> blur;
    std::vector<double> resizeScale;
    std::vector<int> jpegQuality;

    std::string describe() const; // one line, for logs and `dualx degrade`
};

// Draws a plan for `frames` frames whose LR size is lrWidth x lrHeight.
DegradationPlan sampleDegradationPlan(std::mt19937_64& rng, int frames, int lrWidth, int lrHeight);

cv::Mat blurKernelFor(const DegradationPlan& plan, int frame);

// The per-frame part (everything but the video codec) for frame `frame` of the plan:
// gt RGB CV_32FC3 in [0, 1] with sides divisible by 4 -> LR RGB CV_8UC3.
cv::Mat degradeFrame(const cv::Mat& gt, const DegradationPlan& plan, int frame, std::mt19937_64& rng);

// gt: RGB CV_32FC3 in [0, 1], all the same size with sides divisible by 4. Returns the LR
// frames (RGB CV_8UC3, a quarter of the size). Noise is drawn from `rng`.
std::vector<cv::Mat> applyDegradation(const std::vector<cv::Mat>& gt, const DegradationPlan& plan, std::mt19937_64& rng);

// Tensor front end: gt [N, 3, H, W] in [0, 1] -> LR [N, 3, H/4, W/4] in [0, 1]. The plan drawn
// is copied to `drawn` when given (reports say what each degraded input went through).
torch::Tensor degradeClip(const torch::Tensor& gt, std::mt19937_64& rng, DegradationPlan* drawn = nullptr);

// Adds Gaussian noise of sigma255 (0-255 scale) to an RGB CV_32FC3 image: the same value on all
// three channels when grey (luma noise), independent values otherwise.
void addGaussianNoise(cv::Mat& img, double sigma255, bool grey, std::mt19937_64& rng);

// [3, H, W] float tensor in [0, 1] <-> RGB CV_32FC3 Mat (copies); matToTensor32 also takes CV_8UC3.
cv::Mat tensorToMat(const torch::Tensor& chw);
torch::Tensor matToTensor32(const cv::Mat& m);

// RealBasicVSR's sharpened ground truth: unsharp masking (kernel 51, weight 0.5, threshold 10
// on the 0-255 scale) applied only where the residual is significant (soft mask).
cv::Mat unsharpMask(const cv::Mat& rgb32f, double weight = 0.5, int radius = 51, double threshold = 10);
torch::Tensor unsharpMaskClip(const torch::Tensor& frames); // [N, 3, H, W]

} // namespace dualx::train
