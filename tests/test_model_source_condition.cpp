// Source conditioning: a grown network starts blind, 0.5 is always the blind behaviour, the
// user's "unknown" goes through the file's calibrated unknown point, each clip of a batch gets its
// own condition, and bad conditions are named.
#include "dualx/model_stats.h"
#include "model/dualx_vsr.h"
#include "model/weights.h"
#include "test_support.h"

#include <nlohmann/json.hpp>

#include <cmath>

using namespace dualx;
using namespace dualx::model;

namespace {

ModelConfig conditionedTiny()
{
    auto c = presetConfig("tiny");
    c.sourceConditioned = true;
    return c;
}

// Deep conditioning on a tiny network with reconstruction blocks, so that every site exists.
ModelConfig deepConditionedTiny()
{
    auto c = conditionedTiny();
    c.reconBlocks = 2;
    c.deepSourceCondition = true;
    return c;
}

NamedTensors stateOf(DualXVSR& net)
{
    NamedTensors tensors;
    for (const auto& item : net->named_parameters()) tensors.emplace_back(item.key(), item.value().detach().clone());
    return tensors;
}

torch::Tensor run(DualXVSR& net, const torch::Tensor& x, const torch::Tensor& condition = {})
{
    torch::InferenceMode guard;
    net->eval();
    return net->forward(x, condition);
}

// A conditioned tiny network grown from a blind one, its conditioning given trained-like values.
DualXVSR trainedConditioned(DualXVSR& blind, const ModelConfig& config = conditionedTiny())
{
    DualXVSR net(config);
    loadTensorsGrowing(*net, stateOf(blind), "blind");
    torch::NoGradGuard noGrad;
    for (const auto& item : net->named_parameters())
        if (item.key().starts_with("source_condition.")) item.value().normal_(0.0, 0.05);
    return net;
}

// A deep-conditioned tiny network (2 reconstruction blocks) with trained-like conditioning.
DualXVSR trainedDeepConditioned()
{
    auto blindConfig = presetConfig("tiny");
    blindConfig.reconBlocks = 2;
    DualXVSR blind(blindConfig);
    return trainedConditioned(blind, deepConditionedTiny());
}

} // namespace

