// RoPE: attention scores between rotated queries and keys depend only on position differences.
#include "model/rope.h"
#include "test_support.h"

using namespace dualx::model;

namespace {

// Score between q at position u and k at position v (positions are [A] vectors).
double score(const torch::Tensor& q, const torch::Tensor& k, const std::vector<double>& u, const std::vector<double>& v)
{
    auto pos = torch::tensor(u, torch::kFloat64).unsqueeze(0);
    auto posK = torch::tensor(v, torch::kFloat64).unsqueeze(0);
    auto tq = buildRotaryTables(pos, q.size(-1), 10000.0, torch::kCPU, torch::kFloat64);
    auto tk = buildRotaryTables(posK, k.size(-1), 10000.0, torch::kCPU, torch::kFloat64);
    return (applyRotary(q.unsqueeze(0), tq) * applyRotary(k.unsqueeze(0), tk)).sum().item<double>();
}

} // namespace

class TestModelRope : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scoreDependsOnlyOnOffset1D()
    {
        torch::manual_seed(1);
        auto q = torch::randn({64}, torch::kFloat64), k = torch::randn({64}, torch::kFloat64);
        const double reference = score(q, k, {3}, {7});
        for (double shift : {1.0, 5.0, 40.0, 1000.0}) QVERIFY(std::abs(score(q, k, {3 + shift}, {7 + shift}) - reference) < 1e-9);
        // A different offset gives a different score: positions really are encoded.
        QVERIFY(std::abs(score(q, k, {3}, {8}) - reference) > 1e-3);
    }

    void scoreDependsOnlyOnOffset2D()
    {
        torch::manual_seed(2);
        auto q = torch::randn({32}, torch::kFloat64), k = torch::randn({32}, torch::kFloat64);
        const double reference = score(q, k, {1, 2}, {4, 9});
        for (auto [dt, dh] : {std::pair{1.0, 0.0}, {0.0, 3.0}, {7.0, 11.0}})
            QVERIFY(std::abs(score(q, k, {1 + dt, 2 + dh}, {4 + dt, 9 + dh}) - reference) < 1e-9);
        // Both axes matter independently.
        QVERIFY(std::abs(score(q, k, {1, 2}, {5, 9}) - reference) > 1e-3);
        QVERIFY(std::abs(score(q, k, {1, 2}, {4, 10}) - reference) > 1e-3);
    }

    void rotationPreservesNorm()
    {
        torch::manual_seed(3);
        auto x = torch::randn({5, 12, 16}, torch::kFloat64);
        auto tables = buildRotaryTables(gridPositions({3, 4}), 16, 10000.0, torch::kCPU, torch::kFloat64);
        auto y = applyRotary(x, tables);
        QVERIFY(torch::allclose(y.norm(2, -1), x.norm(2, -1), 1e-12, 1e-12));
        // Position 0 on every axis is the identity.
        QVERIFY(torch::allclose(y.select(1, 0), x.select(1, 0)));
    }

    void gridPositionsAreRowMajor()
    {
        auto p = gridPositions({2, 3});
        QCOMPARE(p.size(0), 6);
        QCOMPARE(p[4][0].item<double>(), 1.0); // index 4 = (t 1, h 1)
        QCOMPARE(p[4][1].item<double>(), 1.0);
        QCOMPARE(p[2][1].item<double>(), 2.0);
    }

    void headDimMustFitTheAxes()
    {
        dualx::test::expectError(
            [] {
                buildRotaryTables(gridPositions({2, 2}), 6, 10000.0, torch::kCPU, torch::kFloat32);
            },
            dualx::ErrorCode::InvalidArgument, "not divisible");
    }
};

QTEST_APPLESS_MAIN(TestModelRope)
#include "test_model_rope.moc"
