#include "train/blur_kernels.h"

#include "dualx/errors.h"

#include <opencv2/core.hpp>

#include <cmath>
#include <numbers>

namespace dualx::train {

namespace {

void requireOddSize(int size)
{
    if (size < 1 || size % 2 == 0)
        throw Error(ErrorCode::InvalidArgument, "blur kernel size must be odd and positive, got " + std::to_string(size));
}

cv::Mat normalised(cv::Mat k) { return k / cv::sum(k)[0]; }

// Evaluates f(q) at every offset, where q = d^T S^-1 d is the squared Mahalanobis distance.
template <typename F> cv::Mat fromMahalanobis(int size, double sigmaX, double sigmaY, double theta, F f)
{
    requireOddSize(size);
    const cv::Matx22d inv = blurCovariance(sigmaX, sigmaY, theta).inv();
    const int half = size / 2;
    cv::Mat k(size, size, CV_64F);
    for (int y = -half; y <= half; ++y)
        for (int x = -half; x <= half; ++x) {
            const double q = x * (inv(0, 0) * x + inv(0, 1) * y) + y * (inv(1, 0) * x + inv(1, 1) * y);
            k.at<double>(y + half, x + half) = f(q);
        }
    return normalised(k);
}

} // namespace

const char* blurKindName(BlurKind kind)
{
    switch (kind) {
    case BlurKind::Iso: return "iso";
    case BlurKind::Aniso: return "aniso";
    case BlurKind::GeneralizedIso: return "generalized_iso";
    case BlurKind::GeneralizedAniso: return "generalized_aniso";
    case BlurKind::PlateauIso: return "plateau_iso";
    case BlurKind::PlateauAniso: return "plateau_aniso";
    case BlurKind::Sinc: return "sinc";
    }
    return "unknown";
}

cv::Matx22d blurCovariance(double sigmaX, double sigmaY, double theta)
{
    const double c = std::cos(theta), s = std::sin(theta);
    const cv::Matx22d u(c, -s, s, c);
    const cv::Matx22d d(sigmaX * sigmaX, 0, 0, sigmaY * sigmaY);
    return u * d * u.t();
}

cv::Mat gaussianKernel(int size, double sigmaX, double sigmaY, double theta)
{
    return fromMahalanobis(size, sigmaX, sigmaY, theta, [](double q) { return std::exp(-0.5 * q); });
}

cv::Mat generalizedGaussianKernel(int size, double sigmaX, double sigmaY, double theta, double beta)
{
    return fromMahalanobis(size, sigmaX, sigmaY, theta, [beta](double q) { return std::exp(-0.5 * std::pow(q, beta)); });
}

cv::Mat plateauKernel(int size, double sigmaX, double sigmaY, double theta, double beta)
{
    return fromMahalanobis(size, sigmaX, sigmaY, theta, [beta](double q) { return 1.0 / (std::pow(q, beta) + 1.0); });
}

cv::Mat sincKernel(int size, double omega)
{
    requireOddSize(size);
    const int half = size / 2;
    cv::Mat k(size, size, CV_64F);
    for (int y = -half; y <= half; ++y)
        for (int x = -half; x <= half; ++x) {
            const double r = std::sqrt(static_cast<double>(x * x + y * y));
            k.at<double>(y + half, x + half) = r == 0 ? omega * omega / (4.0 * std::numbers::pi)
                                                      : omega * std::cyl_bessel_j(1.0, omega * r) / (2.0 * std::numbers::pi * r);
        }
    return normalised(k);
}

} // namespace dualx::train
