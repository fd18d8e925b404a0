// NIQE as BasicSR's calculate_niqe / the authors' MATLAB code compute it, and its model file.
#include "metrics/niqe.h"
#include "metrics/psnr.h"
#include "test_support.h"

#include <QFile>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace dualx;

namespace {

// NIQE of baboon.png (Y channel, no crop) with MATLAB R2021a, and with BasicSR's calculate_niqe.
constexpr double kBaboonMatlab = 5.72957338, kBaboonBasicSr = 5.7295763;

// 8-bit BGR (OpenCV) -> [3, H, W] RGB in [0, 1].
torch::Tensor toTensor(const cv::Mat& bgr)
{
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return torch::from_blob(rgb.data, {rgb.rows, rgb.cols, 3}, torch::kUInt8).permute({2, 0, 1}).to(torch::kFloat64) / 255.0;
}

std::string sourcePath(const std::string& relative) { return std::string(DUALX_SOURCE_DIR) + "/" + relative; }

// The copy in tests/data, or the shared reference folder beside the repository.
std::string baboonPath()
{
    for (const auto& p : {sourcePath("tests/data/baboon.png"), sourcePath("../shared/data/niqe/baboon.png")})
        if (QFile::exists(QString::fromStdString(p))) return p;
    return {};
}

} // namespace

class TestMetricsNiqe : public QObject {
    Q_OBJECT
private:
    cv::Mat m_baboon;
    double m_baboonNiqe = 0;

private Q_SLOTS:
    void initTestCase()
    {
        const auto path = baboonPath();
        if (path.empty()) QSKIP("baboon.png is missing from tests/data and ../shared/data/niqe");
        m_baboon = cv::imread(path, cv::IMREAD_COLOR);
        QVERIFY(!m_baboon.empty());
    }

    void baboonMatchesMatlab()
    {
        m_baboonNiqe = metrics::niqe(toTensor(m_baboon), 0);
        qInfo("NIQE(baboon) = %.8f (MATLAB %.8f, diff %+.2e; BasicSR %.7f, diff %+.2e)", m_baboonNiqe, kBaboonMatlab,
              m_baboonNiqe - kBaboonMatlab, kBaboonBasicSr, m_baboonNiqe - kBaboonBasicSr);
        QVERIFY2(std::abs(m_baboonNiqe - kBaboonMatlab) < 0.005, qPrintable(QString::number(m_baboonNiqe, 'f', 8)));
        // Tighter: we follow BasicSR's float32 steps and land within 1e-6 of its value. Computing
        // the planes in float64 instead would give 5.72996, so this also guards that choice.
        QVERIFY2(std::abs(m_baboonNiqe - kBaboonBasicSr) < 1e-4, qPrintable(QString::number(m_baboonNiqe, 'f', 8)));
    }

    void blurIsLessNatural()
    {
        cv::Mat blurred;
        cv::GaussianBlur(m_baboon, blurred, cv::Size(0, 0), 3.0);
        const double value = metrics::niqe(toTensor(blurred), 0);
        qInfo("NIQE(baboon blurred, sigma 3) = %.4f", value);
        QVERIFY(value > m_baboonNiqe + 1);
    }

    void greyInputIsTakenAsY()
    {
        // A [1, H, W] image is the Y plane itself (BasicSR's 'HW' input): feeding our own rounded
        // Y gives the RGB image's value.
        const auto rgb = toTensor(m_baboon);
        const auto y = metrics::lumaBt601(rgb) / 255.0;
        QCOMPARE(metrics::niqe(y, 0), metrics::niqe(rgb, 0));
    }

    void borderCropAndPartialBlocks()
    {
        // 492x480 holds 5x5 whole blocks; a crop of 6 (480x468) leaves 5x4 other ones.
        const auto rgb = toTensor(m_baboon);
        const double cropped = metrics::niqe(rgb, 6);
        QVERIFY(std::isfinite(cropped) && std::abs(cropped - m_baboonNiqe) > 1e-6);
        // Columns past the last whole block are ignored.
        auto wider = torch::cat({rgb, torch::rand({3, rgb.size(1), 40}, torch::kFloat64)}, 2);
        QCOMPARE(metrics::niqe(wider, 0), metrics::niqe(rgb, 0));
    }

