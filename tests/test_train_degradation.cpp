// Degradation synthesis: kernels, parameter ranges and walks, determinism, codecs, sharpening.
#include "test_support.h"
#include "train/blur_kernels.h"
#include "train/degradation.h"
#include "train/realistic_degradation.h"
#include "train/video_compression.h"

#include <opencv2/imgproc.hpp>

#include <numbers>

using namespace dualx;
using namespace dualx::train;

namespace {

// Second moments of a kernel: [[E xx, E xy], [E xy, E yy]] with x to the right, y down.
cv::Matx22d moments(const cv::Mat& k)
{
    const int half = k.rows / 2;
    cv::Matx22d m(0, 0, 0, 0);
    for (int y = -half; y <= half; ++y)
        for (int x = -half; x <= half; ++x) {
            const double w = k.at<double>(y + half, x + half);
            m(0, 0) += w * x * x;
            m(0, 1) += w * x * y;
            m(1, 1) += w * y * y;
        }
    m(1, 0) = m(0, 1);
    return m;
}

// Blurred random texture (8-bit RGB) panning by (dx, dy) pixels per frame: something for a codec.
std::vector<cv::Mat> movingTexture(int width, int height, int frames, double dx, double dy)
{
    cv::Mat base(height, width, CV_8UC3);
    cv::randu(base, 0, 255);
    cv::GaussianBlur(base, base, cv::Size(5, 5), 1.5);
    std::vector<cv::Mat> out;
    for (int i = 0; i < frames; ++i) {
        cv::Mat shifted;
        cv::warpAffine(base, shifted, cv::Matx23d(1, 0, i * dx, 0, 1, i * dy), base.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
        out.push_back(shifted);
    }
    return out;
}

double maxAbsDiff(const cv::Mat& a, const cv::Mat& b) { return cv::norm(a, b, cv::NORM_INF); }

torch::Tensor texturedClip(int frames, int size)
{
    auto x = torch::linspace(0, 6.28, size);
    auto pattern = (torch::sin(x.view({1, -1}) * 3) * torch::cos(x.view({-1, 1}) * 2) * 0.4 + 0.5);
    std::vector<torch::Tensor> out;
    for (int f = 0; f < frames; ++f) out.push_back(pattern.roll({f}, {1}).unsqueeze(0).expand({3, size, size}).clone());
    return torch::stack(out);
}

} // namespace

class TestTrainDegradation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kernelsSumToOneAndAreSymmetric()
    {
        const std::vector<cv::Mat> kernels = {
            gaussianKernel(21, 2.0, 2.0, 0),        gaussianKernel(15, 2.5, 0.7, 0.6),    generalizedGaussianKernel(13, 1.5, 1.0, 1.0, 2.5),
            plateauKernel(17, 1.2, 2.2, -0.8, 1.5), sincKernel(21, std::numbers::pi / 3), sincKernel(7, 2.5)};
        for (const auto& k : kernels) {
            QVERIFY(std::abs(cv::sum(k)[0] - 1.0) < 1e-12);
            cv::Mat rotated;
            cv::flip(k, rotated, -1); // k(x, y) == k(-x, -y) for every kernel of the model
            QVERIFY(maxAbsDiff(k, rotated) < 1e-15);
            double minV, maxV;
            cv::Point maxAt;
            cv::minMaxLoc(k, &minV, &maxV, nullptr, &maxAt);
            QCOMPARE(maxAt, cv::Point(k.cols / 2, k.rows / 2)); // peak at the centre
        }
        const cv::Mat iso = gaussianKernel(11, 1.3, 1.3, 0.9);
        QVERIFY(maxAbsDiff(iso, iso.t()) < 1e-15);
        cv::Mat mirrored;
        cv::flip(iso, mirrored, 1);
        QVERIFY(maxAbsDiff(iso, mirrored) < 1e-15);
    }

    void knownSigmaGivesKnownVariance()
    {
        // A wide enough window keeps the truncated Gaussian's variance at sigma^2.
        const auto iso = moments(gaussianKernel(21, 1.5, 1.5, 0));
        QVERIFY(std::abs(iso(0, 0) - 2.25) < 0.01);
        QVERIFY(std::abs(iso(1, 1) - 2.25) < 0.01);
        QVERIFY(std::abs(iso(0, 1)) < 1e-12);
        const double theta = 0.7;
        const auto aniso = moments(gaussianKernel(21, 2.0, 0.8, theta));
        const auto expected = blurCovariance(2.0, 0.8, theta);
        for (int i = 0; i < 2; ++i)
            for (int j = 0; j < 2; ++j) QVERIFY2(std::abs(aniso(i, j) - expected(i, j)) < 0.03, std::to_string(aniso(i, j)).c_str());
        test::expectError([] { gaussianKernel(8, 1, 1, 0); }, ErrorCode::InvalidArgument, "odd");
    }

