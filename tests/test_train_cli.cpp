// The training-side CLI commands as a user runs them: dualx degrade.
#include "media_fixtures.h"
#include "test_support.h"
#include "video/video_frame_reader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

namespace {

dualx::test::CliRun runDualx(const QStringList& args) { return dualx::test::runCli(QStringLiteral(DUALX_CLI_PATH), args); }

QByteArray framesDigest(const std::string& path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto& f : dualx::video::readAllFrames(path))
        hash.addData(QByteArrayView(reinterpret_cast<const char*>(f.rgb.data()), static_cast<qsizetype>(f.rgb.size())));
    return hash.result();
}

} // namespace

class TestTrainCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char* name) { return m_dir.filePath(name); }

private Q_SLOTS:
    void degradeWritesAQuarterSizeClip()
    {
        QVERIFY(dualx::test::writeTestClip(path("in.mp4").toStdString(), 130, 98, 10)); // not divisible by 4: cropped
        auto r = runDualx({"degrade", path("in.mp4"), path("a.mkv"), "--seed", "3"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("10 frames of 32x24"));
        QVERIFY(r.out.contains("blur "));
        const auto frames = dualx::video::readAllFrames(path("a.mkv").toStdString());
        QCOMPARE(frames.size(), size_t{10});
        QCOMPARE(frames[0].width, 32);
        QCOMPARE(frames[0].height, 24);
        QVERIFY(!QFile::exists(path("a.mkv") + ".partial"));

        // Same seed, same clip; another seed, another degradation.
        QVERIFY(runDualx({"degrade", path("in.mp4"), path("b.mkv"), "--seed", "3"}).exitCode == 0);
        QCOMPARE(framesDigest(path("b.mkv").toStdString()), framesDigest(path("a.mkv").toStdString()));
        QVERIFY(runDualx({"degrade", path("in.mp4"), path("c.mkv"), "--seed", "4", "--frames", "6"}).exitCode == 0);
        QCOMPARE(dualx::video::readAllFrames(path("c.mkv").toStdString()).size(), size_t{6});
    }

    void degradeRejectsBadInput()
    {
        auto r = runDualx({"degrade", path("missing.mp4"), path("x.mkv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("missing.mp4"));
        QVERIFY(!QFile::exists(path("x.mkv")));
        r = runDualx({"degrade", path("only-one-argument.mp4")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("usage"));
    }
};

QTEST_APPLESS_MAIN(TestTrainCli)
#include "test_train_cli.moc"
