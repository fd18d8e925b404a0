// DualX weight files: the network survives a save/load, and every mismatch is named.
#include "dualx/weights.h"
#include "model/weights.h"
#include "test_support.h"

#include <QTemporaryDir>

using namespace dualx;
using namespace dualx::model;

namespace {

torch::Tensor forward(DualXVSR& net, const torch::Tensor& x)
{
    torch::InferenceMode guard;
    net->eval();
    return net->forward(x);
}

NamedTensors stateOf(DualXVSR& net)
{
    NamedTensors tensors;
    for (const auto& item : net->named_parameters()) tensors.emplace_back(item.key(), item.value().detach().clone());
    return tensors;
}

Metadata dualxMetadata(const ModelConfig& config)
{
    return {{metadata_keys::kFormat, kWeightFormat}, {metadata_keys::kConfig, config.toJson()}, {metadata_keys::kVariant, "mse"}};
}

} // namespace

class TestModelWeights : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void saveLoadReproducesTheNetwork()
    {
        torch::manual_seed(8);
        DualXVSR net(presetConfig("tiny"));
        saveModelWeights(*net, path("m.safetensors"), "mse", {{"dualx.iterations", "123"}});
        auto loaded = loadModelWeights(path("m.safetensors"));
        QVERIFY(loaded->config() == net->config());
        auto x = torch::rand({1, 3, 3, 9, 11});
        QVERIFY(torch::equal(forward(net, x), forward(loaded, x)));

        const auto info = inspectWeightFile(path("m.safetensors"));
        QCOMPARE(info.variant, std::string("mse"));
        QCOMPARE(info.storageDtype, std::string("F32"));
        QCOMPARE(info.metadata.at("dualx.iterations"), std::string("123"));
        int64_t parameters = 0;
        for (const auto& p : net->parameters()) parameters += p.numel();
        QCOMPARE(info.parameters, parameters);
    }

    void halfPrecisionStorage()
    {
        torch::manual_seed(9);
        DualXVSR net(presetConfig("tiny"));
        saveModelWeights(*net, path("h.safetensors"), "gan", {}, torch::kFloat16);
        QCOMPARE(inspectWeightFile(path("h.safetensors")).storageDtype, std::string("F16"));
        auto loaded = loadModelWeights(path("h.safetensors"));
        auto x = torch::rand({1, 2, 3, 8, 8});
        QVERIFY((forward(net, x) - forward(loaded, x)).abs().max().item<double>() < 1e-2);
    }

    void missingTensorIsNamed()
    {
        DualXVSR net(presetConfig("tiny"));
        auto tensors = stateOf(net);
        tensors.erase(std::find_if(tensors.begin(), tensors.end(), [](const auto& e) { return e.first == "token_embed.bias"; }));
        writeSafetensors(path("missing.safetensors"), tensors, dualxMetadata(net->config()));
        test::expectError([&] { loadModelWeights(path("missing.safetensors")); }, ErrorCode::WeightMismatch,
                          "missing tensors: token_embed.bias");
    }

    void extraTensorIsNamed()
    {
        DualXVSR net(presetConfig("tiny"));
        auto tensors = stateOf(net);
        tensors.emplace_back("decoder.surprise", torch::ones({2}));
        writeSafetensors(path("extra.safetensors"), tensors, dualxMetadata(net->config()));
        test::expectError([&] { loadModelWeights(path("extra.safetensors")); }, ErrorCode::WeightMismatch,
                          "unexpected tensors: decoder.surprise");
    }

    void misShapedTensorIsNamed()
    {
        DualXVSR net(presetConfig("tiny"));
        auto tensors = stateOf(net);
        for (auto& [name, t] : tensors)
            if (name == "conv_in.weight") t = torch::zeros({8, 3, 5, 5});
        writeSafetensors(path("shape.safetensors"), tensors, dualxMetadata(net->config()));
        test::expectError([&] { loadModelWeights(path("shape.safetensors")); }, ErrorCode::WeightMismatch,
                          "wrong shape: conv_in.weight (file [8, 3, 5, 5], network [8, 3, 3, 3])");
    }

    void misTypedTensorIsNamed()
    {
        DualXVSR net(presetConfig("tiny"));
        auto tensors = stateOf(net);
        for (auto& [name, t] : tensors)
            if (name == "conv_in.bias") t = t.to(torch::kInt32);
        writeSafetensors(path("dtype.safetensors"), tensors, dualxMetadata(net->config()));
        test::expectError([&] { loadModelWeights(path("dtype.safetensors")); }, ErrorCode::WeightMismatch,
                          "wrong dtype: conv_in.bias (Int");
    }

    void growingAddsIdentityBlocks()
    {
        // A trained network grown by residual reconstruction blocks computes exactly what it did.
        torch::manual_seed(10);
        DualXVSR net(presetConfig("tiny"));
        auto tensors = stateOf(net);
        auto grownConfig = presetConfig("tiny");
        grownConfig.reconBlocks = 2;
        DualXVSR grown(grownConfig);
        QCOMPARE(loadTensorsGrowing(*grown, tensors, "tiny"), 2);
        auto x = torch::rand({1, 3, 3, 10, 12});
        QVERIFY(torch::allclose(forward(net, x), forward(grown, x), 0, 1e-6));
        // Strict loading still names the blocks as missing, and the grown weights do not fit
        // back into the smaller network.
        DualXVSR again(grownConfig);
        test::expectError([&] { loadTensorsInto(*again, tensors, "tiny"); }, ErrorCode::WeightMismatch,
                          "missing tensors: recon_blocks.0.conv1.bias");
        test::expectError([&] { loadTensorsGrowing(*net, stateOf(grown), "grown"); }, ErrorCode::WeightMismatch,
                          "unexpected tensors: recon_blocks.0.conv1.weight");
        // Growing never excuses anything else that is missing.
        tensors.erase(std::find_if(tensors.begin(), tensors.end(), [](const auto& e) { return e.first == "conv_in.bias"; }));
        test::expectError([&] { loadTensorsGrowing(*again, tensors, "tiny"); }, ErrorCode::WeightMismatch, "missing tensors: conv_in.bias");
    }

    void notADualxFile()
    {
        writeSafetensors(path("other.safetensors"), {{"a", torch::ones({1})}}, {{"format", "pt"}});
        test::expectError([&] { loadModelWeights(path("other.safetensors")); }, ErrorCode::WeightMismatch, "not a DualX-VSR weight file");
        test::expectError([&] { inspectWeightFile(path("other.safetensors")); }, ErrorCode::WeightMismatch, "not a DualX-VSR weight file");
    }

    void unusableConfig()
    {
        DualXVSR net(presetConfig("tiny"));
        auto metadata = dualxMetadata(net->config());
        metadata[metadata_keys::kConfig] = R"({"preset": "tiny"})";
        writeSafetensors(path("cfg.safetensors"), stateOf(net), metadata);
        test::expectError([&] { loadModelWeights(path("cfg.safetensors")); }, ErrorCode::WeightMismatch, "unusable config");
        metadata = dualxMetadata(net->config());
        metadata[metadata_keys::kFormat] = "dualx-vsr-weights/99";
        writeSafetensors(path("fmt.safetensors"), stateOf(net), metadata);
        test::expectError([&] { loadModelWeights(path("fmt.safetensors")); }, ErrorCode::WeightMismatch, "weights/99");
    }

    void corruptFileIsNotACrash()
    {
        DualXVSR net(presetConfig("tiny"));
        saveModelWeights(*net, path("c.safetensors"), "mse", {});
        std::filesystem::resize_file(path("c.safetensors"), std::filesystem::file_size(path("c.safetensors")) / 2);
        test::expectError([&] { loadModelWeights(path("c.safetensors")); }, ErrorCode::CorruptFile, "truncated");
    }
};

QTEST_APPLESS_MAIN(TestModelWeights)
#include "test_model_weights.moc"
