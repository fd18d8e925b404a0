#include "metrics/psnr.h"

#include "dualx/errors.h"

#include <cmath>
#include <limits>

namespace dualx::metrics {

namespace {

torch::Tensor asFrames(const torch::Tensor& t)
{
    auto f = t.dim() == 3 ? t.unsqueeze(0) : t;
    if (f.dim() != 4 || f.size(1) != 3)
        throw Error(ErrorCode::InvalidArgument, "PSNR expects [N, 3, H, W] RGB frames, got " + std::string(c10::str(t.sizes())));
    return f.to(torch::kFloat64);
}

// The literature rounds to 8-bit values before measuring.
torch::Tensor to255(const torch::Tensor& x) { return (x.clamp(0, 1) * 255.0).round(); }

} // namespace

torch::Tensor lumaBt601(const torch::Tensor& rgb)
{
    auto x = to255(rgb.to(torch::kFloat64)) / 255.0;
    auto y = 16.0 + 65.481 * x.select(-3, 0) + 128.553 * x.select(-3, 1) + 24.966 * x.select(-3, 2);
    return y.round().unsqueeze(-3);
}

std::vector<double> psnrPerFrame(const torch::Tensor& a, const torch::Tensor& b, bool lumaOnly, int cropBorder)
{
    auto fa = asFrames(a), fb = asFrames(b);
    if (fa.sizes() != fb.sizes())
        throw Error(ErrorCode::InvalidArgument, "PSNR of frames with different sizes: " + std::string(c10::str(fa.sizes())) + " vs "
                                                    + std::string(c10::str(fb.sizes())));
    const int64_t h = fa.size(2), w = fa.size(3);
    if (cropBorder < 0 || 2 * cropBorder >= h || 2 * cropBorder >= w)
        throw Error(ErrorCode::InvalidArgument, "border crop " + std::to_string(cropBorder) + " leaves no pixels");
    auto va = lumaOnly ? lumaBt601(fa) : to255(fa);
    auto vb = lumaOnly ? lumaBt601(fb) : to255(fb);
    if (cropBorder > 0) {
        va = va.narrow(2, cropBorder, h - 2 * cropBorder).narrow(3, cropBorder, w - 2 * cropBorder);
        vb = vb.narrow(2, cropBorder, h - 2 * cropBorder).narrow(3, cropBorder, w - 2 * cropBorder);
    }
    auto mse = (va - vb).pow(2).flatten(1).mean(1);
    std::vector<double> out;
    for (int64_t i = 0; i < mse.size(0); ++i) {
        const double m = mse[i].item<double>();
        out.push_back(m == 0 ? std::numeric_limits<double>::infinity() : 10.0 * std::log10(255.0 * 255.0 / m));
    }
    return out;
}

double meanPsnr(const torch::Tensor& a, const torch::Tensor& b, bool lumaOnly, int cropBorder)
{
    const auto values = psnrPerFrame(a, b, lumaOnly, cropBorder);
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

} // namespace dualx::metrics
