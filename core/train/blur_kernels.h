#pragma once
// Blur kernels of the Real-ESRGAN / RealBasicVSR degradation model (paper appendix C.2):
// isotropic / anisotropic Gaussian, generalized Gaussian, plateau, and the 2-D sinc
// (circular low-pass) kernel. All are odd-sized, centred, and sum to 1.
#include <opencv2/core/mat.hpp>

namespace dualx::train {

enum class BlurKind { Iso, Aniso, GeneralizedIso, GeneralizedAniso, PlateauIso, PlateauAniso, Sinc };

const char* blurKindName(BlurKind kind);

// Covariance sigma_matrix = R(theta) diag(sx^2, sy^2) R(theta)^T.
cv::Matx22d blurCovariance(double sigmaX, double sigmaY, double theta);

// exp(-0.5 d^T S^-1 d), size x size, CV_64F, normalised.
cv::Mat gaussianKernel(int size, double sigmaX, double sigmaY, double theta);
// exp(-0.5 (d^T S^-1 d)^beta)
cv::Mat generalizedGaussianKernel(int size, double sigmaX, double sigmaY, double theta, double beta);
// 1 / (1 + (d^T S^-1 d)^beta)
cv::Mat plateauKernel(int size, double sigmaX, double sigmaY, double theta, double beta);
// omega J1(omega r) / (2 pi r), centre omega^2 / (4 pi): an ideal low-pass of cut-off omega.
cv::Mat sincKernel(int size, double omega);

} // namespace dualx::train
