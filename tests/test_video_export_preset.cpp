// Export presets: the built-ins exist and work with this FFmpeg; JSON round trips; user folder.
#include "dualx/export_preset.h"
#include "test_support.h"

#include <QTemporaryDir>

#include <cstdlib>
#include <fstream>

using namespace dualx;

class TestVideoExportPreset : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { ::setenv("DUALX_PRESET_DIR", m_dir.path().toUtf8().constData(), 1); }

    void builtInsCoverTheRequiredIds()
    {
        const auto presets = builtInPresets();
        std::set<std::string> ids;
        for (const auto& p : presets) {
            ids.insert(p.id);
            QVERIFY(p.builtIn);
            p.checkAvailable(); // muxer, encoders and pixel format exist in this FFmpeg
        }
        for (const char* id : {"web-h264", "hevc-10bit", "av1", "archive-ffv1", "prores-hq"}) QVERIFY2(ids.count(id), id);
        const auto web = findPreset("web-h264");
        QCOMPARE(web.container, std::string("mp4"));
        QCOMPARE(web.pixelFormat, std::string("yuv420p"));
        QCOMPARE(findPreset("hevc-10bit").pixelFormat, std::string("yuv420p10le"));
        QCOMPARE(findPreset("archive-ffv1").videoCodec, std::string("ffv1"));
    }

    void theOutputFileNameChoosesTheContainer()
    {
        const auto web = findPreset("web-h264");
        // A name in the preset's own container, one FFmpeg does not know, or none: unchanged.
        for (const char* name : {"out.mp4", "OUT.MP4", "out.unknownext", "out"}) {
            const auto same = web.forOutputFile(name);
            QCOMPARE(same.container, web.container);
            QCOMPARE(same.extension, web.extension);
        }
        // H.264 named .mkv or .mov: that container, the codec and its settings as they were.
        const auto mkv = web.forOutputFile("/videos/Holiday 1998.MKV");
        QCOMPARE(mkv.container, std::string("matroska"));
        QCOMPARE(mkv.extension, std::string(".mkv"));
        QCOMPARE(mkv.videoCodec, web.videoCodec);
        QCOMPARE(mkv.crf, web.crf);
        mkv.checkAvailable();
        QCOMPARE(web.forOutputFile("out.mov").container, std::string("mov"));
        // A container that cannot hold the codec is refused, naming both and the way out.
        test::expectError([&] { web.forOutputFile("out.webm"); }, ErrorCode::InvalidArgument, "cannot hold libx264 video");
        test::expectError([&] { findPreset("prores-hq").forOutputFile("out.mp4"); }, ErrorCode::InvalidArgument, "name it .mov");
        // An extension FFmpeg knows for something that is not a video container.
        test::expectError([&] { web.forOutputFile("out.wav"); }, ErrorCode::InvalidArgument, "cannot hold libx264");
        // A preset's own extension keeps its container, whatever FFmpeg would guess for it.
        auto m4v = findPreset("hevc-10bit");
        m4v.container = "mp4";
        m4v.extension = ".m4v";
        QCOMPARE(m4v.forOutputFile("clip.M4V").container, std::string("mp4"));
    }

    void jsonRoundTrip()
    {
        for (const auto& p : builtInPresets()) {
            const auto again = ExportPreset::fromJson(p.toJson(), "test");
            QCOMPARE(again.toJson(), p.toJson());
        }
        auto custom = findPreset("web-h264");
        custom.id = "web-720p";
        custom.scaleMode = OutputScaleMode::Height;
        custom.targetHeight = 720;
        const auto again = ExportPreset::fromJson(custom.toJson(), "test");
        QVERIFY(again.scaleMode == OutputScaleMode::Height);
        QCOMPARE(again.targetHeight, 720);
    }

    void userFolderPresets()
    {
        auto mine = findPreset("archive-ffv1");
        mine.id = "my-archive";
        mine.name = "Mine";
        saveUserPreset(mine);
        const auto found = findPreset("my-archive");
        QVERIFY(!found.builtIn);
        QCOMPARE(found.name, std::string("Mine"));
        test::expectError([&] { saveUserPreset(findPreset("av1")); }, ErrorCode::InvalidArgument, "built-in");
        // A broken file is skipped with a reason, not fatal.
        std::ofstream(m_dir.filePath("broken.json").toStdString()) << "{ nope";
        std::vector<std::string> problems;
        const auto all = allPresets(&problems);
        QCOMPARE(problems.size(), size_t{1});
        QVERIFY(problems[0].find("broken.json") != std::string::npos);
        QVERIFY(std::any_of(all.begin(), all.end(), [](const auto& p) { return p.id == "my-archive"; }));
        // And by path.
        QCOMPARE(findPreset(m_dir.filePath("my-archive.json").toStdString()).id, std::string("my-archive"));
    }

    void badPresetsAreNamed()
    {
        test::expectError([] { findPreset("vhs"); }, ErrorCode::InvalidArgument, "unknown preset 'vhs' (known: ");
        test::expectError([] { ExportPreset::fromJson("{\"id\": \"x\"}", "x.json"); }, ErrorCode::InvalidArgument, "x.json");
        auto p = findPreset("web-h264");
        p.videoCodec = "libnothing";
        test::expectError([&] { p.checkAvailable(); }, ErrorCode::InvalidArgument, "'libnothing'");
        auto json = findPreset("web-h264").toJson();
        json.replace(json.find("\"none\""), 6, "\"sideways\"");
        test::expectError([&] { ExportPreset::fromJson(json, "s.json"); }, ErrorCode::InvalidArgument, "'sideways'");
        test::expectError([] { findPreset("/no/such/preset.json"); }, ErrorCode::FileNotFound, "/no/such/preset.json");
        // Found by fuzzing: a float too large for an integer field was cast (undefined behaviour).
        auto huge = findPreset("web-h264").toJson();
        huge.replace(huge.find("\"crf\": 18"), 9, "\"crf\": 1.9e52");
        test::expectError([&] { ExportPreset::fromJson(huge, "h.json"); }, ErrorCode::InvalidArgument,
                          "video.crf = 1.9e+52 is out of range");
    }
};

QTEST_APPLESS_MAIN(TestVideoExportPreset)
#include "test_video_export_preset.moc"
