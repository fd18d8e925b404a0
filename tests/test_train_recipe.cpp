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
