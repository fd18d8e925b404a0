// VideoFrameReader: frame counts, sizes, timestamps and pixel values of clips generated here by the
// ffmpeg CLI, and a typed error (never a crash) for missing, foreign, truncated and corrupt files.
#include "dualx/media_probe.h"
#include "test_support.h"
#include "video/video_frame_reader.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

using namespace dualx;
using namespace dualx::video;
using dualx::test::readBytes;
using dualx::test::writeBytes;

namespace {

// Runs the ffmpeg CLI quietly; on failure prints what it said so the test log explains why.
bool runFfmpeg(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start("ffmpeg", QStringList{"-hide_banner", "-nostdin", "-v", "error", "-y"} + arguments);
    if (!process.waitForStarted(10000)) {
        qWarning("cannot start ffmpeg: %s", qPrintable(process.errorString()));
        return false;
    }
    process.waitForFinished(120000);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("ffmpeg %s failed:\n%s", qPrintable(arguments.join(' ')), process.readAll().constData());
        return false;
    }
    return true;
}

// Largest per-channel distance between any pixel of `frame` and (r, g, b).
int maxDeviation(const RgbFrame& frame, int r, int g, int b)
{
    int worst = 0;
    for (size_t i = 0; i + 2 < frame.rgb.size(); i += 3) {
        worst = std::max({worst, std::abs(frame.rgb[i] - r), std::abs(frame.rgb[i + 1] - g), std::abs(frame.rgb[i + 2] - b)});
    }
    return worst;
}

bool hasExpectedSize(const RgbFrame& frame, int width, int height)
{
    return frame.width == width && frame.height == height
           && frame.rgb.size() == static_cast<size_t>(width) * static_cast<size_t>(height) * 3;
}

} // namespace

