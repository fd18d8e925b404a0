#include "pipeline/output_guard.h"

#include "dualx/errors.h"

#include <cmath>
#include <cstdio>

namespace dualx::pipeline {

namespace {

torch::Tensor coarseLuma(const torch::Tensor& rgb, int64_t height, int64_t width)
{
    const auto pooled = torch::adaptive_avg_pool2d(rgb.to(torch::kCPU, torch::kFloat32).unsqueeze(0), {height, width})[0];
    return pooled[0] * 0.299 + pooled[1] * 0.587 + pooled[2] * 0.114;
}

} // namespace

double coarseMatchPsnr(const torch::Tensor& lr, const torch::Tensor& hr)
{
    const int64_t height = (lr.size(1) + 3) / 4, width = (lr.size(2) + 3) / 4;
    const double mse = (coarseLuma(lr, height, width) - coarseLuma(hr, height, width)).square().mean().item<double>();
    return mse <= 1e-12 ? 120.0 : 10.0 * std::log10(1.0 / mse);
}

void checkRestoredFrame(const torch::Tensor& lr, const torch::Tensor& hr, int64_t frameIndex)
{
    const double psnr = coarseMatchPsnr(lr, hr);
    if (psnr >= kMinCoarseMatchPsnr) return;
    char text[64];
    std::snprintf(text, sizeof text, "%.1f dB", psnr);
    throw Error(ErrorCode::Internal, "restored frame " + std::to_string(frameIndex) + " does not match its input (" + text
                                         + " against at least " + std::to_string(static_cast<int>(kMinCoarseMatchPsnr))
                                         + " dB at 1/4 size): stopped instead of writing a wrong picture; please report this file");
}

} // namespace dualx::pipeline
