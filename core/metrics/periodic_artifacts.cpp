#include "metrics/periodic_artifacts.h"

#include "dualx/errors.h"
#include "metrics/psnr.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace dualx::metrics {

namespace {

constexpr int kPeriod = 4;     // the ×4 pixel shuffle
constexpr int kPeakRadius = 1; // a Hann-windowed sinusoid spreads over ±1 bin
constexpr int kRingInner = 3;  // surroundings: bins at Chebyshev distance 3..8 from a peak
constexpr int kRingOuter = 8;

cv::Mat hannWindow(int rows, int cols)
{
    cv::Mat w;
    cv::createHanningWindow(w, cv::Size(cols, rows), CV_64F);
    return w;
}

// Power spectrum of one windowed, mean-free luma plane.
cv::Mat powerSpectrum(const cv::Mat& luma, const cv::Mat& window)
{
    cv::Mat centred = luma - cv::mean(luma)[0];
    cv::Mat spectrum;
    cv::dft(centred.mul(window), spectrum, cv::DFT_COMPLEX_OUTPUT);
    cv::Mat planes[2];
    cv::split(spectrum, planes);
    cv::Mat power;
    cv::magnitude(planes[0], planes[1], power);
    return power.mul(power);
}

double at(const cv::Mat& p, int v, int u)
{
    const int rows = p.rows, cols = p.cols;
    return p.at<double>(((v % rows) + rows) % rows, ((u % cols) + cols) % cols);
}

double ratioOf(const cv::Mat& power)
{
    double peaks = 0, surroundings = 0;
    std::vector<double> ring;
    for (int j = 0; j < kPeriod; ++j)
        for (int i = 0; i < kPeriod; ++i) {
            if (i == 0 && j == 0) continue;
            const int v = j * power.rows / kPeriod, u = i * power.cols / kPeriod;
            double peak = 0;
            for (int dv = -kPeakRadius; dv <= kPeakRadius; ++dv)
                for (int du = -kPeakRadius; du <= kPeakRadius; ++du) peak += at(power, v + dv, u + du);
            ring.clear();
            for (int dv = -kRingOuter; dv <= kRingOuter; ++dv)
                for (int du = -kRingOuter; du <= kRingOuter; ++du)
                    if (std::max(std::abs(dv), std::abs(du)) >= kRingInner) ring.push_back(at(power, v + dv, u + du));
            // The median: robust against other structure (texture, the picture's own lines) nearby.
            std::nth_element(ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(ring.size() / 2), ring.end());
            peaks += peak;
            surroundings += ring[ring.size() / 2] * (2 * kPeakRadius + 1) * (2 * kPeakRadius + 1);
        }
    return surroundings > 0 ? peaks / surroundings : (peaks > 0 ? std::numeric_limits<double>::infinity() : 1.0);
}

} // namespace

std::vector<double> periodicArtifactsPerFrame(const torch::Tensor& frames)
{
    auto f = frames.dim() == 3 ? frames.unsqueeze(0) : frames;
    if (f.dim() != 4 || f.size(1) != 3)
        throw Error(ErrorCode::InvalidArgument,
                    "periodic artefacts need [N, 3, H, W] RGB frames, got " + std::string(c10::str(frames.sizes())));
    const int64_t h = f.size(2), w = f.size(3);
    if (h % kPeriod || w % kPeriod || h < 32 || w < 32)
        throw Error(ErrorCode::InvalidArgument, "periodic artefacts need frames of at least 32x32 with sides divisible by 4, got "
                                                    + std::to_string(w) + "x" + std::to_string(h));
    const auto luma = lumaBt601(f).to(torch::kFloat64).contiguous();
    const cv::Mat window = hannWindow(static_cast<int>(h), static_cast<int>(w));
    std::vector<double> out;
    for (int64_t n = 0; n < luma.size(0); ++n) {
        auto plane = luma[n][0].contiguous();
        const cv::Mat y(static_cast<int>(h), static_cast<int>(w), CV_64F, plane.data_ptr<double>());
        out.push_back(ratioOf(powerSpectrum(y, window)));
    }
    return out;
}

double meanPeriodicArtifacts(const torch::Tensor& frames)
{
    const auto values = periodicArtifactsPerFrame(frames);
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

} // namespace dualx::metrics
