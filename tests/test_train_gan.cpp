// GAN stage: discriminator, spectral norm, perceptual losses, and the adversarial training loop.
#include "dualx/training.h"
#include "media_fixtures.h"
#include "model/dualx_vsr.h"
#include "model/safetensors.h"
#include "model/weights.h"
#include "test_support.h"
#include "train/bicubic_downscale.h"
#include "train/checkpoint.h"
#include "train/discriminator.h"
#include "train/losses.h"
#include "train/perceptual_loss.h"
#include "train/trainer.h"

#include <QTemporaryDir>

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

using namespace dualx;
using namespace dualx::train;

class TestTrainGan : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

    // A GAN stage of the tiny preset on one photo: 2-frame clips of 8x8 LR pixels, batch 1.
    static nlohmann::json tinyGanRecipe(const std::string& name, const std::string& photo, const std::string& checkpoint,
                                        const nlohmann::json& gan)
    {
        return {{"name", name}, {"preset", "tiny"}, {"data", {{"photos", {photo}}}}, {"checkpoint", checkpoint}, {"lr_crop", 8},
                {"frames", 2},  {"batch", 1},       {"learning_rate", 1e-4},         {"validate_every", 0},      {"gan", gan}};
    }

private Q_SLOTS:
    void discriminatorGivesPerPixelLogits()
    {
        torch::manual_seed(1);
        UNetDiscriminator d(8);
        auto logits = d->forward(torch::rand({3, 3, 32, 48}));
        QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{3, 1, 32, 48}));
        std::vector<torch::Tensor> features;
        d->forward(torch::rand({1, 3, 16, 16}), features);
        QCOMPARE(features.size(), size_t{6});
        test::expectError([&] { d->forward(torch::rand({1, 3, 20, 16})); }, ErrorCode::InvalidArgument, "divisible by 8");
    }

    void spectralNormBoundsTheLargestSingularValue()
    {
        torch::manual_seed(2);
        SpectralNormConv2d conv(6, 10, 3, 1, 1, true);
        conv->train();
        auto x = torch::rand({1, 6, 8, 8});
        for (int i = 0; i < 50; ++i) conv->forward(x); // power iterations converge
        torch::NoGradGuard g;
        const auto w = conv->normalisedWeight().reshape({10, -1});
        const double sigma = at::linalg_svdvals(w)[0].item<double>();
        QVERIFY2(std::abs(sigma - 1.0) < 0.02, std::to_string(sigma).c_str());
    }

    void periodicEnergyLossSeesOnlyAFourPixelPattern()
    {
        torch::manual_seed(4);
        // Smooth content (a few slow waves: no power at the x4 periods) and the same with a fixed
        // 4x4-block pattern.
        const auto ramp = torch::arange(48, torch::kFloat32) * (2 * M_PI / 48);
        const auto y = ramp.view({48, 1}), x = ramp.view({1, 48});
        auto content = torch::full({2, 3, 48, 48}, 0.5);
        for (int k = 1; k <= 3; ++k) content = content + 0.05 * torch::sin(k * x + (4 - k) * y + k);
        auto pattern = (torch::rand({1, 1, 4, 4}) - 0.5).repeat({1, 1, 12, 12}) * 0.05;
        const double same = periodicEnergyLoss(content, content).item<double>();
        const double patterned = periodicEnergyLoss(content + pattern, content).item<double>();
        QCOMPARE(same, 0.0);
        QVERIFY2(patterned > 1.0, std::to_string(patterned).c_str());
        // As much noise without the period costs far less than the pattern.
        const double noisy
            = periodicEnergyLoss(content + torch::randn_like(content) * 0.05 * pattern.std().item<double>() / 0.05, content).item<double>();
        QVERIFY2(noisy < patterned / 3, (std::to_string(noisy) + " vs " + std::to_string(patterned)).c_str());
        // Ground truth that has the pattern itself is not penalised for it; the gradient reaches the output.
        QCOMPARE(periodicEnergyLoss(content + pattern, content + pattern).item<double>(), 0.0);
        auto output = (content + pattern).clone().requires_grad_(true);
        periodicEnergyLoss(output, content).backward();
        QVERIFY(output.grad().defined() && output.grad().abs().sum().item<double>() > 0);
        // A margin lets the output stand out that much more than the reference before it costs.
        const double withMargin = periodicEnergyLoss(content + pattern, content, 1.5).item<double>();
        QVERIFY2(withMargin <= patterned && withMargin >= patterned - std::log(1.5) - 1e-5,
                 (std::to_string(withMargin) + " vs " + std::to_string(patterned)).c_str());
        QCOMPARE(periodicEnergyLoss(content + pattern, content, 1e12).item<double>(), 0.0);
        test::expectError([&] { periodicEnergyLoss(content, content, 0.5); }, ErrorCode::InvalidArgument, "margin must be >= 1");
        // Leading dimensions ([B, N, 3, H, W]) are frames too.
        QVERIFY(periodicEnergyLoss((content + pattern).unsqueeze(0), content.unsqueeze(0)).item<double>() > 1.0);
        test::expectError(
            [&] {
                periodicEnergyLoss(torch::rand({1, 3, 34, 32}), torch::rand({1, 3, 34, 32}));
            },
            ErrorCode::InvalidArgument, "divisible by 4");
    }

    // The loss is lowered only by removing power at the peaks: adding texture around a peak (its
    // surroundings, the yardstick) must not pay, or the generator learns to do that instead.
    void periodicEnergyLossGradientLeavesThePeaksSurroundingsAlone()
    {
        torch::manual_seed(5);
        const int n = 64;
        auto texture = torch::randn({n, n}) * 0.02;
        const auto pattern = (torch::rand({4, 4}) - 0.5).repeat({n / 4, n / 4}) * 0.05;
        auto luma = 0.5 + texture + pattern;
        auto output = luma.expand({1, 3, n, n}).clone().requires_grad_(true);
        const auto reference = (0.5 + texture).expand({1, 3, n, n}).clone();
        const auto loss = periodicEnergyLoss(output, reference);
        QVERIFY(loss.item<double>() > 0.1);
        loss.backward();
        const auto gradient = output.grad();
        // Directions: more of the texture's own power 3..8 bins from the horizontal quarter-rate
        // peak (u = 16), and more of the pattern itself.
        auto spectrum = torch::fft::fft2(texture);
        auto keep = torch::zeros({n, n});
        for (int dv = -8; dv <= 8; ++dv)
            for (int du = -8; du <= 8; ++du)
                if (std::max(std::abs(dv), std::abs(du)) >= 3) {
                    keep[(dv + n) % n][(16 + du + n) % n] = 1;
                    keep[(-dv + n) % n][(-16 - du + n) % n] = 1;
                }
        const auto around = torch::real(torch::fft::ifft2(spectrum * keep)).expand({1, 3, n, n});
        const auto more = pattern.expand({1, 3, n, n});
        const double alongSurroundings = (gradient * around).sum().item<double>();
        const double alongPattern = (gradient * more).sum().item<double>();
        QVERIFY2(alongPattern > 0, std::to_string(alongPattern).c_str());
        QVERIFY2(std::abs(alongSurroundings) < 1e-3 * alongPattern,
                 (std::to_string(alongSurroundings) + " vs " + std::to_string(alongPattern)).c_str());
    }

    void perceptualLossesAreZeroOnlyForEqualImages()
    {
        torch::manual_seed(3);
        UNetDiscriminator d(8);
        d->eval(); // no power iteration between the two passes
        auto a = torch::rand({2, 3, 16, 16}), b = torch::rand({2, 3, 16, 16});
        QCOMPARE(featureMatchingLoss(*d, a, a).item<double>(), 0.0);
        QVERIFY(featureMatchingLoss(*d, a, b).item<double>() > 0.0);

        // A VGG19 file in torchvision's layout (random values: real ImageNet weights cannot be had here).
        model::NamedTensors vgg;
        const std::vector<int> channels = {64, 64, -1, 128, 128, -1, 256, 256, 256, 256, -1, 512, 512, 512, 512, -1, 512, 512, 512, 512};
        int index = 0, in = 3;
        for (int c : channels) {
            if (c < 0) {
                ++index;
                continue;
            }
            vgg.emplace_back("features." + std::to_string(index) + ".weight", torch::randn({c, in, 3, 3}) * 0.05);
            vgg.emplace_back("features." + std::to_string(index) + ".bias", torch::zeros({c}));
            index += 2;
            in = c;
        }
        model::writeSafetensors(path("vgg19.safetensors"), vgg, {});
        Vgg19PerceptualLoss perceptual(path("vgg19.safetensors"));
        auto x = torch::rand({1, 3, 32, 32});
        QVERIFY(perceptual(x, x).item<double>() < 1e-9);
        QVERIFY(perceptual(x, torch::rand({1, 3, 32, 32})).item<double>() > 0.0);
        vgg.pop_back();
        model::writeSafetensors(path("vgg19-cut.safetensors"), vgg, {});
        test::expectError([&] { Vgg19PerceptualLoss broken(path("vgg19-cut.safetensors")); }, ErrorCode::WeightMismatch,
                          "features.34.bias");
    }

    // A GAN stage reports its generator's loss terms (the reported loss is their weighted sum)
    // and the discriminator's, on the console and in the CSV; a log begun without those
    // columns goes on without them.
    void ganStageLogsItsLossTerms()
    {
        const auto photo = test::writeTexturedPhoto(path("terms.png"), 200, 160, 7);
        const nlohmann::json gan = {{"discriminator_features", 8},
                                    {"lambda_pixel", 0.1},
                                    {"lambda_perceptual", 1.0},
                                    {"lambda_adversarial", 0.005},
                                    {"lambda_periodic", 0.5}};
        auto j = tinyGanRecipe("gan-terms", photo, path("terms/ck.safetensors"), gan);
        j["log"] = path("terms/log.csv");
        const auto recipeFile = path("terms.json");
        std::ofstream(recipeFile) << j.dump();
        TrainingOptions options;
        options.maxSteps = 4;
        options.reportEvery = 2;
        std::vector<TrainingReport> reports;
        options.onReport = [&](const TrainingReport& r) { reports.push_back(r); };
        runTraining(recipeFile, options);
        QCOMPARE(reports.size(), size_t{2});
        for (const auto& r : reports) {
            QVERIFY(r.adversarial);
            QVERIFY(r.pixelLoss > 0 && r.perceptualLoss > 0 && r.adversarialLoss > 0 && r.discriminatorLoss > 0);
            QVERIFY(r.periodicLoss >= 0);
            const double sum = 0.1 * r.pixelLoss + r.perceptualLoss + 0.005 * r.adversarialLoss + 0.5 * r.periodicLoss;
            QVERIFY2(std::abs(r.loss - sum) < 1e-5 * std::max(1.0, r.loss), "the loss is not the weighted sum of its terms");
        }
        auto csvRows = [&] {
            std::ifstream in(path("terms/log.csv"));
            std::vector<std::vector<std::string>> rows;
            for (std::string line; std::getline(in, line);) {
                rows.emplace_back();
                std::stringstream ss(line + ",");
                for (std::string f; std::getline(ss, f, ',');) rows.back().push_back(f);
            }
            return rows;
        };
        auto rows = csvRows();
        QCOMPARE(rows.size(), size_t{3});
        QCOMPARE(rows[0].back(), std::string("discriminator_loss"));
        QCOMPARE(rows[0].size(), size_t{13});
        QCOMPARE(rows[2].size(), size_t{13});
        QVERIFY(std::abs(std::stod(rows[2][8]) - reports[1].pixelLoss) < 1e-5 * reports[1].pixelLoss);

        // A log whose header predates the loss columns: resumed rows keep its 8 columns.
        std::string header = "step,loss,learning_rate,grad_norm,seconds_per_step,train_seconds,val_psnr_y,val_bicubic_psnr_y";
        {
            std::ofstream out(path("terms/log.csv"), std::ios::trunc);
            out << header << "\n";
        }
        options.maxSteps = 2;
        runTraining(recipeFile, options);
        rows = csvRows();
        QCOMPARE(rows.size(), size_t{2});
        QCOMPARE(rows[1][0], std::string("6"));
        QCOMPARE(rows[1].size(), size_t{8});
    }

    // A pixel stage can hold the periodic energy too: its loss is the Charbonnier loss plus
    // lambda times the periodic term of the same output; a GAN stage gives it in its gan block.
    void pixelStageAddsThePeriodicLoss()
    {
        const auto photo = test::writeTexturedPhoto(path("pixel.png"), 200, 160, 9);
        auto j = tinyGanRecipe("pixel-periodic", photo, path("pixel.safetensors"), {});
        j.erase("gan");
        j["lambda_periodic"] = 0.5;
        j["periodic_reference"] = "bicubic";
        const auto recipe = parseRecipe(j.dump(), "/");
        QVERIFY(!recipe.gan.enabled);
        QCOMPARE(recipe.periodic.lambda, 0.5);
        QVERIFY(recipe.periodic.reference == PeriodicLossSpec::Reference::Bicubic);
        torch::manual_seed(4);
        Trainer trainer(recipe, {});
        QVERIFY(!trainer.adversarial());
        const auto batch = trainer.batchForStep(0);
        double pixel = 0, periodic = 0;
        {
            torch::NoGradGuard noGrad;
            trainer.network()->train();
            const auto output = trainer.network()->forward(batch.lr, batch.sourceCondition);
            pixel = charbonnierLoss(output, batch.gt).item<double>();
            periodic = periodicEnergyLoss(output, bicubicUpscale(batch.lr, 4)).item<double>();
        }
        QVERIFY2(periodic > 0, "an untrained network's output has no periodic excess to hold");
        const double loss = trainer.trainStep();
        QVERIFY2(std::abs(loss - (pixel + 0.5 * periodic)) < 1e-5 * loss,
                 (std::to_string(loss) + " vs " + std::to_string(pixel) + " + 0.5 x " + std::to_string(periodic)).c_str());

        j["lambda_periodic"] = -1;
        test::expectError([&] { parseRecipe(j.dump(), "/"); }, ErrorCode::InvalidArgument, "lambda_periodic must be >= 0");
        auto gan = tinyGanRecipe("gan-periodic", photo, path("gan-periodic.safetensors"), {{"discriminator_features", 8}});
        gan["lambda_periodic"] = 0.1;
        test::expectError([&] { parseRecipe(gan.dump(), "/"); }, ErrorCode::InvalidArgument, "in its gan block");
    }

    void adversarialTrainingRunsAndResumesExactly()
    {
        const auto photo = test::writeTexturedPhoto(path("p.png"), 200, 160, 5);
        auto j = tinyGanRecipe("gan-test", photo, path("gan.safetensors"), {{"discriminator_features", 8}, {"lambda_periodic", 0.01}});
        j["sharpen_gt"] = true;
        const auto recipe = parseRecipe(j.dump(), "/");
        // The discriminator on one of the two frames: still trains and resumes exactly.
        // It also holds the periodic energy to the input's bicubic upscale.
        auto subset = j;
        subset["gan"]["discriminator_frames"] = 1;
        subset["gan"]["periodic_reference"] = "bicubic";
        subset["gan"]["periodic_margin"] = 1.5;
        subset["checkpoint"] = path("gan-subset.safetensors");
        const auto subsetRecipe = parseRecipe(subset.dump(), "/");
        QCOMPARE(subsetRecipe.gan.discriminatorFrames, 1);
        QVERIFY(subsetRecipe.gan.periodic.reference == PeriodicLossSpec::Reference::Bicubic);
        QCOMPARE(subsetRecipe.gan.periodic.margin, 1.5);
        QVERIFY(recipe.gan.periodic.reference == PeriodicLossSpec::Reference::GroundTruth);
        {
            Trainer a(subsetRecipe, {});
            QVERIFY(std::isfinite(a.trainStep()));
            a.saveCheckpoint();
            const double next = a.trainStep();
            Trainer b(subsetRecipe, {});
            QVERIFY(b.restore());
            QCOMPARE(b.trainStep(), next);
        }
        QVERIFY(recipe.gan.enabled);
        Trainer first(recipe, {});
        QVERIFY(first.adversarial());
        for (int i = 0; i < 2; ++i) QVERIFY(std::isfinite(first.trainStep()));
        QVERIFY(first.lastDiscriminatorLoss() > 0);
        first.saveCheckpoint();
        const double continued = first.trainStep();

        Trainer second(recipe, {});
        QVERIFY(second.restore());
        QCOMPARE(second.trainStep(), continued);

        // A GAN stage started from this one's checkpoint takes its discriminator too.
        auto next = j;
        next["init"] = path("gan.safetensors");
        next["checkpoint"] = path("gan-next.safetensors");
        Trainer third(parseRecipe(next.dump(), "/"), {});
        QVERIFY(!third.restore());
        const auto saved = model::readSafetensors(path("gan.safetensors")).tensors;
        const auto taken = third.adversary().discriminator->named_parameters();
        int compared = 0;
        for (const auto& [name, t] : saved)
            if (name.starts_with("disc.") && taken.contains(name.substr(5))) {
                QVERIFY(torch::equal(taken[name.substr(5)], t));
                ++compared;
            }
        QCOMPARE(compared, static_cast<int>(taken.size()));
        QVERIFY(std::isfinite(third.trainStep()));
        // From a stage-2 (no discriminator) file it starts a fresh one, as before.
        model::DualXVSR plain(recipe.model);
        const auto weights = path("plain.safetensors");
        model::saveModelWeights(*plain, weights, "mse", {});
        next["init"] = weights;
        next["checkpoint"] = path("gan-fresh.safetensors");
        Trainer fresh(parseRecipe(next.dump(), "/"), {});
        QVERIFY(!fresh.restore());
        QVERIFY(std::isfinite(fresh.trainStep()));

        // init_parts: the upsampler from the stage-2 file, everything else (and the
        // discriminator) from the GAN checkpoint, its weight average where it keeps one.
        next["init"] = path("gan.safetensors");
        next["init_parts"] = {{"upsampler", weights}};
        next["checkpoint"] = path("gan-parts.safetensors");
        Trainer parts(parseRecipe(next.dump(), "/"), {});
        QVERIFY(!parts.restore());
        const std::map<std::string, torch::Tensor> stored(saved.begin(), saved.end());
        const auto plainParams = plain->named_parameters();
        int fromPlain = 0, differs = 0;
        for (const auto& item : parts.network()->named_parameters()) {
            if (item.key().starts_with("upsampler")) {
                QVERIFY(torch::equal(item.value(), plainParams[item.key()]));
                differs += !torch::equal(item.value(), stored.at("model." + item.key()));
                ++fromPlain;
            } else {
                const auto average = stored.find("ema." + item.key());
                QVERIFY(torch::equal(item.value(), average != stored.end() ? average->second : stored.at("model." + item.key())));
            }
        }
        QVERIFY(fromPlain > 0 && differs > 0);
        QVERIFY(std::isfinite(parts.trainStep()));
        auto nothing = next;
        nothing["init_parts"] = {{"no_such_part", weights}};
        nothing["checkpoint"] = path("gan-nothing.safetensors");
        Trainer none(parseRecipe(nothing.dump(), "/"), {});
        test::expectError([&] { none.restore(); }, ErrorCode::InvalidArgument, "no_such_part");
        auto emptyPrefix = next;
        emptyPrefix["init_parts"] = {{"", weights}};
        test::expectError([&] { parseRecipe(emptyPrefix.dump(), "/"); }, ErrorCode::InvalidArgument, "empty prefix");
        auto withoutInit = next;
        withoutInit.erase("init");
        test::expectError([&] { parseRecipe(withoutInit.dump(), "/"); }, ErrorCode::InvalidArgument, "init_parts needs an init");

        auto bad = j;
        bad["gan"]["perceptual"] = "vgg19";
        test::expectError([&] { parseRecipe(bad.dump(), "/"); }, ErrorCode::InvalidArgument, "vgg19_weights");
        auto negative = j;
        negative["gan"]["discriminator_frames"] = -1;
        test::expectError([&] { parseRecipe(negative.dump(), "/"); }, ErrorCode::InvalidArgument, "discriminator_frames");
        auto unknownReference = j;
        unknownReference["gan"]["periodic_reference"] = "lanczos";
        test::expectError([&] { parseRecipe(unknownReference.dump(), "/"); }, ErrorCode::InvalidArgument, "periodic_reference");
        auto smallMargin = j;
        smallMargin["gan"]["periodic_margin"] = 0.9;
        test::expectError([&] { parseRecipe(smallMargin.dump(), "/"); }, ErrorCode::InvalidArgument, "periodic_margin must be >= 1");
    }
};

QTEST_APPLESS_MAIN(TestTrainGan)
#include "test_train_gan.moc"
