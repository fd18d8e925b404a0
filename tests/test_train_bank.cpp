// Sample banks: clips synthesised as the trainer draws them, packed (JPEG GT, PNG LR) to travel,
// unpacked, sampled with augmentation, and trained on by dualx-bank-train.
#include "dualx/training.h"
#include "dualx/weights.h"
#include "media_fixtures.h"
#include "metrics/psnr.h"
#include "model/weights.h"
#include "test_support.h"
#include "train/sample_bank_packing.h"
#include "train/trainer.h"

#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace dualx;
using namespace dualx::train;

class TestTrainBank : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }
    std::string m_recipe;

    nlohmann::json recipeJson()
    {
        return {{"name", "bank-test"},
                {"preset", "tiny"},
                {"synthesis", "first-order"},
                {"data",
                 {{"photos", {test::writeTexturedPhoto(path("a.png"), 220, 180, 1)}},
                  {"validation", {test::writeTexturedPhoto(path("v.png"), 240, 200, 2)}},
                  {"validation_clips", 2}}},
                {"lr_crop", 8},
                {"frames", 3},
                {"batch", 2},
                {"checkpoint", path("ck.safetensors")}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_recipe = path("recipe.json");
        std::ofstream(m_recipe) << recipeJson().dump(2);
    }

    void bankHoldsWhatTheTrainerDraws()
    {
        writeTrainingBank(m_recipe, path("packed.safetensors"), 5);
        const auto bank = unpackSampleBank(path("packed.safetensors"));
        QCOMPARE(bank.lr.sizes().vec(), (std::vector<int64_t>{5, 3, 3, 8, 8}));
        QCOMPARE(bank.gt.sizes().vec(), (std::vector<int64_t>{5, 3, 3, 32, 32}));
        QCOMPARE(bank.validationLr.size(0), int64_t(2));
        QCOMPARE(bank.metadata.at("dualx.synthesis"), std::string("first-order"));

        // The trainer's own draws: LR exact (PNG), GT within JPEG quality 95 (luma; JPEG halves the
        // chroma resolution).
        const auto recipe = loadRecipe(m_recipe);
        Trainer trainer(recipe, {});
        const auto batch = trainer.batchForStep(int64_t{1} << 40);
        auto asBytes = [](const torch::Tensor& x) { return x.clamp(0, 1).mul(255).round().to(torch::kUInt8); };
        QVERIFY(torch::equal(bank.lr[0], asBytes(batch.lr[0])));
        const double gtPsnr = metrics::meanPsnr(bank.gt[0].to(torch::kFloat32) / 255, batch.gt[0].clamp(0, 1), true, 0);
        QVERIFY2(gtPsnr > 38.0, qPrintable(QString::number(gtPsnr)));
        const auto validation = trainer.validationSet();
        QVERIFY(torch::equal(bank.validationLr, asBytes(validation.lr)));

        // Raw round trip, and a clear error for each kind of wrong file.
        saveSampleBank(path("raw.safetensors"), bank);
        const auto raw = loadSampleBank(path("raw.safetensors"));
        QVERIFY(torch::equal(raw.gt, bank.gt));
        test::expectError([&] { loadSampleBank(path("packed.safetensors")); }, ErrorCode::CorruptFile, "unpacked first");
        test::expectError([&] { unpackSampleBank(path("raw.safetensors")); }, ErrorCode::CorruptFile, "not a packed");
        auto broken = bank;
        broken.gt = bank.gt.slice(3, 0, 16);
        test::expectError([&] { saveSampleBank(path("x.safetensors"), broken); }, ErrorCode::CorruptFile, "do not match at x4");
        test::expectError([&] { writeTrainingBank(m_recipe, path("y.safetensors"), 0); }, ErrorCode::InvalidArgument, "at least one");
    }

    void batchesAreAugmentedAlike()
    {
        SampleBank bank;
        bank.lr = torch::randint(0, 256, {4, 3, 3, 6, 6}, torch::kUInt8);
        // GT = LR upscaled by repetition, so any augmentation must keep them aligned.
        bank.gt = bank.lr.repeat_interleave(4, 3).repeat_interleave(4, 4);
        bank.validationLr = bank.lr.slice(0, 0, 1);
        bank.validationGt = bank.gt.slice(0, 0, 1);
        std::mt19937_64 rng(3), again(4);
        bool sawChange = false;
        for (int i = 0; i < 20; ++i) {
            const auto b = sampleBankBatch(bank, 3, rng);
            QCOMPARE(b.lr.size(0), int64_t(3));
            QVERIFY(torch::equal(b.gt, b.lr.repeat_interleave(4, 3).repeat_interleave(4, 4)));
            for (int64_t j = 0; j < 3; ++j) {
                bool asStored = false;
                for (int64_t k = 0; k < 4; ++k) asStored = asStored || torch::equal(b.lr[j], bank.lr[k].to(torch::kFloat32) / 255);
                sawChange = sawChange || !asStored;
            }
            QVERIFY(b.lr.max().item<float>() <= 1.0f);
        }
        QVERIFY(sawChange);
        std::mt19937_64 same(4);
        QVERIFY(torch::equal(sampleBankBatch(bank, 2, again).lr, sampleBankBatch(bank, 2, same).lr));
    }

    void bankTrainerFineTunesAWeightFile()
    {
        writeTrainingBank(m_recipe, path("packed2.safetensors"), 6);
        saveSampleBank(path("raw2.safetensors"), unpackSampleBank(path("packed2.safetensors")));
        torch::manual_seed(0);
        model::DualXVSR net(presetConfig("tiny"));
        model::saveModelWeights(*net, path("init.safetensors"), "mse", {{"dualx.stages", "tiny-test@1"}});
        const QString tool = DUALX_BANK_TRAIN_PATH;
        const auto r = test::runCli(tool, {"--bank", QString::fromStdString(path("raw2.safetensors")), "--init",
                                           QString::fromStdString(path("init.safetensors")), "--out",
                                           QString::fromStdString(path("out.safetensors")), "--out-fp16",
                                           QString::fromStdString(path("out16.safetensors")), "--device", "cpu", "--batch", "2", "--steps",
                                           "6", "--validate-every", "3", "--log", QString::fromStdString(path("log.csv"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("6 steps in"));
        const auto info = inspectWeightFile(path("out16.safetensors"));
        QCOMPARE(info.storageDtype, std::string("F16"));
        QCOMPARE(info.metadata.at("dualx.stages"), std::string("tiny-test@1;bank:bank-test@6"));
        QCOMPARE(info.metadata.at("dualx.samples_seen"), std::string("12"));
        // The weights moved.
        auto trained = model::loadModelWeights(path("out.safetensors"));
        double change = 0;
        for (const auto& p : trained->named_parameters())
            change += (p.value() - net->named_parameters()[p.key()]).abs().sum().item<double>();
        QVERIFY(change > 0);
        std::ifstream log(path("log.csv"));
        int lines = 0;
        for (std::string line; std::getline(log, line);) ++lines;
        QCOMPARE(lines, 4); // header, step 0, 3, 6

        const auto bad = test::runCli(tool, {"--bank", QString::fromStdString(path("packed2.safetensors")), "--init",
                                             QString::fromStdString(path("init.safetensors")), "--out",
                                             QString::fromStdString(path("o.safetensors")), "--steps", "1"});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("unpacked first"));
        QCOMPARE(test::runCli(tool, {"--bank", "x"}).exitCode, 2);
    }
};

QTEST_APPLESS_MAIN(TestTrainBank)
#include "test_train_bank.moc"
