// The whole job on generated clips: frames, timestamps, streams, durations and colour survive.
#include "dualx/upscale_job.h"
#include "media_fixtures.h"
#include "model/weights.h"
#include "pipeline/output_guard.h"
#include "test_support.h"
#include "video/video_frame_reader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace dualx;

namespace {

QJsonObject ffprobe(const std::string& path)
{
    QProcess p;
    p.start("ffprobe",
            {"-v", "error", "-print_format", "json", "-show_streams", "-show_format", "-show_chapters", QString::fromStdString(path)});
    p.waitForFinished(60'000);
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

QStringList codecList(const QJsonObject& probe)
{
    QStringList out;
    for (const auto& s : probe["streams"].toArray())
        out << s.toObject()["codec_type"].toString() + ":" + s.toObject()["codec_name"].toString();
    return out;
}

std::vector<double> frameTimes(const std::string& path)
{
    std::vector<double> times;
    for (const auto& f : video::readAllFrames(path)) times.push_back(f.timeSeconds);
    return times;
}

} // namespace

class TestPipelineUpscale : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_model;

    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

    UpscaleSettings settings(const std::string& input, const std::string& output, const char* preset)
    {
        UpscaleSettings s;
        s.input = input;
        s.output = output;
        s.engine.model = m_model;
        s.preset = preset;
        s.engine.tileLr = 32;
        s.engine.tileOverlapLr = 8;
        s.engine.windowFrames = 6;
        s.engine.windowOverlap = 2;
        s.engine.device = DevicePreference::Cpu;
        return s;
    }

    void expectNothingAt(const std::string& output)
    {
        QVERIFY(!std::filesystem::exists(output));
        QVERIFY(!std::filesystem::exists(output + ".partial"));
        QVERIFY(!std::filesystem::exists(output + ".dualx-job"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(1);
        model::DualXVSR net(presetConfig("tiny"));
        m_model = path("tiny.safetensors");
        model::saveModelWeights(*net, m_model, "mse", {});
        std::ofstream(path("subs.srt")) << "1\n00:00:00,000 --> 00:00:01,000\nHello\n\n2\n00:00:01,000 --> 00:00:02,000\nWorld\n";
        // 8-bit CFR clip with audio, subtitles, a chapter and a title.
        std::ofstream(path("chapters.txt"))
            << ";FFMETADATA1\ntitle=Generated clip\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=One\n";
        QVERIFY(test::runFfmpeg({"-f",
                                 "lavfi",
                                 "-i",
                                 "testsrc2=size=40x30:rate=10",
                                 "-f",
                                 "lavfi",
                                 "-i",
                                 "sine=frequency=440:sample_rate=48000",
                                 "-i",
                                 m_dir.filePath("subs.srt"),
                                 "-i",
                                 m_dir.filePath("chapters.txt"),
                                 "-t",
                                 "2",
                                 "-map",
                                 "0",
                                 "-map",
                                 "1",
                                 "-map",
                                 "2",
                                 "-map_metadata",
                                 "3",
                                 "-map_chapters",
                                 "3",
                                 "-c:v",
                                 "libx264",
                                 "-pix_fmt",
                                 "yuv420p",
                                 "-c:a",
                                 "aac",
                                 "-c:s",
                                 "srt",
                                 m_dir.filePath("cfr.mkv")}));
        // Variable frame rate: 5 frames 0.1 s apart, then 5 frames 0.25 s apart.
        QVERIFY(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=36x28:rate=10", "-frames:v", "10", "-vf",
                                 "settb=1/1000,setpts='if(lt(N,5),N*0.1,0.4+(N-4)*0.25)/TB'", "-fps_mode", "passthrough",
                                 "-enc_time_base:v", "1:1000", "-c:v", "ffv1", m_dir.filePath("vfr.mkv")}));
        // 10-bit, BT.709-tagged.
        QVERIFY(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=32x24:rate=5", "-frames:v", "6", "-pix_fmt", "yuv420p10le",
                                 "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-c:v", "ffv1",
                                 m_dir.filePath("ten.mkv")}));
    }

    void cfrClipKeepsFramesStreamsAndChapters()
    {
        UpscaleJob job(settings(path("cfr.mkv"), path("cfr-out.mkv"), "archive-ffv1"));
        int progressCalls = 0;
        const auto report = job.run([&](const UpscaleProgress& p) {
            ++progressCalls;
            QVERIFY(p.framesDone > 0 && p.framesTotal == 20);
        });
        QCOMPARE(report.frames, int64_t{20});
        QCOMPARE(report.outputWidth, 160);
        QVERIFY(progressCalls >= 1);
        QVERIFY(!std::filesystem::exists(path("cfr-out.mkv") + ".partial"));

        const auto in = frameTimes(path("cfr.mkv")), out = frameTimes(path("cfr-out.mkv"));
        QCOMPARE(out.size(), in.size());
        for (size_t i = 0; i < in.size(); ++i) QVERIFY(std::abs(out[i] - in[i]) < 1e-3);

        const auto probe = ffprobe(path("cfr-out.mkv"));
        QCOMPARE(codecList(probe), (QStringList{"video:ffv1", "audio:aac", "subtitle:subrip"}));
        const auto video = probe["streams"].toArray()[0].toObject();
        QCOMPARE(video["width"].toInt(), 160);
        QCOMPARE(video["height"].toInt(), 120);
        QCOMPARE(probe["chapters"].toArray().size(), 1);
        QCOMPARE(probe["format"].toObject()["tags"].toObject()["title"].toString(), QString("Generated clip"));
        const double inDuration = ffprobe(path("cfr.mkv"))["format"].toObject()["duration"].toString().toDouble();
        QVERIFY(std::abs(probe["format"].toObject()["duration"].toString().toDouble() - inDuration) < 0.05);
    }

    void variableFrameRateKeepsItsTiming()
    {
        UpscaleJob job(settings(path("vfr.mkv"), path("vfr-out.mkv"), "archive-ffv1"));
        job.run();
        const auto in = frameTimes(path("vfr.mkv")), out = frameTimes(path("vfr-out.mkv"));
        QCOMPARE(in.size(), size_t{10});
        QCOMPARE(out.size(), in.size());
        for (size_t i = 0; i < in.size(); ++i) QVERIFY2(std::abs(out[i] - in[i]) < 1e-3, std::to_string(out[i]).c_str());
        QVERIFY(std::abs((in[9] - in[8]) - 0.25) < 2e-3); // the input really is VFR
        QVERIFY(std::abs((in[1] - in[0]) - 0.10) < 2e-3);
    }

    void tenBitSourceKeepsDepthAndColourTags()
    {
        UpscaleJob job(settings(path("ten.mkv"), path("ten-out.mkv"), "hevc-10bit"));
        job.run();
        const auto video = ffprobe(path("ten-out.mkv"))["streams"].toArray()[0].toObject();
        QCOMPARE(video["codec_name"].toString(), QString("hevc"));
        QCOMPARE(video["pix_fmt"].toString(), QString("yuv420p10le"));
        QCOMPARE(video["color_space"].toString(), QString("bt709"));
        QCOMPARE(video["color_primaries"].toString(), QString("bt709"));
        QCOMPARE(video["color_transfer"].toString(), QString("bt709"));
        QCOMPARE(video["width"].toInt(), 128);
    }

    void startAndDurationTrimAndRebase()
    {
        auto s = settings(path("cfr.mkv"), path("trim.mkv"), "archive-ffv1");
        s.startSeconds = 0.5;
        s.durationSeconds = 1.0;
        UpscaleJob job(s);
        QCOMPARE(job.run().frames, int64_t{10});
        const auto times = frameTimes(path("trim.mkv")), source = frameTimes(path("cfr.mkv"));
        QCOMPARE(times.size(), size_t{10});
        // Source frames 5..14 (0.5 s .. 1.4 s after the file's own start), shifted back by 0.5 s.
        for (size_t i = 0; i < times.size(); ++i) QVERIFY(std::abs(times[i] - (source[i + 5] - 0.5)) < 1e-3);
        const auto probe = ffprobe(path("trim.mkv"));
        QVERIFY(std::abs(probe["format"].toObject()["duration"].toString().toDouble() - 1.0) < 0.1);
    }

    void startCountsFromTheFilesBeginning()
    {
        // MPEG transport and program streams (camcorders, DVDs, broadcast captures) start their
        // timestamps at an arbitrary clock value (here FFmpeg's 1.4 s); --start 0.5 still means
        // half a second into the video, and audio is cut to the same range.
        QVERIFY(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=36x28:rate=10", "-f", "lavfi", "-i",
                                 "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:v", "mpeg2video", "-q:v", "4", "-c:a", "mp2",
                                 QString::fromStdString(path("camcorder.ts"))}));
        const double origin = ffprobe(path("camcorder.ts"))["format"].toObject()["start_time"].toString().toDouble();
        QVERIFY2(origin > 1.0, qPrintable(QString::number(origin)));
        auto s = settings(path("camcorder.ts"), path("camcorder-trim.mkv"), "archive-ffv1");
        s.startSeconds = 0.5;
        s.durationSeconds = 1.0;
        QCOMPARE(UpscaleJob(s).run().frames, int64_t{10});
        const auto source = frameTimes(path("camcorder.ts")), times = frameTimes(path("camcorder-trim.mkv"));
        QCOMPARE(times.size(), size_t{10});
        for (size_t i = 0; i < times.size(); ++i) QVERIFY(std::abs(times[i] - (source[i + 5] - origin - 0.5)) < 1e-3);
        const auto probe = ffprobe(path("camcorder-trim.mkv"));
        QCOMPARE(codecList(probe), QStringList({"video:ffv1", "audio:mp2"}));
        QVERIFY(std::abs(probe["format"].toObject()["duration"].toString().toDouble() - 1.0) < 0.1);
    }

    void aTrimmedRunWritesTheFramesOfTheWholeRun()
    {
        // The model sees the frames around a trimmed range, so the range is restored exactly as in
        // a run over the whole clip (windows of 6 every 4 frames: several windows either side).
        auto whole = settings(path("cfr.mkv"), path("whole-w6.mkv"), "archive-ffv1");
        whole.engine.windowFrames = 6;
        whole.engine.windowOverlap = 2;
        UpscaleJob(whole).run();
        auto trimmed = whole;
        trimmed.output = path("trim-w6.mkv");
        trimmed.startSeconds = 0.7;
        trimmed.durationSeconds = 0.8;
        QCOMPARE(UpscaleJob(trimmed).run().frames, int64_t{8});
        const auto all = video::readAllFrames(path("whole-w6.mkv")), part = video::readAllFrames(path("trim-w6.mkv"));
        QCOMPARE(part.size(), size_t{8});
        for (size_t i = 0; i < part.size(); ++i) QVERIFY2(part[i].rgb == all[i + 7].rgb, qPrintable(QString("frame %1").arg(i)));
    }

    void splitPartsJoinIntoTheWholeRun()
    {
        // What a cluster batch does with a long file: ranges restored separately, joined without
        // re-encoding into the file one run gives, with its audio, subtitles and chapters.
        auto whole = settings(path("cfr.mkv"), path("whole-split.mkv"), "archive-ffv1");
        whole.engine.windowFrames = 6;
        whole.engine.windowOverlap = 2;
        UpscaleJob(whole).run();
        std::vector<std::string> parts;
        const double starts[] = {0, 0.6, 1.3};
        for (int k = 0; k < 3; ++k) {
            auto part = whole;
            part.splitPart = true;
            part.output = path(("part-" + std::to_string(k) + ".dxpart").c_str());
            part.startSeconds = starts[k];
            part.durationSeconds = k < 2 ? starts[k + 1] - starts[k] : 0;
            QCOMPARE(UpscaleJob(part).run().frames, int64_t{k == 0 ? 6 : k == 1 ? 7 : 7});
            parts.push_back(part.output);
        }
        auto joined = whole;
        joined.output = path("joined.mkv");
        QCOMPARE(joinSplitParts(joined, parts).frames, int64_t{20});
        const auto a = video::readAllFrames(path("whole-split.mkv")), b = video::readAllFrames(path("joined.mkv"));
        QCOMPARE(b.size(), a.size());
        for (size_t i = 0; i < a.size(); ++i) {
            QVERIFY2(a[i].rgb == b[i].rgb, qPrintable(QString("frame %1").arg(i)));
            QCOMPARE(a[i].pts, b[i].pts);
        }
        QCOMPARE(codecList(ffprobe(path("joined.mkv"))), codecList(ffprobe(path("whole-split.mkv"))));

        // Parts of another job do not join: nothing is written.
        auto other = joined;
        other.output = path("joined-other.mkv");
        other.preset = "web-h264";
        test::expectError([&] { joinSplitParts(other, parts); }, ErrorCode::InvalidArgument, "encoded with other settings");
        test::expectError([&] { joinSplitParts(joined, {path("no-such.dxpart")}); }, ErrorCode::FileNotFound, "no-such.dxpart");
        QVERIFY(!std::filesystem::exists(path("joined-other.mkv")));
    }

    void mp4TranscodesTheSubtitleItCannotHold()
    {
        UpscaleJob job(settings(path("cfr.mkv"), path("web.mp4"), "web-h264"));
        const auto report = job.run();
        const auto codecs = codecList(ffprobe(path("web.mp4")));
        // MP4 cannot hold SubRip: the cues become mov_text (MP4 adds a text track for the chapter too).
        QCOMPARE(codecs.mid(0, 3), (QStringList{"video:h264", "audio:aac", "subtitle:mov_text"}));
        const bool reported = std::any_of(report.streams.begin(), report.streams.end(), [](const std::string& l) {
            return l.find("subrip") != std::string::npos && l.find("transcoded to mov_text") != std::string::npos;
        });
        QVERIFY(reported);
        QProcess p;
        p.start("ffmpeg", {"-v", "error", "-i", m_dir.filePath("web.mp4"), "-map", "0:s", "-f", "srt", "-"});
        p.waitForFinished(60'000);
        const auto srt = p.readAllStandardOutput();
        QVERIFY(srt.contains("Hello") && srt.contains("World"));
    }

    void audioTheContainerCannotHoldIsTranscoded()
    {
        QVERIFY(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=32x24:rate=10", "-f", "lavfi", "-i",
                                 "sine=frequency=300:sample_rate=44100", "-t", "2", "-c:v", "ffv1", "-c:a", "pcm_s16le",
                                 m_dir.filePath("pcm.mkv")}));
        UpscaleJob job(settings(path("pcm.mkv"), path("pcm.mp4"), "web-h264"));
        const auto report = job.run();
        QVERIFY(std::any_of(report.streams.begin(), report.streams.end(),
                            [](const std::string& l) { return l.find("pcm_s16le): transcoded to aac") != std::string::npos; }));
        const auto probe = ffprobe(path("pcm.mp4"));
        QCOMPARE(codecList(probe), (QStringList{"video:h264", "audio:aac"}));
        const auto audio = probe["streams"].toArray()[1].toObject();
        QCOMPARE(audio["sample_rate"].toString(), QString("44100"));
        QVERIFY(std::abs(audio["duration"].toString().toDouble() - 2.0) < 0.1);
    }

    void coverArtAndAttachmentsAreKept()
    {
        // A song's video with cover art (an attached PNG): MP4 holds it as a picture track,
        // Matroska as an attachment named by its convention; the picture's bytes are the source's.
        QVERIFY(test::runFfmpeg(
            {"-f", "lavfi", "-i", "testsrc2=size=40x30:rate=1", "-frames:v", "1", "-update", "1", m_dir.filePath("cover.png")}));
        const QString song = "-f lavfi -i testsrc2=size=32x24:rate=10 -f lavfi -i sine=sample_rate=48000 -i %1 -map 0 -map 1 -map 2 "
                             "-t 0.5 -c:v libx264 -pix_fmt yuv420p -c:a aac -c:v:1 png -disposition:v:1 attached_pic %2";
        QVERIFY(test::runFfmpeg(song.arg(m_dir.filePath("cover.png"), m_dir.filePath("song.mp4")).split(' ')));
        for (const char* output : {"song-out.mkv", "song-out.mp4"}) {
            UpscaleJob job(settings(path("song.mp4"), path(output), "web-h264"));
            const auto report = job.run();
            const auto probe = ffprobe(path(output));
            QCOMPARE(codecList(probe), (QStringList{"video:h264", "audio:aac", "video:png"}));
            const auto cover = probe["streams"].toArray()[2].toObject();
            QCOMPARE(cover["disposition"].toObject()["attached_pic"].toInt(), 1);
            const bool matroska = QString(output).endsWith(".mkv");
            if (matroska) QCOMPARE(cover["tags"].toObject()["filename"].toString(), QString("cover.png"));
            QVERIFY(std::any_of(report.streams.begin(), report.streams.end(), [&](const std::string& l) {
                return l.find(matroska ? "png): cover picture kept as the attachment cover.png" : "png): copied") != std::string::npos;
            }));
            const QString kept = m_dir.filePath(QString(output) + ".png");
            QVERIFY(test::runFfmpeg({"-i", m_dir.filePath(output), "-map", "0:2", "-c", "copy", "-frames:v", "1", "-update", "1", kept}));
            QFile a(kept), b(m_dir.filePath("cover.png"));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QVERIFY2(a.readAll() == b.readAll(), output);
        }

        // A Matroska file's fonts (for styled subtitles) go with it into Matroska; MP4 cannot hold them.
        std::ofstream(path("subtitles.ttf"), std::ios::binary) << "not a real font, but the bytes must survive";
        QVERIFY(test::runFfmpeg({"-i", m_dir.filePath("song-out.mkv"), "-map", "0:0", "-map", "0:1", "-c", "copy", "-attach",
                                 m_dir.filePath("subtitles.ttf"), "-metadata:s:t", "mimetype=application/x-truetype-font",
                                 m_dir.filePath("fonts.mkv")}));
        for (const char* output : {"fonts-out.mkv", "fonts-out.mp4"}) {
            UpscaleJob job(settings(path("fonts.mkv"), path(output), "web-h264"));
            const auto report = job.run();
            const bool matroska = QString(output).endsWith(".mkv");
            const std::string said
                = matroska ? "(ttf): copied as subtitles.ttf" : "(ttf): NOT COPIED: mp4 cannot hold ttf (a .mkv output keeps it)";
            QVERIFY2(std::any_of(report.streams.begin(), report.streams.end(),
                                 [&](const std::string& l) { return l.find(said) != std::string::npos; }),
                     said.c_str());
        }
        const QString font = m_dir.filePath("kept.ttf");
        QVERIFY(test::runFfmpeg({"-dump_attachment:t:0", font, "-i", m_dir.filePath("fonts-out.mkv"), "-f", "null", "-"}));
        QFile kept(font);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("not a real font, but the bytes must survive"));
    }

    void theOutputNameChoosesTheContainer()
    {
        // The MP4 preset's H.264 written to a .mkv name is Matroska, which holds PCM as it is.
        QVERIFY(test::runFfmpeg({"-y", "-f", "lavfi", "-i", "testsrc2=size=32x24:rate=10", "-f", "lavfi", "-i",
                                 "sine=frequency=300:sample_rate=44100", "-t", "1", "-c:v", "ffv1", "-c:a", "pcm_s16le",
                                 m_dir.filePath("pcm-named.mkv")}));
        UpscaleJob job(settings(path("pcm-named.mkv"), path("pcm-web.mkv"), "web-h264"));
        const auto report = job.run();
        const auto probe = ffprobe(path("pcm-web.mkv"));
        QVERIFY(probe["format"].toObject()["format_name"].toString().startsWith("matroska"));
        QCOMPARE(codecList(probe), (QStringList{"video:h264", "audio:pcm_s16le"}));
        QVERIFY(std::none_of(report.streams.begin(), report.streams.end(),
                             [](const std::string& l) { return l.find("transcoded") != std::string::npos; }));
        // A container that cannot hold the codec is refused before anything is written.
        UpscaleJob webm(settings(path("pcm-named.mkv"), path("pcm.webm"), "web-h264"));
        test::expectError([&] { webm.run(); }, ErrorCode::InvalidArgument, "cannot hold libx264");
        expectNothingAt(path("pcm.webm"));
    }

    void badInputLeavesNothingBehind()
    {
        const auto out = path("bad-out.mkv");
        test::expectError([&] { UpscaleJob(settings(path("missing.mkv"), out, "archive-ffv1")).run(); }, ErrorCode::FileNotFound,
                          "missing.mkv");
        expectNothingAt(out);
        std::ofstream(path("notes.mkv")) << "not a video at all\n";
        test::expectError([&] { UpscaleJob(settings(path("notes.mkv"), out, "archive-ffv1")).run(); }, ErrorCode::FileUnreadable,
                          "notes.mkv");
        expectNothingAt(out);
        test::expectError([&] { UpscaleJob(settings(path("cfr.mkv"), out, "vhs-tape")).run(); }, ErrorCode::InvalidArgument,
                          "unknown preset 'vhs-tape'");
        expectNothingAt(out);
        test::expectError([&] { UpscaleJob(settings(path("cfr.mkv"), path("no/such/dir/x.mkv"), "archive-ffv1")).run(); },
                          ErrorCode::FileUnwritable, "does not exist");
        auto s = settings(path("cfr.mkv"), out, "archive-ffv1");
        s.engine.model = path("notes.mkv");
        test::expectError([&] { UpscaleJob(s).run(); }, ErrorCode::CorruptFile, "not a valid safetensors file");
        expectNothingAt(out);
        test::expectError([&] { UpscaleJob(settings(path("cfr.mkv"), path("cfr.mkv"), "archive-ffv1")).run(); }, ErrorCode::InvalidArgument,
                          "overwrite the input");
        s = settings(path("cfr.mkv"), out, "archive-ffv1");
        s.engine.ensemble = 3;
        test::expectError([&] { UpscaleJob(s).run(); }, ErrorCode::InvalidArgument, "1, 2, 4, 8 or 16 copies, not 3");
        expectNothingAt(out);
        s = settings(path("cfr.mkv"), out, "archive-ffv1");
        s.engine.sourceCondition = 1.5;
        test::expectError([&] { UpscaleJob(s).run(); }, ErrorCode::InvalidArgument, "source condition must be in [0, 1]");
        expectNothingAt(out);
        // Truncated: an MP4 cut before its index (moov at the end) is unreadable.
        QVERIFY(test::runFfmpeg(
            {"-f", "lavfi", "-i", "testsrc2=size=32x24:rate=10", "-t", "2", "-c:v", "libx264", m_dir.filePath("whole.mp4")}));
        std::filesystem::copy_file(path("whole.mp4"), path("cut.mp4"));
        std::filesystem::resize_file(path("cut.mp4"), std::filesystem::file_size(path("whole.mp4")) / 2);
        try {
            UpscaleJob(settings(path("cut.mp4"), out, "archive-ffv1")).run();
            QFAIL("a truncated MP4 was upscaled without an error");
        } catch (const Error& e) {
            QVERIFY2(e.code() == ErrorCode::FileUnreadable || e.code() == ErrorCode::CorruptFile, e.what());
            QVERIFY2(std::string(e.what()).find("cut.mp4") != std::string::npos, e.what());
        }
        expectNothingAt(out);
        // Not writable even for root: nothing can be created in /proc.
        test::expectError([&] { UpscaleJob(settings(path("cfr.mkv"), "/proc/dualx-out.mkv", "archive-ffv1")).run(); },
                          ErrorCode::FileUnwritable, "/proc/dualx-out.mkv");
    }

    // A Theora file whose header says 214x160 decodes to 218x160 frames (FFmpeg's decoder and
    // ours agree); the output must follow the decoded frames, not the header.
    void decodedSizeWinsOverTheHeader()
    {
        const std::string input = std::string(DUALX_SOURCE_DIR) + "/tests/data/theora-1906-film-header-214-decodes-218.ogv";
        const auto report = UpscaleJob(settings(input, path("theora-out.mkv"), "archive-ffv1")).run();
        QCOMPARE(report.outputWidth, 872);
        QCOMPARE(report.outputHeight, 640);
        const auto in = video::readAllFrames(input), out = video::readAllFrames(path("theora-out.mkv"));
        QCOMPARE(out.size(), in.size());
        for (size_t i = 0; i < in.size(); ++i) {
            const auto tensor = [](const video::RgbFrame& f) {
                return torch::from_blob(const_cast<uint8_t*>(f.rgb.data()), {f.height, f.width, 3}, torch::kUInt8)
                    .permute({2, 0, 1})
                    .to(torch::kFloat32)
                    .div(255);
            };
            const double psnr = pipeline::coarseMatchPsnr(tensor(in[i]), tensor(out[i]));
            QVERIFY2(psnr > 25, std::to_string(psnr).c_str());
        }
    }

    void coarseMatchSeparatesRestorationFromGarbage()
    {
        torch::manual_seed(3);
        const auto lr = torch::rand({3, 24, 32}).mul(0.5).add(torch::linspace(0, 0.5, 32));
        const auto hr = torch::upsample_bicubic2d(lr.unsqueeze(0), {96, 128}, false)[0];
        QVERIFY(pipeline::coarseMatchPsnr(lr, hr) > 40);
        // Heavy noise on the input, removed by the restoration: still a match.
        const auto noisy = (lr + torch::randn_like(lr) * (30.0 / 255)).clamp(0, 1);
        QVERIFY(pipeline::coarseMatchPsnr(noisy, hr) > pipeline::kMinCoarseMatchPsnr + 5);
        // The same samples read with the wrong row length.
        const auto misread = hr.flatten().roll(37 * 96).reshape({3, 96, 128});
        QVERIFY(pipeline::coarseMatchPsnr(lr, misread) < pipeline::kMinCoarseMatchPsnr);
        QVERIFY(pipeline::coarseMatchPsnr(lr, torch::ones_like(hr)) < pipeline::kMinCoarseMatchPsnr);
    }

    // A model that outputs white: the job stops at the first frame instead of writing it.
    void garbageOutputStopsTheJob()
    {
        torch::manual_seed(1);
        model::DualXVSR net(presetConfig("tiny"));
        {
            torch::NoGradGuard noGrad;
            for (auto& p : net->named_parameters())
                if (p.key().rfind("upsampler.", 0) == 0 && p.key().find("bias") != std::string::npos) p.value().fill_(10.0);
        }
        const auto broken = path("broken.safetensors");
        model::saveModelWeights(*net, broken, "mse", {});
        auto s = settings(path("cfr.mkv"), path("garbage.mkv"), "archive-ffv1");
        s.engine.model = broken;
        test::expectError([&] { UpscaleJob(s).run(); }, ErrorCode::Internal, "restored frame 0 does not match its input");
        expectNothingAt(path("garbage.mkv"));
    }

    void cancelStopsAndCleansUp()
    {
        const auto out = path("cancel.mkv");
        UpscaleJob job(settings(path("cfr.mkv"), out, "archive-ffv1"));
        test::expectError([&] { job.run([&](const UpscaleProgress&) { job.cancel(); }); }, ErrorCode::Cancelled, "cancelled");
        expectNothingAt(out);
    }
};

QTEST_APPLESS_MAIN(TestPipelineUpscale)
#include "test_pipeline_upscale.moc"
