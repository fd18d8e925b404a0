// VideoFileWriter: clips written here are read back with VideoFrameReader (frame counts, sizes,
// frame rate, timestamps, pixel values per codec), colour tags and the RGB->YUV matrix are checked
// with the ffmpeg CLI, and failures are typed errors that never leave a file at the final path.
#include "dualx/runtime.h"
#include "test_support.h"
#include "video/video_file_writer.h"
#include "video/video_frame_reader.h"

#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

using namespace dualx;
using namespace dualx::video;

namespace {

// Runs an FFmpeg tool quietly and returns what it printed on stdout; on failure prints why.
bool runTool(const QString& tool, const QStringList& arguments, QByteArray* output = nullptr)
{
    QProcess process;
    process.start(tool, QStringList{"-hide_banner", "-v", "error"} + arguments);
    if (!process.waitForStarted(10000)) {
        qWarning("cannot start %s: %s", qPrintable(tool), qPrintable(process.errorString()));
        return false;
    }
    process.waitForFinished(120000);
    if (output) *output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("%s %s failed:\n%s", qPrintable(tool), qPrintable(arguments.join(' ')), process.readAllStandardError().constData());
        return false;
    }
    return true;
}

std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool exists(const std::string& path)
{
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

// Smooth ramps that move with t (lossy codecs keep those well) plus a saturated patch, where a
// wrong RGB<->YUV matrix shows most.
std::vector<uint8_t> gradientFrame(int width, int height, int t)
{
    std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            uint8_t* p = &rgb[(static_cast<size_t>(y) * width + x) * 3];
            p[0] = static_cast<uint8_t>(30 + 190 * std::min(width - 1, x + 2 * t) / std::max(1, width - 1));
            p[1] = static_cast<uint8_t>(30 + 190 * y / std::max(1, height - 1));
            p[2] = static_cast<uint8_t>(100 + 10 * t);
            if (x < width / 4 && y < height / 4) {
                p[0] = 0xE0;
                p[1] = 0x20;
                p[2] = 0x30;
            }
        }
    }
    return rgb;
}

std::vector<uint8_t> solidFrame(int width, int height, uint8_t r, uint8_t g, uint8_t b)
{
    std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
    for (size_t i = 0; i < rgb.size(); i += 3) {
        rgb[i] = r;
        rgb[i + 1] = g;
        rgb[i + 2] = b;
    }
    return rgb;
}

std::vector<uint8_t> noiseFrame(int width, int height, std::mt19937& rng)
{
    std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
    for (auto& value : rgb) value = static_cast<uint8_t>(rng());
    return rgb;
}

// The test clip: moving gradients around a solid colour.
std::vector<std::vector<uint8_t>> testFrames(int width, int height)
{
    return {gradientFrame(width, height, 0), gradientFrame(width, height, 1), gradientFrame(width, height, 2),
            solidFrame(width, height, 0x33, 0x66, 0xCC), gradientFrame(width, height, 3)};
}

int maxAbsDiff(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b)
{
    int worst = 0;
    for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
    return worst;
}

double meanAbsDiff(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b)
{
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i) sum += std::abs(a[i] - b[i]);
    return sum / static_cast<double>(a.size());
}

VideoWriterSettings makeSettings(int width, int height, const std::string& codec = "auto", const std::string& pixelFormat = "auto")
{
    VideoWriterSettings settings;
    settings.width = width;
    settings.height = height;
    settings.codec = codec;
    settings.pixelFormat = pixelFormat;
    return settings;
}

} // namespace

