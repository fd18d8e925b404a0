#include "train/losses.h"

#include "dualx/errors.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace dualx::train {

torch::Tensor charbonnierLoss(const torch::Tensor& output, const torch::Tensor& target, double eps)
{
    return torch::sqrt((output - target).pow(2) + eps * eps).mean();
}

torch::Tensor mseLoss(const torch::Tensor& output, const torch::Tensor& target) { return (output - target).pow(2).mean(); }

namespace {

constexpr int kPeriod = 4;
constexpr int kRing = 8;      // surroundings reach 8 bins from a peak
constexpr int kRingInner = 3; // and start 3 bins from it

// Windowed luma power spectrum of [F, 3, H, W] frames: [F, H, W].
torch::Tensor lumaPower(const torch::Tensor& frames, const torch::Tensor& window)
{
    auto y = 0.299 * frames.select(1, 0) + 0.587 * frames.select(1, 1) + 0.114 * frames.select(1, 2);
    y = (y - y.mean({-2, -1}, true)) * window;
    return torch::fft::fft2(y).abs().pow(2);
}

// Rows (or columns) around each of the 4 peaks along one axis: [4][2 * kRing + 1].
torch::Tensor binsAroundPeaks(int64_t size, const torch::TensorOptions& options)
{
    std::vector<int64_t> bins;
    for (int k = 0; k < kPeriod; ++k)
        for (int d = -kRing; d <= kRing; ++d) bins.push_back(((k * size / kPeriod + d) % size + size) % size);
    return torch::tensor(bins, options.dtype(torch::kLong));
}

// Each peak's power (its 3x3 bins) against the median power of its surroundings (bins at
// Chebyshev distance 3..8), as the periodic-artefact measure takes it: [F, 4, 4]. The
// surroundings are the yardstick, not a target: no gradient flows into them, or the generator
// would learn to lower the ratio by adding texture around the peaks rather than removing the
// peaks (a mean of them did exactly that, and raised the measured pattern).
torch::Tensor peakRatios(const torch::Tensor& power, const torch::Tensor& rows, const torch::Tensor& cols)
{
    constexpr int side = 2 * kRing + 1;
    const auto f = power.size(0);
    auto around = power.index_select(1, rows).index_select(2, cols).view({f, kPeriod, side, kPeriod, side});
    const auto peak = around.narrow(2, kRing - 1, 3).narrow(4, kRing - 1, 3).sum({2, 4});
    std::vector<int64_t> ringBins;
    for (int v = 0; v < side; ++v)
        for (int u = 0; u < side; ++u)
            if (std::max(std::abs(v - kRing), std::abs(u - kRing)) >= kRingInner) ringBins.push_back(v * side + u);
    const auto ringIndex = torch::tensor(ringBins, power.options().dtype(torch::kLong));
    const auto ring = std::get<0>(
        around.detach().permute({0, 1, 3, 2, 4}).reshape({f, kPeriod, kPeriod, side * side}).index_select(3, ringIndex).median(3));
    const auto floor = 1e-6 * power.mean({-2, -1}).detach().view({-1, 1, 1}) + 1e-12;
    return (peak / 9.0 + floor) / (ring + floor);
}

} // namespace

torch::Tensor periodicEnergyLoss(const torch::Tensor& output, const torch::Tensor& reference, double margin)
{
    if (output.sizes() != reference.sizes() || output.dim() < 3 || output.size(-3) != 3)
        throw Error(ErrorCode::InvalidArgument, "periodic energy loss needs output and reference of the same [..., 3, H, W] shape");
    if (!(margin >= 1.0)) throw Error(ErrorCode::InvalidArgument, "periodic energy loss: the margin must be >= 1");
    const int64_t h = output.size(-2), w = output.size(-1);
    if (h % kPeriod || w % kPeriod || h < 4 * kRing || w < 4 * kRing)
        throw Error(ErrorCode::InvalidArgument, "periodic energy loss needs frames of at least " + std::to_string(4 * kRing) + "x"
                                                    + std::to_string(4 * kRing) + " with sides divisible by 4");
    const auto o = output.reshape({-1, 3, h, w}), t = reference.reshape({-1, 3, h, w});
    const auto opts = o.options();
    const auto window = torch::hann_window(h, false, opts).unsqueeze(1) * torch::hann_window(w, false, opts).unsqueeze(0);
    const auto rows = binsAroundPeaks(h, opts), cols = binsAroundPeaks(w, opts);
    const auto excess = torch::relu(torch::log(peakRatios(lumaPower(o, window), rows, cols))
                                    - torch::log(peakRatios(lumaPower(t, window), rows, cols)) - std::log(margin));
    auto mask = torch::ones({kPeriod, kPeriod}, opts);
    mask[0][0] = 0; // the picture's mean, not a pattern
    return (excess * mask).sum({1, 2}).mean() / mask.sum();
}

} // namespace dualx::train