class TestModelSourceCondition : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void grownNetworkStartsBlind()
    {
        torch::manual_seed(3);
        DualXVSR blind(presetConfig("tiny"));
        DualXVSR grown(conditionedTiny());
        QCOMPARE(loadTensorsGrowing(*grown, stateOf(blind), "blind"), 0);
        const auto x = torch::rand({2, 3, 3, 10, 12});
        const auto expected = run(blind, x);
        for (float s : {0.0f, 0.5f, 1.0f}) QVERIFY(torch::allclose(run(grown, x, torch::full({2}, s)), expected, 0, 1e-6));
    }

    void halfIsTheBlindBehaviourAndTheEndsDiffer()
    {
        torch::manual_seed(4);
        DualXVSR blind(presetConfig("tiny"));
        auto net = trainedConditioned(blind);
        const auto x = torch::rand({1, 3, 3, 10, 12});
        const auto unknown = run(net, x, torch::full({1}, 0.5f));
        QVERIFY(torch::allclose(unknown, run(blind, x), 0, 1e-6));
        const auto clean = run(net, x, torch::zeros({1})), degraded = run(net, x, torch::ones({1}));
        QVERIFY((clean - unknown).abs().max().item<double>() > 1e-4);
        QVERIFY((degraded - clean).abs().max().item<double>() > 1e-4);
        // Without a tensor, the network's own setting applies (0.5 until set).
        QCOMPARE(net->sourceCondition(), 0.5);
        QVERIFY(torch::allclose(run(net, x), unknown, 0, 0));
        net->setSourceCondition(0.0);
        QVERIFY(torch::allclose(run(net, x), clean, 0, 0));
    }

    void theUnknownPointMapsTheUsersScale()
    {
        // The user's 0.5 is the network's calibrated unknown point; 0 and 1 keep their meaning.
        QCOMPARE(networkSourceCondition(0.5, 0.25), 0.25);
        QCOMPARE(networkSourceCondition(0.0, 0.25), 0.0);
        QCOMPARE(networkSourceCondition(1.0, 0.25), 1.0);
        QCOMPARE(networkSourceCondition(0.25, 0.25), 0.125);
        QCOMPARE(networkSourceCondition(0.75, 0.25), 0.625);
        QCOMPARE(networkSourceCondition(0.3, 0.5), 0.3); // the default point is the identity
        // A degraded point below 1: the user's 1 is it, the upper half runs from unknown to it.
        QCOMPARE(networkSourceCondition(1.0, 0.25, 0.75), 0.75);
        QCOMPARE(networkSourceCondition(0.75, 0.25, 0.75), 0.5);
        QCOMPARE(networkSourceCondition(0.25, 0.25, 0.75), 0.125);
        test::expectError([] { networkSourceCondition(-0.1, 0.25); }, ErrorCode::InvalidArgument, "source condition must be in [0, 1]");

        torch::manual_seed(6);
        DualXVSR blind(presetConfig("tiny"));
        auto config = conditionedTiny();
        config.unknownSourceCondition = 0.25;
        auto net = trainedConditioned(blind, config);
        const auto x = torch::rand({1, 2, 3, 8, 10});
        QVERIFY(torch::allclose(run(net, x), run(net, x, torch::full({1}, 0.25f)), 0, 1e-6)); // unknown until set
        net->setSourceCondition(0.0);
        QVERIFY(torch::allclose(run(net, x), run(net, x, torch::zeros({1})), 0, 1e-6));
        net->setSourceCondition(1.0);
        QVERIFY(torch::allclose(run(net, x), run(net, x, torch::ones({1})), 0, 1e-6));

        // Stored with the config; files without it use 0.5; outside [0, 1] is named.
        QCOMPARE(ModelConfig::fromJson(config.toJson()).unknownSourceCondition, 0.25);
        auto old = nlohmann::json::parse(config.toJson());
        old.erase("unknown_source_condition");
        QCOMPARE(ModelConfig::fromJson(old.dump()).unknownSourceCondition, 0.5);
        old["unknown_source_condition"] = 1.5;
        test::expectError([&] { ModelConfig::fromJson(old.dump()); }, ErrorCode::InvalidArgument,
                          "unknown_source_condition must be in [0, 1]");

        // The degraded point likewise: stored, 1 when absent, never below the unknown point.
        config.degradedSourceCondition = 0.75;
        QCOMPARE(ModelConfig::fromJson(config.toJson()).degradedSourceCondition, 0.75);
        net = trainedConditioned(blind, config);
        net->setSourceCondition(1.0);
        QVERIFY(torch::allclose(run(net, x), run(net, x, torch::full({1}, 0.75f)), 0, 1e-6));
        net->setSourceCondition(0.75); // halfway from the unknown point to the degraded one
        QVERIFY(torch::allclose(run(net, x), run(net, x, torch::full({1}, 0.5f)), 0, 1e-6));
        old = nlohmann::json::parse(config.toJson());
        old.erase("degraded_source_condition");
        QCOMPARE(ModelConfig::fromJson(old.dump()).degradedSourceCondition, 1.0);
        old["degraded_source_condition"] = 0.2;
        test::expectError([&] { ModelConfig::fromJson(old.dump()); }, ErrorCode::InvalidArgument,
                          "degraded_source_condition must be in [unknown_source_condition, 1]");
    }

    void eachClipGetsItsOwnCondition()
    {
        torch::manual_seed(5);
        DualXVSR blind(presetConfig("tiny"));
        auto net = trainedConditioned(blind);
        const auto x = torch::rand({3, 2, 3, 8, 8});
        const auto together = run(net, x, torch::tensor({0.0f, 1.0f, 0.5f}));
        const std::vector<float> conditions{0.0f, 1.0f, 0.5f};
        for (int64_t i = 0; i < 3; ++i) {
            const auto alone = run(net, x.narrow(0, i, 1), torch::full({1}, conditions[static_cast<size_t>(i)]));
            QVERIFY(torch::allclose(together.narrow(0, i, 1), alone, 1e-5, 1e-5));
        }
    }

    void deepConditioningGrowsFromShallowAndActsEverywhere()
    {
        torch::manual_seed(6);
        auto blindConfig = presetConfig("tiny");
        blindConfig.reconBlocks = 2;
        DualXVSR blind(blindConfig);
        auto shallowConfig = deepConditionedTiny();
        shallowConfig.deepSourceCondition = false;
        auto shallow = trainedConditioned(blind, shallowConfig);
        // Grown by the deep sites, the network computes what it did at every condition.
        DualXVSR deep(deepConditionedTiny());
        QCOMPARE(loadTensorsGrowing(*deep, stateOf(shallow), "shallow"), 0);
        const auto x = torch::rand({3, 2, 3, 8, 10});
        const auto conditions = torch::tensor({0.0f, 0.5f, 1.0f});
        QVERIFY(torch::allclose(run(deep, x, conditions), run(shallow, x, conditions), 0, 1e-6));
        // Each deep site on its own changes the clean and degraded outputs, never the unknown one.
        const std::vector<std::string> sites{"tokens_mid", "tokens_out", "recon", "output"};
        for (const auto& site : sites) {
            DualXVSR probe(deepConditionedTiny());
            loadTensorsGrowing(*probe, stateOf(shallow), "shallow");
            {
                torch::NoGradGuard noGrad;
                probe->named_parameters()["source_condition." + site].normal_(0.0, 0.05);
            }
            const auto before = run(shallow, x, conditions), after = run(probe, x, conditions);
            QVERIFY2((after[0] - before[0]).abs().max().item<double>() > 1e-5, site.c_str());
            QVERIFY2((after[2] - before[2]).abs().max().item<double>() > 1e-5, site.c_str());
            QVERIFY2(torch::allclose(after[1], before[1], 0, 1e-6), site.c_str());
        }
    }

    void aConditionedNetworkGrowsByReconstructionBlocks()
    {
        torch::manual_seed(8);
        auto smaller = trainedDeepConditioned();
        // Two more blocks: the file fills the first two rows of the per-block conditioning, the
        // added blocks start as blind identities, and the network computes what it did.
        auto biggerConfig = deepConditionedTiny();
        biggerConfig.reconBlocks = 4;
        DualXVSR bigger(biggerConfig);
        QCOMPARE(loadTensorsGrowing(*bigger, stateOf(smaller), "smaller"), 2);
        const auto x = torch::rand({3, 2, 3, 8, 10});
        const auto conditions = torch::tensor({0.0f, 0.5f, 1.0f});
        QVERIFY(torch::allclose(run(bigger, x, conditions), run(smaller, x, conditions), 0, 1e-6));
        // Only growth fills leading rows: the same file does not load into the bigger network as it is.
        test::expectError([&] { loadTensorsInto(*bigger, stateOf(smaller), "smaller"); }, ErrorCode::WeightMismatch,
                          "source_condition.recon");
        // A file with more blocks than the network still does not fit.
        DualXVSR fewer(deepConditionedTiny());
        test::expectError([&] { loadTensorsGrowing(*fewer, stateOf(bigger), "bigger"); }, ErrorCode::WeightMismatch, "wrong shape");
    }

    void deepConditioningNeedsConditioning()
    {
        auto c = presetConfig("tiny");
        c.deepSourceCondition = true;
        test::expectError([&] { c.validate(); }, ErrorCode::InvalidArgument, "source_condition_deep needs source_conditioned");
        const auto deep = deepConditionedTiny();
        QVERIFY(ModelConfig::fromJson(deep.toJson()) == deep);
        // Two more token sites, a (gamma, beta) pair per reconstruction block and one per colour.
        auto shallow = deep;
        shallow.deepSourceCondition = false;
        const auto more = computeModelStats(deep, 2, 8, 8), fewer = computeModelStats(shallow, 2, 8, 8);
        QCOMPARE(more.parameters - fewer.parameters, int64_t{2 * (2 * deep.embedDim + deep.reconBlocks * deep.featureChannels + 3)});
        QVERIFY(more.macs > fewer.macs);
    }

    void splitConditioningGrowsFromMirroredAndFreesTheCleanSide()
    {
        torch::manual_seed(8);
        auto mirrored = trainedDeepConditioned();
        auto splitConfig = deepConditionedTiny();
        splitConfig.splitSourceCondition = true;
        // Grown by the clean pairs (set to the mirror of each site), it computes what it did.
        DualXVSR split(splitConfig);
        QCOMPARE(loadTensorsGrowing(*split, stateOf(mirrored), "mirrored"), 0);
        const auto x = torch::rand({3, 2, 3, 8, 10});
        const auto conditions = torch::tensor({0.0f, 0.5f, 1.0f});
        const auto before = run(mirrored, x, conditions);
        QVERIFY(torch::allclose(run(split, x, conditions), before, 0, 1e-6));
        // A split file loads as it is: its clean pairs are not overwritten by the mirror.
        auto clean = stateOf(split);
        for (auto& [name, tensor] : clean)
            if (name.ends_with("_clean")) tensor.normal_(0.0, 0.05);
        loadTensorsGrowing(*split, clean, "split");
        const auto after = run(split, x, conditions);
        // The clean pairs move the clean output only; the degraded and blind ones stay.
        QVERIFY((after[0] - before[0]).abs().max().item<double>() > 1e-4);
        QVERIFY(torch::allclose(after[1], before[1], 0, 1e-6));
        QVERIFY(torch::allclose(after[2], before[2], 0, 1e-6));
        // And the degraded pairs no longer move the clean output.
        {
            torch::NoGradGuard noGrad;
            split->named_parameters()["source_condition.body"].normal_(0.0, 0.05);
        }
        const auto moved = run(split, x, conditions);
        QVERIFY(torch::allclose(moved[0], after[0], 0, 1e-6));
        QVERIFY((moved[2] - after[2]).abs().max().item<double>() > 1e-5);
        // An intermediate condition is neither end: 0.25 blends the clean pairs in at half strength.
        const auto one = x.narrow(0, 0, 1);
        const auto quarter = run(split, one, torch::full({1}, 0.25f));
        QVERIFY((quarter - run(split, one, torch::zeros({1}))).abs().max().item<double>() > 1e-5);
        QVERIFY((quarter - run(split, one, torch::full({1}, 0.5f))).abs().max().item<double>() > 1e-5);
    }

    void splitConditioningNeedsConditioning()
    {
        auto c = presetConfig("tiny");
        c.splitSourceCondition = true;
        test::expectError([&] { c.validate(); }, ErrorCode::InvalidArgument, "source_condition_split needs source_conditioned");
        auto split = deepConditionedTiny();
        split.splitSourceCondition = true;
        QVERIFY(ModelConfig::fromJson(split.toJson()) == split);
        auto old = nlohmann::json::parse(split.toJson());
        old.erase("source_condition_split");
        QVERIFY(!ModelConfig::fromJson(old.dump()).splitSourceCondition);
        // Every site's (gamma, beta) twice.
        const auto unsplit = deepConditionedTiny();
        const auto more = computeModelStats(split, 2, 8, 8), fewer = computeModelStats(unsplit, 2, 8, 8);
        auto blindRecon = presetConfig("tiny");
        blindRecon.reconBlocks = unsplit.reconBlocks;
        const auto base = computeModelStats(blindRecon, 2, 8, 8);
        QCOMPARE(more.parameters - fewer.parameters, fewer.parameters - base.parameters);
        QVERIFY(more.macs > fewer.macs);
    }

    void cleanBlocksGrowAsIdentitiesAndActOnlyOnTheCleanSide()
    {
        torch::manual_seed(9);
        auto splitConfig = deepConditionedTiny();
        splitConfig.splitSourceCondition = true;
        DualXVSR blind(presetConfig("tiny"));
        auto split = trainedConditioned(blind, splitConfig);
        auto gatedConfig = splitConfig;
        gatedConfig.cleanReconBlocks = 2;
        // Grown by the clean blocks, the network computes what it did at every condition.
        DualXVSR gated(gatedConfig);
        QCOMPARE(loadTensorsGrowing(*gated, stateOf(split), "split"), 0);
        const auto x = torch::rand({4, 2, 3, 8, 10});
        const auto conditions = torch::tensor({0.0f, 0.25f, 0.5f, 1.0f});
        const auto before = run(split, x, conditions);
        QVERIFY(torch::allclose(run(gated, x, conditions), before, 0, 1e-6));
        // Trained (non-zero residuals), they move told-clean and partly clean output only:
        // blind and degraded clips come out exactly as before, alone or batched with clean ones.
        {
            torch::NoGradGuard noGrad;
            for (const auto& item : gated->named_parameters())
                if (item.key().starts_with("clean_recon_blocks.")) item.value().normal_(0.0, 0.05);
        }
        const auto after = run(gated, x, conditions);
        const auto cleanMove = (after[0] - before[0]).abs().max().item<double>();
        const auto quarterMove = (after[1] - before[1]).abs().max().item<double>();
        QVERIFY(cleanMove > 1e-4);
        QVERIFY(quarterMove > 1e-5 && quarterMove < cleanMove); // gated at half strength
        QVERIFY(torch::allclose(after[2], before[2], 0, 1e-6));
        QVERIFY(torch::allclose(after[3], before[3], 0, 1e-6));
        const auto blindAlone = run(gated, x.narrow(0, 2, 2), conditions.narrow(0, 2, 2));
        QVERIFY(torch::allclose(blindAlone, before.narrow(0, 2, 2), 0, 1e-6));
    }

    void cleanBlocksNeedConditioningAndAreCounted()
    {
        auto c = presetConfig("tiny");
        c.cleanReconBlocks = 1;
        test::expectError([&] { c.validate(); }, ErrorCode::InvalidArgument, "clean_recon_blocks needs source_conditioned");
        c.sourceConditioned = true;
        c.cleanReconBlocks = -1;
        test::expectError([&] { c.validate(); }, ErrorCode::InvalidArgument, "clean_recon_blocks must be >= 0");
        c.cleanReconBlocks = 2;
        QVERIFY(ModelConfig::fromJson(c.toJson()) == c);
        auto old = nlohmann::json::parse(c.toJson());
        old.erase("clean_recon_blocks");
        QCOMPARE(ModelConfig::fromJson(old.dump()).cleanReconBlocks, 0);
        // Two 3x3 convolutions (weights and biases) per block, and their MACs in a stage of their own.
        auto without = c;
        without.cleanReconBlocks = 0;
        const auto more = computeModelStats(c, 2, 8, 8), fewer = computeModelStats(without, 2, 8, 8);
        const int64_t ch = c.featureChannels;
        QCOMPARE(more.parameters - fewer.parameters, int64_t{2 * 2 * (9 * ch * ch + ch)});
        QCOMPARE(more.stages.back().stage, std::string("clean-side reconstruction blocks"));
        QCOMPARE(more.stages.back().parameters, more.parameters - fewer.parameters);
        QVERIFY(more.macs > fewer.macs);
    }

    void badConditionsAreNamed()
    {
        DualXVSR net(conditionedTiny());
        test::expectError([&] { net->setSourceCondition(1.5); }, ErrorCode::InvalidArgument, "source condition must be in [0, 1]");
        test::expectError([&] { net->setSourceCondition(std::nan("")); }, ErrorCode::InvalidArgument, "source condition");
        test::expectError(
            [&] {
                run(net, torch::rand({2, 2, 3, 8, 8}), torch::zeros({3}));
            },
            ErrorCode::InvalidArgument, "one value per clip (2)");
    }

    void configAndStatsCarryIt()
    {
        const auto c = conditionedTiny();
        QVERIFY(ModelConfig::fromJson(c.toJson()) == c);
        auto old = nlohmann::json::parse(c.toJson());
        old.erase("source_conditioned");
        QVERIFY(!ModelConfig::fromJson(old.dump()).sourceConditioned);
        // 2 x (gamma, beta) over the feature channels and 1 x over the token width.
        const auto plain = computeModelStats(presetConfig("tiny"), 2, 8, 8), more = computeModelStats(c, 2, 8, 8);
        QCOMPARE(more.parameters - plain.parameters, int64_t{2 * (2 * c.featureChannels + c.embedDim)});
        int64_t staged = 0;
        for (const auto& s : more.stages) staged += s.parameters;
        QCOMPARE(staged, more.parameters);
    }
};

QTEST_APPLESS_MAIN(TestModelSourceCondition)
#include "test_model_source_condition.moc"
