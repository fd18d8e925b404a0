// dualx upscale as scripts use it: folders mirrored, finished files skipped, JSON progress.
#include "media_fixtures.h"
#include "model/weights.h"
#include "test_support.h"
#include "video/video_frame_reader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>

using namespace dualx;

namespace {

struct Run {
    int exitCode;
    QByteArray out, err;
};

Run upscale(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(DUALX_CLI_PATH), QStringList{"upscale"} + args);
    p.waitForFinished(300'000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class TestPipelineCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char* name) { return m_dir.filePath(name); }
    QStringList common()
    {
        return {"--model", path("tiny.safetensors"), "--preset", "archive-ffv1", "--tile", "32",        "--frames",
                "4",       "--frame-overlap",        "1",        "--device",     "cpu",    "--threads", "1"};
    }

private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(1);
        model::DualXVSR net(presetConfig("tiny"));
        model::saveModelWeights(*net, path("tiny.safetensors").toStdString(), "mse", {});
        std::filesystem::create_directories(path("videos/trip").toStdString());
        QVERIFY(test::writeTestClip(path("videos/a.mp4").toStdString(), 24, 16, 5));
        QVERIFY(test::writeTestClip(path("videos/trip/b.mp4").toStdString(), 20, 16, 4));
        std::ofstream(path("videos/trip/broken.mp4").toStdString()) << "not a video";
        std::ofstream(path("videos/notes.txt").toStdString()) << "ignored: not a video name";
    }