class TestVideoFileWriter : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const QString& name) { return m_dir.filePath(name).toStdString(); }

    // Writes `frames`, checking that nothing appears at `file` before finish() and that no
    // .partial file is left after it.
    void writeClip(const std::string& file, const VideoWriterSettings& settings, const std::vector<std::vector<uint8_t>>& frames)
    {
        VideoFileWriter writer(file, settings);
        for (const auto& frame : frames) writer.write(frame);
        QCOMPARE(writer.framesWritten(), int64_t(frames.size()));
        QVERIFY(!exists(file));
        QVERIFY(exists(file + ".partial"));
        writer.finish();
        QVERIFY(exists(file));
        QVERIFY(!exists(file + ".partial"));
    }

    // Tags as ffprobe reads them, e.g. "bt709 bt709 bt709 tv" (space, primaries, transfer, range).
    QString probeColourTags(const std::string& file)
    {
        QByteArray output;
        if (!runTool("ffprobe",
                     {"-select_streams", "v:0", "-show_entries", "stream=color_space,color_primaries,color_transfer,color_range", "-of",
                      "default=nw=1:nk=1", QString::fromStdString(file)},
                     &output))
            return {};
        // ffprobe prints them in its own field order: range, space, transfer, primaries.
        const QStringList fields = QString::fromUtf8(output).split('\n', Qt::SkipEmptyParts);
        if (fields.size() != 4) return QString::fromUtf8(output);
        return fields[1] + ' ' + fields[3] + ' ' + fields[2] + ' ' + fields[0];
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        quietenMediaLibraries(); // x264 prints statistics at info level
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("pixelFormat");
        QTest::addColumn<int>("crf");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("codecName");    // as the reader reports it
        QTest::addColumn<QString>("storedFormat"); // empty: any
        QTest::addColumn<int>("maxError");         // per channel, -1: not checked
        QTest::addColumn<double>("meanError");
        QTest::newRow("ffv1 bgr0: exact") << "ffv1_bgr0.mkv"
                                          << "ffv1"
                                          << "bgr0" << -1 << 64 << 48 << "ffv1"
                                          << "bgr0" << 0 << 0.0;
        QTest::newRow("ffv1 bgr0 odd: exact") << "ffv1_odd.mkv"
                                              << "ffv1"
                                              << "bgr0" << -1 << 67 << 35 << "ffv1"
                                              << "bgr0" << 0 << 0.0;
        QTest::newRow("auto .mkv (ffv1, lossless)") << "auto.mkv"
                                                    << "auto"
                                                    << "auto" << -1 << 67 << 35 << "ffv1"
                                                    << "bgr0" << 0 << 0.0;
        QTest::newRow("png rgb24 in mkv: exact") << "png.mkv"
                                                 << "png"
                                                 << "auto" << -1 << 64 << 48 << "png"
                                                 << "rgb24" << 0 << 0.0;
        QTest::newRow("ffv1 yuv444p") << "ffv1_444.mkv"
                                      << "ffv1"
                                      << "yuv444p" << -1 << 64 << 48 << "ffv1"
                                      << "yuv444p" << 2 << 1.0;
        QTest::newRow("ffv1 yuv444p HD (BT.709)") << "ffv1_444_hd.mkv"
                                                  << "ffv1"
                                                  << "yuv444p" << -1 << 1280 << 720 << "ffv1"
                                                  << "yuv444p" << 2 << 1.0;
        QTest::newRow("x264 crf 0 yuv444p odd") << "x264_lossless.mp4"
                                                << "libx264"
                                                << "yuv444p" << 0 << 67 << 35 << "h264"
                                                << "yuv444p" << 2 << 1.0;
        QTest::newRow("auto .mp4 (x264 crf 12)") << "auto.mp4"
                                                 << "auto"
                                                 << "auto" << -1 << 64 << 48 << "h264"
                                                 << "yuv444p" << -1 << 2.0;
        QTest::newRow("x264 yuv420p") << "x264_420.mov"
                                      << "libx264"
                                      << "yuv420p" << -1 << 64 << 48 << "h264"
                                      << "yuv420p" << -1 << 4.0;
        QTest::newRow("auto .avi (mpeg4 q 2)") << "auto.avi"
                                               << "auto"
                                               << "auto" << -1 << 64 << 48 << "mpeg4"
                                               << "yuv420p" << -1 << 4.0;
    }

    void roundTrip()
    {
        QFETCH(QString, file);
        QFETCH(QString, codec);
        QFETCH(QString, pixelFormat);
        QFETCH(int, crf);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, codecName);
        QFETCH(QString, storedFormat);
        QFETCH(int, maxError);
        QFETCH(double, meanError);

        VideoWriterSettings settings = makeSettings(width, height, codec.toStdString(), pixelFormat.toStdString());
        settings.crf = crf;
        const auto frames = testFrames(width, height);
        writeClip(path(file), settings, frames);

        VideoFrameReader reader(path(file));
        const VideoInfo& info = reader.info();
        QCOMPARE(info.width, width);
        QCOMPARE(info.height, height);
        QVERIFY2(std::abs(info.fps - 25.0) < 1e-3, std::to_string(info.fps).c_str());
        QCOMPARE(QString::fromStdString(info.codecName), codecName);
        if (!storedFormat.isEmpty()) QCOMPARE(QString::fromStdString(info.pixelFormatName), storedFormat);

        RgbFrame decoded;
        size_t count = 0;
        while (reader.read(decoded)) {
            QVERIFY(count < frames.size());
            QCOMPARE(decoded.width, width);
            QCOMPARE(decoded.height, height);
            QVERIFY2(std::abs(decoded.timeSeconds - count / 25.0) < 0.002,
                     ("frame " + std::to_string(count) + " at " + std::to_string(decoded.timeSeconds)).c_str());
            const int worst = maxAbsDiff(decoded.rgb, frames[count]);
            const double mean = meanAbsDiff(decoded.rgb, frames[count]);
            const std::string where
                = "frame " + std::to_string(count) + ": max " + std::to_string(worst) + ", mean " + std::to_string(mean);
            if (maxError >= 0) QVERIFY2(worst <= maxError, where.c_str());
            QVERIFY2(mean <= meanError, where.c_str());
            ++count;
        }
        QCOMPARE(count, frames.size());
    }

    // Matroska carries the tags; the raw planes (read without conversion by ffmpeg) must hold the
    // codes of that matrix in limited range, so that other tools decode the same colours too.
    void colourTagsAndMatrixFollowTheSize_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("tags");
        QTest::addColumn<double>("kr");
        QTest::addColumn<double>("kb");
        QTest::newRow("SD: BT.601") << 64 << 48 << "smpte170m smpte170m smpte170m tv" << 0.299 << 0.114;
        QTest::newRow("720 high: BT.709") << 960 << 720 << "bt709 bt709 bt709 tv" << 0.2126 << 0.0722;
        QTest::newRow("1280 wide: BT.709") << 1280 << 128 << "bt709 bt709 bt709 tv" << 0.2126 << 0.0722;
    }

    void colourTagsAndMatrixFollowTheSize()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, tags);
        QFETCH(double, kr);
        QFETCH(double, kb);
        const std::string file = path(QString("tags_%1x%2.mkv").arg(width).arg(height));
        writeClip(file, makeSettings(width, height, "ffv1", "yuv444p"), {solidFrame(width, height, 0x33, 0x66, 0xCC)});
        QCOMPARE(probeColourTags(file), tags);

        const std::string raw = path(QString("tags_%1x%2.yuv").arg(width).arg(height));
        QVERIFY(runTool("ffmpeg", {"-nostdin", "-y", "-i", QString::fromStdString(file), "-f", "rawvideo", "-pix_fmt", "yuv444p",
                                   QString::fromStdString(raw)}));
        const std::string planes = readBytes(raw);
        const size_t area = static_cast<size_t>(width) * height;
        QCOMPARE(planes.size(), area * 3);
        const double r = 0x33 / 255.0, g = 0x66 / 255.0, b = 0xCC / 255.0;
        const double y = kr * r + (1 - kr - kb) * g + kb * b;
        const double expected[3] = {16 + 219 * y, 128 + 224 * (b - y) / (2 * (1 - kb)), 128 + 224 * (r - y) / (2 * (1 - kr))};
        for (int plane = 0; plane < 3; ++plane) {
            const int code = static_cast<uint8_t>(planes[plane * area + area / 2]);
            QVERIFY2(
                std::abs(code - expected[plane]) <= 1.0,
                ("plane " + std::to_string(plane) + ": " + std::to_string(code) + ", expected " + std::to_string(expected[plane])).c_str());
        }
    }

    void fractionalFrameRateIsKept()
    {
        VideoWriterSettings settings = makeSettings(32, 32, "ffv1", "bgr0");
        settings.fpsNum = 30000;
        settings.fpsDen = 1001;
        const std::string file = path("ntsc.mkv");
        writeClip(file, settings, testFrames(32, 32));
        const auto frames = readAllFrames(file);
        QCOMPARE(frames.size(), size_t(5));
        QVERIFY2(std::abs(frames[4].timeSeconds - 4 * 1001 / 30000.0) < 0.002, std::to_string(frames[4].timeSeconds).c_str());
    }

    void destructorWithoutFinishRemovesPartial()
    {
        const std::string file = path("abandoned.mkv");
        {
            VideoFileWriter writer(file, makeSettings(32, 24));
            writer.write(gradientFrame(32, 24, 0));
            QVERIFY(exists(file + ".partial"));
        }
        QVERIFY(!exists(file + ".partial"));
        QVERIFY(!exists(file));
    }

    void finishIsIdempotentAndReplacesAnOldFile()
    {
        const std::string file = path("replaced.mkv");
        {
            std::ofstream(file) << "old contents";
        }
        VideoFileWriter writer(file, makeSettings(32, 24));
        writer.write(gradientFrame(32, 24, 0));
        writer.write(gradientFrame(32, 24, 1));
        QCOMPARE(readBytes(file), std::string("old contents")); // untouched until finish()
        writer.finish();
        writer.finish();
        QCOMPARE(writer.framesWritten(), int64_t(2));
        QCOMPARE(readAllFrames(file).size(), size_t(2));
        test::expectError([&] { writer.write(gradientFrame(32, 24, 2)); }, ErrorCode::Internal, "after finish");
    }

    void moveKeepsTheFrameCount()
    {
        const std::string file = path("moved.mkv");
        VideoFileWriter first(file, makeSettings(32, 24));
        first.write(gradientFrame(32, 24, 0));
        VideoFileWriter second(std::move(first));
        second.write(gradientFrame(32, 24, 1));
        VideoFileWriter third(path("other.mkv"), makeSettings(16, 16));
        third = std::move(second); // drops the other writer and its .partial
        QVERIFY(!exists(path("other.mkv.partial")));
        third.write(gradientFrame(32, 24, 2));
        QCOMPARE(third.framesWritten(), int64_t(3));
        third.finish();
        QCOMPARE(readAllFrames(file).size(), size_t(3));
    }

    void wrongFrameSizeIsInvalidArgument()
    {
        const std::string file = path("wrong_size.mkv");
        VideoFileWriter writer(file, makeSettings(32, 24));
        const auto small = gradientFrame(32, 23, 0);
        test::expectError([&] { writer.write(small); }, ErrorCode::InvalidArgument, "32x24");
        test::expectError([&] { writer.write(nullptr, 0); }, ErrorCode::InvalidArgument, "bytes");
        // A rejected frame leaves the writer usable.
        writer.write(gradientFrame(32, 24, 0));
        writer.finish();
        QCOMPARE(readAllFrames(file).size(), size_t(1));
    }

    void badSettingsAreInvalidArgument()
    {
        const std::string file = path("bad.mkv");
        test::expectError([&] { VideoFileWriter w(file, makeSettings(0, 24)); }, ErrorCode::InvalidArgument, "0x24");
        VideoWriterSettings fps = makeSettings(32, 24);
        fps.fpsNum = 0;
        test::expectError([&] { VideoFileWriter w(file, fps); }, ErrorCode::InvalidArgument, "frame rate");
        test::expectError([&] { VideoFileWriter w(file, makeSettings(32, 24, "nosuchcodec")); }, ErrorCode::InvalidArgument, "nosuchcodec");
        test::expectError([&] { VideoFileWriter w(file, makeSettings(32, 24, "aac")); }, ErrorCode::InvalidArgument, "not a video encoder");
        test::expectError([&] { VideoFileWriter w(file, makeSettings(32, 24, "ffv1", "nosuchformat")); }, ErrorCode::InvalidArgument,
                          "nosuchformat");
        test::expectError([&] { VideoFileWriter w(file, makeSettings(32, 24, "mpeg4", "rgb24")); }, ErrorCode::InvalidArgument, "rgb24");
        VideoWriterSettings crf = makeSettings(32, 24, "ffv1");
        crf.crf = 10;
        test::expectError([&] { VideoFileWriter w(file, crf); }, ErrorCode::InvalidArgument, "crf");
        test::expectError([&] { VideoFileWriter w(path("bad.xyz"), makeSettings(32, 24)); }, ErrorCode::InvalidArgument, ".xyz");
        test::expectError([&] { VideoFileWriter w(path("noextension"), makeSettings(32, 24)); }, ErrorCode::InvalidArgument, "extension");
        test::expectError([&] { VideoFileWriter w(path("bad.mp4"), makeSettings(32, 24, "ffv1")); }, ErrorCode::InvalidArgument, "ffv1");
        // None of these may leave anything behind.
        for (const char* name : {"bad.mkv", "bad.xyz", "noextension", "bad.mp4"}) {
            QVERIFY(!exists(path(name)));
            QVERIFY(!exists(path(name) + ".partial"));
        }
    }

    void oddSizeWithChromaSubsamplingIsInvalidArgument()
    {
        test::expectError([&] { VideoFileWriter w(path("odd.mkv"), makeSettings(67, 35, "ffv1", "yuv420p")); }, ErrorCode::InvalidArgument,
                          "67x35");
        test::expectError([&] { VideoFileWriter w(path("odd.avi"), makeSettings(67, 36)); }, // mpeg4: 4:2:0 only
                          ErrorCode::InvalidArgument, "67x36");
        test::expectError([&] { VideoFileWriter w(path("odd.mp4"), makeSettings(67, 36, "libx264", "yuv422p")); },
                          ErrorCode::InvalidArgument, "67x36");
        // 4:2:2 halves only the width, so an odd height is fine.
        writeClip(path("odd_height.mkv"), makeSettings(66, 35, "ffv1", "yuv422p"), {gradientFrame(66, 35, 0)});
    }

    void unwritablePlaceIsFileUnwritable()
    {
        const std::string missingFolder = path("no/such/folder/clip.mkv");
        test::expectError([&] { VideoFileWriter w(missingFolder, makeSettings(32, 24)); }, ErrorCode::FileUnwritable,
                          "No such file or directory");
        test::expectError([&] { VideoFileWriter w(missingFolder, makeSettings(32, 24)); }, ErrorCode::FileUnwritable, missingFolder);
        const std::string folder = path("folder.mkv");
        std::filesystem::create_directory(folder);
        test::expectError([&] { VideoFileWriter w(folder, makeSettings(32, 24)); }, ErrorCode::FileUnwritable, "folder");
    }

    // A full disk, simulated by a file size limit in a child process (the limit would otherwise
    // hold for the whole test): noise does not compress, so the writes soon exceed it.
    void fileSizeLimitIsFileUnwritable()
    {
        const std::string file = path("limited.mkv");
        int channel[2];
        QVERIFY(::pipe(channel) == 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::close(channel[0]);
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{256 * 1024, 256 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            int status = 3;
            std::string message = "no error";
            try {
                std::mt19937 rng(7);
                VideoFileWriter writer(file, makeSettings(128, 96, "ffv1", "bgr0"));
                for (int i = 0; i < 300; ++i) writer.write(noiseFrame(128, 96, rng));
                writer.finish();
            } catch (const Error& e) {
                message = e.what();
                status = e.code() == ErrorCode::FileUnwritable ? 0 : 1;
            } catch (const std::exception& e) {
                message = e.what();
                status = 2;
            }
            const ssize_t ignored = ::write(channel[1], message.data(), message.size());
            (void)ignored;
            ::_exit(status);
        }
        ::close(channel[1]);
        std::string message;
        char buffer[512];
        for (ssize_t n; (n = ::read(channel[0], buffer, sizeof(buffer))) > 0;) message.append(buffer, n);
        ::close(channel[0]);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, message.c_str());
        QVERIFY2(message.find("size limit") != std::string::npos, message.c_str());
        QVERIFY2(message.find(file) != std::string::npos, message.c_str());
        QVERIFY(!exists(file));
        QVERIFY(!exists(file + ".partial"));
    }
};

QTEST_APPLESS_MAIN(TestVideoFileWriter)
#include "test_video_file_writer.moc"
