#include "train/realistic_degradation.h"

#include "train/degradation.h"
#include "train/video_compression.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <sstream>
#include <utility>

namespace dualx::train {

namespace {

double uniform(std::mt19937_64& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }
int uniformInt(std::mt19937_64& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
bool chance(std::mt19937_64& rng, double p) { return uniform(rng, 0, 1) < p; }

const char* kernelName(int kernel)
{
    switch (kernel) {
    case cv::INTER_AREA: return "area";
    case cv::INTER_CUBIC: return "cubic";
    case cv::INTER_LANCZOS4: return "lanczos";
    }
    return "?";
}

// A bob deinterlacer's view of one field: the other field's lines rebuilt from their neighbours.
void keepOneField(cv::Mat& rgb, int parity)
{
    for (int y = 1 - parity; y < rgb.rows; y += 2) {
        const int above = y - 1 >= 0 ? y - 1 : y + 1, below = y + 1 < rgb.rows ? y + 1 : y - 1;
        cv::addWeighted(rgb.row(above), 0.5, rgb.row(below), 0.5, 0.0, rgb.row(y));
    }
}

// VHS colour: chroma bandwidth far below luma's, a horizontal chroma delay, chroma noise.
void tapeChroma(cv::Mat& rgb, const RealisticPlan& p, std::mt19937_64& rng)
{
    cv::Mat ycc;
    cv::cvtColor(rgb, ycc, cv::COLOR_RGB2YCrCb);
    std::vector<cv::Mat> planes;
    cv::split(ycc, planes);
    std::normal_distribution<float> n(0.0f, static_cast<float>(p.chromaNoiseSigma / 255.0));
    const cv::Matx23d shift(1, 0, p.chromaShift, 0, 1, 0);
    for (int c = 1; c <= 2; ++c) {
        cv::Mat& plane = planes[static_cast<size_t>(c)];
        if (p.chromaBlurSigma > 0) cv::GaussianBlur(plane, plane, cv::Size(0, 0), p.chromaBlurSigma, 0.3, cv::BORDER_REFLECT101);
        if (p.chromaShift != 0) cv::warpAffine(plane, plane, shift, plane.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT101);
        plane = (plane - 0.5f) * p.saturation + 0.5f;
        if (p.chromaNoiseSigma > 0)
            for (int y = 0; y < plane.rows; ++y) {
                auto* row = plane.ptr<float>(y);
                for (int x = 0; x < plane.cols; ++x) row[x] += n(rng);
            }
    }
    cv::merge(planes, ycc);
    cv::cvtColor(ycc, rgb, cv::COLOR_YCrCb2RGB);
}

// One of two encoders, each at a quality drawn from its own range.
void pickCodec(RealisticPlan& p, std::mt19937_64& rng, double firstChance, const char* first, std::pair<int, int> firstRange,
               const char* second, std::pair<int, int> secondRange)
{
    const bool useFirst = chance(rng, firstChance);
    const auto range = useFirst ? firstRange : secondRange;
    p.codec = useFirst ? first : second;
    p.quality = uniformInt(rng, range.first, range.second);
}

} // namespace

std::string RealisticPlan::describe() const
{
    std::ostringstream s;
    s.precision(3);
    s << (family == RealisticFamily::Mild ? "mild" : "home") << ": blur sigma " << blurSigmaGt << " GT px, resize "
      << kernelName(resizeKernel);
    if (sharpenAmount > 0) s << ", sharpen " << sharpenAmount << " sigma " << sharpenSigma;
    if (singleField) s << ", single field";
    if (chromaBlurSigma > 0) s << ", chroma blur " << chromaBlurSigma << " shift " << chromaShift << " sat " << saturation;
    s << ", noise " << noiseSigma << (lumaNoiseOnly ? " luma" : " rgb");
    if (chromaNoiseSigma > 0) s << " + chroma " << chromaNoiseSigma;
    s << "; " << codec << (interlaced ? " interlaced" : "") << " q" << quality;
    return s.str();
}

RealisticPlan sampleRealisticPlan(RealisticFamily family, std::mt19937_64& rng)
{
    RealisticPlan p;
    p.family = family;
    if (family == RealisticFamily::Mild) {
        // σ ≈ 1.2 GT px is about what an antialiased ¼ resize needs; below that the LR aliases
        // a little, as cheap camera scalers do.
        p.blurSigmaGt = uniform(rng, 0.6, 2.2);
        static const int kKernels[] = {cv::INTER_AREA, cv::INTER_CUBIC, cv::INTER_LANCZOS4};
        p.resizeKernel = kKernels[uniformInt(rng, 0, 2)];
        if (chance(rng, 0.3)) {
            p.sharpenAmount = uniform(rng, 0.2, 1.0);
            p.sharpenSigma = uniform(rng, 0.7, 1.5);
        }
        p.noiseSigma = chance(rng, 0.2) ? 0.0 : uniform(rng, 0.5, 9.0);
        p.lumaNoiseOnly = chance(rng, 0.5);
        pickCodec(p, rng, 0.7, "libx264", {18, 38}, "mpeg4", {2, 12}); // CRF / fixed quantiser
    } else {
        p.blurSigmaGt = uniform(rng, 1.2, 3.0);
        p.resizeKernel = chance(rng, 0.5) ? cv::INTER_AREA : cv::INTER_CUBIC;
        p.singleField = chance(rng, 0.4);
        p.chromaBlurSigma = uniform(rng, 0.6, 2.5);
        p.chromaShift = uniform(rng, -1.5, 1.5);
        p.saturation = uniform(rng, 0.75, 1.05);
        p.noiseSigma = uniform(rng, 1.0, 10.0);
        p.lumaNoiseOnly = chance(rng, 0.7);
        p.chromaNoiseSigma = uniform(rng, 0.0, 6.0);
        p.interlaced = true;
        pickCodec(p, rng, 0.7, "mpeg2video", {2, 10}, "libx264", {20, 34});
    }
    return p;
}

std::vector<cv::Mat> applyRealisticDegradation(const std::vector<cv::Mat>& gt, const RealisticPlan& p, std::mt19937_64& rng)
{
    std::vector<cv::Mat> lr;
    for (size_t f = 0; f < gt.size(); ++f) {
        cv::Mat img;
        cv::GaussianBlur(gt[f], img, cv::Size(0, 0), p.blurSigmaGt, p.blurSigmaGt, cv::BORDER_REFLECT101);
        cv::resize(img, img, cv::Size(gt[f].cols / 4, gt[f].rows / 4), 0, 0, p.resizeKernel);
        if (p.singleField) keepOneField(img, static_cast<int>(f % 2));
        if (p.sharpenAmount > 0) {
            cv::Mat blurred;
            cv::GaussianBlur(img, blurred, cv::Size(0, 0), p.sharpenSigma, p.sharpenSigma, cv::BORDER_REFLECT101);
            img = img + p.sharpenAmount * (img - blurred);
        }
        if (p.chromaBlurSigma > 0 || p.chromaNoiseSigma > 0) tapeChroma(img, p, rng);
        if (p.noiseSigma > 0) addGaussianNoise(img, p.noiseSigma, p.lumaNoiseOnly, rng);
        cv::Mat img8;
        img.convertTo(img8, CV_8UC3, 255.0); // saturating and rounding
        lr.push_back(img8);
    }
    return compressVideo(lr, CompressionSettings{p.codec, 0, p.quality, p.interlaced});
}

torch::Tensor degradeClipRealistic(const torch::Tensor& gt, RealisticFamily family, std::mt19937_64& rng, RealisticPlan* drawn)
{
    std::vector<cv::Mat> frames;
    for (int64_t i = 0; i < gt.size(0); ++i) frames.push_back(tensorToMat(gt[i]));
    const auto plan = sampleRealisticPlan(family, rng);
    if (drawn) *drawn = plan;
    std::vector<torch::Tensor> out;
    for (const auto& m : applyRealisticDegradation(frames, plan, rng)) out.push_back(matToTensor32(m));
    return torch::stack(out);
}

} // namespace dualx::train
