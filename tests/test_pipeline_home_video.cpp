// Home videos as they come: rotated phone clips, anamorphic DV and DVD, interlaced and telecined
// tapes. Each case is generated here from the cockatoo sample (natural motion: FFmpeg's idet
// misreads synthetic test patterns) and run through the whole job with a tiny network.
#include "dualx/interlacing.h"
#include "dualx/media_probe.h"
#include "dualx/upscale_job.h"
#include "media_fixtures.h"
#include "model/weights.h"
#include "pipeline/output_guard.h"
#include "test_support.h"
#include "video/video_frame_reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cmath>

using namespace dualx;

namespace {

const QString kSample = QStringLiteral(DUALX_SOURCE_DIR "/resources/sample/cockatoo-320x180.mp4");

QJsonObject videoStream(const std::string& path)
{
    QProcess p;
    p.start("ffprobe", {"-v", "error", "-select_streams", "v:0", "-print_format", "json", "-show_streams", "-count_frames",
                        QString::fromStdString(path)});
    p.waitForFinished(60'000);
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object()["streams"].toArray()[0].toObject();
}

double streamDuration(const std::string& path, const char* selector)
{
    QProcess p;
    p.start("ffprobe", {"-v", "error", "-select_streams", selector, "-show_entries", "stream=duration", "-of", "csv=p=0",
                        QString::fromStdString(path)});
    p.waitForFinished(60'000);
    return p.readAllStandardOutput().trimmed().toDouble();
}

int rotationOf(const QJsonObject& stream)
{
    for (const auto& sd : stream["side_data_list"].toArray())
        if (sd.toObject()["side_data_type"].toString() == "Display Matrix") return sd.toObject()["rotation"].toInt();
    return 0;
}

double displayAspect(const QJsonObject& stream)
{
    const auto sar = stream["sample_aspect_ratio"].toString().split(':');
    const double pixel = sar.size() == 2 && sar[1].toDouble() > 0 ? sar[0].toDouble() / sar[1].toDouble() : 1.0;
    return stream["width"].toDouble() * pixel / stream["height"].toDouble();
}

double frameRate(const QJsonObject& stream)
{
    const auto parts = stream["avg_frame_rate"].toString().split('/');
    return parts.size() == 2 && parts[1].toDouble() > 0 ? parts[0].toDouble() / parts[1].toDouble() : 0;
}

// idet's multi-frame verdict counts on the first frames of `path`.
struct IdetCounts {
    int tff = 0, bff = 0, progressive = 0;
};
IdetCounts idet(const std::string& path)
{
    QProcess p;
    p.start("ffmpeg", {"-hide_banner", "-nostdin", "-i", QString::fromStdString(path), "-vf", "idet", "-f", "null", "-"});
    p.waitForFinished(120'000);
    const QString log = p.readAllStandardError();
    const auto m = QRegularExpression("Multi frame detection: TFF:\\s*(\\d+) BFF:\\s*(\\d+) Progressive:\\s*(\\d+)").match(log);
    return m.hasMatch() ? IdetCounts{m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()} : IdetCounts{};
}

torch::Tensor toTensor(const video::RgbFrame& f)
{
    return torch::from_blob(const_cast<uint8_t*>(f.rgb.data()), {f.height, f.width, 3}, torch::kUInt8)
        .permute({2, 0, 1})
        .to(torch::kFloat32)
        .div(255);
}

} // namespace

class TestPipelineHomeVideo : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_model;

    std::string path(const QString& name) { return m_dir.filePath(name).toStdString(); }

    UpscaleReport upscale(const std::string& input, const std::string& output, const char* preset,
                          DeinterlaceMode deinterlace = DeinterlaceMode::Auto, bool squarePixels = false)
    {
        UpscaleSettings s;
        s.input = input;
        s.output = output;
        s.engine.model = m_model;
        s.preset = preset;
        s.engine.tileLr = 64;
        s.engine.tileOverlapLr = 8;
        s.engine.windowFrames = 6;
        s.engine.windowOverlap = 2;
        s.engine.device = DevicePreference::Cpu;
        s.engine.deinterlace = deinterlace;
        // No temporal fusion: the untrained network's fixed 4-pixel pattern, partly averaged away
        // across frames, leaves horizontal stripes that idet takes for combing (the shipped
        // models' output reads progressive either way). The job's path with fusion is tested in
        // test_pipeline_upscale and test_engine_temporal_fusion.
        s.engine.temporalFusion = 0;
        s.squarePixels = squarePixels;
        return UpscaleJob(s).run();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        torch::manual_seed(1);
        model::DualXVSR net(presetConfig("tiny"));
        m_model = path("tiny.safetensors");
        model::saveModelWeights(*net, m_model, "mse", {});
    }

    void rotationTagIsKept_data()
    {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("container");
        QTest::addColumn<int>("rotation");
        QTest::newRow("h264 mp4 90") << "libx264"
                                     << "mp4" << 90;
        QTest::newRow("h264 mov 180") << "libx264"
                                      << "mov" << 180;
        QTest::newRow("hevc mp4 270") << "libx265"
                                      << "mp4" << 270;
        QTest::newRow("hevc mov 90") << "libx265"
                                     << "mov" << 90;
    }

    // The tag is copied unchanged (no resampling); the upright picture is the player's job.
    void rotationTagIsKept()
    {
        QFETCH(QString, codec);
        QFETCH(QString, container);
        QFETCH(int, rotation);
        const QString plain = m_dir.filePath("plain-" + codec + "." + container);
        const QString rotated = m_dir.filePath(QString("rot%1-%2.%3").arg(rotation).arg(codec, container));
        QVERIFY(test::runFfmpeg(
            {"-i", kSample, "-frames:v", "6", "-vf", "scale=96:54", "-c:v", codec, "-x265-params", "log-level=error", plain}));
        // FFmpeg 5.1 turns a "rotate" tag into a display matrix only when stream-copying.
        QVERIFY(test::runFfmpeg({"-i", plain, "-c", "copy", "-metadata:s:v:0", QString("rotate=%1").arg(rotation), rotated}));
        const int sourceRotation = rotationOf(videoStream(rotated.toStdString()));
        QVERIFY(sourceRotation != 0);

        const auto probe = probeMedia(rotated.toStdString());
        QCOMPARE(probe.width, 96);
        QVERIFY(probe.rotationDegrees == 90 || probe.rotationDegrees == 180 || probe.rotationDegrees == 270);
        QVERIFY2(probe.describe().find("rotated") != std::string::npos, probe.describe().c_str());

        const auto out = path(QString("out-rot%1-%2.%3").arg(rotation).arg(codec, container));
        const auto report = upscale(rotated.toStdString(), out, container == "mp4" ? "web-h264" : "prores-hq");
        const auto stream = videoStream(out);
        QCOMPARE(rotationOf(stream), sourceRotation);
        QCOMPARE(stream["width"].toInt(), 384); // not turned: the tag turns it
        QCOMPARE(stream["height"].toInt(), 216);
        QCOMPARE(stream["nb_read_frames"].toString().toInt(), 6);
        bool said = false;
        for (const auto& line : report.streams) said = said || line.find("kept as the stream's display matrix") != std::string::npos;
        QVERIFY(said);
    }

    // Matroska (FFmpeg 5.1) has no place for the tag: the pixels are turned, and the result
    // matches what a player shows for the source (ffmpeg's own autorotation).
    void rotationIsBakedWhereNoTagFits()
    {
        const QString plain = m_dir.filePath("bake-plain.mp4"), rotated = m_dir.filePath("bake-rot.mp4");
        QVERIFY(test::runFfmpeg({"-i", kSample, "-frames:v", "4", "-vf", "scale=80:48", "-c:v", "libx264", "-qp", "0", plain}));
        QVERIFY(test::runFfmpeg({"-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated}));
        const auto out = path("baked.mkv");
        upscale(rotated.toStdString(), out, "archive-ffv1");
        const auto stream = videoStream(out);
        QCOMPARE(rotationOf(stream), 0);
        QCOMPARE(stream["width"].toInt(), 192);
        QCOMPARE(stream["height"].toInt(), 320);
        // What a player shows: ffmpeg applies the display matrix when decoding to a file.
        QVERIFY(test::runFfmpeg({"-i", rotated, "-an", "-fps_mode", "passthrough", "-c:v", "ffv1", m_dir.filePath("upright.mkv")}));
        const auto upright = video::readAllFrames(path("upright.mkv")), restored = video::readAllFrames(out);
        QCOMPARE(upright.size(), restored.size());
        QCOMPARE(upright[0].width, 48);
        for (size_t i = 0; i < upright.size(); ++i) {
            const double psnr = pipeline::coarseMatchPsnr(toTensor(upright[i]), toTensor(restored[i]));
            QVERIFY2(psnr > 25, std::to_string(psnr).c_str());
        }
    }

    void anamorphicSourceKeepsItsDisplayAspect_data()
    {
        QTest::addColumn<QStringList>("encode");
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("aspect");
        QTest::newRow("NTSC DV 4:3") << QStringList{"-vf",      "scale=720:480,setdar=4/3",
                                                    "-c:v",     "dvvideo",
                                                    "-pix_fmt", "yuv411p",
                                                    "-r",       "30000/1001",
                                                    "-c:a",     "pcm_s16le"}
                                     << "ntsc43.dv" << 4.0 / 3.0;
        QTest::newRow("NTSC DV 16:9") << QStringList{"-vf",      "scale=720:480,setdar=16/9",
                                                     "-c:v",     "dvvideo",
                                                     "-pix_fmt", "yuv411p",
                                                     "-r",       "30000/1001",
                                                     "-c:a",     "pcm_s16le"}
                                      << "ntsc169.dv" << 16.0 / 9.0;
        QTest::newRow("PAL DVD 16:9")
            << QStringList{"-vf", "scale=720:576,setdar=16/9", "-c:v", "mpeg2video", "-q:v", "3", "-r", "25", "-c:a", "mp2"} << "pal169.mpg"
            << 16.0 / 9.0;
    }

    void anamorphicSourceKeepsItsDisplayAspect()
    {
        QFETCH(QStringList, encode);
        QFETCH(QString, file);
        QFETCH(double, aspect);
        // Raw DV holds exactly one video and one audio stream, as a camera writes it.
        QVERIFY(test::runFfmpeg(QStringList{"-i", kSample, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-map", "0:v",
                                            "-map", "1:a", "-t", "0.12", "-ac", "2"}
                                + encode + QStringList{m_dir.filePath(file)}));
        const auto source = videoStream(path(file));
        QVERIFY2(std::abs(displayAspect(source) / aspect - 1) < 0.005, qPrintable(source["sample_aspect_ratio"].toString()));
        const auto probe = probeMedia(path(file));
        QVERIFY2(std::abs(probe.displayAspect() / aspect - 1) < 0.005, probe.describe().c_str());
        const std::string rate = file.startsWith("ntsc") ? "29.97 fps" : "25 fps";
        QVERIFY2(probe.describe().find(rate) != std::string::npos, probe.describe().c_str());

        const auto kept = path("kept-" + file + ".mkv");
        upscale(path(file), kept, "archive-ffv1", DeinterlaceMode::Off);
        auto out = videoStream(kept);
        QCOMPARE(out["width"].toInt(), source["width"].toInt() * 4);
        QCOMPARE(out["sample_aspect_ratio"].toString(), source["sample_aspect_ratio"].toString());
        QVERIFY(std::abs(displayAspect(out) / aspect - 1) < 0.005);

        const auto square = path("square-" + file + ".mkv");
        upscale(path(file), square, "archive-ffv1", DeinterlaceMode::Off, true);
        out = videoStream(square);
        QCOMPARE(out["height"].toInt(), source["height"].toInt() * 4);
        QVERIFY(out["sample_aspect_ratio"].toString() == "1:1" || out["sample_aspect_ratio"].toString().isEmpty());
        QVERIFY2(std::abs(displayAspect(out) / aspect - 1) < 0.005, qPrintable(QString::number(out["width"].toInt())));
    }

    void interlacedSourceIsDeinterlaced_data()
    {
        QTest::addColumn<QString>("order");
        QTest::addColumn<int>("mode");
        QTest::addColumn<double>("outputRate");
        QTest::addColumn<int>("outputFrames");
        QTest::newRow("tff field rate") << "tff" << int(DeinterlaceMode::Auto) << 50.0 << 24;
        QTest::newRow("bff field rate") << "bff" << int(DeinterlaceMode::Auto) << 50.0 << 24;
        QTest::newRow("tff frame rate") << "tff" << int(DeinterlaceMode::FrameRate) << 25.0 << 12;
    }

    void interlacedSourceIsDeinterlaced()
    {
        QFETCH(QString, order);
        QFETCH(int, mode);
        QFETCH(double, outputRate);
        QFETCH(int, outputFrames);
        // 24 frames at 50p woven into 12 interlaced frames at 25i, with sound.
        const QString file = m_dir.filePath("i-" + order + ".mpg");
        if (!QFile::exists(file))
            QVERIFY(test::runFfmpeg({"-i",        kSample,
                                     "-f",        "lavfi",
                                     "-i",        "sine=frequency=440:sample_rate=48000",
                                     "-vf",       "crop=160:128,fps=50,interlace=scan=" + order + ",setfield=" + order,
                                     "-frames:v", "12",
                                     "-t",        "0.48",
                                     "-c:v",      "mpeg2video",
                                     "-q:v",      "2",
                                     "-flags",    "+ildct+ilme",
                                     "-top",      order == "tff" ? "1" : "0",
                                     "-c:a",      "mp2",
                                     "-shortest", file}));
        const auto analysis = analyseInterlacing(file.toStdString());
        QCOMPARE(int(analysis.scan), int(ScanType::Interlaced));
        QCOMPARE(analysis.topFieldFirst, order == "tff");
        const auto sourceIdet = idet(file.toStdString());
        QVERIFY(sourceIdet.tff + sourceIdet.bff > sourceIdet.progressive);

        const auto out = path("d-" + order + QString::number(mode) + ".mkv");
        const auto report = upscale(file.toStdString(), out, "archive-ffv1", DeinterlaceMode(mode));
        QCOMPARE(report.frames, int64_t(outputFrames));
        const auto stream = videoStream(out);
        QVERIFY2(std::abs(frameRate(stream) - outputRate) < 0.01, qPrintable(stream["avg_frame_rate"].toString()));
        QCOMPARE(stream["nb_read_frames"].toString().toInt(), outputFrames);
        // No combing left: idet calls the output progressive.
        const auto outIdet = idet(out);
        QVERIFY2(outIdet.progressive > 3 * (outIdet.tff + outIdet.bff),
                 qPrintable(QString("%1 TFF %2 BFF %3 progressive").arg(outIdet.tff).arg(outIdet.bff).arg(outIdet.progressive)));
        // Sound and picture end together (within one output frame).
        const double video = streamDuration(out, "v:0"), audio = streamDuration(out, "a:0");
        QVERIFY2(std::abs(video - audio) < 1.0 / outputRate + 1e-3, qPrintable(QString("%1 vs %2").arg(video).arg(audio)));
    }

    // A capture that switches from progressive to interlaced (a tape recorded over): no combing
    // is left anywhere, and the timing holds.
    void mixedProgressiveAndInterlacedIsDeinterlaced()
    {
        // 10 progressive frames (25p), then 10 woven from 50p fields, coded as interlaced MPEG-2.
        const QString mixed = m_dir.filePath("mixed.mpg");
        QVERIFY(test::runFfmpeg({"-i", kSample, "-an", "-filter_complex",
                                 "[0:v]crop=160:128,fps=50,split[a][b];"
                                 "[a]trim=start_frame=0:end_frame=20,fps=25,setpts=PTS-STARTPTS[p];"
                                 "[b]trim=start_frame=20:end_frame=40,setpts=PTS-STARTPTS,interlace=scan=tff[i];"
                                 "[p][i]concat=n=2:v=1,setfield=tff",
                                 "-c:v", "mpeg2video", "-q:v", "2", "-flags", "+ildct+ilme", "-top", "1", mixed}));
        const auto analysis = analyseInterlacing(mixed.toStdString());
        QVERIFY2(analysis.scan == ScanType::Interlaced, analysis.describe().c_str());
        const auto out = path("mixed-out.mkv");
        const auto report = upscale(mixed.toStdString(), out, "archive-ffv1");
        QCOMPARE(report.frames, int64_t(40));
        const auto outIdet = idet(out);
        QVERIFY2(outIdet.progressive > 3 * (outIdet.tff + outIdet.bff),
                 qPrintable(QString("%1 TFF %2 BFF %3 progressive").arg(outIdet.tff).arg(outIdet.bff).arg(outIdet.progressive)));
        const auto times = video::readAllFrames(out);
        for (size_t i = 1; i < times.size(); ++i) QVERIFY(std::abs(times[i].timeSeconds - times[i - 1].timeSeconds - 0.02) < 1e-3);
    }

    // 23.976p film telecined to 29.97i is inverse-telecined back to 23.976p, not bobbed.
    void telecinedFilmIsInverseTelecined()
    {
        const QString file = m_dir.filePath("telecined.mpg");
        QVERIFY(test::runFfmpeg({"-i", kSample, "-vf", "crop=160:128,fps=24000/1001,telecine=first_field=top:pattern=23", "-frames:v", "30",
                                 "-c:v", "mpeg2video", "-q:v", "2", "-flags", "+ildct+ilme", "-top", "1", file}));
        const auto analysis = analyseInterlacing(file.toStdString());
        QVERIFY2(analysis.scan == ScanType::Telecined, analysis.describe().c_str());
        const auto out = path("ivtc.mkv");
        const auto report = upscale(file.toStdString(), out, "archive-ffv1");
        const auto stream = videoStream(out);
        QVERIFY2(std::abs(frameRate(stream) - 24000.0 / 1001) < 0.01, qPrintable(stream["avg_frame_rate"].toString()));
        QCOMPARE(stream["nb_read_frames"].toString().toInt(), 24); // 4 of every 5 frames
    }

    // A DV capture cut off mid-frame: the readable frames are restored, the job says what is missing.
    void truncatedCaptureIsRestoredWithAWarning()
    {
        const QString whole = m_dir.filePath("whole-dv.avi");
        QVERIFY(test::runFfmpeg({"-i",       kSample,
                                 "-f",       "lavfi",
                                 "-i",       "sine=frequency=440:sample_rate=48000",
                                 "-map",     "0:v",
                                 "-map",     "1:a",
                                 "-t",       "0.4",
                                 "-ac",      "2",
                                 "-vf",      "scale=720:480,setdar=4/3",
                                 "-c:v",     "dvvideo",
                                 "-pix_fmt", "yuv411p",
                                 "-r",       "30000/1001",
                                 "-c:a",     "pcm_s16le",
                                 whole}));
        const std::string bytes = test::readBytes(whole.toStdString());
        test::writeBytes(path("cut-dv.avi"), bytes.substr(0, bytes.size() * 2 / 3 + 1234));
        const auto out = path("cut-dv-out.mkv");
        const auto report = upscale(path("cut-dv.avi"), out, "archive-ffv1", DeinterlaceMode::Off);
        QVERIFY2(report.frames >= 5 && report.frames < 12, std::to_string(report.frames).c_str());
        QCOMPARE(report.warnings.size(), size_t(1));
        QVERIFY2(report.warnings[0].find("damaged input") != std::string::npos, report.warnings[0].c_str());
        QCOMPARE(int64_t(video::readAllFrames(out).size()), report.frames);
    }

    // Garbage over a stretch of an MP4's media data: every frame FFmpeg can decode comes out,
    // with its timestamp; the job finishes.
    void damagedPacketsInTheMiddleAreSkipped()
    {
        const QString whole = m_dir.filePath("whole.mp4");
        QVERIFY(test::runFfmpeg({"-i", kSample, "-an", "-frames:v", "30", "-vf", "scale=96:54", "-c:v", "libx264", "-g", "5", whole}));
        std::string bytes = test::readBytes(whole.toStdString());
        const size_t mdat = bytes.find("mdat");
        QVERIFY(mdat != std::string::npos);
        for (size_t i = mdat + (bytes.size() - mdat) / 2, end = i + 1500; i < end && i < bytes.size(); ++i)
            bytes[i] = static_cast<char>((i * 2654435761u) >> 13);
        test::writeBytes(path("damaged.mp4"), bytes);
        const auto reference = video::readAllFrames(path("damaged.mp4"));
        const auto out = path("damaged-out.mkv");
        const auto report = upscale(path("damaged.mp4"), out, "archive-ffv1");
        QCOMPARE(report.frames, int64_t(reference.size()));
        const auto restored = video::readAllFrames(out);
        QCOMPARE(restored.size(), reference.size());
        for (size_t i = 0; i < restored.size(); ++i) QVERIFY(std::abs(restored[i].timeSeconds - reference[i].timeSeconds) < 1e-3);
    }

    // HDR is restored on its coded samples and keeps its tags; an 8-bit preset gets a warning.
    void hdrSourceKeepsItsTags()
    {
        const QString hlg = m_dir.filePath("hlg.mkv");
        QVERIFY(
            test::runFfmpeg({"-i", kSample, "-an", "-frames:v", "4", "-vf", "scale=64:36", "-pix_fmt", "yuv420p10le", "-color_primaries",
                             "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc", "-c:v", "ffv1", hlg}));
        const auto out = path("hlg-out.mkv");
        auto report = upscale(hlg.toStdString(), out, "hevc-10bit");
        const auto stream = videoStream(out);
        QCOMPARE(stream["color_transfer"].toString(), QString("arib-std-b67"));
        QCOMPARE(stream["color_primaries"].toString(), QString("bt2020"));
        QCOMPARE(stream["pix_fmt"].toString(), QString("yuv420p10le"));
        bool said = false;
        for (const auto& line : report.streams) said = said || line.find("HDR (HLG, BT.2020, 10-bit)") != std::string::npos;
        QVERIFY(said);
        QVERIFY(report.warnings.empty());
        report = upscale(hlg.toStdString(), path("hlg-8bit.mp4"), "web-h264");
        QCOMPARE(report.warnings.size(), size_t(1));
        QVERIFY2(report.warnings[0].find("will band") != std::string::npos, report.warnings[0].c_str());
        QCOMPARE(videoStream(path("hlg-8bit.mp4"))["color_transfer"].toString(), QString("arib-std-b67"));
    }

    void progressiveSourceIsLeftAlone()
    {
        const auto analysis = analyseInterlacing(kSample.toStdString());
        QVERIFY2(analysis.scan == ScanType::Progressive, analysis.describe().c_str());
        QCOMPARE(parseDeinterlaceMode("field"), DeinterlaceMode::FieldRate);
        test::expectError([] { parseDeinterlaceMode("yadif"); }, ErrorCode::InvalidArgument, "auto, field, frame or off");
    }
};

QTEST_APPLESS_MAIN(TestPipelineHomeVideo)
#include "test_pipeline_home_video.moc"