    void framesAreAveraged()
    {
        const auto rgb = toTensor(m_baboon).narrow(1, 0, 192).narrow(2, 0, 288);
        const double single = metrics::niqe(rgb, 0);
        cv::Mat blurred;
        cv::GaussianBlur(m_baboon, blurred, cv::Size(0, 0), 2.0);
        const auto soft = toTensor(blurred).narrow(1, 0, 192).narrow(2, 0, 288);
        const auto values = metrics::niqePerFrame(torch::stack({rgb, soft}), 0);
        QCOMPARE(values.size(), size_t{2});
        QCOMPARE(values[0], single);
        QVERIFY(std::abs(metrics::meanNiqe(torch::stack({rgb, soft}), 0) - (values[0] + values[1]) / 2) < 1e-12);
        // A flat frame has no statistics to fit: NaN, and the mean skips it.
        const auto flat = torch::full({3, 192, 288}, 0.5, torch::kFloat64);
        QVERIFY(std::isnan(metrics::niqe(flat, 0)));
        QCOMPARE(metrics::meanNiqe(torch::stack({flat, rgb}), 0), single);
    }

    void singleBlockImagesWork()
    {
        // One block: the covariance of one observation is zero (MATLAB's cov), not NaN.
        const auto rgb = toTensor(m_baboon).narrow(1, 100, 96).narrow(2, 100, 96);
        QVERIFY(std::isfinite(metrics::niqe(rgb, 0)));
    }

    void smallImagesAreRejected()
    {
        test::expectError([] { metrics::niqe(torch::rand({3, 200, 95}), 0); }, ErrorCode::InvalidArgument, "95x200");
        test::expectError(
            [] {
                metrics::niqe(torch::rand({3, 100, 100}), 3);
            },
            ErrorCode::InvalidArgument, "100x100 with a border crop of 3");
        test::expectError([] { metrics::niqe(torch::rand({2, 100, 100}), 0); }, ErrorCode::InvalidArgument, "[3, H, W]");
        test::expectError([] { metrics::meanNiqe(torch::rand({3, 100, 100}), 0); }, ErrorCode::InvalidArgument, "[N, 3, H, W]");
    }

    void modelFileMatchesTheBuiltInCopy()
    {
        const auto& builtin = metrics::builtinNiqeModel();
        QCOMPARE(builtin.muPris.size(), size_t{36});
        QCOMPARE(builtin.muPris[0], 2.6013136801541448);
        QCOMPARE(builtin.window[3 * 7 + 3], 0.11739635539001349); // the centre of the 7x7 window
        const auto fromFile = metrics::loadNiqeModel(sourcePath("resources/niqe/niqe_pris_params.txt"));
        QVERIFY(fromFile.muPris == builtin.muPris && fromFile.covPris == builtin.covPris && fromFile.window == builtin.window);
        // The file stores the covariance column-major: element (0, 1) is the second value.
        QCOMPARE(builtin.covPris[1], 0.096101104144407);
        const auto found = metrics::defaultNiqeParamsPath();
        if (!found.empty()) QVERIFY(metrics::loadNiqeModel(found).covPris == builtin.covPris);
        // An explicit model gives the same value as the built-in one.
        const auto rgb = toTensor(m_baboon).narrow(1, 0, 192).narrow(2, 0, 192);
        QCOMPARE(metrics::niqe(rgb, 0, fromFile), metrics::niqe(rgb, 0));
    }

    void brokenModelFilesAreRejected()
    {
        test::expectError([] { metrics::loadNiqeModel("/nonexistent/niqe.txt"); }, ErrorCode::FileNotFound, "/nonexistent/niqe.txt");
        test::expectError([] { metrics::parseNiqeModel("mu_pris_param 1 36 0\n1.0\n2.0\n", "test"); }, ErrorCode::CorruptFile,
                          "mu_pris_param has 2 values, expected 36");
        test::expectError([] { metrics::parseNiqeModel("mu_pris_param 1 36 0\n1.0x\n", "test"); }, ErrorCode::CorruptFile,
                          "'1.0x' is not a number");
        std::string text(metrics::builtinNiqeParamsText());
        text.replace(text.find("gaussian_window 7 7"), 19, "gaussian_window 5 5");
        test::expectError([&] { metrics::parseNiqeModel(text, "test"); }, ErrorCode::CorruptFile, "should be 7x7");
        test::expectError([] { metrics::parseNiqeModel("# only a comment\n", "test"); }, ErrorCode::CorruptFile, "missing");
    }
};

QTEST_APPLESS_MAIN(TestMetricsNiqe)
#include "test_metrics_niqe.moc"
