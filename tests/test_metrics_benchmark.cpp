// dualx benchmark on generated clips: every clip x input x method is scored, the numbers agree
// with the metrics computed directly, and the report, data and charts are written.
#include "dualx/quality_benchmark.h"
#include "media_fixtures.h"
#include "metrics/frame_source.h"
#include "metrics/psnr.h"
#include "model/weights.h"
#include "test_support.h"
#include "train/bicubic_downscale.h"

#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>

#include <filesystem>
#include <fstream>

using namespace dualx;
namespace fs = std::filesystem;

class TestMetricsBenchmark : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

    QualityBenchmarkOptions options()
    {
        QualityBenchmarkOptions o;
        o.clips = {path("clips")};
        o.models = {path("tiny.safetensors")};
        o.maxFrames = 5;
        o.metrics = {"psnr", "ssim", "ewarp", "niqe"};
        o.tileLr = 16;
        o.tileOverlapLr = 4;
        o.windowFrames = 4;
        o.windowOverlap = 1;
        o.device = DevicePreference::Cpu;
        o.outputFolder = path("report");
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(2);
        model::DualXVSR net(presetConfig("tiny"));
        model::saveModelWeights(*net, path("tiny.safetensors"), "mse", {});
        fs::create_directories(path("clips/frames"));
        QVERIFY(test::writeTestClip(path("clips/moving.mkv"), 112, 104, 6));
        // An image sequence in a subfolder (the Vid4/REDS layout), 98x70: trimmed to 96x68.
        QVERIFY(test::runFfmpeg(
            {"-f", "lavfi", "-i", "testsrc2=size=98x70:rate=5", "-frames:v", "4", m_dir.filePath("clips/frames/%03d.png")}));
    }

    void scoresEveryClipInputAndMethod()
    {
        std::vector<std::string> steps;
        const auto r = runQualityBenchmark(options(), [&](const std::string& what, int, int) { steps.push_back(what); });
        QCOMPARE(r.rows.size(), size_t{2 * 2 * 3}); // clips x inputs x (bicubic, lanczos, model)
        QCOMPARE(steps.back(), std::string("done"));
        for (const auto& row : r.rows) {
            QVERIFY(row.scores.count("psnr") && row.scores.count("ssim") && row.scores.count("ewarp") && row.scores.count("niqe"));
            QVERIFY(!row.scores.count("brisque"));
            QVERIFY(row.secondsPerFrame > 0);
            QVERIFY(row.scores.at("psnr") > 10 && row.scores.at("psnr") < 60);
            // NIQE needs a whole 96x96 block inside the 4-pixel border: n/a for the small clip.
            QCOMPARE(std::isnan(row.scores.at("niqe")), row.clip == "frames");
            QVERIFY(row.scores.at("ssim") > 0 && row.scores.at("ssim") <= 1);
        }
        // The image sequence was trimmed to sides divisible by 4 and kept its 4 frames.
        const auto frames = std::find_if(r.rows.begin(), r.rows.end(), [](const auto& row) { return row.clip == "frames"; });
        QCOMPARE(frames->frames, int64_t{4});
        QCOMPARE(frames->lrWidth, 24);
        QCOMPARE(frames->lrHeight, 17);
        // The bicubic row is exactly what the metric gives directly.
        auto reference = metrics::readFrames(path("clips/moving.mkv"), 5);
        const double direct
            = metrics::meanPsnr(train::quantise8(train::bicubicUpscale(train::bicubicDownscale(reference, 4), 4)), reference, true, 4);
        const auto bicubic = std::find_if(r.rows.begin(), r.rows.end(), [](const auto& row) {
            return row.clip == "moving" && row.degradation == "bicubic" && row.method == "bicubic";
        });
        QVERIFY(std::abs(bicubic->scores.at("psnr") - direct) < 1e-9);
        // Degraded input is harder than clean bicubic input for bicubic upscaling.
        const auto degraded = std::find_if(r.rows.begin(), r.rows.end(), [](const auto& row) {
            return row.clip == "moving" && row.degradation == "degraded" && row.method == "bicubic";
        });
        QVERIFY(degraded->scores.at("psnr") < bicubic->scores.at("psnr"));
        QVERIFY(r.referenceScores.at("moving").count("niqe"));

        // Report, data and charts.
        QVERIFY(r.markdown.find("| tiny |") != std::string::npos);
        QVERIFY(r.markdown.find("PSNR-Y dB") != std::string::npos);
        for (const char* f : {"results.md", "results.json", "psnr-per-frame.csv", "psnr-per-frame-moving.png", "psnr-per-frame-frames.png",
                              "quality-vs-speed.png"})
            QVERIFY2(fs::file_size(path("report") + "/" + f) > 100, f);

        // Same seed, same degraded input: the benchmark is reproducible.
        auto again = options();
        again.clips = {path("clips/moving.mkv")};
        again.models.clear();
        again.metrics = {"psnr"};
        again.outputFolder = path("report2");
        const auto r2 = runQualityBenchmark(again);
        QCOMPARE(r2.rows.size(), size_t{4});
        QCOMPARE(r2.rows[2].scores.at("psnr"), degraded->scores.at("psnr"));
    }

    void severalPlansAreScoredAndAveraged()
    {
        auto o = options();
        o.clips = {path("clips/moving.mkv")};
        o.models.clear();
        o.metrics = {"psnr"};
        o.outputFolder = path("report-plans");
        o.seed = 1;
        o.degradationPlans = 3;
        const auto r = runQualityBenchmark(o);
        QCOMPARE(r.rows.size(), size_t{(1 + 3) * 2}); // (bicubic + 3 plans) x (bicubic, lanczos)
        std::vector<double> degraded;
        for (const auto& row : r.rows)
            if (row.degradation == "degraded" && row.method == "bicubic")
                degraded.push_back(row.scores.at("psnr"));
            else if (row.degradation == "bicubic")
                QCOMPARE(row.seed, uint64_t{0});
        QCOMPARE(degraded.size(), size_t{3});
        QVERIFY(degraded[0] != degraded[1] && degraded[1] != degraded[2]); // three different plans
        // Plan k uses seed + k: the first is the single-plan benchmark's input, the last what seed 3 gives alone.
        auto single = o;
        single.degradationPlans = 1;
        single.outputFolder = path("report-seed1");
        QCOMPARE(runQualityBenchmark(single).rows[2].scores.at("psnr"), degraded[0]);
        single.seed = 3;
        single.outputFolder = path("report-seed3");
        QCOMPARE(runQualityBenchmark(single).rows[2].scores.at("psnr"), degraded[2]);
        // The report gives each plan and their mean.
        const double mean = (degraded[0] + degraded[1] + degraded[2]) / 3;
        char text[16];
        std::snprintf(text, sizeof text, "%.2f", mean);
        QVERIFY(r.markdown.find("Degradation seeds 1–3 (3 plans per clip)") != std::string::npos);
        QVERIFY(r.markdown.find("mean over clips and plans") != std::string::npos);
        QVERIFY2(r.markdown.find("| moving | degraded, mean | " + std::string(text) + " |") != std::string::npos, r.markdown.c_str());
        QVERIFY(r.markdown.find("| moving | degraded, seed 2 |") != std::string::npos);
        // Each plan in words, as `dualx degrade` prints one.
        QCOMPARE(r.plans.at("moving").size(), size_t{3});
        for (uint64_t seed = 1; seed <= 3; ++seed) {
            const auto& text = r.plans.at("moving").at("seed " + std::to_string(seed));
            QVERIFY2(text.find("blur") == 0 && text.find("bit/s") != std::string::npos, text.c_str());
            QVERIFY(r.markdown.find("- moving, seed " + std::to_string(seed) + ": " + text) != std::string::npos);
        }
        std::ifstream csv(path("report-plans") + "/psnr-per-frame.csv");
        std::string header;
        std::getline(csv, header);
        QCOMPARE(header, std::string("clip,degradation,seed,method,frame,psnr_y"));
    }

    void sourceAwareModelsRunBlindAndWithTheSourceStated()
    {
        // A source-conditioned tiny network whose conditioning does something.
        auto config = presetConfig("tiny");
        config.sourceConditioned = true;
        torch::manual_seed(3);
        model::DualXVSR net(config);
        {
            torch::NoGradGuard noGrad;
            for (const auto& item : net->named_parameters())
                if (item.key().starts_with("source_condition.")) item.value().normal_(0.0, 0.05);
        }
        model::saveModelWeights(*net, path("aware.safetensors"), "mse", {});
        auto o = options();
        o.clips = {path("clips/moving.mkv")};
        o.models = {path("aware.safetensors"), path("tiny.safetensors")};
        o.metrics = {"psnr"};
        o.outputFolder = path("report-source");
        o.stateSource = true;
        const auto r = runQualityBenchmark(o);
        // bicubic, lanczos, aware, aware (source stated), tiny (blind: no second row), per input.
        QCOMPARE(r.rows.size(), size_t{2 * 5});
        auto psnr = [&](const std::string& degradation, const std::string& method) {
            for (const auto& row : r.rows)
                if (row.degradation == degradation && row.method == method) return row.scores.at("psnr");
            throw std::runtime_error("no row " + degradation + " / " + method);
        };
        for (const char* input : {"bicubic", "degraded"}) QVERIFY(psnr(input, "aware") != psnr(input, "aware (source stated)"));
        QVERIFY(r.markdown.find("told each input's true source") != std::string::npos);
        // Without the option, a source-aware model runs once, blind, with the same numbers.
        o.stateSource = false;
        o.models = {path("aware.safetensors")};
        o.outputFolder = path("report-blind");
        const auto blind = runQualityBenchmark(o);
        QCOMPARE(blind.rows.size(), size_t{2 * 3});
        QCOMPARE(blind.rows[2].scores.at("psnr"), psnr("bicubic", "aware"));
    }

    void validationSetIsScoredPerFamily()
    {
        // A built set as tools/validation/build-validation-set.py writes one: ground truth and a
        // prebuilt input (here FFmpeg's own area x1/4) per clip, beside two computed families.
        const auto set = path("set");
        fs::create_directories(set + "/grid/gt");
        fs::create_directories(set + "/grid/plain");
        QVERIFY(
            test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=96x64:rate=5", "-frames:v", "4", m_dir.filePath("set/grid/gt/%04d.png")}));
        QVERIFY(test::runFfmpeg(
            {"-i", m_dir.filePath("set/grid/gt/%04d.png"), "-vf", "scale=24:16:flags=area", m_dir.filePath("set/grid/plain/%04d.png")}));
        std::ofstream(set + "/manifest.json") << R"({"name": "test-set", "frames": 4,
            "families": [{"id": "training", "title": "(a) training synthesis", "kind": "synthesis", "seed": 3},
                         {"id": "plain", "title": "(b) plain", "kind": "files"},
                         {"id": "clean", "title": "(d) clean", "kind": "bicubic"}],
            "summary": ["plain", "clean"],
            "clips": [{"name": "grid", "gt": "grid/gt", "inputs": {"plain": {"path": "grid/plain", "plan": "area 1/4"}}}]})";
        auto o = options();
        o.clips.clear();
        o.validationSet = set;
        o.metrics = {"psnr", "periodic"};
        o.outputFolder = path("report-set");
        o.grabFamily = "plain";
        const auto r = runQualityBenchmark(o);
        QCOMPARE(r.rows.size(), size_t{3 * 3}); // families x (bicubic, lanczos, tiny)
        auto row = [&](const std::string& family, const std::string& method) {
            return *std::find_if(r.rows.begin(), r.rows.end(),
                                 [&](const auto& x) { return x.degradation == family && x.method == method; });
        };
        QCOMPARE(row("plain", "bicubic").lrWidth, 24);
        QVERIFY(row("plain", "bicubic").scores.at("psnr") != row("clean", "bicubic").scores.at("psnr"));
        QVERIFY(row("plain", "tiny").scores.at("periodic") > 0);
        QCOMPARE(r.plans.at("grid").at("plain"), std::string("area 1/4"));
        QVERIFY(r.plans.at("grid").at("training").find("blur") == 0);
        // The headline: each family, and the mean over the summary's families against bicubic.
        const double mean = (row("plain", "tiny").scores.at("psnr") + row("clean", "tiny").scores.at("psnr")) / 2;
        char cell[32];
        std::snprintf(cell, sizeof cell, "**%.2f**", mean);
        QVERIFY2(r.markdown.find("Validation set **test-set**") != std::string::npos, r.markdown.c_str());
        QVERIFY2(r.markdown.find(cell) != std::string::npos, r.markdown.c_str());
        QVERIFY(r.markdown.find("mean over (b) plain, (d) clean") != std::string::npos);
        QVERIFY(r.markdown.find("Periodic-artefact energy as a multiple of bicubic's") != std::string::npos);
        // The frame grab: ground truth, bicubic and the model side by side, for the asked family only.
        const auto grab = cv::imread(path("report-set") + "/grab-grid-plain.png");
        QVERIFY(!grab.empty() && grab.cols > 3 * grab.rows / 2);
        QVERIFY(!fs::exists(path("report-set") + "/grab-grid-clean.png"));

        // A missing input or manifest is named.
        fs::rename(set + "/grid/plain", set + "/grid/elsewhere");
        test::expectError([&] { runQualityBenchmark(o); }, ErrorCode::InvalidArgument, "family 'plain'");
        o.validationSet = path("no-set");
        test::expectError([&] { runQualityBenchmark(o); }, ErrorCode::FileNotFound, "build-validation-set");
    }

    void badInputIsNamed()
    {
        auto o = options();
        o.clips = {path("nothing-here")};
        test::expectError([&] { runQualityBenchmark(o); }, ErrorCode::FileNotFound, "nothing-here");
        fs::create_directories(path("empty"));
        o.clips = {path("empty")};
        test::expectError([&] { runQualityBenchmark(o); }, ErrorCode::InvalidArgument, "no videos and no image sequences");
        o = options();
        o.metrics = {"psnr", "lpips"};
        test::expectError([&] { runQualityBenchmark(o); }, ErrorCode::InvalidArgument, "unknown metric 'lpips'");
        o = options();
        o.models = {path("clips/moving.mkv")};
        test::expectError([&] { runQualityBenchmark(o); }, ErrorCode::CorruptFile, "moving.mkv");
        o = options();
        o.degradationPlans = 0;
        test::expectError([&] { runQualityBenchmark(o); }, ErrorCode::InvalidArgument, "at least 1 degradation plan");
        o = options();
        o.cropWidth = 400;
        o.cropHeight = 300;
        test::expectError([&] { runQualityBenchmark(o); }, ErrorCode::InvalidArgument, "smaller than the crop");
    }
};

QTEST_APPLESS_MAIN(TestMetricsBenchmark)
#include "test_metrics_benchmark.moc"
