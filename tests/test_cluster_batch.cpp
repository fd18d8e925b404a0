// The parts of a cluster batch that need no Slurm: array index lists, job settings as JSON, the
// manifest and task states on disk, and the batch plan. The whole flow on a real Slurm is
// test_cluster_slurm.sh.
#include "cluster/batch_manifest.h"
#include "cluster/slurm.h"
#include "dualx/cluster_batch.h"
#include "dualx/upscale_settings_json.h"
#include "test_support.h"

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>

using namespace dualx;
using namespace dualx::cluster;

class TestClusterBatch : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    std::string path(const char* name) { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void arrayIndicesBecomeRanges()
    {
        QCOMPARE(arrayIndexList({5, 0, 1, 2, 7, 8, 2}), std::string("0-2,5,7-8"));
        QCOMPARE(arrayIndexList({3}), std::string("3"));
        QCOMPARE(arrayIndexList({}), std::string());
    }

    void jobSettingsTravelAsJson()
    {
        UpscaleSettings s;
        s.input = "/a/in.mp4";
        s.output = "/b/out.mkv";
        s.engine.model = "/m/x.safetensors";
        s.preset = "archive-ffv1";
        s.engine.tileLr = 96;
        s.engine.windowFrames = 8;
        s.engine.windowOverlap = 2;
        s.engine.ensemble = 4;
        s.engine.sourceCondition = 1.0;
        s.engine.device = devicePreferenceFromName("cuda:1");
        s.startSeconds = 12.5;
        s.durationSeconds = 300;
        s.segmentFrames = 24;
        s.engine.deinterlace = DeinterlaceMode::FieldRate;
        s.squarePixels = true;
        s.splitPart = true;
        const UpscaleSettings back = upscaleSettingsFromJson(upscaleSettingsToJson(s), "test");
        QCOMPARE(upscaleSettingsToJson(back), upscaleSettingsToJson(s));
        QCOMPARE(back.engine.tileLr, 96);
        QVERIFY(back.engine.device == s.engine.device);
        QVERIFY(back.engine.deinterlace == DeinterlaceMode::FieldRate);
        QVERIFY(back.splitPart && back.squarePixels && !back.bakeRotation);
        test::expectError([] { upscaleSettingsFromJson(R"({"tiles": 3})", "m.json"); }, ErrorCode::InvalidArgument,
                          "unknown job setting 'tiles'");
        test::expectError([] { upscaleSettingsFromJson(R"({"frames": "many"})", "m.json"); }, ErrorCode::InvalidArgument, "'frames'");
        test::expectError([] { upscaleSettingsFromJson("[1,", "m.json"); }, ErrorCode::InvalidArgument, "not JSON");
    }

    void theManifestAndTaskStatesSurviveARoundTrip()
    {
        const std::string out = path("batch");
        std::filesystem::create_directories(batchFolder(out));
        test::expectError([&] { BatchManifest::load(out); }, ErrorCode::FileNotFound, "holds no cluster batch");
        BatchManifest m;
        m.id = "abc123";
        m.created = "2026-12-05T10:00:00Z";
        m.cluster.partition = "gpu";
        m.cluster.gpusPerTask = 1;
        m.cluster.maxParallel = 4;
        m.cluster.splitSeconds = 300;
        m.cluster.dualxProgram = "/usr/bin/dualx";
        UpscaleSettings s;
        s.input = "/a/long.mkv";
        s.output = "/b/long.mkv";
        m.files.push_back({s.input, s.output, {partPath(out, 0, 0), partPath(out, 0, 1)}, s});
        for (int k = 0; k < 2; ++k) {
            BatchTask t{0, k, s};
            t.settings.splitPart = true;
            t.settings.startSeconds = 300.0 * k;
            m.tasks.push_back(t);
        }
        m.rounds.push_back({"41", "42", {0, 1}});
        m.save(out);
        const BatchManifest back = BatchManifest::load(out);
        QCOMPARE(back.jobName(), std::string("dualx-abc123"));
        QCOMPARE(back.cluster.partition, std::string("gpu"));
        QCOMPARE(back.cluster.splitSeconds, 300.0);
        QCOMPARE(back.files.size(), size_t{1});
        QCOMPARE(back.files[0].parts.size(), size_t{2});
        QCOMPARE(back.tasks[1].settings.startSeconds, 300.0);
        QVERIFY(back.tasks[1].settings.splitPart);
        QCOMPARE(back.tasksOfFile(0), (std::vector<int>{0, 1}));
        QCOMPARE(back.rounds[0].finishJob, std::string("42"));

        QVERIFY(loadTaskState(out, 1).state == TaskRunState::Queued); // none written yet
        TaskState st;
        st.state = TaskRunState::Failed;
        st.attempts = 2;
        st.framesDone = 40;
        st.message = "damaged";
        st.retryable = false;
        saveTaskState(out, 1, st);
        const TaskState again = loadTaskState(out, 1);
        QVERIFY(again.state == TaskRunState::Failed && again.attempts == 2 && again.framesDone == 40 && !again.retryable);
        QCOMPARE(again.message, std::string("damaged"));

        std::ofstream(batchFolder(out) + "/manifest.json") << "{\"format\": \"dualx-batch 1\", \"id\": ";
        test::expectError([&] { BatchManifest::load(out); }, ErrorCode::CorruptFile, "is damaged");
    }

    void aBatchPlanMirrorsFoldersAndNamesMissingInputs()
    {
        std::filesystem::create_directories(path("tapes/box-1"));
        std::ofstream(path("tapes/box-1/t1.dv")) << "x";
        std::ofstream(path("tapes/t2.mp4")) << "x";
        std::ofstream(path("tapes/notes.txt")) << "x";
        UpscaleSettings s;
        s.preset = "archive-ffv1";
        const auto jobs = planBatchJobs({path("tapes")}, path("restored"), s);
        QCOMPARE(jobs.size(), size_t{2});
        QCOMPARE(jobs[0].output, path("restored/tapes/box-1/t1.mkv"));
        QCOMPARE(jobs[1].output, path("restored/tapes/t2.mkv"));
        test::expectError([&] { planBatchJobs({path("nowhere.mp4")}, path("restored"), s); }, ErrorCode::FileNotFound, "nowhere.mp4");
    }
};

QTEST_GUILESS_MAIN(TestClusterBatch)
#include "test_cluster_batch.moc"