    // The home-video options: a bad value is one clear line and exit 2; probe says what a file is.
    void homeVideoOptionsAndProbe()
    {
        auto r = upscale(QStringList{path("videos/a.mp4"), "-o", path("dein.mkv"), "--deinterlace", "yadif"} + common());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("deinterlace must be auto, field, frame or off, not 'yadif'"), r.err.constData());
        QVERIFY(!QFile::exists(path("dein.mkv")));
        r = upscale(QStringList{path("videos/a.mp4"), "-o", path("square.mkv"), "--square-pixels", "--bake-rotation", "--deinterlace",
                                "off", "--progress", "none"}
                    + common());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::exists(path("square.mkv")));

        QProcess p;
        p.start(QStringLiteral(DUALX_CLI_PATH), {"probe", path("videos/a.mp4"), "--json"});
        p.waitForFinished(60'000);
        QCOMPARE(p.exitCode(), 0);
        const auto j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(j["width"].toInt(), 24);
        QCOMPARE(j["display_aspect"].toString(), QString("3:2"));
        QCOMPARE(j["rotation"].toInt(), 0);
        QVERIFY(!j["scan"].toString().isEmpty());
        p.start(QStringLiteral(DUALX_CLI_PATH), {"probe", path("videos/trip/broken.mp4")});
        p.waitForFinished(60'000);
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("broken.mp4"));
    }

    void folderIsMirroredAndFinishedFilesAreSkipped()
    {
        auto r = upscale(QStringList{path("videos"), "-o", path("out"), "--progress", "json"} + common());
        QCOMPARE(r.exitCode, 2); // broken.mp4 failed, the others were done
        QVERIFY(r.err.contains("broken.mp4"));
        QVERIFY(r.err.contains("1 of 3 file(s) failed"));
        QVERIFY(QFile::exists(path("out/videos/a.mkv")));
        QVERIFY(QFile::exists(path("out/videos/trip/b.mkv")));
        QVERIFY(!QFile::exists(path("out/videos/trip/broken.mkv")));
        QVERIFY(!QFile::exists(path("out/videos/notes.mkv")));
        int done = 0;
        for (const auto& line : r.out.split('\n')) {
            if (line.isEmpty()) continue;
            const auto j = QJsonDocument::fromJson(line).object();
            QVERIFY2(!j.isEmpty(), line.constData()); // every line is JSON
            if (j["done"].toBool()) ++done;
        }
        QCOMPARE(done, 2);

        r = upscale(QStringList{path("videos"), "-o", path("out"), "--progress", "none"} + common());
        QVERIFY(r.out.contains("skipped"));
        QCOMPARE(r.out.count("skipped"), 2);
    }

    void fullDiskIsReportedAndLeavesNothing()
    {
        // A 64 KiB file-size limit stands in for a full disk: the lossless output outgrows it.
        QProcess p;
        p.start("prlimit",
                QStringList{"--fsize=65536", QStringLiteral(DUALX_CLI_PATH), "upscale", path("videos/a.mp4"), "-o", path("full.mkv")}
                    + common());
        p.waitForFinished(300'000);
        QCOMPARE(p.exitCode(), 2);
        const auto err = p.readAllStandardError();
        QVERIFY2(err.contains("disk full or file size limit"), err.constData());
        QVERIFY(!QFile::exists(path("full.mkv")));
        QVERIFY(!QFile::exists(path("full.mkv.partial")));
    }

    void killedJobResumesFrameExact()
    {
        // A clip long enough to be killed mid-way, with audio so the final mux has work too.
        QVERIFY(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=96x64:rate=10", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "6",
                                 "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", path("long.mkv")}));
        const QStringList options = common() + QStringList{"--segment-frames", "3", "--progress", "none"};
        auto r = upscale(QStringList{path("long.mkv"), "-o", path("whole.mkv")} + options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!QFile::exists(path("whole.mkv.dualx-job"))); // a finished job leaves no job folder

        // SIGKILL once two segments are journaled: no chance to clean up or flush anything.
        QVERIFY2(test::runUntilKilledAfterSegments(QStringLiteral(DUALX_CLI_PATH),
                                                   QStringList{"upscale", path("long.mkv"), "-o", path("resumed.mkv")} + options, 2),
                 "the job was not killed after its second segment");
        QVERIFY(!QFile::exists(path("resumed.mkv")));

        r = upscale(QStringList{path("long.mkv"), "-o", path("resumed.mkv")} + options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("resumed after frame"), r.out.constData());
        QVERIFY(!QFile::exists(path("resumed.mkv.dualx-job")));
        const auto whole = video::readAllFrames(path("whole.mkv").toStdString());
        const auto resumed = video::readAllFrames(path("resumed.mkv").toStdString());
        QCOMPARE(resumed.size(), size_t{60});
        QCOMPARE(resumed.size(), whole.size());
        for (size_t i = 0; i < whole.size(); ++i) {
            QCOMPARE(resumed[i].timeSeconds, whole[i].timeSeconds);
            QVERIFY2(resumed[i].rgb == whole[i].rgb, qPrintable(QString("frame %1 differs").arg(i)));
        }
        QVERIFY(r.out.contains("audio #1 (aac): copied"));
    }

    void phoneVideoForApplePlayers()
    {
        // A phone's QuickTime file with a timecode track: HEVC out in MP4 is tagged hvc1 (Apple's
        // players refuse FFmpeg's default hev1), the timecode is kept, and the encoders' own
        // banners (x265, SVT-AV1) stay off the terminal around the one-line report.
        QVERIFY(
            test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=32x24:rate=10", "-f", "lavfi", "-i", "sine=sample_rate=48000", "-t", "0.6",
                             "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-timecode", "10:00:00:00", path("phone.mov")}));
        QStringList options = common();
        options[options.indexOf("archive-ffv1")] = "hevc-10bit";
        auto r = upscale(QStringList{path("phone.mov"), "-o", path("phone.mp4"), "--progress", "none"} + options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("x265 ["), r.err.constData());
        QVERIFY2(r.out.contains("data #2 (tmcd): timecode 10:00:00:") && r.out.contains("kept on the video"), r.out.constData());
        QProcess probe;
        probe.start("ffprobe", {"-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_tag_string:stream_tags=timecode",
                                "-of", "default=noprint_wrappers=1", path("phone.mp4")});
        QVERIFY(probe.waitForFinished(60'000));
        const QByteArray said = probe.readAllStandardOutput();
        QVERIFY2(said.contains("codec_tag_string=hvc1") && said.contains("TAG:timecode=10:00:00:"), said.constData());
        QCOMPARE(video::readAllFrames(path("phone.mp4").toStdString()).size(), size_t{6});

        options[options.indexOf("hevc-10bit")] = "av1";
        r = upscale(QStringList{path("phone.mov"), "-o", path("phone-av1.mkv"), "--progress", "none"} + options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("Svt["), r.err.constData());
    }

    void lossyRunsAreReproducible()
    {
        // x264 reads memory it never wrote, and the engine reuses one heap for everything: the
        // encoder's allocations are kept free of what the network left there, so two runs of a
        // lossy job (or a resumed one) write the same frames.
        QVERIFY(test::runFfmpeg(
            {"-f", "lavfi", "-i", "testsrc2=size=112x64:rate=12", "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", path("lossy.mkv")}));
        const QStringList options{"--model", path("tiny.safetensors"), "--preset", "web-h264", "--tile", "32",         "--frames",
                                  "4",       "--frame-overlap",        "1",        "--device", "cpu",    "--progress", "none"};
        for (const char* output : {"lossy-1.mp4", "lossy-2.mp4"}) {
            const auto r = upscale(QStringList{path("lossy.mkv"), "-o", path(output)} + options);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const auto first = video::readAllFrames(path("lossy-1.mp4").toStdString());
        const auto second = video::readAllFrames(path("lossy-2.mp4").toStdString());
        QCOMPARE(first.size(), size_t{24});
        QCOMPARE(second.size(), first.size());
        for (size_t i = 0; i < first.size(); ++i) QVERIFY2(second[i].rgb == first[i].rgb, qPrintable(QString("frame %1 differs").arg(i)));
    }

    void changedEnsembleStartsAfresh()
    {
        // The self-ensemble changes every output byte: a job killed with one setting must not
        // be resumed with another, or the file would mix the two.
        QVERIFY(test::runFfmpeg(
            {"-f", "lavfi", "-i", "testsrc2=size=96x64:rate=10", "-t", "4", "-c:v", "libx264", "-pix_fmt", "yuv420p", path("ens.mkv")}));
        const QStringList options = common() + QStringList{"--segment-frames", "3", "--progress", "none"};
        QVERIFY2(test::runUntilKilledAfterSegments(QStringLiteral(DUALX_CLI_PATH),
                                                   QStringList{"upscale", path("ens.mkv"), "-o", path("ens-out.mkv")} + options, 2),
                 "the job was not killed after its second segment");

        auto r = upscale(QStringList{path("ens.mkv"), "-o", path("ens-out.mkv"), "--ensemble", "2"} + options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("earlier progress not used: the input, model or settings changed"), r.out.constData());
        QVERIFY(!r.out.contains("resumed after frame"));
        QVERIFY(!QFile::exists(path("ens-out.mkv.dualx-job")));
        r = upscale(QStringList{path("ens.mkv"), "-o", path("ens-fresh.mkv"), "--ensemble", "2"} + options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto restarted = video::readAllFrames(path("ens-out.mkv").toStdString());
        const auto fresh = video::readAllFrames(path("ens-fresh.mkv").toStdString());
        QCOMPARE(restarted.size(), size_t{40});
        QCOMPARE(restarted.size(), fresh.size());
        for (size_t i = 0; i < fresh.size(); ++i)
            QVERIFY2(restarted[i].rgb == fresh[i].rgb, qPrintable(QString("frame %1 differs").arg(i)));
    }

    void singleFileErrorsAreOneLine()
    {
        auto r = upscale(QStringList{path("missing.mp4"), "-o", path("x.mkv")} + common());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("missing.mp4"));
        QVERIFY(!QFile::exists(path("x.mkv")));
        // A shipped model that is not there (an empty model folder) is named, not a crash.
        std::filesystem::create_directories(path("no-models").toStdString());
        qputenv("DUALX_MODEL_DIR", path("no-models").toUtf8());
        r = upscale(QStringList{path("videos/a.mp4"), "-o", path("y.mkv"), "--model", "gan", "--preset", "archive-ffv1"});
        qunsetenv("DUALX_MODEL_DIR");
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("dualx-small-gan.safetensors"));
        r = upscale(QStringList{path("videos/a.mp4"), "-o", path("y.mkv"), "--preset", "betamax"}
                    + QStringList{"--model", path("tiny.safetensors")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown preset 'betamax'"));
        r = upscale(QStringList{path("videos/a.mp4"), "-o", path("z.mkv"), "--ensemble", "5"} + common());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("1, 2, 4, 8 or 16 copies, not 5"), r.err.constData());
        QVERIFY(!QFile::exists(path("z.mkv")));
    }

    void aNamedPipeIsRefusedNotWaitedOn()
    {
        // A FIFO with no writer blocks open() forever; it must be refused before anything opens it.
        const auto fifo = path("live.mp4").toStdString();
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        QProcess p;
        p.start(QStringLiteral(DUALX_CLI_PATH), QStringList{"upscale", path("live.mp4"), "-o", path("live-out.mkv")} + common());
        const bool finished = p.waitForFinished(60'000);
        if (!finished) p.kill();
        QVERIFY2(finished, "dualx upscale waited on a FIFO");
        QCOMPARE(p.exitCode(), 2);
        const auto err = p.readAllStandardError();
        QVERIFY2(err.contains("named pipe") && err.contains("live.mp4"), err.constData());
        QCOMPARE(err.count('\n'), 1);
        QVERIFY(!QFile::exists(path("live-out.mkv")));
        QVERIFY(!QFile::exists(path("live-out.mkv.dualx-job")));
        // The same for probing, which the app runs on every dropped file.
        p.start(QStringLiteral(DUALX_CLI_PATH), QStringList{"probe", path("live.mp4")});
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("named pipe"));
    }

    void selfEnsembleRunsEndToEnd()
    {
        const auto r
            = upscale(QStringList{path("videos/a.mp4"), "-o", path("ensemble.mkv"), "--ensemble", "4", "--progress", "none"} + common());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(video::readAllFrames(path("ensemble.mkv").toStdString()).size(),
                 video::readAllFrames(path("videos/a.mp4").toStdString()).size());
    }

    // `bench --preview` times the app's preview of a file's frame: the quick window, then the job's.
    void benchTimesThePreview()
    {
        QProcess p;
        p.start(QStringLiteral(DUALX_CLI_PATH), {"bench", "--preview", path("videos/a.mp4"), "--frame", "2", "--model",
                                                 path("tiny.safetensors"), "--threads", "1", "--json"});
        QVERIFY(p.waitForFinished(300'000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const auto j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(j["frame"].toInt(), 2);
        QCOMPARE(j["quick_window_frames"].toInt(), 5);
        QCOMPARE(j["window_frames"].toInt(), 16);
        QVERIFY(j["first_picture_seconds"].toDouble() > 0 && j["job_window_seconds"].toDouble() > 0);

        p.start(QStringLiteral(DUALX_CLI_PATH),
                {"bench", "--preview", path("videos/a.mp4"), "--frame", "99", "--model", path("tiny.safetensors")});
        QVERIFY(p.waitForFinished(300'000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(p.readAllStandardError().contains("frame 99 is past the end"), "a frame past the end is named");
    }
};

QTEST_APPLESS_MAIN(TestPipelineCli)
#include "test_pipeline_cli.moc"