    void planParametersStayInTheirRanges()
    {
        using R = DegradationRanges;
        std::mt19937_64 rng(42);
        std::map<BlurKind, int> kinds;
        std::map<ResizeDirection, int> directions;
        int grey = 0;
        const int plans = 3000;
        for (int i = 0; i < plans; ++i) {
            const auto p = sampleDegradationPlan(rng, 6, 32, 32);
            ++kinds[p.blurKind];
            ++directions[p.resizeDirection];
            grey += p.greyNoise;
            QVERIFY(p.kernelSize % 2 == 1 && p.kernelSize >= 7 && p.kernelSize <= 21);
            QVERIFY(p.bitRate >= R::kBitRateMin * 0.25 - 1 && p.bitRate <= R::kBitRateMax * 0.25 + 1); // 32x32 = 1/4 of 64x64
            if (p.noiseKind == NoiseKind::Gaussian)
                QVERIFY(p.noiseLevel >= 1 && p.noiseLevel <= 30);
            else
                QVERIFY(p.noiseLevel >= 0.05 && p.noiseLevel <= 3);
            const double omegaMin = p.kernelSize < 13 ? std::numbers::pi / 3 : std::numbers::pi / 5;
            for (size_t f = 0; f < p.blur.size(); ++f) {
                const auto& b = p.blur[f];
                QVERIFY(b.sigmaX >= R::kSigmaMin && b.sigmaX <= R::kSigmaMax && b.sigmaY >= R::kSigmaMin && b.sigmaY <= R::kSigmaMax);
                QVERIFY(b.theta >= -std::numbers::pi && b.theta <= std::numbers::pi);
                QVERIFY(b.omega >= omegaMin - 1e-12 && b.omega <= std::numbers::pi);
                QVERIFY(p.jpegQuality[f] >= 30 && p.jpegQuality[f] <= 95);
                const double s = p.resizeScale[f];
                if (p.resizeDirection == ResizeDirection::Up) QVERIFY(s >= 1.0 && s <= 1.5);
                if (p.resizeDirection == ResizeDirection::Down) QVERIFY(s >= 0.15 && s <= 1.0);
                if (p.resizeDirection == ResizeDirection::Keep) QCOMPARE(s, 1.0);
                if (f == 0) continue;
                // Small per-frame random walks, not fresh draws.
                QVERIFY(std::abs(b.sigmaX - p.blur[f - 1].sigmaX) <= R::kSigmaStep + 1e-12);
                QVERIFY(std::abs(b.theta - p.blur[f - 1].theta) <= R::kThetaStep + 1e-12);
                QVERIFY(std::abs(b.omega - p.blur[f - 1].omega) <= R::kOmegaStep + 1e-12);
                QVERIFY(std::abs(s - p.resizeScale[f - 1]) <= R::kResizeStep + 1e-12);
                QVERIFY(std::abs(p.jpegQuality[f] - p.jpegQuality[f - 1]) <= R::kJpegStep);
            }
        }
        // Frequencies match the specified probabilities (3 sigma of a binomial at n = 3000).
        auto close = [&](int count, double p) { return std::abs(count / double(plans) - p) < 3 * std::sqrt(p * (1 - p) / plans) + 1e-3; };
        QVERIFY(close(kinds[BlurKind::Iso], 0.405));
        QVERIFY(close(kinds[BlurKind::Aniso], 0.225));
        QVERIFY(close(kinds[BlurKind::Sinc], 0.1));
        QVERIFY(close(directions[ResizeDirection::Down], 0.7));
        QVERIFY(close(directions[ResizeDirection::Up], 0.2));
        QVERIFY(close(grey, 0.4));
    }

    void degradationIsDeterministicUnderASeed()
    {
        const auto gt = texturedClip(5, 64);
        std::mt19937_64 a(7), b(7), c(8);
        const auto lrA = degradeClip(gt, a);
        QCOMPARE(lrA.sizes().vec(), (std::vector<int64_t>{5, 3, 16, 16}));
        QVERIFY(torch::equal(lrA, degradeClip(gt, b)));
        QVERIFY(!torch::equal(lrA, degradeClip(gt, c)));
        QVERIFY(lrA.min().item<float>() >= 0.0f && lrA.max().item<float>() <= 1.0f);
    }

