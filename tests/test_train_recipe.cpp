// Training recipes: parsing, path resolution, schedules, and clear errors.
#include "test_support.h"
#include "train/recipe.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <filesystem>
#include <map>
#include <set>

using namespace dualx;
using namespace dualx::train;
namespace fs = std::filesystem;

namespace {
const char* kMinimal = R"({"name": "r", "preset": "tiny", "data": {"photos": ["pics"], "validation": ["/abs/val.png"]},
                          "checkpoint": "out/ck.safetensors", "learning_rate": 1e-3, "iterations": 100,
                          "warmup_iterations": 10, "schedule": "cosine"})";

// A recipe whose data block holds `fields` besides its photos.
Recipe parseWithData(const std::string& fields)
{
    return parseRecipe(R"({"name":"x","preset":"tiny","data":{"photos":["p"],)" + fields + R"(},"checkpoint":"c"})", "/");
}
} // namespace

class TestTrainRecipe : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesAndResolvesRelativePaths()
    {
        const auto r = parseRecipe(kMinimal, "/base/recipes");
        QCOMPARE(r.model.preset, std::string("tiny"));
        QCOMPARE(r.data.photos.at(0), std::string("/base/recipes/pics"));
        QCOMPARE(r.data.validation.at(0), std::string("/abs/val.png"));
        QCOMPARE(r.checkpoint, std::string("/base/recipes/out/ck.safetensors"));
        QVERIFY(r.synthesis == LrSynthesis::Bicubic);
        QCOMPARE(r.model.reconBlocks, 0);
    }

    void reconBlocksGrowThePreset()
    {
        std::string text = kMinimal;
        text.insert(1, R"("recon_blocks": 3, )");
        QCOMPARE(parseRecipe(text, "/b").model.reconBlocks, 3);
        text = kMinimal;
        text.insert(1, R"("recon_blocks": -2, )");
        test::expectError([&] { parseRecipe(text, "/b"); }, ErrorCode::InvalidArgument, "recon_blocks");
    }

    void cleanBlocksAndTrainablePrefixes()
    {
        std::string text = kMinimal;
        text.insert(1, R"("source_conditioned": true, "synthesis": "first-order", "clean_fraction": 1.0,
                        "clean_recon_blocks": 2, "trainable": ["clean_recon_blocks."], )");
        const auto r = parseRecipe(text, "/b");
        QCOMPARE(r.model.cleanReconBlocks, 2);
        QCOMPARE(r.trainable, std::vector<std::string>{"clean_recon_blocks."});
        QVERIFY(parseRecipe(kMinimal, "/b").trainable.empty()); // by default everything trains
        text = kMinimal;
        text.insert(1, R"("clean_recon_blocks": 1, )");
        test::expectError([&] { parseRecipe(text, "/b"); }, ErrorCode::InvalidArgument, "clean_recon_blocks needs source_conditioned");
        text = kMinimal;
        text.insert(1, R"("trainable": [""], )");
        test::expectError([&] { parseRecipe(text, "/b"); }, ErrorCode::InvalidArgument, "trainable lists an empty prefix");
        text = kMinimal;
        text.insert(1, R"("trainable": "conv_in", )");
        test::expectError([&] { parseRecipe(text, "/b"); }, ErrorCode::InvalidArgument, "mistyped");
    }

    void degradationMixTiedBiasAndPhotoSpeed()
    {
        std::string text = kMinimal;
        text.insert(1, R"("degradation_mix": {"clean": 1, "mild": 2, "home": 1}, "phase_consistent_upsampler": true, )");
        auto r = parseRecipe(text, "/b");
        QVERIFY(r.mix.enabled());
        QCOMPARE(r.mix.mild, 2.0);
        QCOMPARE(r.mix.firstOrder, 0.0);
        QVERIFY(r.model.phaseConsistentUpsampler);
        QVERIFY(!parseRecipe(kMinimal, "/b").mix.enabled());
        QCOMPARE(parseRecipe(kMinimal, "/b").data.photoSpeed, 2.5); // the old default replays old recipes
        text = kMinimal;
        text.insert(1, R"("degradation_mix": {"clean": 1, "vhs": 1}, )");
        test::expectError([&] { parseRecipe(text, "/b"); }, ErrorCode::InvalidArgument, "unknown family 'vhs'");
        text = kMinimal;
        text.insert(1, R"("degradation_mix": {"clean": 0}, )");
        test::expectError([&] { parseRecipe(text, "/b"); }, ErrorCode::InvalidArgument, "not all 0");
        text = kMinimal;
        text.insert(1, R"("source_conditioned": true, "degradation_mix": {"mild": 1, "home": 1}, )");
        test::expectError([&] { parseRecipe(text, "/b"); }, ErrorCode::InvalidArgument, "degradation_mix needs clean");
        text = kMinimal;
        text.insert(1, R"("source_conditioned": true, "degradation_mix": {"clean": 1, "home": 1}, )");
        QVERIFY(parseRecipe(text, "/b").model.sourceConditioned);
        test::expectError([] { parseWithData(R"("photo_speed":-1)"); }, ErrorCode::InvalidArgument, "photo_speed");
        const auto photos = parseWithData(R"("photo_scale":[0.25,0.5],"photo_supersample":true)");
        QCOMPARE(photos.data.photoScaleMin, 0.25);
        QCOMPARE(photos.data.photoScaleMax, 0.5);
        QVERIFY(photos.data.photoSupersample);
        QVERIFY(!parseRecipe(kMinimal, "/b").data.photoSupersample); // old recipes warp as they did
        test::expectError([] { parseWithData(R"("photo_scale":[0.5,0.25])"); }, ErrorCode::InvalidArgument, "photo_scale");
        test::expectError([] { parseWithData(R"("photo_supersample":2)"); }, ErrorCode::InvalidArgument, "photo_supersample");
    }

    void learningRateSchedule()
    {
        const auto r = parseRecipe(kMinimal, "/b");
        QVERIFY(std::abs(r.learningRateAt(0) - 1e-4) < 1e-12); // warm-up: 1/10 of the rate
        QVERIFY(std::abs(r.learningRateAt(9) - 1e-3) < 1e-12);
        QVERIFY(r.learningRateAt(50) < r.learningRateAt(10));    // cosine decay...
        QVERIFY(std::abs(r.learningRateAt(100) - 1e-4) < 1e-12); // ...to 10 %
    }

    void shippedRecipesParse()
    {
        QDir dir(QStringLiteral(DUALX_SOURCE_DIR "/models/recipes"));
        const auto files = dir.entryList({"*.json"}, QDir::Files);
        // The stages the model cards and the recipes README describe are all there.
        for (const char* stage :
             {"small-stage1-bicubic.json", "small-stage2e-photos.json", "small-stage2i-deep-source.json", "small-stage2k-split-source.json",
              "small-stage2m-clean-blocks.json", "small-stage3-gan.json", "small-stage3b-gan-mix.json", "medium-stage1-mix.json"})
            QVERIFY2(files.contains(QString::fromLatin1(stage)), stage);
        std::map<std::string, Recipe> byFile;
        std::set<std::string> checkpoints;
        for (const auto& f : files) {
            const auto r = loadRecipe(dir.filePath(f).toStdString());
            QVERIFY(!r.name.empty());
            QVERIFY2(f == QString::fromStdString(r.name) + ".json", qPrintable(f)); // one name for a stage
            QVERIFY(!r.data.validation.empty());                                    // every shipped recipe holds data out
            QVERIFY2(checkpoints.insert(fs::weakly_canonical(r.checkpoint).string()).second, qPrintable(f + ": checkpoint shared"));
            byFile[f.toStdString()] = r;
        }
        // Each stage starts from a checkpoint that another shipped stage writes: the lineage in
        // the model cards can be rebuilt from the recipes alone.
        for (const auto& [file, r] : byFile)
            if (!r.init.empty())
                QVERIFY2(checkpoints.count(fs::weakly_canonical(r.init).string()),
                         qPrintable(QString::fromStdString(file + ": init " + r.init)));
        const auto& deep = byFile.at("small-stage2i-deep-source.json");
        QVERIFY(deep.model.sourceConditioned && deep.model.deepSourceCondition);
        const auto& split = byFile.at("small-stage2k-split-source.json");
        QVERIFY(split.model.deepSourceCondition && split.model.splitSourceCondition);
        const auto& clean = byFile.at("small-stage2m-clean-blocks.json");
        QVERIFY(clean.model.cleanReconBlocks > 0 && !clean.trainable.empty() && clean.unknownSourceFraction == 0.0);
        const auto& medium = byFile.at("medium-stage1-mix.json");
        QCOMPARE(QString::fromStdString(medium.model.preset), QStringLiteral("medium"));
        QVERIFY(medium.init.empty()); // trained from scratch
    }

    void errorsNameTheField()
    {
        test::expectError([] { parseRecipe("{", "/"); }, ErrorCode::InvalidArgument, "not valid JSON");
        // Found by fuzzing: a float too large for an integer field was cast (undefined behaviour).
        test::expectError([] { parseRecipe(R"({"name": "x", "preset": "tiny", "gan": {"discriminator_frames": 2.5e54}})", "/"); },
                          ErrorCode::InvalidArgument, "gan.discriminator_frames = 2.5e+54 is out of range");
        test::expectError([] { parseRecipe(R"({"name": "x", "preset": "tiny", "data": {}})", "/"); }, ErrorCode::InvalidArgument,
                          "checkpoint");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","data":{},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "no photos and no videos");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"huge","data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "'huge'");
        test::expectError(
            [] { parseRecipe(R"({"name":"x","preset":"tiny","synthesis":"magic","data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
            ErrorCode::InvalidArgument, "'magic'");
        test::expectError(
            [] { parseRecipe(R"({"name":"x","preset":"tiny","clean_fraction":1.5,"data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
            ErrorCode::InvalidArgument, "clean_fraction");
        test::expectError(
            [] {
                parseRecipe(R"({"name":"x","preset":"tiny","lr_crop":32,"degrade_crop":16,"data":{"photos":["p"]},"checkpoint":"c"})", "/");
            },
            ErrorCode::InvalidArgument, "degrade_crop");
        test::expectError([] { parseWithData(R"("video_fraction":2)"); }, ErrorCode::InvalidArgument, "video_fraction");
        test::expectError(
            [] { parseRecipe(R"({"name":"x","preset":"tiny","source_conditioned":true,"data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
            ErrorCode::InvalidArgument, "source_conditioned needs both sources");
        test::expectError(
            [] {
                parseRecipe(
                    R"({"name":"x","preset":"tiny","synthesis":"first-order","clean_fraction":0.5,"unknown_source_fraction":-1,"data":{"photos":["p"]},"checkpoint":"c"})",
                    "/");
            },
            ErrorCode::InvalidArgument, "unknown_source_fraction");
        test::expectError(
            [] {
                parseRecipe(R"({"name":"x","preset":"tiny","source_condition_deep":true,"data":{"photos":["p"]},"checkpoint":"c"})", "/");
            },
            ErrorCode::InvalidArgument, "source_condition_deep needs source_conditioned");
        test::expectError(
            [] {
                parseRecipe(R"({"name":"x","preset":"tiny","source_condition_split":true,"data":{"photos":["p"]},"checkpoint":"c"})", "/");
            },
            ErrorCode::InvalidArgument, "source_condition_split needs source_conditioned");
        test::expectError([] { loadRecipe("/no/such/recipe.json"); }, ErrorCode::FileNotFound, "/no/such/recipe.json");
    }
};

QTEST_APPLESS_MAIN(TestTrainRecipe)
#include "test_train_recipe.moc"
