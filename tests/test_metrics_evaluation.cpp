// dualx eval's engine: videos and image folders, per-frame CSV, mismatches named.
#include "dualx/evaluation.h"
#include "media_fixtures.h"
#include "test_support.h"
#include "video/video_frame_reader.h"

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>

using namespace dualx;

class TestMetricsEvaluation : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::writeTestClip(path("a.mkv"), 64, 48, 6));
        QVERIFY(test::runFfmpeg({"-i", m_dir.filePath("a.mkv"), "-vf", "gblur=sigma=1.5", "-c:v", "ffv1", m_dir.filePath("blur.mkv")}));
        QVERIFY(test::writeTestClip(path("short.mkv"), 64, 48, 4));
        QVERIFY(test::writeTestClip(path("small.mkv"), 32, 24, 6));
        // The same frames as lossless PNGs, written from our own decode.
        std::filesystem::create_directories(path("frames"));
        int i = 0;
        for (auto& f : video::readAllFrames(path("a.mkv"))) {
            cv::Mat rgb(f.height, f.width, CV_8UC3, f.rgb.data()), bgr;
            cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
            char name[32];
            std::snprintf(name, sizeof name, "frames/%03d.png", ++i);
            cv::imwrite(path(name), bgr);
        }
    }

    void videoAgainstVideoWithCsv()
    {
        EvaluationOptions o;
        o.reference = path("a.mkv");
        o.test = path("blur.mkv");
        o.metrics = {"psnr", "ssim", "ewarp"};
        o.lumaOnly = true;
        o.cropBorder = 4;
        o.csvPath = path("eval.csv");
        int64_t calls = 0;
        const auto r = evaluate(o, [&](int64_t) { ++calls; });
        QCOMPARE(r.frames, int64_t{6});
        QCOMPARE(calls, int64_t{6});
        QVERIFY(r.mean.at("psnr") > 15 && r.mean.at("psnr") < 45);
        QVERIFY(r.mean.at("ssim") > 0.3 && r.mean.at("ssim") < 1.0);
        QVERIFY(std::isnan(r.perFrame.at("ewarp")[0])); // no pair for the first frame
        std::ifstream csv(o.csvPath);
        std::string header;
        std::getline(csv, header);
        QCOMPARE(header, std::string("frame,psnr,ssim,ewarp"));
        int rows = 0;
        for (std::string line; std::getline(csv, line);) ++rows;
        QCOMPARE(rows, 6);
    }

    void imageFolderMatchesItsVideo()
    {
        EvaluationOptions o;
        o.reference = path("a.mkv");
        o.test = path("frames");
        o.metrics = {"psnr"};
        const auto r = evaluate(o);
        QCOMPARE(r.frames, int64_t{6});
        QVERIFY(std::isinf(r.mean.at("psnr"))); // the same pixels, read from a folder in name order
    }

    void noReferenceMetricsNeedNoReference()
    {
        EvaluationOptions o;
        o.test = path("a.mkv");
        o.metrics = {"brisque"};
        QVERIFY(std::isfinite(evaluate(o).mean.at("brisque")));
        o.metrics = {"psnr"};
        test::expectError([&] { evaluate(o); }, ErrorCode::InvalidArgument, "needs --ref");
        o.metrics = {"lpips"};
        test::expectError([&] { evaluate(o); }, ErrorCode::InvalidArgument, "unknown metric 'lpips'");
    }

    void mismatchesAreNamed()
    {
        EvaluationOptions o;
        o.reference = path("short.mkv");
        o.test = path("a.mkv");
        o.metrics = {"psnr"};
        test::expectError([&] { evaluate(o); }, ErrorCode::InvalidArgument, "fewer frames");
        o.reference = path("a.mkv");
        o.test = path("short.mkv");
        test::expectError([&] { evaluate(o); }, ErrorCode::InvalidArgument, "more frames");
        o.test = path("small.mkv");
        test::expectError([&] { evaluate(o); }, ErrorCode::InvalidArgument, "reference is 64x48, test is 32x24");
    }
};

QTEST_APPLESS_MAIN(TestMetricsEvaluation)
#include "test_metrics_evaluation.moc"
