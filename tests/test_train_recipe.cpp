// Training recipes: parsing, path resolution, schedules, and clear errors.
#include "train/recipe.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace dualx;
using namespace dualx::train;

namespace {
const char* kMinimal = R"({"name": "r", "preset": "tiny", "data": {"photos": ["pics"], "validation": ["/abs/val.png"]},
                          "checkpoint": "out/ck.safetensors", "learning_rate": 1e-3, "iterations": 100,
                          "warmup_iterations": 10, "schedule": "cosine"})";
}

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
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","data":{"photos":["p"],"photo_speed":-1},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "photo_speed");
    }

    void learningRateSchedule()
    {
        const auto r = parseRecipe(kMinimal, "/b");
        QVERIFY(std::abs(r.learningRateAt(0) - 1e-4) < 1e-12);  // warm-up: 1/10 of the rate
        QVERIFY(std::abs(r.learningRateAt(9) - 1e-3) < 1e-12);
        QVERIFY(r.learningRateAt(50) < r.learningRateAt(10));   // cosine decay...
        QVERIFY(std::abs(r.learningRateAt(100) - 1e-4) < 1e-12); // ...to 10 %
    }

    void shippedRecipesParse()
    {
        QDir dir(QStringLiteral(DUALX_SOURCE_DIR "/models/recipes"));
        const auto files = dir.entryList({"*.json"}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const auto& f : files) {
            const auto r = loadRecipe(dir.filePath(f).toStdString());
            QVERIFY(!r.name.empty());
            QVERIFY(!r.data.validation.empty()); // every shipped recipe holds data out
            if (f.startsWith(QStringLiteral("small-stage2i")))
                QVERIFY(r.model.sourceConditioned && r.model.deepSourceCondition);
            if (f.startsWith(QStringLiteral("small-stage2k")))
                QVERIFY(r.model.deepSourceCondition && r.model.splitSourceCondition);
            if (f.startsWith(QStringLiteral("small-stage2m")))
                QVERIFY(r.model.cleanReconBlocks > 0 && !r.trainable.empty() && r.unknownSourceFraction == 0.0);
        }
    }

    void errorsNameTheField()
    {
        test::expectError([] { parseRecipe("{", "/"); }, ErrorCode::InvalidArgument, "not valid JSON");
        test::expectError([] { parseRecipe(R"({"name": "x", "preset": "tiny", "data": {}})", "/"); }, ErrorCode::InvalidArgument,
                          "checkpoint");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","data":{},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "no photos and no videos");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"huge","data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "'huge'");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","synthesis":"magic","data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "'magic'");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","clean_fraction":1.5,"data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "clean_fraction");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","lr_crop":32,"degrade_crop":16,"data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "degrade_crop");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","data":{"photos":["p"],"video_fraction":2},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "video_fraction");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","source_conditioned":true,"data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "source_conditioned needs both sources");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","synthesis":"first-order","clean_fraction":0.5,"unknown_source_fraction":-1,"data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "unknown_source_fraction");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","source_condition_deep":true,"data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "source_condition_deep needs source_conditioned");
        test::expectError([] { parseRecipe(R"({"name":"x","preset":"tiny","source_condition_split":true,"data":{"photos":["p"]},"checkpoint":"c"})", "/"); },
                          ErrorCode::InvalidArgument, "source_condition_split needs source_conditioned");
        test::expectError([] { loadRecipe("/no/such/recipe.json"); }, ErrorCode::FileNotFound, "/no/such/recipe.json");
    }
};

QTEST_APPLESS_MAIN(TestTrainRecipe)
#include "test_train_recipe.moc"
