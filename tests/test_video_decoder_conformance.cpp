// Decoder conformance: small clips at awkward sizes in every codec a user may bring, decoded by
// VideoFrameReader and by the ffmpeg CLI with the same RGB conversion; the frames must match
// exactly. This is what caught Theora's garbage output (see the reader's frame copy).
#include "video/video_frame_reader.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <cstdlib>
#include <cstring>
#include <string>

using namespace dualx::video;

namespace {

QByteArray runFfmpegCapture(const QStringList& arguments, bool* ok)
{
    QProcess process;
    process.start("ffmpeg", QStringList{"-hide_banner", "-nostdin", "-v", "error", "-y"} + arguments);
    *ok = process.waitForStarted(10000) && process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit
          && process.exitCode() == 0;
    if (!*ok) qWarning("ffmpeg %s failed:\n%s", qPrintable(arguments.join(' ')), process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

} // namespace

class TestVideoDecoderConformance : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void decodedFramesMatchFfmpeg_data()
    {
        QTest::addColumn<QStringList>("encode");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("file");
        const QString odd = "161x91", archive = "214x160";
        QTest::newRow("theora 214x160") << QStringList{"-c:v", "libtheora", "-q:v", "6"} << archive << "a.ogv";
        QTest::newRow("theora 161x91") << QStringList{"-c:v", "libtheora", "-q:v", "6"} << odd << "b.ogv";
        QTest::newRow("vp8 161x91") << QStringList{"-c:v", "libvpx", "-deadline", "realtime"} << odd << "c.webm";
        QTest::newRow("vp9 214x160") << QStringList{"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"} << archive << "d.webm";
        QTest::newRow("av1 161x91") << QStringList{"-c:v", "libaom-av1", "-cpu-used", "8", "-crf", "40"} << odd << "e.mkv";
        QTest::newRow("mpeg2 214x160 interlaced")
            << QStringList{"-c:v", "mpeg2video", "-q:v", "4", "-flags", "+ildct+ilme", "-top", "1"} << archive << "f.mpg";
        QTest::newRow("mpeg4 asp 214x160") << QStringList{"-c:v", "mpeg4", "-q:v", "4", "-bf", "2"} << archive << "g.avi";
        QTest::newRow("h264 214x160") << QStringList{"-c:v", "libx264", "-pix_fmt", "yuv420p", "-bf", "3"} << archive << "h.mp4";
        QTest::newRow("h264 161x91 4:4:4") << QStringList{"-c:v", "libx264", "-pix_fmt", "yuv444p"} << odd << "i.mkv";
        QTest::newRow("hevc 214x160") << QStringList{"-c:v", "libx265", "-x265-params", "log-level=error"} << archive << "j.mp4";
        // DV only exists at broadcast sizes (NTSC 4:1:1 here).
        QTest::newRow("dv ntsc 720x480") << QStringList{"-c:v", "dvvideo", "-pix_fmt", "yuv411p"} << "720x480"
                                         << "k.dv";
        QTest::newRow("mjpeg 161x91") << QStringList{"-c:v", "mjpeg", "-q:v", "3"} << odd << "l.avi";
        QTest::newRow("prores 214x160") << QStringList{"-c:v", "prores_ks", "-profile:v", "2"} << archive << "m.mov";
        QTest::newRow("ffv1 161x91") << QStringList{"-c:v", "ffv1"} << odd << "n.mkv";
    }

    void decodedFramesMatchFfmpeg()
    {
        QFETCH(QStringList, encode);
        QFETCH(QString, size);
        QFETCH(QString, file);
        QVERIFY(m_dir.isValid());
        const QString clip = m_dir.filePath(file);
        const int width = size.section('x', 0, 0).toInt();
        const int height = size.section('x', 1, 1).toInt();
        bool ok = false;
        runFfmpegCapture(QStringList{"-f", "lavfi", "-i", "testsrc2=size=224x160:rate=25,scale=" + QString(size).replace('x', ':'),
                                     "-frames:v", QString::number(kFrames)}
                             + encode + QStringList{clip},
                         &ok);
        QVERIFY(ok);
        // RGB24 for training and the preview, RGB48 for the upscale pipeline.
        compareWithFfmpeg(clip, width, height, false);
        if (QTest::currentTestFailed()) return;
        compareWithFfmpeg(clip, width, height, true);
    }

private:
    static constexpr int kFrames = 12;

    static void compareWithFfmpeg(const QString& clip, int width, int height, bool sixteenBit)
    {
        bool ok = false;
        // The reader's conversion: bicubic, accurate rounding, full chroma interpolation.
        const QString format = sixteenBit ? "rgb48le" : "rgb24";
        const QByteArray reference
            = runFfmpegCapture({"-i", clip, "-map", "0:v:0", "-vf", "scale=flags=bicubic+accurate_rnd+full_chroma_int,format=" + format,
                                "-vsync", "passthrough", "-f", "rawvideo", "-"},
                               &ok);
        QVERIFY(ok);
        const qsizetype samples = qsizetype(width) * height * 3;
        const qsizetype frameBytes = samples * (sixteenBit ? 2 : 1);
        QCOMPARE(reference.size() % frameBytes, qsizetype(0));

        ReaderOptions options;
        options.sixteenBit = sixteenBit;
        VideoFrameReader reader(clip.toStdString(), options);
        RgbFrame frame;
        qsizetype count = 0;
        while (reader.read(frame)) {
            QCOMPARE(frame.width, width);
            QCOMPARE(frame.height, height);
            QVERIFY2((count + 1) * frameBytes <= reference.size(), "the reader returned more frames than ffmpeg");
            const char* expected = reference.constData() + count * frameBytes;
            int worst = 0;
            qsizetype differing = 0;
            for (qsizetype i = 0; i < samples; ++i) {
                int want = 0, got = 0;
                if (sixteenBit) {
                    uint16_t v;
                    std::memcpy(&v, expected + 2 * i, 2);
                    want = v;
                    got = frame.rgb16[size_t(i)];
                } else {
                    want = uint8_t(expected[i]);
                    got = frame.rgb[size_t(i)];
                }
                worst = std::max(worst, std::abs(got - want));
                differing += got != want;
            }
            QVERIFY2(worst == 0, qPrintable(QString("%1-bit frame %2: %3 samples differ, by up to %4")
                                                .arg(sixteenBit ? 16 : 8)
                                                .arg(count)
                                                .arg(differing)
                                                .arg(worst)));
            ++count;
        }
        QCOMPARE(count, reference.size() / frameBytes);
        QCOMPARE(count, qsizetype(kFrames));
    }
};

QTEST_APPLESS_MAIN(TestVideoDecoderConformance)
#include "test_video_decoder_conformance.moc"
