#include "metrics/ssim.h"

#include "dualx/errors.h"
#include "metrics/psnr.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace dualx::metrics {

namespace {

torch::Tensor asFrames(const torch::Tensor& t)
{
    auto f = t.dim() == 3 ? t.unsqueeze(0) : t;
    if (f.dim() != 4 || f.size(1) != 3)
        throw Error(ErrorCode::InvalidArgument, "SSIM expects [N, 3, H, W] RGB frames, got " + std::string(c10::str(t.sizes())));
    return f.to(torch::kFloat64);
}

// The literature rounds to 8-bit values before measuring.
torch::Tensor to255(const torch::Tensor& x) { return (x.clamp(0, 1) * 255.0).round(); }

// SSIM of one 8-bit-scale plane pair (float64, h x w, row-major), BasicSR's _ssim step for step:
// filter with the 11x11 Gaussian (sigma 1.5), keep only positions where the whole window lies
// inside the image (its filter2D then [5:-5, 5:-5] crop, the MATLAB code's 'valid'), average the map.
// The window is the outer product of cv::getGaussianKernel(11, 1.5), so a separable pass gives
// the same sums with 22 instead of 121 taps.
double planeSsim(const double* a, const double* b, int h, int w)
{
    constexpr double c1 = (0.01 * 255) * (0.01 * 255), c2 = (0.03 * 255) * (0.03 * 255);
    const int half = kSsimWindowSize / 2;
    const cv::Mat k = cv::getGaussianKernel(kSsimWindowSize, 1.5, CV_64F);
    const cv::Mat x(h, w, CV_64F, const_cast<double*>(a)), y(h, w, CV_64F, const_cast<double*>(b));
    const cv::Rect valid(half, half, w - 2 * half, h - 2 * half);
    const auto filter = [&](const cv::Mat& m) {
        cv::Mat out;
        cv::sepFilter2D(m, out, CV_64F, k, k);
        return cv::Mat(out, valid);
    };
    const cv::Mat mu1 = filter(x), mu2 = filter(y), xx = filter(x.mul(x)), yy = filter(y.mul(y)), xy = filter(x.mul(y));
    double sum = 0;
    for (int r = 0; r < valid.height; ++r)
        for (int c = 0; c < valid.width; ++c) {
            const double m1 = mu1.at<double>(r, c), m2 = mu2.at<double>(r, c);
            const double s1 = xx.at<double>(r, c) - m1 * m1, s2 = yy.at<double>(r, c) - m2 * m2;
            const double s12 = xy.at<double>(r, c) - m1 * m2;
            sum += ((2 * m1 * m2 + c1) * (2 * s12 + c2)) / ((m1 * m1 + m2 * m2 + c1) * (s1 + s2 + c2));
        }
    return sum / (static_cast<double>(valid.width) * valid.height);
}

} // namespace

std::vector<double> ssimPerFrame(const torch::Tensor& a, const torch::Tensor& b, bool lumaOnly, int cropBorder)
{
    auto fa = asFrames(a), fb = asFrames(b);
    if (fa.sizes() != fb.sizes())
        throw Error(ErrorCode::InvalidArgument, "SSIM of frames with different sizes: " + std::string(c10::str(fa.sizes())) + " vs "
                                                    + std::string(c10::str(fb.sizes())));
    const int64_t h = fa.size(2), w = fa.size(3);
    if (cropBorder < 0 || h - 2 * cropBorder < kSsimWindowSize || w - 2 * cropBorder < kSsimWindowSize)
        throw Error(ErrorCode::InvalidArgument, "border crop " + std::to_string(cropBorder) + " of " + std::to_string(w) + "x"
                                                    + std::to_string(h) + " frames leaves less than the 11x11 pixels SSIM's window needs");
    auto va = lumaOnly ? lumaBt601(fa) : to255(fa);
    auto vb = lumaOnly ? lumaBt601(fb) : to255(fb);
    if (cropBorder > 0) {
        va = va.narrow(2, cropBorder, h - 2 * cropBorder).narrow(3, cropBorder, w - 2 * cropBorder);
        vb = vb.narrow(2, cropBorder, h - 2 * cropBorder).narrow(3, cropBorder, w - 2 * cropBorder);
    }
    // Channels are separate planes: SSIM per channel, then their mean.
    va = va.to(torch::kCPU).contiguous();
    vb = vb.to(torch::kCPU).contiguous();
    const int64_t n = va.size(0), c = va.size(1);
    const int ph = static_cast<int>(va.size(2)), pw = static_cast<int>(va.size(3));
    const size_t planeSize = static_cast<size_t>(ph) * pw;
    const double* pa = va.data_ptr<double>();
    const double* pb = vb.data_ptr<double>();
    std::vector<double> out;
    out.reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        double sum = 0;
        for (int64_t ch = 0; ch < c; ++ch) {
            const size_t offset = static_cast<size_t>(i * c + ch) * planeSize;
            sum += planeSsim(pa + offset, pb + offset, ph, pw);
        }
        out.push_back(sum / static_cast<double>(c));
    }
    return out;
}

double meanSsim(const torch::Tensor& a, const torch::Tensor& b, bool lumaOnly, int cropBorder)
{
    const auto values = ssimPerFrame(a, b, lumaOnly, cropBorder);
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

} // namespace dualx::metrics
