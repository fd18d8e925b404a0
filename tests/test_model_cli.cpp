// The dualx CLI's model commands, run as a user would run them.
#include "test_support.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

dualx::test::CliRun runDualx(const QStringList& args) { return dualx::test::runCli(QStringLiteral(DUALX_CLI_PATH), args); }

} // namespace

class TestModelCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void paperParameterCount()
    {
        const auto r = runDualx({"model-info", "--preset", "paper", "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto j = QJsonDocument::fromJson(r.out).object();
        const double params = j["parameters"].toDouble();
        QVERIFY2(std::abs(params - 127.95e6) / 127.95e6 < 0.01, QByteArray::number(params).constData());
        QVERIFY(j["macs"].toDouble() > 0);
        QCOMPARE(j["input"].toObject()["frames"].toInt(), 16);

        const auto text = runDualx({"model-info", "--preset", "paper"});
        QVERIFY(text.out.contains("parameters:  127801347 (127.80 M)"));
        QVERIFY(text.out.contains("VTAB x6"));
    }

    void benchReportsTimeAndMemory()
    {
        const auto r = runDualx({"bench", "--preset", "tiny", "--size", "24x16", "--frames", "4", "--json", "--threads", "1"});
        QCOMPARE(r.exitCode, 0);
        const auto j = QJsonDocument::fromJson(r.out).object();
        QVERIFY(j["ms_per_frame"].toDouble() > 0);
        QVERIFY(j["peak_memory_mb"].toDouble() > 1);
        QCOMPARE(j["threads"].toInt(), 1);
        QCOMPARE(j["width"].toInt(), 24);
    }

    void benchTilesAsTheJobDoes()
    {
        // --tile auto takes the job's CPU default for an MSE model (112 px), so a 160-wide clip
        // needs two tiles across; the clip's 6 frames go through windows of 4 overlapping 1.
        const auto r = runDualx({"bench", "--preset", "tiny", "--size", "160x24", "--frames", "4", "--tile", "auto", "--frame-overlap", "1",
                                 "--clip", "6", "--json", "--threads", "1"});
        QCOMPARE(r.exitCode, 0);
        const auto j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j["tile"].toInt(), 112);
        // Two tiles across are balanced to 88 px each (16 shared); the 24 rows fit one.
        QCOMPARE(j["tiles_per_window"].toInt(), 2);
        QCOMPARE(j["tile_width"].toInt(), 88);
        QCOMPARE(j["tile_height"].toInt(), 24);
        QCOMPARE(j["windows"].toInt(), 2);
        QCOMPARE(j["frames_timed"].toInt(), 6);
        QVERIFY(j["ms_per_frame"].toDouble() > 0);
    }

    void benchMeasuresThePeakMatrixRate()
    {
        const auto r = runDualx({"bench", "--peak", "--json", "--threads", "1"});
        QCOMPARE(r.exitCode, 0);
        const auto j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j["threads"].toInt(), 1);
        // Any x86-64 or ARM core of the last decade does more than 1 GFLOP/s in float products,
        // and none does a TFLOP/s on one thread: outside that the timing itself is wrong.
        QVERIFY2(j["gflops"].toDouble() > 1 && j["gflops"].toDouble() < 1000, qPrintable(r.out));
    }

    void benchTimesATrainingStep()
    {
        const auto r = runDualx(
            {"bench", "--preset", "tiny", "--train", "--batch", "2", "--crop", "8", "--frames", "3", "--json", "--threads", "1"});
        QCOMPARE(r.exitCode, 0);
        const auto j = QJsonDocument::fromJson(r.out).object();
        QVERIFY(j["seconds_per_step"].toDouble() > 0);
        QCOMPARE(j["batch"].toInt(), 2);
        QCOMPARE(j["lr_crop"].toInt(), 8);
        QVERIFY(qAbs(j["clips_per_second"].toDouble() * j["seconds_per_step"].toDouble() - 2.0) < 1e-6);

        const auto bad = runDualx({"bench", "--preset", "tiny", "--train", "--batch", "0"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("batch"));
    }

    void errorsAreOneClearLine()
    {
        auto r = runDualx({"model-info", "/no/such/model.safetensors"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("does not exist"));
        QCOMPARE(r.err.count('\n'), 1);

        r = runDualx({"model-info", "--preset", "gigantic"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown model preset 'gigantic'"));

        r = runDualx({"bench", "--preset", "tiny", "--size", "12by8"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("WIDTHxHEIGHT"));

        r = runDualx({"bench", "--preset", "tiny", "--frobnicate"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown option --frobnicate"));

        QTemporaryDir dir;
        const QString text = dir.filePath("notes.safetensors");
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are not weights, just a text file with a misleading name\n");
        f.close();
        r = runDualx({"model-info", text});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("not a valid safetensors file"));
    }
};

QTEST_APPLESS_MAIN(TestModelCli)
#include "test_model_cli.moc"
