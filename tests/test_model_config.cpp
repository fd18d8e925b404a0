// Model presets and the config JSON that travels inside weight files.
#include "dualx/model_config.h"
#include "dualx/model_stats.h"
#include "test_support.h"

#include <nlohmann/json.hpp>

using namespace dualx;

class TestModelConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void paperPresetHasThePapersParameterCount()
    {
        const auto stats = computeModelStats(presetConfig("paper"), 16, 64, 64);
        // Paper tables 3/4: 127.95 M. The design asks for agreement within 1 %.
        const double relative = std::abs(stats.parameters - 127.95e6) / 127.95e6;
        qInfo("paper preset: %lld parameters (%.3f %% from 127.95 M)", static_cast<long long>(stats.parameters), 100 * relative);
        QVERIFY(relative < 0.01);
        // The dual axial blocks hold almost all of it: 12 blocks of D = 1280.
        int64_t sum = 0;
        for (const auto& s : stats.stages) sum += s.parameters;
        QCOMPARE(sum, stats.parameters);
    }

    void presetsAreOrderedBySize()
    {
        const auto tiny = computeModelStats(presetConfig("tiny"), 4, 32, 32);
        const auto small = computeModelStats(presetConfig("small"), 4, 32, 32);
        QVERIFY(tiny.parameters < small.parameters);
        QVERIFY(tiny.macs < small.macs);
        QVERIFY(tiny.parameters < 50'000); // tests build it hundreds of times
    }

    void macsGrowWithInputSize()
    {
        const auto cfg = presetConfig("small");
        const auto a = computeModelStats(cfg, 8, 32, 32);
        const auto b = computeModelStats(cfg, 8, 64, 32);
        // Linear layers scale with tokens, axial attention of HTAB with the row length too.
        QVERIFY(b.macs > 2.0 * a.macs * 0.99);
        QVERIFY(b.macs < 4.0 * a.macs);
    }

    void jsonRoundTrip()
    {
        for (const auto& name : presetNames()) {
            const auto cfg = presetConfig(name);
            QCOMPARE(cfg.preset, name);
            QVERIFY(ModelConfig::fromJson(cfg.toJson()) == cfg);
        }
    }

    void reconBlocksAddCostAndTravelInJson()
    {
        auto grown = presetConfig("small");
        grown.reconBlocks = 3;
        QVERIFY(ModelConfig::fromJson(grown.toJson()) == grown);
        const auto base = computeModelStats(presetConfig("small"), 4, 32, 32);
        const auto more = computeModelStats(grown, 4, 32, 32);
        const int64_t ch = grown.featureChannels;
        QCOMPARE(more.parameters - base.parameters, 3 * 2 * (ch * ch * 9 + ch));
        QCOMPARE(more.macs - base.macs, 3 * 2 * 4.0 * 32 * 32 * ch * ch * 9);
        // Files written before the field existed have no blocks.
        auto old = nlohmann::json::parse(presetConfig("small").toJson());
        old.erase("recon_blocks");
        QCOMPARE(ModelConfig::fromJson(old.dump()).reconBlocks, 0);
        grown.reconBlocks = -1;
        test::expectError([&] { grown.validate(); }, ErrorCode::InvalidArgument, "recon_blocks");
    }

    void unknownPresetIsNamed()
    {
        test::expectError([] { presetConfig("huge"); }, ErrorCode::InvalidArgument, "'huge'");
    }

    void badJsonIsRejected()
    {
        test::expectError([] { ModelConfig::fromJson("{not json"); }, ErrorCode::InvalidArgument, "not valid JSON");
        test::expectError([] { ModelConfig::fromJson(R"({"preset":"x"})"); }, ErrorCode::InvalidArgument, "missing");
        auto cfg = presetConfig("tiny");
        cfg.axialAttention.headDim = 6; // 2-D RoPE needs a multiple of 4
        test::expectError([&] { ModelConfig::fromJson(cfg.toJson()); }, ErrorCode::InvalidArgument, "multiple of 4");
        cfg = presetConfig("tiny");
        cfg.vtabDepth = cfg.htabDepth = 0;
        test::expectError([&] { cfg.validate(); }, ErrorCode::InvalidArgument, "VTAB");
    }
};

QTEST_APPLESS_MAIN(TestModelConfig)
#include "test_model_config.moc"
