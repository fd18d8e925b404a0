// EngineSettings: one set of defaults, one validation and one JSON form for the job, the preview,
// the desktop app and the CLI; every bad value is refused with its name.
#include "dualx/engine_settings.h"
#include "dualx/errors.h"
#include "dualx/upscale_settings_json.h"
#include "test_support.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace dualx;

class TestPipelineEngineSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreWrittenOnce()
    {
        const EngineSettings defaults;
        QCOMPARE(defaults.model, std::string("mse"));
        QCOMPARE(defaults.sourceCondition, kSourceUnknown);
        QCOMPARE(defaults.windowFrames, 16);
        validateEngineSettings(defaults);
        // Keys left out keep the defaults; the job's settings start from the same ones.
        QVERIFY(engineSettingsFromJson("{}", "t") == defaults);
        QVERIFY(UpscaleSettings{}.engine == defaults);
        QVERIFY(upscaleSettingsFromJson("{}", "t").engine == defaults);
    }

    void everySettingTravelsThroughJson()
    {
        EngineSettings s;
        s.model = "/models/x.safetensors";
        s.tileLr = 96;
        s.tileOverlapLr = 12;
        s.windowFrames = 8;
        s.windowOverlap = 3;
        s.ensemble = 4;
        s.temporalFusion = 2;
        s.sourceCondition = 0.25;
        s.device = DevicePreference(DevicePreference::Cuda, 1);
        s.deinterlace = DeinterlaceMode::FrameRate;
        const std::string json = engineSettingsToJson(s);
        QVERIFY(engineSettingsFromJson(json, "t") == s);
        // A job's settings hold the same keys at the top level, so a cluster task reads them alike.
        UpscaleSettings job;
        job.engine = s;
        const auto jobJson = nlohmann::json::parse(upscaleSettingsToJson(job));
        const auto engineJson = nlohmann::json::parse(json);
        for (const auto& [key, value] : engineJson.items())
            QVERIFY2(jobJson.at(key) == value, (key + ": " + jobJson.at(key).dump() + " vs " + value.dump()).c_str());
        QVERIFY(upscaleSettingsFromJson(jobJson.dump(), "t").engine == s);
        // The default, temporal fusion by device, travels as "auto".
        s.temporalFusion = kFusionAuto;
        QCOMPARE(nlohmann::json::parse(engineSettingsToJson(s)).at("temporal_fusion"), nlohmann::json("auto"));
        QVERIFY(engineSettingsFromJson(engineSettingsToJson(s), "t") == s);
    }

    void temporalFusionIsAutoOrARadius()
    {
        QCOMPARE(parseTemporalFusion("auto"), kFusionAuto);
        QCOMPARE(parseTemporalFusion("0"), 0);
        QCOMPARE(parseTemporalFusion("8"), 8);
        for (const char* bad : {"9", "-1", "3x", "", "on"})
            test::expectError([&] { parseTemporalFusion(bad); }, ErrorCode::InvalidArgument,
                              std::string("auto or a radius of 0 (off) to 8 frames, not '") + bad + "'");
        // auto: on for MSE models on the CPU; off for GAN models and on a GPU (the optical flow
        // runs on the CPU). A number is taken as it is.
        QCOMPARE(fusionRadiusFor(kFusionAuto, false, false), kDefaultFusionRadius);
        QCOMPARE(fusionRadiusFor(kFusionAuto, true, false), 0);
        QCOMPARE(fusionRadiusFor(kFusionAuto, false, true), 0);
        QCOMPARE(fusionRadiusFor(2, true, true), 2);
    }

    void badSettingsAreNamed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "{"
                                  << "settings.json: the engine settings are not JSON";
        QTest::newRow("not an object") << "[1]"
                                       << "must be a JSON object";
        QTest::newRow("unknown key") << R"({"tiles": 3})"
                                     << "unknown engine setting 'tiles'";
        QTest::newRow("wrong type") << R"({"frames": "many"})"
                                    << "engine setting 'frames' has the wrong type";
        QTest::newRow("huge number") << R"({"tile": 1e12})"
                                     << "out of range";
        QTest::newRow("no frames") << R"({"frames": 0})"
                                   << "at least 1 frame";
        QTest::newRow("overlap too long") << R"({"frames": 4, "frame_overlap": 4})"
                                          << "frame overlap 4 must be in [0, 4)";
        QTest::newRow("negative tile") << R"({"tile": -8})"
                                       << "tile size must be 0";
        QTest::newRow("negative tile overlap") << R"({"tile_overlap": -1})"
                                               << "tile overlap must not be negative";
        QTest::newRow("ensemble") << R"({"ensemble": 3})"
                                  << "1, 2, 4, 8 or 16 copies, not 3";
        QTest::newRow("fusion radius") << R"({"temporal_fusion": 9})"
                                       << "temporal fusion radius must be auto or in [0, 8] frames, got 9";
        QTest::newRow("fusion word") << R"({"temporal_fusion": "strong"})"
                                     << "engine setting 'temporal_fusion' has the wrong type";
        QTest::newRow("source") << R"({"source": 1.5})"
                                << "source condition must be in [0, 1]";
        QTest::newRow("device") << R"({"device": "tpu"})"
                                << "engine setting 'device'";
        QTest::newRow("deinterlace") << R"({"deinterlace": "weave"})"
                                     << "engine setting 'deinterlace'";
        QTest::newRow("no model") << R"({"model": ""})"
                                  << "no model given";
    }

    void badSettingsAreNamed()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        test::expectError([&] { engineSettingsFromJson(json.toStdString(), "settings.json"); }, ErrorCode::InvalidArgument,
                          message.toStdString());
    }

    void aLargeTileOverlapIsCutNotRefused()
    {
        // --tile 16 alone keeps the default overlap of 16: the engine cuts it to 15.
        EngineSettings s;
        s.tileLr = 16;
        validateEngineSettings(s);
    }
};

QTEST_APPLESS_MAIN(TestPipelineEngineSettings)
#include "test_pipeline_engine_settings.moc"