    void everyBlurKindAndCodecRuns()
    {
        const auto gt = texturedClip(3, 32);
        std::vector<cv::Mat> frames;
        for (int i = 0; i < 3; ++i) {
            auto hwc = gt[i].permute({1, 2, 0}).contiguous();
            frames.push_back(cv::Mat(32, 32, CV_32FC3, hwc.data_ptr<float>()).clone());
        }
        std::mt19937_64 rng(3);
        for (int kind = 0; kind <= static_cast<int>(BlurKind::Sinc); ++kind)
            for (const char* codec : {"libx264", "h264", "mpeg4"}) {
                auto plan = sampleDegradationPlan(rng, 3, 8, 8);
                plan.blurKind = static_cast<BlurKind>(kind);
                plan.codec = codec;
                const auto lr = applyDegradation(frames, plan, rng);
                QCOMPARE(lr.size(), size_t{3});
                QCOMPARE(lr[0].size(), cv::Size(8, 8));
                QCOMPARE(lr[0].type(), CV_8UC3);
            }
        test::expectError([&] { applyDegradation({cv::Mat(30, 30, CV_32FC3)}, sampleDegradationPlan(rng, 1, 7, 7), rng); },
                          ErrorCode::InvalidArgument, "divisible by 4");
    }

    void videoCompressionLosesMoreAtLowerBitRates()
    {
        const auto frames = movingTexture(96, 64, 8, 1.0, 0.5);
        auto error = [&](int64_t bitRate) {
            const auto out = compressVideo(frames, "libx264", bitRate);
            double sum = 0;
            for (size_t i = 0; i < frames.size(); ++i) sum += cv::norm(frames[i], out[i], cv::NORM_L1);
            return sum;
        };
        QVERIFY(error(20'000) > error(2'000'000));
        const auto odd = compressVideo({cv::Mat(15, 17, CV_8UC3, cv::Scalar(10, 200, 90))}, "mpeg4", 50'000);
        QCOMPARE(odd[0].size(), cv::Size(17, 15));
        test::expectError([&] { compressVideo(frames, "theora", 1000); }, ErrorCode::InvalidArgument, "'theora'");
    }

    void x264RepeatsItselfWithinAProcess()
    {
        // The benchmark's training-synthesis family and resumed training replay the same plans:
        // the same frames must come back the same from every call (x264's AVX-512
        // macroblock-tree code once gave a different result every few calls).
        const auto frames = movingTexture(160, 90, 24, 1.5, 0.5);
        for (int64_t bitRate : {160'000, 300'000}) {
            const auto first = compressVideo(frames, "libx264", bitRate);
            for (int repeat = 0; repeat < 6; ++repeat) {
                const auto again = compressVideo(frames, "libx264", bitRate);
                for (size_t i = 0; i < frames.size(); ++i)
                    QVERIFY2(maxAbsDiff(first[i], again[i]) == 0, ("frame " + std::to_string(i) + " of call " + std::to_string(repeat + 2)
                                                                   + " at " + std::to_string(bitRate) + " bit/s differs")
                                                                      .c_str());
            }
        }
    }

    void constantQualityAndInterlacedCoding()
    {
        const auto frames = movingTexture(64, 48, 6, 1.0, 0.0);
        auto error = [&](const CompressionSettings& s) {
            const auto out = compressVideo(frames, s);
            if (out.size() != frames.size() || out[0].size() != frames[0].size()) return -1.0;
            double sum = 0;
            for (size_t i = 0; i < frames.size(); ++i) sum += cv::norm(frames[i], out[i], cv::NORM_L1);
            return sum;
        };
        // Higher CRF / quantiser, more loss; every codec and field coding round-trips every frame.
        const double crf18 = error({"libx264", 0, 18, false}), crf40 = error({"libx264", 0, 40, false});
        QVERIFY2(crf18 >= 0 && crf40 > crf18, (std::to_string(crf18) + " vs " + std::to_string(crf40)).c_str());
        const double q2 = error({"mpeg2video", 0, 2, true}), q20 = error({"mpeg2video", 0, 20, true});
        QVERIFY2(q2 >= 0 && q20 > q2, (std::to_string(q2) + " vs " + std::to_string(q20)).c_str());
        QVERIFY(error({"libx264", 0, 26, true}) >= 0);
        QVERIFY(error({"mpeg4", 0, 6, false}) >= 0);
        test::expectError(
            [&] {
                compressVideo(frames, CompressionSettings{"libx264", 0, 60, false});
            },
            ErrorCode::InvalidArgument, "out of range");
        test::expectError(
            [&] {
                compressVideo(frames, CompressionSettings{"mpeg2video", 0, 40, false});
            },
            ErrorCode::InvalidArgument, "out of range");
    }

    void realisticFamiliesDegradeWithinTheirCharacter()
    {
        const auto gt = texturedClip(4, 64);
        for (auto family : {RealisticFamily::Mild, RealisticFamily::Home})
            for (uint64_t seed = 1; seed <= 6; ++seed) {
                std::mt19937_64 a(seed), b(seed);
                RealisticPlan plan;
                const auto lr = degradeClipRealistic(gt, family, a, &plan);
                QCOMPARE(lr.sizes(), (c10::IntArrayRef{4, 3, 16, 16}));
                QVERIFY(torch::equal(lr, degradeClipRealistic(gt, family, b))); // a seed replays exactly
                const auto text = plan.describe();
                if (family == RealisticFamily::Mild) {
                    QVERIFY2(plan.codec == "libx264" ? plan.quality >= 18 && plan.quality <= 38 : plan.quality >= 2 && plan.quality <= 12,
                             text.c_str());
                    QVERIFY(!plan.interlaced && plan.chromaBlurSigma == 0 && plan.noiseSigma <= 9);
                    QVERIFY(text.find("mild:") == 0);
                } else {
                    QVERIFY2(plan.interlaced && plan.chromaBlurSigma >= 0.6 && plan.noiseSigma >= 1, text.c_str());
                    QVERIFY(text.find("home:") == 0 && text.find("interlaced") != std::string::npos);
                }
                // Still the same picture: close to an area-averaged quarter of the ground truth.
                const auto reference = torch::nn::functional::avg_pool2d(gt, torch::nn::functional::AvgPool2dFuncOptions(4));
                QVERIFY2((lr - reference).abs().mean().item<double>() < 0.12, text.c_str());
            }
    }

    void homeChromaIsSofterThanLuma()
    {
        // A sharp colour edge: VHS chroma smears it across several LR pixels, the mild family does not.
        cv::Mat edge(64, 128, CV_32FC3, cv::Scalar(0.5, 0.5, 0.5));
        edge(cv::Rect(64, 0, 64, 64)).setTo(cv::Scalar(0.8, 0.3, 0.3));
        RealisticPlan home;
        home.family = RealisticFamily::Home;
        home.blurSigmaGt = 0.5;
        home.resizeKernel = cv::INTER_AREA;
        home.chromaBlurSigma = 2.5;
        home.codec = "mpeg2video";
        home.quality = 2;
        home.interlaced = true;
        RealisticPlan mild = home;
        mild.family = RealisticFamily::Mild;
        mild.chromaBlurSigma = 0;
        std::mt19937_64 rng(1);
        auto redSpread = [&](const RealisticPlan& p) {
            const cv::Mat lr = applyRealisticDegradation({edge, edge}, p, rng)[0];
            int spread = 0;
            for (int x = 0; x < lr.cols; ++x) {
                const auto v = lr.at<cv::Vec3b>(8, x);
                const int red = v[0] - (v[1] + v[2]) / 2; // RGB order
                if (red > 20 && red < 110) ++spread;      // between grey (0) and the red side (~127)
            }
            return spread;
        };
        QVERIFY(redSpread(home) > redSpread(mild) + 2);
    }

    void unsharpMaskSharpensEdgesOnly()
    {
        cv::Mat flat(64, 64, CV_32FC3, cv::Scalar::all(0.4));
        QVERIFY(cv::norm(unsharpMask(flat), flat, cv::NORM_INF) < 1e-6);
        cv::Mat edge(64, 64, CV_32FC3, cv::Scalar::all(0.3));
        edge(cv::Rect(32, 0, 32, 64)).setTo(cv::Scalar::all(0.7));
        const cv::Mat sharp = unsharpMask(edge);
        // Overshoot on both sides of the edge: darker just left, brighter just right.
        QVERIFY(sharp.at<cv::Vec3f>(32, 30)[0] < 0.3f - 0.01f);
        QVERIFY(sharp.at<cv::Vec3f>(32, 33)[0] > 0.7f + 0.01f);
        double minV, maxV;
        cv::minMaxLoc(sharp.reshape(1), &minV, &maxV);
        QVERIFY(minV >= 0.0 && maxV <= 1.0);
    }
};

QTEST_APPLESS_MAIN(TestTrainDegradation)
#include "test_train_degradation.moc"
