#include "train/degradation.h"

#include "dualx/errors.h"
#include "train/video_compression.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <numbers>
#include <sstream>

namespace dualx::train {

namespace {

using R = DegradationRanges;
constexpr double kPi = std::numbers::pi;

double uniform(std::mt19937_64& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

double walk(std::mt19937_64& rng, double value, double step, double lo, double hi)
{
    return std::clamp(value + uniform(rng, -step, step), lo, hi);
}

bool isotropic(BlurKind k) { return k == BlurKind::Iso || k == BlurKind::GeneralizedIso || k == BlurKind::PlateauIso; }
bool generalized(BlurKind k) { return k == BlurKind::GeneralizedIso || k == BlurKind::GeneralizedAniso; }
bool plateau(BlurKind k) { return k == BlurKind::PlateauIso || k == BlurKind::PlateauAniso; }

int cvInterpolation(Interpolation i)
{
    switch (i) {
    case Interpolation::Bilinear: return cv::INTER_LINEAR;
    case Interpolation::Area: return cv::INTER_AREA;
    case Interpolation::Bicubic: return cv::INTER_CUBIC;
    }
    return cv::INTER_LINEAR;
}

const char* interpolationName(Interpolation i)
{
    switch (i) {
    case Interpolation::Bilinear: return "bilinear";
    case Interpolation::Area: return "area";
    case Interpolation::Bicubic: return "bicubic";
    }
    return "?";
}

// Real-ESRGAN's Poisson noise: counts at a level matching the image's number of distinct values.
void addPoissonNoise(cv::Mat& img, double scale, bool grey, std::mt19937_64& rng)
{
    cv::Mat source = img;
    if (grey) cv::cvtColor(img, source, cv::COLOR_RGB2GRAY);
    const int channels = source.channels();
    std::vector<bool> seen(256, false);
    int distinct = 0;
    for (int y = 0; y < source.rows; ++y) {
        const float* row = source.ptr<float>(y);
        for (int i = 0; i < source.cols * channels; ++i) {
            const int level = static_cast<int>(std::lround(std::clamp(row[i], 0.0f, 1.0f) * 255.0f));
            if (!seen[level]) {
                seen[level] = true;
                ++distinct;
            }
        }
    }
    const double vals = std::pow(2.0, std::ceil(std::log2(std::max(distinct, 2))));
    cv::Mat noise(source.size(), source.type());
    for (int y = 0; y < source.rows; ++y) {
        const float* row = source.ptr<float>(y);
        float* out = noise.ptr<float>(y);
        for (int i = 0; i < source.cols * channels; ++i) {
            const double v = std::round(std::clamp<double>(row[i], 0, 1) * 255.0) / 255.0;
            const double counts = std::poisson_distribution<int>(v * vals)(rng);
            out[i] = static_cast<float>((counts / vals - v) * scale);
        }
    }
    if (grey) cv::cvtColor(noise, noise, cv::COLOR_GRAY2RGB);
    img += noise;
}

cv::Mat jpegRoundTrip(const cv::Mat& rgb8, int quality)
{
    cv::Mat bgr;
    cv::cvtColor(rgb8, bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> bytes;
    cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    cv::Mat decoded = cv::imdecode(bytes, cv::IMREAD_COLOR);
    cv::cvtColor(decoded, decoded, cv::COLOR_BGR2RGB);
    return decoded;
}

} // namespace

void addGaussianNoise(cv::Mat& img, double sigma255, bool grey, std::mt19937_64& rng)
{
    std::normal_distribution<float> n(0.0f, static_cast<float>(sigma255 / 255.0));
    for (int y = 0; y < img.rows; ++y) {
        auto* row = img.ptr<cv::Vec3f>(y);
        for (int x = 0; x < img.cols; ++x) {
            if (grey) {
                const float v = n(rng);
                row[x] += cv::Vec3f(v, v, v);
            } else {
                row[x] += cv::Vec3f(n(rng), n(rng), n(rng));
            }
        }
    }
}

cv::Mat tensorToMat(const torch::Tensor& chw)
{
    auto hwc = chw.permute({1, 2, 0}).contiguous().to(torch::kFloat32);
    return cv::Mat(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_32FC3, hwc.data_ptr<float>()).clone();
}

torch::Tensor matToTensor32(const cv::Mat& m)
{
    cv::Mat f;
    if (m.depth() == CV_8U)
        m.convertTo(f, CV_32FC3, 1.0 / 255.0);
    else
        f = m.isContinuous() ? m : m.clone();
    return torch::from_blob(f.data, {f.rows, f.cols, 3}, torch::kFloat32).permute({2, 0, 1}).clone();
}

std::string DegradationPlan::describe() const
{
    std::ostringstream s;
    s.precision(3);
    s << "blur " << blurKindName(blurKind) << " " << kernelSize << "px sigma " << blur.front().sigmaX << "/" << blur.front().sigmaY
      << "; resize "
      << (resizeDirection == ResizeDirection::Up     ? "up"
          : resizeDirection == ResizeDirection::Down ? "down"
                                                     : "keep")
      << " x" << resizeScale.front() << " " << interpolationName(interpolation) << "; noise "
      << (noiseKind == NoiseKind::Gaussian ? "gaussian sigma " : "poisson scale ") << noiseLevel << (greyNoise ? " grey" : " colour")
      << "; jpeg q" << jpegQuality.front() << "; " << codec << " " << bitRate << " bit/s";
    return s.str();
}

DegradationPlan sampleDegradationPlan(std::mt19937_64& rng, int frames, int lrWidth, int lrHeight)
{
    if (frames < 1) throw Error(ErrorCode::InvalidArgument, "degradation plan needs at least one frame");
    DegradationPlan p;
    static const double kBlurWeights[] = {0.405, 0.225, 0.108, 0.027, 0.108, 0.027, 0.1};
    p.blurKind = static_cast<BlurKind>(std::discrete_distribution<int>(std::begin(kBlurWeights), std::end(kBlurWeights))(rng));
    p.kernelSize = 2 * std::uniform_int_distribution<int>(R::kMinKernel / 2, R::kMaxKernel / 2)(rng) + 1;

    const double omegaMin = p.kernelSize < 13 ? kPi / 3 : kPi / 5;
    const double betaMin = plateau(p.blurKind) ? R::kBetaPlateauMin : R::kBetaGenMin;
    const double betaMax = plateau(p.blurKind) ? R::kBetaPlateauMax : R::kBetaGenMax;
    const double betaStep = plateau(p.blurKind) ? R::kBetaPlateauStep : R::kBetaGenStep;
    FrameBlur b;
    b.sigmaX = uniform(rng, R::kSigmaMin, R::kSigmaMax);
    b.sigmaY = isotropic(p.blurKind) ? b.sigmaX : uniform(rng, R::kSigmaMin, R::kSigmaMax);
    b.theta = isotropic(p.blurKind) ? 0.0 : uniform(rng, -kPi, kPi);
    b.beta = uniform(rng, betaMin, betaMax);
    b.omega = uniform(rng, omegaMin, kPi);

    static const double kDirectionWeights[] = {0.2, 0.7, 0.1};
    p.resizeDirection
        = static_cast<ResizeDirection>(std::discrete_distribution<int>(std::begin(kDirectionWeights), std::end(kDirectionWeights))(rng));
    double scaleMin = 1.0, scaleMax = 1.0;
    if (p.resizeDirection == ResizeDirection::Up) scaleMax = R::kUpMax;
    if (p.resizeDirection == ResizeDirection::Down) scaleMin = R::kDownMin;
    double scale = p.resizeDirection == ResizeDirection::Keep ? 1.0 : uniform(rng, scaleMin, scaleMax);
    p.interpolation = static_cast<Interpolation>(std::uniform_int_distribution<int>(0, 2)(rng));

    p.noiseKind = uniform(rng, 0, 1) < 0.5 ? NoiseKind::Gaussian : NoiseKind::Poisson;
    p.greyNoise = uniform(rng, 0, 1) < 0.4;
    p.noiseLevel = p.noiseKind == NoiseKind::Gaussian ? uniform(rng, R::kNoiseSigmaMin, R::kNoiseSigmaMax)
                                                      : uniform(rng, R::kPoissonMin, R::kPoissonMax);
    int quality = std::uniform_int_distribution<int>(R::kJpegMin, R::kJpegMax)(rng);

    static const char* kCodecs[] = {"libx264", "h264", "mpeg4"};
    p.codec = kCodecs[std::uniform_int_distribution<int>(0, 2)(rng)];
    p.bitRate
        = static_cast<int64_t>(uniform(rng, R::kBitRateMin, R::kBitRateMax) * (static_cast<double>(lrWidth) * lrHeight) / (64.0 * 64.0));

    for (int f = 0; f < frames; ++f) {
        if (f > 0) {
            b.sigmaX = walk(rng, b.sigmaX, R::kSigmaStep, R::kSigmaMin, R::kSigmaMax);
            b.sigmaY = isotropic(p.blurKind) ? b.sigmaX : walk(rng, b.sigmaY, R::kSigmaStep, R::kSigmaMin, R::kSigmaMax);
            if (!isotropic(p.blurKind)) b.theta = walk(rng, b.theta, R::kThetaStep, -kPi, kPi);
            b.beta = walk(rng, b.beta, betaStep, betaMin, betaMax);
            b.omega = walk(rng, b.omega, R::kOmegaStep, omegaMin, kPi);
            if (p.resizeDirection != ResizeDirection::Keep) scale = walk(rng, scale, R::kResizeStep, scaleMin, scaleMax);
            quality = std::clamp(quality + std::uniform_int_distribution<int>(-R::kJpegStep, R::kJpegStep)(rng), R::kJpegMin, R::kJpegMax);
        }
        p.blur.push_back(b);
        p.resizeScale.push_back(scale);
        p.jpegQuality.push_back(quality);
    }
    return p;
}

cv::Mat blurKernelFor(const DegradationPlan& plan, int frame)
{
    const FrameBlur& b = plan.blur.at(static_cast<size_t>(frame));
    const int k = plan.kernelSize;
    if (plan.blurKind == BlurKind::Sinc) return sincKernel(k, b.omega);
    if (generalized(plan.blurKind)) return generalizedGaussianKernel(k, b.sigmaX, b.sigmaY, b.theta, b.beta);
    if (plateau(plan.blurKind)) return plateauKernel(k, b.sigmaX, b.sigmaY, b.theta, b.beta);
    return gaussianKernel(k, b.sigmaX, b.sigmaY, b.theta);
}

cv::Mat degradeFrame(const cv::Mat& gt, const DegradationPlan& plan, int frame, std::mt19937_64& rng)
{
    if (frame < 0 || static_cast<size_t>(frame) >= plan.blur.size())
        throw Error(ErrorCode::InvalidArgument,
                    "degradation plan covers " + std::to_string(plan.blur.size()) + " frames, asked for frame " + std::to_string(frame));
    const int w = gt.cols, h = gt.rows;
    if (w % 4 || h % 4)
        throw Error(ErrorCode::InvalidArgument,
                    "degradation needs sides divisible by 4, got " + std::to_string(w) + "x" + std::to_string(h));
    const int interpolation = cvInterpolation(plan.interpolation);
    cv::Mat kernel;
    blurKernelFor(plan, frame).convertTo(kernel, CV_32F);
    cv::Mat img;
    cv::filter2D(gt, img, -1, kernel, cv::Point(-1, -1), 0, cv::BORDER_REFLECT101);
    const double s = plan.resizeScale[static_cast<size_t>(frame)];
    if (s != 1.0) {
        const cv::Size size(std::max(1, static_cast<int>(std::lround(w * s))), std::max(1, static_cast<int>(std::lround(h * s))));
        cv::resize(img, img, size, 0, 0, interpolation);
    }
    cv::resize(img, img, cv::Size(w / 4, h / 4), 0, 0, interpolation);
    cv::min(cv::max(img, 0.0), 1.0, img);
    if (plan.noiseKind == NoiseKind::Gaussian)
        addGaussianNoise(img, plan.noiseLevel, plan.greyNoise, rng);
    else
        addPoissonNoise(img, plan.noiseLevel, plan.greyNoise, rng);
    cv::Mat img8;
    img.convertTo(img8, CV_8UC3, 255.0); // saturating and rounding
    return jpegRoundTrip(img8, plan.jpegQuality[static_cast<size_t>(frame)]);
}

std::vector<cv::Mat> applyDegradation(const std::vector<cv::Mat>& gt, const DegradationPlan& plan, std::mt19937_64& rng)
{
    std::vector<cv::Mat> lr;
    for (size_t f = 0; f < gt.size(); ++f) lr.push_back(degradeFrame(gt[f], plan, static_cast<int>(f), rng));
    return compressVideo(lr, plan.codec, plan.bitRate);
}

torch::Tensor degradeClip(const torch::Tensor& gt, std::mt19937_64& rng, DegradationPlan* drawn)
{
    std::vector<cv::Mat> frames;
    for (int64_t i = 0; i < gt.size(0); ++i) frames.push_back(tensorToMat(gt[i]));
    const auto plan = sampleDegradationPlan(rng, static_cast<int>(frames.size()), frames[0].cols / 4, frames[0].rows / 4);
    if (drawn) *drawn = plan;
    std::vector<torch::Tensor> out;
    for (const auto& m : applyDegradation(frames, plan, rng)) out.push_back(matToTensor32(m));
    return torch::stack(out);
}

cv::Mat unsharpMask(const cv::Mat& rgb32f, double weight, int radius, double threshold)
{
    if (radius % 2 == 0) ++radius;
    cv::Mat blur, residual, mask, softMask, sharp;
    cv::GaussianBlur(rgb32f, blur, cv::Size(radius, radius), 0);
    residual = rgb32f - blur;
    cv::Mat absResidual = cv::abs(residual) * 255.0;
    cv::threshold(absResidual, mask, threshold, 1.0, cv::THRESH_BINARY);
    cv::GaussianBlur(mask, softMask, cv::Size(radius, radius), 0);
    sharp = rgb32f + weight * residual;
    cv::min(cv::max(sharp, 0.0), 1.0, sharp);
    cv::Mat ones(softMask.size(), softMask.type(), cv::Scalar::all(1.0));
    return softMask.mul(sharp) + (ones - softMask).mul(rgb32f);
}

torch::Tensor unsharpMaskClip(const torch::Tensor& frames)
{
    std::vector<torch::Tensor> out;
    for (int64_t i = 0; i < frames.size(0); ++i) out.push_back(matToTensor32(unsharpMask(tensorToMat(frames[i]))));
    return torch::stack(out);
}

} // namespace dualx::train
