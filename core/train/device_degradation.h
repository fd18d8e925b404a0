#pragma once
// Degradation synthesis in LibTorch, on whatever device holds the clips, for a trainer that has
// no FFmpeg or OpenCV (dualx-synth-train on a GPU machine). The four families of a recipe's
// degradation mix, approximated with tensor operations: blur kernels by convolution, resizes by
// interpolation, Gaussian and Poisson noise, block-DCT compression (dct_compression.h) in place
// of the codecs, VHS chroma and single-field captures as realistic_degradation.h draws them.
// Parameters are drawn from `rng` (per clip, JPEG quality per frame); noise comes from LibTorch's
// generator of the clip's device, which the caller seeds for replay.
#include <torch/torch.h>

#include <random>
#include <string>

namespace dualx::train {

enum class DeviceFamily { Clean, FirstOrder, Mild, Home };

const char* deviceFamilyName(DeviceFamily family);

// Shares of the families (any non-negative weights, not all zero).
struct DeviceFamilyMix {
    double clean = 0.3, firstOrder = 0.15, mild = 0.35, home = 0.2;
};

DeviceFamily drawDeviceFamily(const DeviceFamilyMix& mix, std::mt19937_64& rng);

// gt [T, 3, H, W] in [0, 1], H and W divisible by 4 -> LR [T, 3, H/4, W/4] at 8-bit levels.
// Clean is the benchmark's antialiased bicubic x1/4 (bicubic_downscale.h). `described`, when
// given, receives one line naming the parameters drawn.
torch::Tensor degradeOnDevice(const torch::Tensor& gt, DeviceFamily family, std::mt19937_64& rng, std::string* described = nullptr);

// A normalised 2-D Gaussian kernel, size x size (odd), covariance R(theta) diag(sx^2, sy^2) R^T,
// raised to `beta` inside the exponent (1: Gaussian; the generalised kernels of Real-ESRGAN).
torch::Tensor gaussianBlurKernel(int size, double sigmaX, double sigmaY, double theta, double beta = 1.0);

// A single-field capture as a bob deinterlacer shows it: frame t of [T, C, H, W] keeps field
// t % 2 (its even lines when t is even) and rebuilds the other field's lines from their neighbours.
torch::Tensor keepOneField(const torch::Tensor& frames);

// Convolves every channel of frames [N, C, H, W] with kernel [k, k] (reflected edges).
torch::Tensor blurFrames(const torch::Tensor& frames, const torch::Tensor& kernel);

} // namespace dualx::train
