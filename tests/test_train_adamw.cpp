// Our AdamW matches LibTorch's, and its state survives a save/restore exactly.
#include "test_support.h"
#include "train/adamw.h"

#include <torch/optim/adamw.h>

using namespace dualx::train;

class TestTrainAdamw : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesLibTorch()
    {
        torch::manual_seed(1);
        auto target = torch::randn({5, 4});
        auto ours = torch::randn({5, 4}).requires_grad_(true);
        auto theirs = ours.detach().clone().requires_grad_(true);
        AdamW mine({{"w", ours}}, {1e-2, 0.9, 0.99, 1e-8, 0.05});
        torch::optim::AdamW reference({theirs}, torch::optim::AdamWOptions(1e-2).betas({0.9, 0.99}).eps(1e-8).weight_decay(0.05));
        for (int i = 0; i < 20; ++i) {
            mine.zeroGrad();
            (ours - target).pow(2).sum().backward();
            mine.step(1e-2);
            reference.zero_grad();
            (theirs - target).pow(2).sum().backward();
            reference.step();
        }
        QVERIFY((ours - theirs).abs().max().item<double>() < 1e-6);
        QCOMPARE(mine.stepCount(), int64_t{20});
    }

    void stateRoundTrip()
    {
        auto a = torch::randn({3}).requires_grad_(true);
        AdamW first({{"a", a}}, {});
        a.sum().backward();
        first.step(1e-3);
        std::map<std::string, torch::Tensor> saved;
        for (auto& [k, v] : first.state()) saved[k] = v.clone();

        auto b = a.detach().clone().requires_grad_(true);
        AdamW second({{"a", b}}, {});
        second.loadState(saved, first.stepCount());
        a.mutable_grad().fill_(0.5);
        b.mutable_grad() = torch::full({3}, 0.5);
        first.step(1e-3);
        second.step(1e-3);
        QVERIFY(torch::equal(a, b));
        saved.erase("exp_avg.a");
        dualx::test::expectError([&] { second.loadState(saved, 1); }, dualx::ErrorCode::WeightMismatch, "exp_avg.a");
    }

    void clipping()
    {
        auto p = torch::zeros({4}).requires_grad_(true);
        (p * torch::tensor({3.0f, 4.0f, 0.0f, 0.0f})).sum().backward();
        const double norm = clipGradNorm({{"p", p}}, 1.0);
        QVERIFY(std::abs(norm - 5.0) < 1e-6);
        QVERIFY(std::abs(p.grad().norm().item<double>() - 1.0) < 1e-4);
    }
};

QTEST_APPLESS_MAIN(TestTrainAdamw)
#include "test_train_adamw.moc"