class TestVideoFrameReader : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_h264; // 67x35, 10 fps, 12 frames, yuv444p, H.264 in MP4 (B-frames, edit list)
    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }
    QString qpath(const char* name) { return m_dir.filePath(name); }

    // 60 frames of moving content, a keyframe every 10, B-frames: frames differ and decoding
    // back from a keyframe is the only way to rebuild a frame.
    std::string writeKeyframeClip(const QString& container = "mp4")
    {
        const auto clip = m_dir.filePath("gop10." + container).toStdString();
        // A failed encode shows as the frame count check failing (runFfmpeg prints why).
        if (!std::filesystem::exists(clip))
            runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-frames:v", "60", "-c:v", "libx264", "-g", "10", "-keyint_min",
                       "10", "-bf", "2", "-pix_fmt", "yuv420p", QString::fromStdString(clip)});
        return clip;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_h264 = path("odd.mp4");
        // testsrc2 rounds its size down to even, hence the scale; libx264 accepts odd sizes only
        // without chroma subsampling.
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=68x36:rate=10", "-frames:v", "12", "-vf", "scale=67:35", "-pix_fmt",
                           "yuv444p", "-c:v", "libx264", QString::fromStdString(m_h264)}));
    }

    void oddSizeH264HasAllFramesAtFullSize()
    {
        VideoFrameReader reader(m_h264);
        const VideoInfo& info = reader.info();
        QCOMPARE(info.width, 67);
        QCOMPARE(info.height, 35);
        QCOMPARE(info.fps, 10.0);
        QCOMPARE(info.frameCountEstimate, int64_t(12));
        QVERIFY2(std::abs(info.durationSeconds - 1.2) < 0.05, std::to_string(info.durationSeconds).c_str());
        QCOMPARE(info.codecName, std::string("h264"));
        QCOMPARE(info.pixelFormatName, std::string("yuv444p"));

        RgbFrame frame;
        int64_t count = 0;
        while (reader.read(frame)) {
            QVERIFY(hasExpectedSize(frame, 67, 35));
            QCOMPARE(frame.index, count);
            ++count;
        }
        QCOMPARE(count, int64_t(12));
        QVERIFY(!reader.read(frame)); // stays at the end
        // testsrc2 is colourful: the frame must not be one flat value.
        const auto [darkest, brightest] = std::minmax_element(frame.rgb.begin(), frame.rgb.end());
        QVERIFY(*brightest - *darkest > 100);
    }

    void timestampsFollowTheFrameRate()
    {
        const auto frames = readAllFrames(m_h264);
        QCOMPARE(frames.size(), size_t(12));
        for (size_t i = 0; i < frames.size(); ++i) {
            const double expected = static_cast<double>(i) / 10.0;
            QVERIFY2(std::abs(frames[i].timeSeconds - expected) < 0.001,
                     ("frame " + std::to_string(i) + " at " + std::to_string(frames[i].timeSeconds)).c_str());
            if (i > 0) QVERIFY(frames[i].timeSeconds > frames[i - 1].timeSeconds);
        }
    }

    void formatsDecodeAtFullSize_data()
    {
        QTest::addColumn<QStringList>("encode");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("pixelFormat");
        QTest::newRow("h264 yuv420p") << QStringList{"-pix_fmt", "yuv420p", "-c:v", "libx264"} << "66x34"
                                      << "420.mp4"
                                      << "yuv420p";
        // Odd 4:2:0 sizes: chroma planes are rounded up, the picture is not.
        QTest::newRow("ffv1 yuv420p odd") << QStringList{"-pix_fmt", "yuv420p", "-c:v", "ffv1"} << "67x35"
                                          << "420_odd.mkv"
                                          << "yuv420p";
        QTest::newRow("vp9 yuv420p odd") << QStringList{"-pix_fmt",  "yuv420p",  "-c:v",      "libvpx-vp9",
                                                        "-deadline", "realtime", "-cpu-used", "8"}
                                         << "51x27"
                                         << "420_odd.webm"
                                         << "yuv420p";
        QTest::newRow("ffv1 yuv420p10le odd") << QStringList{"-pix_fmt", "yuv420p10le", "-c:v", "ffv1"} << "45x29"
                                              << "10bit.mkv"
                                              << "yuv420p10le";
        QTest::newRow("hevc yuv420p10le") << QStringList{"-pix_fmt", "yuv420p10le", "-c:v", "libx265", "-x265-params", "log-level=error"}
                                          << "64x36"
                                          << "10bit_hevc.mp4"
                                          << "yuv420p10le";
    }

    void formatsDecodeAtFullSize()
    {
        QFETCH(QStringList, encode);
        QFETCH(QString, size);
        QFETCH(QString, file);
        QFETCH(QString, pixelFormat);
        QVERIFY(runFfmpeg(QStringList{"-f", "lavfi", "-i", "testsrc2=size=96x64:rate=10", "-frames:v", "5", "-vf",
                                      "scale=" + QString(size).replace('x', ':')}
                          + encode + QStringList{m_dir.filePath(file)}));
        const int width = size.section('x', 0, 0).toInt();
        const int height = size.section('x', 1, 1).toInt();

        VideoFrameReader reader(m_dir.filePath(file).toStdString());
        QCOMPARE(QString::fromStdString(reader.info().pixelFormatName), pixelFormat);
        QCOMPARE(reader.info().width, width);
        QCOMPARE(reader.info().height, height);
        RgbFrame frame;
        int count = 0;
        while (reader.read(frame)) {
            QVERIFY(hasExpectedSize(frame, width, height));
            ++count;
        }
        QCOMPARE(count, 5);
    }

    // Raw 4:4:4 planes of 0x3366CC computed here for a given matrix and range, stored losslessly
    // with the matching tags: the reader must invert exactly that conversion. (ffmpeg's own
    // RGB->YUV is a few levels off for full range, so it cannot make these inputs.) Reading the
    // tagged ones as BT.601 limited instead is off by 5 to 10 levels in some channel.
    void solidColourHonoursMatrixAndRange_data()
    {
        QTest::addColumn<double>("kr");
        QTest::addColumn<double>("kb");
        QTest::addColumn<bool>("fullRange");
        QTest::addColumn<int>("bits");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<int>("width");
        QTest::newRow("untagged SD: BT.601 limited") << 0.299 << 0.114 << false << 8 << QStringList{} << 31;
        // As players show it: an untagged HD stream is BT.709.
        QTest::newRow("untagged, 1280 wide: BT.709 limited") << 0.2126 << 0.0722 << false << 8 << QStringList{} << 1280;
        QTest::newRow("BT.601 full") << 0.299 << 0.114 << true << 8 << QStringList{"-color_range", "pc"} << 31;
        QTest::newRow("BT.709 limited") << 0.2126 << 0.0722 << false << 8 << QStringList{"-colorspace", "bt709", "-color_range", "tv"}
                                        << 31;
        QTest::newRow("BT.709 full") << 0.2126 << 0.0722 << true << 8 << QStringList{"-colorspace", "bt709", "-color_range", "pc"} << 31;
        QTest::newRow("BT.2020 limited 10-bit")
            << 0.2627 << 0.0593 << false << 10 << QStringList{"-colorspace", "bt2020nc", "-color_range", "tv"} << 31;
    }

    void solidColourHonoursMatrixAndRange()
    {
        QFETCH(double, kr);
        QFETCH(double, kb);
        QFETCH(bool, fullRange);
        QFETCH(int, bits);
        QFETCH(QStringList, tags);
        QFETCH(int, width);
        const double r = 0x33 / 255.0, g = 0x66 / 255.0, b = 0xCC / 255.0;
        const double y = kr * r + (1 - kr - kb) * g + kb * b;
        const double cb = (b - y) / (2 * (1 - kb));
        const double cr = (r - y) / (2 * (1 - kr));
        const double scale = (1 << (bits - 8));
        const double maxCode = (1 << bits) - 1;
        const auto luma = [&](double v) { return fullRange ? v * maxCode : (16 + 219 * v) * scale; };
        const auto chroma = [&](double v) { return fullRange ? (v + 0.5) * maxCode : (128 + 224 * v) * scale; };
        const int codes[3] = {int(std::lround(luma(y))), int(std::lround(chroma(cb))), int(std::lround(chroma(cr)))};

        const int height = 17, frames = 3;
        std::string planes;
        for (int plane = 0; plane < 3; ++plane) {
            for (int i = 0; i < width * height; ++i) {
                planes += static_cast<char>(codes[plane] & 0xff);
                if (bits > 8) planes += static_cast<char>(codes[plane] >> 8); // little-endian
            }
        }
        std::string raw;
        for (int i = 0; i < frames; ++i) raw += planes;
        writeBytes(path("solid.yuv"), raw);
        const QString pixelFormat = bits > 8 ? "yuv444p10le" : "yuv444p";
        QVERIFY(runFfmpeg(QStringList{"-f", "rawvideo", "-pix_fmt", pixelFormat, "-s", QString("%1x%2").arg(width).arg(height), "-r", "5",
                                      "-i", qpath("solid.yuv"), "-c:v", "ffv1"}
                          + tags + QStringList{qpath("solid.mkv")}));

        const auto decoded = readAllFrames(path("solid.mkv"));
        QCOMPARE(decoded.size(), size_t(frames));
        for (const auto& frame : decoded) {
            QVERIFY(hasExpectedSize(frame, width, height));
            const int deviation = maxDeviation(frame, 0x33, 0x66, 0xCC);
            QVERIFY2(deviation <= 3, ("off by " + std::to_string(deviation) + ": " + std::to_string(frame.rgb[0]) + ","
                                      + std::to_string(frame.rgb[1]) + "," + std::to_string(frame.rgb[2]))
                                         .c_str());
        }
    }

    // The same colour through ffmpeg's own conversion into common lossless or near-lossless
    // codecs, including 4:2:0 at an odd size and RGB-native ones that bypass the YUV matrix.
    void solidColourSurvivesCodecs_data()
    {
        QTest::addColumn<QStringList>("encode");
        QTest::addColumn<QString>("file");
        QTest::newRow("ffv1 yuv420p odd size") << QStringList{"-c:v", "ffv1", "-pix_fmt", "yuv420p"} << "c_420.mkv";
        QTest::newRow("x264 lossless yuv444p") << QStringList{"-c:v", "libx264", "-qp", "0", "-pix_fmt", "yuv444p"} << "c_x264.mkv";
        QTest::newRow("x264rgb lossless (gbrp)") << QStringList{"-c:v", "libx264rgb", "-qp", "0"} << "c_rgb.mkv";
        QTest::newRow("png (rgb24)") << QStringList{"-c:v", "png"} << "c_png.mkv";
        QTest::newRow("mjpeg (yuvj420p, full range)") << QStringList{"-c:v", "mjpeg", "-q:v", "2"} << "c_mjpeg.avi";
    }

    void solidColourSurvivesCodecs()
    {
        QFETCH(QStringList, encode);
        QFETCH(QString, file);
        QVERIFY(runFfmpeg(QStringList{"-f", "lavfi", "-i", "color=c=0x3366CC:size=32x32:rate=5", "-frames:v", "3", "-vf", "scale=31:17"}
                          + encode + QStringList{m_dir.filePath(file)}));
        const auto frames = readAllFrames(m_dir.filePath(file).toStdString());
        QCOMPARE(frames.size(), size_t(3));
        for (const auto& frame : frames) {
            QVERIFY(hasExpectedSize(frame, 31, 17));
            const int deviation = maxDeviation(frame, 0x33, 0x66, 0xCC);
            QVERIFY2(deviation <= 3, ("off by " + std::to_string(deviation) + ": " + std::to_string(frame.rgb[0]) + ","
                                      + std::to_string(frame.rgb[1]) + "," + std::to_string(frame.rgb[2]))
                                         .c_str());
        }
    }

    // The H.264 decoder reconfigures on a new SPS; the reader must follow with new frame sizes.
    void frameSizeMayChangeMidStream()
    {
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=68x36:rate=10", "-frames:v", "4", "-pix_fmt", "yuv420p", "-c:v", "libx264",
                           qpath("a.h264")}));
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=48x32:rate=10", "-frames:v", "3", "-pix_fmt", "yuv420p", "-c:v", "libx264",
                           qpath("b.h264")}));
        writeBytes(path("ab.h264"), readBytes(path("a.h264")) + readBytes(path("b.h264")));

        const auto frames = readAllFrames(path("ab.h264"));
        QCOMPARE(frames.size(), size_t(7));
        for (size_t i = 0; i < frames.size(); ++i) {
            if (i < 4)
                QVERIFY(hasExpectedSize(frames[i], 68, 36));
            else
                QVERIFY(hasExpectedSize(frames[i], 48, 32));
        }
    }

    void readAllFramesStopsAtMaxFrames()
    {
        QCOMPARE(readAllFrames(m_h264, 5).size(), size_t(5));
        QCOMPARE(readAllFrames(m_h264, 1).size(), size_t(1));
        QCOMPARE(readAllFrames(m_h264, 0).size(), size_t(12));
        QCOMPARE(readAllFrames(m_h264, -3).size(), size_t(12));
        QCOMPARE(readAllFrames(m_h264, 100).size(), size_t(12));
        const auto frames = readAllFrames(m_h264, 3);
        QCOMPARE(frames.back().index, int64_t(2));
    }

    void seekBeforeGoesBackToTheKeyframe()
    {
        const auto clip = writeKeyframeClip();
        const auto frames = readAllFrames(clip);
        QCOMPARE(frames.size(), size_t(60));
        VideoFrameReader reader(clip);
        RgbFrame f;
        for (int i = 0; i < 46; ++i) QVERIFY(reader.read(f));
        QVERIFY(reader.seekBefore(frames[25].pts));
        QVERIFY(reader.read(f));
        QCOMPARE(f.pts, frames[20].pts); // the keyframe before frame 25
        QVERIFY(f.keyFrame);
        QVERIFY(frames[20].keyFrame && frames[0].keyFrame && !frames[25].keyFrame);
        QVERIFY(f.rgb == frames[20].rgb);
        for (int i = 21; i <= 25; ++i) QVERIFY(reader.read(f));
        QCOMPARE(f.pts, frames[25].pts);
        QVERIFY(f.rgb == frames[25].rgb);
        // To the start and past the end.
        QVERIFY(reader.seekBefore(frames[0].pts));
        QVERIFY(reader.read(f));
        QVERIFY(f.rgb == frames[0].rgb);
        QVERIFY(reader.seekBefore(frames[59].pts + 1000000));
        int rest = 0;
        while (reader.read(f)) ++rest;
        QVERIFY(rest >= 1 && rest <= 10);
        QCOMPARE(f.pts, frames[59].pts);
    }

    void frameGrabberSeeksBackExactly_data()
    {
        QTest::addColumn<QString>("container");
        QTest::newRow("mp4") << "mp4";
        QTest::newRow("mkv") << "mkv";
        QTest::newRow("mpeg-ts") << "ts";
    }

    void frameGrabberSeeksBackExactly()
    {
        QFETCH(QString, container);
        const auto clip = writeKeyframeClip(container);
        const auto frames = readAllFrames(clip);
        QCOMPARE(frames.size(), size_t(60));
        FrameGrabber grabber(clip);
        QVERIFY(grabber.frame(59).rgb == frames[59].rgb);
        QCOMPARE(grabber.framesDecoded(), int64_t(60));
        // Back to 12: from the keyframe at 10, not from the start.
        QVERIFY(grabber.frame(12).rgb == frames[12].rgb);
        QVERIFY2(grabber.framesDecoded() - 60 <= 6, qPrintable(QString::number(grabber.framesDecoded())));
        QVERIFY(grabber.frame(3).rgb == frames[3].rgb);
        const int64_t before = grabber.framesDecoded();
        // Far ahead (more than 48 frames) into frames already seen: a seek too.
        QVERIFY(grabber.frame(57).rgb == frames[57].rgb);
        QVERIFY2(grabber.framesDecoded() - before <= 10, qPrintable(QString::number(grabber.framesDecoded() - before)));
        for (int64_t i : {3, 59, 30, 31, 29, 0, 58})
            QVERIFY2(grabber.frame(i).rgb == frames[static_cast<size_t>(i)].rgb, qPrintable(QString::number(i)));
        QVERIFY(grabber.frame(60).empty());
        QVERIFY(grabber.frame(5).rgb == frames[5].rgb); // still usable after running off the end
    }

    void moveKeepsTheReadPosition()
    {
        VideoFrameReader first(m_h264);
        RgbFrame frame;
        QVERIFY(first.read(frame));
        QVERIFY(first.read(frame));
        VideoFrameReader second(std::move(first));
        QVERIFY(second.read(frame));
        QCOMPARE(frame.index, int64_t(2));
        VideoFrameReader third(m_h264);
        third = std::move(second);
        QVERIFY(third.read(frame));
        QCOMPARE(frame.index, int64_t(3));
        QCOMPARE(third.info().width, 67);
    }

    void missingFileIsFileNotFound()
    {
        const std::string missing = path("does_not_exist.mp4");
        test::expectError([&] { VideoFrameReader reader(missing); }, ErrorCode::FileNotFound, missing);
        test::expectError([&] { readAllFrames(missing); }, ErrorCode::FileNotFound, missing);
    }

    void folderIsFileUnreadable()
    {
        const std::string folder = m_dir.path().toStdString();
        test::expectError([&] { VideoFrameReader reader(folder); }, ErrorCode::FileUnreadable, folder);
    }

    void textFileIsFileUnreadable()
    {
        const std::string text = path("notes.txt");
        writeBytes(text, "These are some notes about a video, but not a video.\nSecond line.\n");
        test::expectError([&] { VideoFrameReader reader(text); }, ErrorCode::FileUnreadable, text);
    }

    void audioOnlyFileIsFileUnreadable()
    {
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "sine=frequency=440:duration=0.2", "-c:a", "pcm_s16le", qpath("tone.wav")}));
        test::expectError([&] { VideoFrameReader reader(path("tone.wav")); }, ErrorCode::FileUnreadable, "no video stream");
    }

    void truncatedMp4Throws()
    {
        writeBytes(path("cut.mp4"), readBytes(m_h264).substr(0, 300));
        try {
            readAllFrames(path("cut.mp4"));
            QFAIL("a 300-byte MP4 was read without an error");
        } catch (const Error& e) {
            QVERIFY2(e.code() == ErrorCode::FileUnreadable || e.code() == ErrorCode::CorruptFile, e.what());
            QVERIFY2(std::string(e.what()).find(path("cut.mp4")) != std::string::npos, e.what());
        }
    }

    // Cut anywhere, a file gives fewer frames or a typed error, never a crash or a hang. With the
    // index at the front (faststart) the cut loses frames rather than the whole file.
    void truncatedAnywhereNeverCrashes()
    {
        QVERIFY(runFfmpeg({"-i", QString::fromStdString(m_h264), "-c", "copy", "-movflags", "+faststart", qpath("faststart.mp4")}));
        for (const char* name : {"odd.mp4", "faststart.mp4"}) {
            const std::string bytes = readBytes(path(name));
            for (size_t cut = 0; cut < bytes.size(); cut += std::max<size_t>(1, bytes.size() / 37)) {
                writeBytes(path("cut_any.mp4"), bytes.substr(0, cut));
                try {
                    const auto frames = readAllFrames(path("cut_any.mp4"));
                    QVERIFY(!frames.empty() && frames.size() <= 12);
                    for (const auto& frame : frames) QVERIFY(hasExpectedSize(frame, 67, 35));
                } catch (const Error& e) {
                    QVERIFY2(e.code() == ErrorCode::FileUnreadable || e.code() == ErrorCode::CorruptFile, e.what());
                }
            }
        }
    }

    // PNG packets in Matroska each start with the PNG signature; breaking it makes the decoder
    // reject exactly that packet with AVERROR_INVALIDDATA.
    void corruptPacketIsSkipped()
    {
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=32x24:rate=10", "-frames:v", "10", "-c:v", "png", qpath("png.mkv")}));
        std::string bytes = readBytes(path("png.mkv"));
        QCOMPARE(breakPngSignatures(bytes, 4, 5), 1);
        writeBytes(path("one_bad.mkv"), bytes);
        const auto frames = readAllFrames(path("one_bad.mkv"));
        // FFmpeg 5.1's PNG decoder also loses the frame after a rejected one (ffprobe shows the
        // same), so 8 or 9 frames come back, with the gap where packet 4 was.
        QVERIFY2(frames.size() == 8 || frames.size() == 9, std::to_string(frames.size()).c_str());
        for (const auto& frame : frames) QVERIFY(hasExpectedSize(frame, 32, 24));
        for (int i = 0; i < 4; ++i) QVERIFY(std::abs(frames[i].timeSeconds - 0.1 * i) < 0.001);
        QVERIFY(frames[4].timeSeconds > 0.45);
        QVERIFY(std::abs(frames.back().timeSeconds - 0.9) < 0.001);
    }

    // Matroska declares its length in the header: a copy cut at a third still plays its first
    // third, and the reader says the video stops short of what the file declares.
    void cutShortMatroskaIsReportedAsDamage()
    {
        QVERIFY(runFfmpeg(
            {"-f", "lavfi", "-i", "testsrc2=size=32x24:rate=10", "-frames:v", "60", "-c:v", "libx264", "-g", "5", qpath("whole.mkv")}));
        const std::string bytes = readBytes(path("whole.mkv"));
        writeBytes(path("third.mkv"), bytes.substr(0, bytes.size() / 3));
        VideoFrameReader whole(path("whole.mkv"));
        VideoFrameReader cut(path("third.mkv"));
        RgbFrame frame;
        while (whole.read(frame)) { }
        int frames = 0;
        while (cut.read(frame)) ++frames;
        QVERIFY2(frames > 5 && frames < 40, std::to_string(frames).c_str());
        QVERIFY(whole.damage().describe(whole.info().durationSeconds).empty());
        const std::string said = cut.damage().describe(cut.info().durationSeconds);
        QVERIFY2(said.find("although the file declares 0:00:06.00") != std::string::npos && said.find("cut short") != std::string::npos,
                 said.c_str());
    }

    void noDecodableFrameIsCorruptFile()
    {
        QVERIFY(runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=32x24:rate=10", "-frames:v", "5", "-c:v", "png", qpath("png5.mkv")}));
        std::string bytes = readBytes(path("png5.mkv"));
        QCOMPARE(breakPngSignatures(bytes, 0, 5), 5);
        writeBytes(path("all_bad.mkv"), bytes);
        VideoFrameReader reader(path("all_bad.mkv"));
        RgbFrame frame;
        test::expectError([&] { reader.read(frame); }, ErrorCode::CorruptFile, path("all_bad.mkv"));
    }

    void undeclaredColourTagsAreUnspecified()
    {
        // Found by fuzzing: an MPEG-TS whose stream declares colour primaries 204, a number with
        // no meaning that FFmpeg passes on as is; it must not reach the output as a tag.
        VideoFrameReader reader(DUALX_SOURCE_DIR "/fuzz/corpus/media_probe/found-colour-204.ts");
        QCOMPARE(reader.info().colorPrimaries, 2); // AVCOL_PRI_UNSPECIFIED
        QVERIFY(av_color_transfer_name(static_cast<AVColorTransferCharacteristic>(reader.info().colorTransfer)));
        QVERIFY(av_color_space_name(static_cast<AVColorSpace>(reader.info().colorMatrix)));
    }

    void absurdFrameSizesAreRefusedBeforeDecoding()
    {
        // Found by fuzzing: a Matroska file that says 32x24 holds a VP8 frame of 7349x13699.
        // Decoding and converting it took seconds and gigabytes; the decoder now refuses it
        // before allocating, and the file has no frame left to read.
        QElapsedTimer timer;
        timer.start();
        test::expectError(
            [] {
                VideoFrameReader reader(DUALX_SOURCE_DIR "/fuzz/corpus/media_probe/found-huge-vp8-frame.mkv");
                RgbFrame frame;
                while (reader.read(frame)) QVERIFY(frame.width <= 8192 && frame.height <= 8192);
            },
            ErrorCode::CorruptFile, "found-huge-vp8-frame.mkv");
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString("%1 ms").arg(timer.elapsed())));
    }

private:
    // Overwrites the signature of PNG packets [first, last) in `bytes`; returns how many it broke.
    static int breakPngSignatures(std::string& bytes, int first, int last)
    {
        const std::string signature("\x89PNG\r\n\x1a\n", 8);
        int seen = 0, broken = 0;
        for (size_t at = bytes.find(signature); at != std::string::npos; at = bytes.find(signature, at + 1)) {
            if (seen >= first && seen < last) {
                bytes.replace(at, signature.size(), "garbage!");
                ++broken;
            }
            ++seen;
        }
        return broken;
    }
};

QTEST_APPLESS_MAIN(TestVideoFrameReader)
#include "test_video_frame_reader.moc"
