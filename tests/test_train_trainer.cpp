// Training data, the loop and checkpoints, on the tiny preset and generated media.
#include "dualx/weights.h"
#include "media_fixtures.h"
#include "metrics/psnr.h"
#include "model/safetensors.h"
#include "test_support.h"
#include "train/bicubic_downscale.h"
#include "train/checkpoint.h"
#include "train/losses.h"
#include "train/trainer.h"
#include "train/training_plot.h"

#include <QTemporaryDir>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <fstream>
#include <map>

using namespace dualx;
using namespace dualx::train;

class TestTrainTrainer : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_photoA, m_photoB, m_clip, m_valPhoto;

    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

    Recipe tinyRecipe(const char* checkpoint)
    {
        const nlohmann::json j
            = {{"name", "tiny-test"}, {"preset", "tiny"}, {"data", {{"photos", {"x"}}}}, {"checkpoint", "c"},  {"lr_crop", 12},
               {"frames", 3},         {"batch", 2},       {"learning_rate", 2e-3},       {"validate_every", 0}};
        Recipe r = parseRecipe(j.dump(), "/");
        r.data.photos = {m_photoA, m_photoB};
        r.data.videos = {m_clip};
        r.data.validation = {m_valPhoto};
        r.data.validationClips = 2;
        r.checkpoint = path(checkpoint);
        return r;
    }

    // A source-conditioned recipe: first-order synthesis with a share of clean clips.
    Recipe conditionedRecipe(const char* checkpoint, double cleanFraction, double unknownSourceFraction)
    {
        auto recipe = tinyRecipe(checkpoint);
        recipe.synthesis = LrSynthesis::FirstOrder;
        recipe.sharpenGt = false;
        recipe.cleanFraction = cleanFraction;
        recipe.unknownSourceFraction = unknownSourceFraction;
        recipe.model.sourceConditioned = true;
        return recipe;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_photoA = test::writeTexturedPhoto(path("a.png"), 320, 240, 1);
        m_photoB = test::writeTexturedPhoto(path("b.jpg"), 200, 300, 2);
        m_valPhoto = test::writeTexturedPhoto(path("val.png"), 256, 256, 3);
        m_clip = path("clip.mp4");
        QVERIFY(test::writeTestClip(m_clip, 96, 64, 12));
    }

    void listsMediaAndKeepsTheLargestResolution()
    {
        const auto folder = path("wallpaper/contents/images");
        std::filesystem::create_directories(folder);
        test::writeTexturedPhoto(folder + "/640x480.png", 64, 48, 4);
        test::writeTexturedPhoto(folder + "/1920x1080.png", 64, 48, 4);
        const auto photos = listPhotoFiles({path("wallpaper")}, {});
        QCOMPARE(photos.size(), size_t{1});
        QVERIFY(photos[0].find("1920x1080") != std::string::npos);
        const auto excluded = listPhotoFiles({m_dir.path().toStdString()}, {std::filesystem::weakly_canonical(m_valPhoto).string()});
        QVERIFY(std::find(excluded.begin(), excluded.end(), m_valPhoto) == excluded.end());
        QVERIFY(std::find(excluded.begin(), excluded.end(), m_photoA) != excluded.end());
        QCOMPARE(listVideoFiles({m_dir.path().toStdString()}, {}).size(), size_t{1});
        // A recipe never trains silently on less than it names.
        test::expectError(
            [&] {
                listPhotoFiles({m_photoA, path("gone")}, {});
            },
            ErrorCode::FileNotFound, "training data '" + path("gone") + "' does not exist");
        test::expectError([&] { listPhotoFiles({m_clip}, {}); }, ErrorCode::InvalidArgument, "is not a photo file");
        test::expectError([&] { listVideoFiles({m_photoB}, {}); }, ErrorCode::InvalidArgument, "is not a video file");
        test::expectError([&] { requireDataPath(path("held-out.png")); }, ErrorCode::FileNotFound, "install-training-data.sh");
    }

    void photoClipsMoveSmoothly()
    {
        DataSpec spec;
        ClipLibrary library({m_photoA}, {}, spec, {});
        std::mt19937_64 rng(5);
        auto clip = library.samplePhotoClip(rng, 6, 48);
        QCOMPARE(clip.sizes().vec(), (std::vector<int64_t>{6, 3, 48, 48}));
        QVERIFY(clip.min().item<float>() >= 0.0f && clip.max().item<float>() <= 1.0f);
        // Consecutive frames show the same scene slightly moved: closer to each other than to
        // an unrelated crop.
        const double neighbour = (clip[1] - clip[0]).abs().mean().item<double>();
        auto other = library.samplePhotoClip(rng, 1, 48)[0];
        QVERIFY(neighbour < (other - clip[0]).abs().mean().item<double>() + 1e-9);
        std::mt19937_64 again(5);
        QVERIFY(torch::equal(library.samplePhotoClip(again, 6, 48), clip)); // seeded = reproducible
    }

    void supersampledPhotoClipsKeepTheirDetail()
    {
        // A bicubic warp at GT size blurs each frame by its sub-pixel phase; warped at the photo's
        // resolution (2-2.5x the GT's here) and area-averaged down, the same clips keep more edge.
        // Fine texture, band-limited at the photo's own resolution (as a downscaled wallpaper is).
        cv::Mat noise(400, 400, CV_8UC3), texture;
        cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(255));
        cv::GaussianBlur(noise, texture, cv::Size(), 1.0);
        const auto photo = path("texture.png");
        QVERIFY(cv::imwrite(photo, texture));
        auto detail = [&](bool supersample) {
            DataSpec spec;
            spec.photoScaleMin = 0.4;
            spec.photoScaleMax = 0.5;
            spec.photoSupersample = supersample;
            ClipLibrary library({photo}, {}, spec, {});
            std::mt19937_64 rng(9);
            double sum = 0;
            for (int i = 0; i < 12; ++i) {
                const auto clip = library.samplePhotoClip(rng, 4, 48);
                if (clip.sizes().vec() != std::vector<int64_t>{4, 3, 48, 48}) return -1.0;
                sum += (clip.narrow(3, 1, 47) - clip.narrow(3, 0, 47)).abs().mean().item<double>();
            }
            return sum;
        };
        const double plain = detail(false), supersampled = detail(true);
        QVERIFY(plain > 0);
        QVERIFY2(supersampled > 1.05 * plain, qPrintable(QString("%1 against %2").arg(supersampled).arg(plain)));
    }

    void videoClipsAreConsecutiveFrames()
    {
        DataSpec spec;
        spec.videoScale = 1.0;
        ClipLibrary library({}, {m_clip}, spec, {});
        QCOMPARE(library.videoFrameCount(), int64_t{12});
        std::mt19937_64 rng(6);
        auto clip = library.sampleVideoClip(rng, 20, 32); // longer than the video: plays back and forth
        QCOMPARE(clip.size(0), int64_t{20});
        QCOMPARE(clip.size(2), int64_t{32});
    }

    void videoFractionChoosesTheSource()
    {
        // The draw between video and photo comes first; the same rng state then makes the same clip.
        auto sample = [&](double fraction, bool video) {
            DataSpec spec;
            spec.videoFraction = fraction;
            ClipLibrary library({m_photoA}, {m_clip}, spec, {});
            std::mt19937_64 a(11), b(11);
            const auto clip = library.sampleClip(a, 3, 32);
            std::uniform_real_distribution<double>(0, 1)(b);
            return torch::equal(clip, video ? library.sampleVideoClip(b, 3, 32) : library.samplePhotoClip(b, 3, 32));
        };
        QVERIFY(sample(1.0, true));
        QVERIFY(sample(0.0, false));
    }

    void bicubicBaselineOnSmoothContent()
    {
        // A smooth gradient survives x4 bicubic down/up almost unchanged; a hard edge does not.
        auto ramp = torch::linspace(0, 1, 64).view({1, 1, 1, 64}).expand({1, 3, 64, 64}).contiguous();
        auto lr = bicubicDownscale(ramp, 4);
        QCOMPARE(lr.sizes().vec(), (std::vector<int64_t>{1, 3, 16, 16}));
        QVERIFY(torch::equal(lr, quantise8(lr)));
        QVERIFY(metrics::meanPsnr(bicubicUpscale(lr, 4), ramp, true, 4) > 40.0);
        test::expectError([&] { bicubicDownscale(torch::rand({3, 10, 12}), 4); }, ErrorCode::InvalidArgument, "not divisible");
    }

    void aFewStepsLowerTheLoss()
    {
        Trainer trainer(tinyRecipe("loss.safetensors"), {});
        const auto batch = trainer.batchForStep(0);
        QCOMPARE(batch.lr.sizes().vec(), (std::vector<int64_t>{2, 3, 3, 12, 12}));
        QCOMPARE(batch.gt.sizes().vec(), (std::vector<int64_t>{2, 3, 3, 48, 48}));
        auto lossOnBatch = [&] {
            torch::NoGradGuard g;
            return charbonnierLoss(trainer.network()->forward(batch.lr), batch.gt).item<double>();
        };
        const double before = lossOnBatch();
        for (int i = 0; i < 40; ++i) trainer.trainStep();
        const double after = lossOnBatch();
        qInfo("tiny preset, 40 steps: loss %.5f -> %.5f", before, after);
        QVERIFY(after < before * 0.9);
        QCOMPARE(trainer.state().step, int64_t{40});
    }

    // `pixel_loss: mse` trains on the squared error (what PSNR scores) instead of Charbonnier:
    // the first step's loss is the mean squared error of the untrained output.
    void pixelLossMseIsTheMeanSquaredError()
    {
        nlohmann::json j = {{"name", "mse"}, {"preset", "tiny"}, {"data", {{"photos", {"x"}}}}, {"checkpoint", "c"}};
        QVERIFY(parseRecipe(j.dump(), "/").pixelLoss == PixelLoss::Charbonnier);
        j["pixel_loss"] = "mse";
        QVERIFY(parseRecipe(j.dump(), "/").pixelLoss == PixelLoss::Mse);
        j["pixel_loss"] = "l2";
        test::expectError([&] { parseRecipe(j.dump(), "/"); }, ErrorCode::InvalidArgument, "pixel_loss must be 'charbonnier' or 'mse'");

        auto recipe = tinyRecipe("mse.safetensors");
        recipe.pixelLoss = PixelLoss::Mse;
        torch::manual_seed(5);
        Trainer trainer(recipe, {});
        const auto batch = trainer.batchForStep(0);
        double mse = 0, charbonnier = 0;
        {
            torch::NoGradGuard noGrad;
            trainer.network()->train();
            const auto output = trainer.network()->forward(batch.lr);
            mse = (output - batch.gt).pow(2).mean().item<double>();
            charbonnier = charbonnierLoss(output, batch.gt).item<double>();
        }
        const double loss = trainer.trainStep();
        QVERIFY2(std::abs(loss - mse) < 1e-6 * mse, (std::to_string(loss) + " vs " + std::to_string(mse)).c_str());
        QVERIFY2(mse < 0.5 * charbonnier, "the squared error of errors under 1 is well below their absolute value");
    }

    void cleanFractionMixesBicubicIntoDegradedBatches()
    {
        auto degradedOnly = tinyRecipe("mix.safetensors");
        degradedOnly.synthesis = LrSynthesis::FirstOrder;
        degradedOnly.sharpenGt = false;
        auto allClean = degradedOnly;
        allClean.cleanFraction = 1.0;
        // clean_fraction 1: every LR clip is exactly the bicubic downscale of its GT.
        Trainer clean(allClean, {});
        const auto b = clean.batchForStep(3);
        for (int64_t i = 0; i < b.gt.size(0); ++i) QVERIFY(torch::equal(b.lr[i], bicubicDownscale(b.gt[i], 4)));
        // Without it, first-order synthesis changes the LR away from the bicubic one.
        Trainer degraded(degradedOnly, {});
        const auto d = degraded.batchForStep(3);
        QVERIFY(!torch::equal(d.lr[0], bicubicDownscale(d.gt[0], 4)));
    }

    void sourceConditionFollowsEachClipsSource()
    {
        auto recipe = conditionedRecipe("source.safetensors", 0.5, 0.25);
        recipe.batch = 4;
        Trainer trainer(recipe, {});
        int seen[3] = {0, 0, 0}; // clean, unknown, degraded
        for (int64_t step = 0; step < 6; ++step) {
            const auto b = trainer.batchForStep(step);
            QCOMPARE(b.sourceCondition.sizes().vec(), (std::vector<int64_t>{4}));
            for (int64_t i = 0; i < 4; ++i) {
                const float s = b.sourceCondition[i].item<float>();
                QVERIFY(s == 0.0f || s == 0.5f || s == 1.0f);
                ++seen[static_cast<int>(s * 2)];
                // A clip stated clean is exactly bicubic; one stated degraded is not.
                const bool bicubic = torch::equal(b.lr[i], bicubicDownscale(b.gt[i], 4));
                if (s == 0.0f) QVERIFY(bicubic);
                if (s == 1.0f) QVERIFY(!bicubic);
            }
        }
        QVERIFY(seen[0] > 0 && seen[1] > 0 && seen[2] > 0);
        // The conditioned network trains on the conditions: gradients reach the conditioning.
        trainer.trainStep();
        for (const auto& item : trainer.network()->named_parameters())
            if (item.key().starts_with("source_condition.")) QVERIFY2(item.value().abs().sum().item<double>() > 0, item.key().c_str());
        // A blind recipe's batches carry no condition.
        QVERIFY(!Trainer(tinyRecipe("blind.safetensors"), {}).batchForStep(0).sourceCondition.defined());
    }

    void trainableFreezesTheRestOfTheNetwork()
    {
        // A clean-side stage: only the clean-gated blocks train, on clips told clean.
        auto recipe = conditionedRecipe("clean-blocks.safetensors", 1.0, 0.0);
        recipe.model.splitSourceCondition = true;
        recipe.model.cleanReconBlocks = 1;
        recipe.trainable = {"clean_recon_blocks."};
        Trainer trainer(recipe, {});
        std::map<std::string, torch::Tensor> before;
        for (const auto& item : trainer.network()->named_parameters()) before[item.key()] = item.value().detach().clone();
        for (int i = 0; i < 3; ++i) trainer.trainStep();
        int moved = 0;
        for (const auto& item : trainer.network()->named_parameters()) {
            const bool same = torch::equal(item.value(), before[item.key()]);
            if (item.key().starts_with("clean_recon_blocks.")) {
                moved += same ? 0 : 1;
            } else {
                QVERIFY2(same, item.key().c_str());
                QVERIFY2(!item.value().requires_grad(), item.key().c_str());
            }
        }
        QVERIFY(moved > 0);
        // The frozen stage checkpoints and resumes like any other.
        trainer.saveCheckpoint();
        const double continued = trainer.trainStep();
        Trainer second(recipe, {});
        QVERIFY(second.restore());
        QCOMPARE(second.trainStep(), continued);
        // A prefix that names no parameter is a recipe error, not a silently frozen network.
        recipe.trainable = {"clean_recon_block."};
        test::expectError([&] { Trainer bad(recipe, {}); }, ErrorCode::InvalidArgument, "'clean_recon_block.' names no parameter");
    }

    void degradeRegionIsCutToAlignedWindows()
    {
        auto recipe = tinyRecipe("region.safetensors");
        recipe.degradeCrop = 24; // synthesise 24x24 LR, train on 12x12
        Trainer trainer(recipe, {});
        const auto b = trainer.batchForStep(5);
        QCOMPARE(b.lr.sizes().vec(), (std::vector<int64_t>{2, 3, 3, 12, 12}));
        QCOMPARE(b.gt.sizes().vec(), (std::vector<int64_t>{2, 3, 3, 48, 48}));
        // Bicubic LR cut from the region matches the bicubic downscale of the GT window away
        // from the window's edge (where the region's kernel saw pixels outside the window):
        // GT and LR windows are aligned at 4x.
        for (int64_t i = 0; i < 2; ++i) {
            const auto own = bicubicDownscale(b.gt[i], 4).narrow(2, 2, 8).narrow(3, 2, 8);
            const auto cut = b.lr[i].narrow(2, 2, 8).narrow(3, 2, 8);
            QVERIFY2((own - cut).abs().max().item<float>() < 1e-4f, "LR window is not aligned with its GT window");
        }
        // A region the size of the crop is no region: older recipes replay their exact batches.
        auto plain = tinyRecipe("plain.safetensors");
        auto same = plain;
        same.degradeCrop = plain.lrCrop;
        const auto p = Trainer(plain, {}).batchForStep(5), q = Trainer(same, {}).batchForStep(5);
        QVERIFY(torch::equal(p.lr, q.lr) && torch::equal(p.gt, q.gt));
    }

    void resumeReproducesTheNextLoss()
    {
        auto recipe = tinyRecipe("resume.safetensors");
        Trainer first(recipe, {});
        for (int i = 0; i < 3; ++i) first.trainStep();
        first.saveCheckpoint();
        const double continued = first.trainStep();

        Trainer second(recipe, {});
        QVERIFY(second.restore());
        QCOMPARE(second.state().step, int64_t{3});
        const double resumed = second.trainStep();
        QCOMPARE(resumed, continued); // same weights, same moments, same batch: same loss
        for (const auto& item : first.network()->named_parameters())
            QVERIFY(torch::equal(item.value(), second.network()->named_parameters()[item.key()]));
    }

    void validationComparesWithBicubic()
    {
        Trainer trainer(tinyRecipe("val.safetensors"), {});
        QVERIFY(trainer.hasValidation());
        const auto [model, bicubic] = trainer.validate();
        QVERIFY(bicubic > 15 && bicubic < 60);
        QVERIFY(model > 10 && model < 60);
    }

    void aFrozenStageExports()
    {
        // Its checkpoint holds optimizer state for the trainable parameters only.
        auto recipeFile = path("frozen.json");
        const nlohmann::json recipe = {{"name", "frozen-test"},
                                       {"preset", "tiny"},
                                       {"lr_crop", 8},
                                       {"frames", 2},
                                       {"batch", 1},
                                       {"source_conditioned", true},
                                       {"source_condition_split", true},
                                       {"clean_recon_blocks", 1},
                                       {"trainable", {"clean_recon_blocks."}},
                                       {"synthesis", "first-order"},
                                       {"clean_fraction", 1.0},
                                       {"unknown_source_fraction", 0.0},
                                       {"data", {{"photos", {m_photoA}}}},
                                       {"checkpoint", "frozen/ck.safetensors"},
                                       {"validate_every", 0}};
        std::ofstream(recipeFile) << recipe.dump();
        TrainingOptions options;
        options.maxSteps = 2;
        runTraining(recipeFile, options);
        exportTrainedModel(recipeFile, path("frozen.safetensors"), "mse", false);
        const auto info = inspectWeightFile(path("frozen.safetensors"));
        QCOMPARE(info.config.cleanReconBlocks, 1);
        QCOMPARE(info.metadata.at("dualx.iterations"), std::string("2"));
        // A next stage started from the exported file carries its lineage on.
        model::DualXVSR next(info.config);
        const auto initial = loadInitialWeights(path("frozen.safetensors"), *next);
        QVERIFY(initial.earlier.has_value());
        QCOMPARE(initial.earlier->recipeName, std::string("frozen-test"));
        QCOMPARE(initial.earlier->step, int64_t{2});
        QCOMPARE(initial.earlier->history, std::string());
    }

    void weightAverageFollowsTheStepsResumesAndShips()
    {
        auto recipe = tinyRecipe("ema.safetensors");
        recipe.emaDecay = 0.5;
        Trainer first(recipe, {});
        std::map<std::string, torch::Tensor> expected;
        for (const auto& item : first.network()->named_parameters()) expected[item.key()] = item.value().detach().clone();
        for (int i = 0; i < 3; ++i) {
            first.trainStep();
            for (const auto& item : first.network()->named_parameters())
                expected[item.key()] = 0.5 * expected[item.key()] + 0.5 * item.value().detach();
        }
        bool moved = false;
        for (const auto& [name, average] : first.weightAverage().averaged()) {
            QVERIFY2(torch::allclose(average, expected[name], 1e-5, 1e-7), name.c_str());
            moved = moved || !torch::equal(average, first.network()->named_parameters()[name]);
        }
        QVERIFY(moved); // the average is not the last step's weights

        // Validation runs the average and puts the trained weights back.
        std::map<std::string, torch::Tensor> trained;
        for (const auto& item : first.network()->named_parameters()) trained[item.key()] = item.value().detach().clone();
        first.validate();
        for (const auto& item : first.network()->named_parameters()) QVERIFY(torch::equal(item.value(), trained[item.key()]));

        // The checkpoint keeps the average: a resumed run continues it exactly.
        first.saveCheckpoint();
        const double continued = first.trainStep();
        Trainer second(recipe, {});
        QVERIFY(second.restore());
        QCOMPARE(second.trainStep(), continued);
        for (size_t i = 0; i < first.weightAverage().averaged().size(); ++i)
            QVERIFY(torch::equal(first.weightAverage().averaged()[i].second, second.weightAverage().averaged()[i].second));

        // A next stage starts from the average.
        model::DualXVSR next(recipe.model);
        const auto initial = loadInitialWeights(recipe.checkpoint, *next);
        QVERIFY(initial.averaged);
        second.saveCheckpoint();
        const auto resaved = loadInitialWeights(recipe.checkpoint, *next);
        QVERIFY(resaved.averaged);
        for (const auto& [name, average] : second.weightAverage().averaged())
            QVERIFY(torch::equal(next->named_parameters()[name], average));

        auto bad
            = nlohmann::json::parse(R"({"name": "x", "preset": "tiny", "data": {"photos": ["p"]}, "checkpoint": "c", "ema_decay": 1.0})");
        test::expectError([&] { parseRecipe(bad.dump(), "/"); }, ErrorCode::InvalidArgument, "ema_decay");
    }

    void anAveragingStageExportsItsAverage()
    {
        auto recipeFile = path("ema.json");
        const nlohmann::json recipe = {{"name", "ema-test"},
                                       {"preset", "tiny"},
                                       {"lr_crop", 8},
                                       {"frames", 2},
                                       {"batch", 1},
                                       {"ema_decay", 0.9},
                                       {"learning_rate", 1e-2},
                                       {"data", {{"photos", {m_photoA}}}},
                                       {"checkpoint", "ema/ck.safetensors"},
                                       {"validate_every", 0}};
        std::ofstream(recipeFile) << recipe.dump();
        TrainingOptions options;
        options.maxSteps = 3;
        runTraining(recipeFile, options);
        exportTrainedModel(recipeFile, path("ema-export.safetensors"), "mse", false);
        const auto checkpoint = model::readSafetensors(path("ema/ck.safetensors"));
        std::map<std::string, torch::Tensor> averages, weights;
        for (const auto& [name, t] : checkpoint.tensors) {
            if (name.rfind("ema.", 0) == 0) averages[name.substr(4)] = t;
            if (name.rfind("model.", 0) == 0) weights[name.substr(6)] = t;
        }
        QVERIFY(!averages.empty());
        const auto exported = model::readSafetensors(path("ema-export.safetensors"));
        QCOMPARE(exported.metadata.at("dualx.ema_decay").substr(0, 3), std::string("0.9"));
        int differing = 0;
        for (const auto& [name, t] : exported.tensors) {
            if (!averages.count(name)) continue;
            QVERIFY2(torch::equal(t, averages[name]), name.c_str());
            differing += !torch::equal(t, weights[name]);
        }
        QVERIFY(differing > 0);
    }

    void smoothedLossStartsAtTheFirstRowsMean()
    {
        std::vector<LogRow> rows(3);
        rows[0].loss = 1e-2;
        rows[1].loss = 1e-4;
        rows[2].loss = 1e-4;
        const auto s = smoothedLoss(rows);
        QCOMPARE(s.size(), size_t{3});
        QVERIFY(std::abs(s[0] - 1e-2) < 1e-12); // the first row alone
        // Two rows: log10 weighted 0.9 * 0.1 : 0.1 over the corrected weight 0.19, not 0.9 : 0.1.
        QVERIFY(std::abs(std::log10(s[1]) - (0.09 * -2 + 0.1 * -4) / 0.19) < 1e-9);
        QVERIFY(s[2] < s[1]);
        std::vector<LogRow> flat(5);
        for (auto& r : flat) r.loss = 0.03;
        for (double v : smoothedLoss(flat)) QVERIFY(std::abs(v - 0.03) < 1e-12);
    }

    void runTrainingWritesCheckpointAndLogThenExports()
    {
        auto recipeFile = path("recipe.json");
        const nlohmann::json recipe = {{"name", "cli-test"},
                                       {"preset", "tiny"},
                                       {"lr_crop", 8},
                                       {"frames", 2},
                                       {"batch", 1},
                                       {"data", {{"photos", {m_photoA}}, {"validation", {m_valPhoto}}, {"validation_clips", 1}}},
                                       {"checkpoint", "run/ck.safetensors"},
                                       {"log", "run/log.csv"},
                                       {"validate_every", 5}};
        std::ofstream(recipeFile) << recipe.dump();
        TrainingOptions options;
        options.maxSteps = 10;
        options.reportEvery = 5;
        int reports = 0;
        options.onReport = [&](const TrainingReport&) { ++reports; };
        runTraining(recipeFile, options);
        QCOMPARE(reports, 2);
        QVERIFY(std::filesystem::exists(path("run/ck.safetensors")));
        std::ifstream log(path("run/log.csv"));
        std::string header, row;
        std::getline(log, header);
        QVERIFY(header.rfind("step,loss", 0) == 0);
        int rows = 0;
        while (std::getline(log, row)) ++rows;
        QCOMPARE(rows, 2);

        options.maxSteps = 5; // resumes at 10 and goes on to 15
        runTraining(recipeFile, options);
        // The resumed run trimmed the log (replaced whole, no temporary left) and appended to it.
        QVERIFY(!std::filesystem::exists(path("run/log.csv.tmp")));
        std::ifstream resumedLog(path("run/log.csv"));
        std::getline(resumedLog, header);
        QVERIFY(header.rfind("step,loss", 0) == 0);
        rows = 0;
        while (std::getline(resumedLog, row)) ++rows;
        QCOMPARE(rows, 3);
        TrainingState state;
        model::DualXVSR net(presetConfig("tiny"));
        std::vector<std::pair<std::string, torch::Tensor>> params;
        for (const auto& item : net->named_parameters()) params.emplace_back(item.key(), item.value());
        AdamW optimizer(params, {});
        QVERIFY(loadCheckpoint(path("run/ck.safetensors"), *net, optimizer, state));
        QCOMPARE(state.step, int64_t{15});

        exportTrainedModel(recipeFile, path("exported.safetensors"), "mse", true);
        const auto info = inspectWeightFile(path("exported.safetensors"));
        QCOMPARE(info.variant, std::string("mse"));
        QCOMPARE(info.storageDtype, std::string("F16"));
        QCOMPARE(info.metadata.at("dualx.iterations"), std::string("15"));

        plotTrainingProgress(recipeFile, path("curve.png"));
        const cv::Mat plot = cv::imread(path("curve.png"));
        QCOMPARE(plot.cols, 1200);
        QCOMPARE(plot.rows, 800);
        QCOMPARE(readTrainingLog(path("run/log.csv")).back().step, 15LL);
        std::ofstream(path("bad.csv")) << "step,loss\n12,0.5\nseven,0.1\n";
        test::expectError([&] { readTrainingLog(path("bad.csv")); }, ErrorCode::CorruptFile, "line 3");
    }
};

QTEST_APPLESS_MAIN(TestTrainTrainer)
#include "test_train_trainer.moc"
