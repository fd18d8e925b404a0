// Attention kernels: the memory-bounded paths give the plain path's result.
#include "model/attention.h"
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

    void kernelNames()
    {
        for (auto k : {AttentionKernel::Auto, AttentionKernel::Plain, AttentionKernel::Chunked, AttentionKernel::Fused})
            QVERIFY(attentionKernelFromName(attentionKernelName(k)) == k);
        test::expectError([] { attentionKernelFromName("flash"); }, ErrorCode::InvalidArgument, "'flash'");
    }
};

QTEST_APPLESS_MAIN(TestModelAttention)
#include "test_model_attention.moc"
