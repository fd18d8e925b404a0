// Attention kernels: the memory-bounded paths give the plain path's result.
#include "model/attention.h"
#include "model/cpu_attention.h"
#include "test_support.h"

using namespace dualx;
using namespace dualx::model;

class TestModelAttention : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chunkedEqualsPlain_data()
    {
        QTest::addColumn<int>("sequences");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("budget");
        QTest::newRow("batch chunks") << 6 << 40 << 4000;  // several whole sequences per chunk
        QTest::newRow("query chunks") << 3 << 200 << 1000; // 5 query rows per chunk
        QTest::newRow("one row") << 2 << 300 << 10;        // budget below one row: 1 query at a time
        QTest::newRow("no chunking") << 2 << 16 << 100000;
    }

    void chunkedEqualsPlain()
    {
        QFETCH(int, sequences);
        QFETCH(int, length);
        QFETCH(int, budget);
        torch::manual_seed(4);
        auto q = torch::randn({sequences, 3, length, 8}), k = torch::randn({sequences, 3, length, 8});
        auto v = torch::randn({sequences, 3, length, 8});
        const auto plain = attend(q, k, v, {AttentionKernel::Plain, 0});
        const auto chunked = attend(q, k, v, {AttentionKernel::Chunked, budget});
        QCOMPARE(chunked.sizes(), plain.sizes());
        const double maxError = (chunked - plain).abs().max().item<double>();
        QVERIFY2(maxError < 1e-5, std::to_string(maxError).c_str());
    }

    void fusedEqualsPlain()
    {
        if (!fusedAttentionAvailable()) QSKIP("LibTorch < 2.0 has no scaled_dot_product_attention");
        torch::manual_seed(5);
        auto q = torch::randn({2, 4, 50, 16}), k = torch::randn({2, 4, 50, 16}), v = torch::randn({2, 4, 50, 16});
        const auto error = (attend(q, k, v, {AttentionKernel::Fused, 0}) - attend(q, k, v, {AttentionKernel::Plain, 0}));
        QVERIFY(error.abs().max().item<double>() < 1e-5);
    }

    void fusedIsRefusedWhereMissing()
    {
        if (fusedAttentionAvailable()) QSKIP("this LibTorch has fused attention");
        auto q = torch::randn({1, 1, 4, 8});
        test::expectError([&] { attend(q, q, q, {AttentionKernel::Fused, 0}); }, ErrorCode::InvalidArgument, "LibTorch >= 2.0");
    }

    void moduleGivesTheSameResultWithEveryKernel()
    {
        torch::manual_seed(6);
        auto settings = std::make_shared<AttentionSettings>();
        MultiHeadSelfAttention attention(24, 2, 8, settings);
        auto x = torch::randn({3, 60, 24});
        auto rope = buildRotaryTables(gridPositions({6, 10}), 8, 10000.0, torch::kCPU, torch::kFloat32);
        settings->kernel = AttentionKernel::Plain;
        const auto plain = attention->forward(x, &rope);
        settings->kernel = AttentionKernel::Chunked;
        settings->maxScoreElements = 200;
        const auto chunked = attention->forward(x, &rope);
        QVERIFY((plain - chunked).abs().max().item<double>() < 1e-5);
    }

    void cpuEqualsPlain_data()
    {
        QTest::addColumn<int>("sequences");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<bool>("rotary");
        QTest::newRow("temporal rows") << 5 << 2 << 16 << 16 << true; // the small network's temporal attention
        QTest::newRow("axial rows") << 2 << 2 << 96 << 32 << true;
        QTest::newRow("odd length") << 3 << 1 << 37 << 32 << true; // neither 4 queries nor 16 keys divide it
        QTest::newRow("one token") << 2 << 3 << 1 << 8 << true;
        QTest::newRow("wide heads") << 1 << 2 << 21 << 64 << false;
        QTest::newRow("no rotation") << 4 << 2 << 16 << 16 << false;
    }

    // The cache-resident CPU kernel gives the reference result, rotation included, from the
    // strided q/k/v views the attention module passes it.
    void cpuEqualsPlain()
    {
        QFETCH(int, sequences);
        QFETCH(int, heads);
        QFETCH(int, length);
        QFETCH(int, headDim);
        QFETCH(bool, rotary);
        torch::manual_seed(7);
        torch::NoGradGuard noGrad;
        // As the module makes them: one [S, L, 3, heads, d] projection, permuted.
        const auto qkv = torch::randn({sequences, length, 3, heads, headDim}).permute({2, 0, 3, 1, 4});
        const auto q = qkv[0], k = qkv[1], v = qkv[2];
        const auto rope = buildRotaryTables(gridPositions({length}), headDim, 10000.0, torch::kCPU, torch::kFloat32);
        const RotaryTables* tables = rotary ? &rope : nullptr;
        QVERIFY(cpuFusedAttentionApplies(q, k, v));
        const auto reference = rotary ? attend(applyRotary(q, rope), applyRotary(k, rope), v, {AttentionKernel::Plain, 0})
                                      : attend(q, k, v, {AttentionKernel::Plain, 0});
        const auto cpu = attend(q, k, v, {AttentionKernel::Cpu, 0}, tables);
        QCOMPARE(cpu.sizes(), reference.sizes());
        const double maxError = (cpu - reference).abs().max().item<double>();
        QVERIFY2(maxError < 1e-5, std::to_string(maxError).c_str());
        // Merging the heads afterwards is a view, not a copy.
        QVERIFY(cpu.transpose(1, 2).is_contiguous());
    }

    // Auto takes the CPU kernel for inference only: where a gradient is wanted the module still
    // runs LibTorch's operators, so training keeps its backward pass.
    void autoUsesTheCpuKernelForInferenceOnly()
    {
        QCOMPARE(resolveAttentionKernel(AttentionKernel::Auto, true), AttentionKernel::Cpu);
        QVERIFY(resolveAttentionKernel(AttentionKernel::Auto, false) != AttentionKernel::Cpu);
        QCOMPARE(resolveAttentionKernel(AttentionKernel::Chunked, true), AttentionKernel::Chunked);

        torch::manual_seed(8);
        auto settings = std::make_shared<AttentionSettings>();
        MultiHeadSelfAttention attention(32, 2, 16, settings);
        auto rope = buildRotaryTables(gridPositions({4, 5}), 16, 10000.0, torch::kCPU, torch::kFloat32);
        auto x = torch::randn({3, 20, 32}, torch::requires_grad());
        const auto trained = attention->forward(x, &rope);
        trained.sum().backward();
        QVERIFY(x.grad().defined() && x.grad().abs().sum().item<double>() > 0);
        torch::Tensor inferred;
        {
            torch::NoGradGuard noGrad;
            inferred = attention->forward(x, &rope);
        }
        QVERIFY((inferred - trained.detach()).abs().max().item<double>() < 1e-5);
        const auto q = torch::randn({1, 1, 4, 16}, torch::requires_grad());
        QVERIFY(!cpuFusedAttentionApplies(q, q, q));
    }

    void cpuKernelRefusesWhatItCannotRun()
    {
        torch::NoGradGuard noGrad;
        const auto doubles = torch::randn({1, 1, 4, 8}, torch::kFloat64);
        test::expectError([&] { attend(doubles, doubles, doubles, {AttentionKernel::Cpu, 0}); }, ErrorCode::InvalidArgument, "float32");
        const auto oddHeads = torch::randn({1, 1, 4, 12});
        QVERIFY(!cpuFusedAttentionApplies(oddHeads, oddHeads, oddHeads));
        test::expectError(
            [&] {
                attend(oddHeads, oddHeads, oddHeads, {AttentionKernel::Cpu, 0});
            },
            ErrorCode::InvalidArgument, "d one of 8, 16, 32, 64");
        // Auto falls back to LibTorch's operators for such heads.
        const auto reference = attend(oddHeads, oddHeads, oddHeads, {AttentionKernel::Plain, 0});
        QVERIFY((attend(oddHeads, oddHeads, oddHeads, {}) - reference).abs().max().item<double>() < 1e-5);
    }

    void kernelNames()
    {
        for (auto k :
             {AttentionKernel::Auto, AttentionKernel::Plain, AttentionKernel::Chunked, AttentionKernel::Fused, AttentionKernel::Cpu})
            QVERIFY(attentionKernelFromName(attentionKernelName(k)) == k);
        test::expectError([] { attentionKernelFromName("flash"); }, ErrorCode::InvalidArgument, "'flash'");
    }
};

QTEST_APPLESS_MAIN(TestModelAttention)
#include "test_model_attention.moc"
