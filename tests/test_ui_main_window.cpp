// The desktop app end to end on the offscreen platform: drops add rows (and refuse what is not
// a video, with the reason), a tiny-model job runs to completion through the queue runner while
// the UI thread stays responsive, the queue survives a restart, a job killed mid-run resumes from
// its last segment, the compare panel shows source and result, and the language switches.
#include "dualx/preview.h"
#include "dualx/source_quality.h"
#include "media_fixtures.h"
#include "model/weights.h"
#include "test_support.h"
#include "ui/app_settings.h"
#include "ui/cluster_link.h"
#include "ui/compare_panel.h"
#include "ui/compare_viewer.h"
#include "ui/job_queue_model.h"
#include "ui/main_window.h"
#include "ui/queue_runner.h"
#include "ui/settings_dialog.h"
#include "ui/translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <filesystem>
#include <fstream>

using namespace dualx;
using namespace dualx::ui;

namespace {

// Runs the event loop until `done` or the timeout; returns the longest gap between 10 ms timer
// ticks, i.e. how long the UI thread was ever kept from its events.
qint64 spinUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock, sinceTick;
    clock.start();
    sinceTick.start();
    qint64 worst = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] { worst = std::max(worst, sinceTick.restart()); });
    tick.start(10);
    while (!done() && clock.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return worst;
}

void drop(QWidget* target, const QStringList& paths)
{
    auto* mime = new QMimeData;
    QList<QUrl> urls;
    for (const auto& p : paths) urls << QUrl::fromLocalFile(p);
    mime->setUrls(urls);
    const QPointF centre(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(centre.toPoint(), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    delete mime;
}

} // namespace

class TestUiMainWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char* name) { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("DualX-test");
        QCoreApplication::setApplicationName("DualX Studio test");
        QSettings().clear();
        torch::manual_seed(1);
        model::DualXVSR net(presetConfig("tiny"));
        model::saveModelWeights(*net, path("tiny.safetensors").toStdString(), "mse", {});
        AppSettings s;
        s.engine.device = DevicePreference::Cpu;
        s.threads = 1;
        s.engine.tileLr = 32;
        s.engine.tileOverlapLr = 8;
        s.engine.windowFrames = 4;
        s.engine.windowOverlap = 1;
        s.engine.model = path("tiny.safetensors").toStdString();
        s.defaultPreset = "archive-ffv1";
        s.outputFolder = path("out");
        s.save();
        std::filesystem::create_directories(path("videos/sub").toStdString());
        QVERIFY(test::writeTestClip(path("videos/a.mp4").toStdString(), 32, 24, 6));
        QVERIFY(test::writeTestClip(path("videos/sub/b.mkv").toStdString(), 32, 24, 4));
        std::ofstream(path("notes.txt").toStdString()) << "not a video";
    }

    void dropAddsRowsAndRefusesWhatIsNotAVideo()
    {
        MainWindow w(path("drop.sqlite"));
        w.show();
        drop(&w, {path("videos"), path("notes.txt")});
        QVERIFY(w.queueModel()->waitForProbes(30'000));
        const auto& jobs = w.queueModel()->jobs();
        QCOMPARE(jobs.size(), 3); // a.mp4 and sub/b.mkv from the folder, and the text file
        QVERIFY(jobs[0].input.endsWith("videos/a.mp4"));
        QVERIFY(jobs[1].input.endsWith("videos/sub/b.mkv"));
        QVERIFY(jobs[0].state == JobState::Queued);
        QVERIFY2(jobs[0].sourceInfo.contains("32x24"), qPrintable(jobs[0].sourceInfo));
        QVERIFY(!w.queueModel()->thumbnail(jobs[0].id).isNull());
        QCOMPARE(jobs[0].output, path("out/a-dualx.mkv"));
        QVERIFY(jobs[2].state == JobState::Refused);
        QVERIFY2(jobs[2].message.contains("not a video"), qPrintable(jobs[2].message));
        QVERIFY(jobs[2].message.contains("notes.txt"));
        // Dropping the same folder again queues nothing twice.
        drop(&w, {path("videos")});
        QCOMPARE(w.queueModel()->jobs().size(), 3);
        QCOMPARE(w.queueModel()->lastSkipped(), 2);
        // A folder without videos gets a refused row that says so.
        QVERIFY(QDir().mkpath(path("no-videos")));
        drop(&w, {path("no-videos")});
        QCOMPARE(w.queueModel()->jobs().size(), 4);
        QVERIFY(w.queueModel()->jobs()[3].state == JobState::Refused);
        QVERIFY2(w.queueModel()->jobs()[3].message.contains("holds no video files (.mp4"), qPrintable(w.queueModel()->jobs()[3].message));
    }

    void aJobRunsToTheEndWhileTheWindowStaysResponsive()
    {
        MainWindow w(path("run.sqlite"));
        w.show();
        QCOMPARE(w.addPaths({path("videos/a.mp4")}), 1);
        QVERIFY(w.queueModel()->waitForProbes(30'000));
        const qint64 id = w.queueModel()->jobs()[0].id;
        w.runner()->start();
        QVERIFY(w.runner()->isActive());
        const qint64 worst = spinUntil([&] { return !w.runner()->isActive(); }, 240'000);
        const Job* job = w.queueModel()->job(id);
        QVERIFY2(job->state == JobState::Done, qPrintable(job->message));
        QVERIFY(QFile::exists(path("out/a-dualx.mkv")));
        qInfo("longest UI-thread stall while the job ran: %lld ms", static_cast<long long>(worst));
        // The job's work never runs on the UI thread, so the worst gap between two event-loop
        // turns is scheduling noise: tens of ms on a busy 2-core machine, where a job that
        // blocked the UI thread would stall it for a whole frame's decode, model and encode.
        QVERIFY2(worst < 250, qPrintable(QString("the UI thread stalled %1 ms").arg(worst)));

        // The compare panel shows the selected job's source against its finished output.
        w.table()->selectRow(0);
        auto* viewer = w.comparePanel()->viewer();
        spinUntil([&] { return !viewer->restoredImage().isNull() && viewer->restoredImage().width() == 128; }, 30'000);
        QCOMPARE(viewer->restoredImage().size(), QSize(128, 96));
        QCOMPARE(viewer->sourceImage().size(), QSize(128, 96)); // upscaled to align
    }

    void sendToClusterRunsTheJobOnSlurmAndFollowsIt()
    {
        MainWindow w(path("cluster.sqlite")); // not shown: a refused sending would open a message box
        QCOMPARE(w.addPaths({path("videos/sub/b.mkv")}), 1);
        QVERIFY(w.queueModel()->waitForProbes(30'000));
        const qint64 id = w.queueModel()->jobs()[0].id;
        w.table()->selectRow(0);
        QVERIFY(w.sendToClusterAction()->isEnabled());
        QSignalSpy sent(w.clusterLink(), &ClusterLink::sent);

        // Without Slurm's commands the reason comes back and the job stays in the local queue.
        const QByteArray searchPath = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        w.sendToClusterAction()->trigger();
        QVERIFY(sent.wait(30'000));
        qputenv("PATH", searchPath);
        QVERIFY(!sent[0][0].toBool());
        QVERIFY2(sent[0][1].toString().contains("slurm-client"), qPrintable(sent[0][1].toString()));
        QVERIFY(w.queueModel()->job(id)->state == JobState::Queued);

        // A real one-machine Slurm: the job runs there, and the queue follows it to Done.
        const QString cluster = path("slurm");
        QProcess start;
        start.start("bash", {DUALX_SOURCE_DIR "/tools/cluster/local-slurm.sh", "start", cluster, "--cpus", "2"});
        QVERIFY(start.waitForFinished(120'000));
        QVERIFY2(start.exitCode() == 0, start.readAllStandardError().constData());
        const QString conf = QString::fromUtf8(start.readAllStandardOutput()).trimmed().section('=', 1);
        qputenv("SLURM_CONF", conf.toUtf8());
        struct Stop {
            QString folder;
            ~Stop() { QProcess::execute("bash", {DUALX_SOURCE_DIR "/tools/cluster/local-slurm.sh", "stop", folder}); }
        } stop{cluster};
        w.clusterLink()->setDualxProgram(DUALX_CLI_PATH);
        w.sendToClusterAction()->trigger();
        QVERIFY(sent.wait(60'000));
        QVERIFY2(sent[1][0].toBool(), qPrintable(sent[1][1].toString()));
        QVERIFY(w.queueModel()->job(id)->state == JobState::OnCluster);
        QVERIFY(w.queueModel()->job(id)->clusterBatch.startsWith(path("out/dualx-batch-")));
        QVERIFY(!w.sendToClusterAction()->isEnabled()); // it is on the cluster now
        QStringList messages;
        QElapsedTimer sinceRefresh;
        sinceRefresh.start();
        spinUntil(
            [&] {
                if (sinceRefresh.elapsed() > 1000) { // the app itself looks every 15 s
                    w.clusterLink()->refresh();
                    sinceRefresh.restart();
                }
                const Job* j = w.queueModel()->job(id);
                if (messages.isEmpty() || messages.last() != j->message) messages << j->message;
                return j->state != JobState::OnCluster;
            },
            240'000);
        const Job* job = w.queueModel()->job(id);
        QVERIFY2(job->state == JobState::Done, qPrintable(messages.join(" | ")));
        QVERIFY(QFile::exists(job->output));
        QVERIFY2(messages.join(" ").contains("on the cluster"), qPrintable(messages.join(" | ")));
        QVERIFY(w.clusterLink()->waitForIdle(30'000));

        // Cancel on a job on the cluster cancels its batch there; the job follows.
        std::filesystem::create_directories(path("videos-cluster").toStdString());
        QVERIFY(test::writeTestClip(path("videos-cluster/long.mp4").toStdString(), 32, 24, 120));
        QCOMPARE(w.addPaths({path("videos-cluster/long.mp4")}), 1);
        QVERIFY(w.queueModel()->waitForProbes(30'000));
        const qint64 second = w.queueModel()->jobs().last().id;
        w.table()->selectRow(w.queueModel()->rowOf(second));
        w.sendToClusterAction()->trigger();
        QVERIFY(sent.wait(60'000));
        QVERIFY2(sent[2][0].toBool(), qPrintable(sent[2][1].toString()));
        QVERIFY(w.queueModel()->job(second)->state == JobState::OnCluster);
        w.table()->selectRow(w.queueModel()->rowOf(second));
        for (auto* a : w.findChildren<QAction*>())
            if (a->text() == "Cancel job") a->trigger();
        sinceRefresh.restart();
        spinUntil(
            [&] {
                if (sinceRefresh.elapsed() > 1000) {
                    w.clusterLink()->refresh();
                    sinceRefresh.restart();
                }
                return w.queueModel()->job(second)->state != JobState::OnCluster;
            },
            60'000);
        QVERIFY2(w.queueModel()->job(second)->state == JobState::Cancelled, qPrintable(w.queueModel()->job(second)->message));
        QVERIFY(w.clusterLink()->waitForIdle(30'000));
    }

    void clusterStatesReachTheirJobs()
    {
        // Each state of a batch file lands on the job sent there (matched by output path).
        MainWindow w(path("cluster-states.sqlite"));
        QCOMPARE(w.addPaths({path("videos/a.mp4"), path("videos/sub/b.mkv")}), 2);
        QVERIFY(w.queueModel()->waitForProbes(30'000));
        const auto jobs = w.queueModel()->jobs();
        for (const auto& j : jobs)
            w.queueModel()->modify(j.id, [](Job& job) {
                job.state = JobState::OnCluster;
                job.clusterBatch = "/batches/one";
            });
        BatchStatus status;
        BatchFileStatus running;
        running.output = jobs[0].output.toStdString();
        running.state = BatchFileState::Running;
        running.parts = 3;
        running.partsDone = 1;
        running.framesDone = 5;
        running.framesTotal = 12;
        BatchFileStatus failed;
        failed.output = jobs[1].output.toStdString();
        failed.state = BatchFileState::Failed;
        failed.message = "the model file is damaged";
        failed.log = "/batches/one/.dualx-batch/logs/task-1.log";
        status.files = {running, failed};
        ClusterLink::applyStatus(w.queueModel(), "/batches/other", status); // another batch: untouched
        QVERIFY(w.queueModel()->job(jobs[0].id)->state == JobState::OnCluster);
        QCOMPARE(w.queueModel()->job(jobs[0].id)->framesDone, qint64{0});
        ClusterLink::applyStatus(w.queueModel(), "/batches/one", status);
        const Job* a = w.queueModel()->job(jobs[0].id);
        QVERIFY(a->state == JobState::OnCluster);
        QCOMPARE(a->framesDone, qint64{5});
        QVERIFY2(a->message.contains("1 of 3 parts"), qPrintable(a->message));
        const Job* b = w.queueModel()->job(jobs[1].id);
        QVERIFY(b->state == JobState::Failed);
        QVERIFY(b->message.contains("the model file is damaged") && b->message.contains("task-1.log"));
        // The states survive a restart of the app.
        MainWindow again(path("cluster-states.sqlite"));
        QVERIFY(again.queueModel()->job(jobs[0].id)->state == JobState::OnCluster);
        QCOMPARE(again.queueModel()->job(jobs[0].id)->clusterBatch, QString("/batches/one"));
    }

    void previewShowsAQuickPictureThenTheJobsWindow()
    {
        std::filesystem::create_directories(path("videos-long").toStdString());
        QVERIFY(test::writeTestClip(path("videos-long/c.mp4").toStdString(), 32, 24, 10));
        MainWindow w(path("preview.sqlite"));
        w.show();
        QCOMPARE(w.addPaths({path("videos-long/c.mp4")}), 1);
        QVERIFY(w.queueModel()->waitForProbes(30'000));
        auto settings = AppSettings::load();
        settings.engine.windowFrames = 8; // longer than the quick window
        w.comparePanel()->setSettings(settings);
        w.table()->selectRow(0);
        QSignalSpy shown(w.comparePanel(), &ComparePanel::previewShown);
        w.comparePanel()->previewCurrentFrame();
        spinUntil([&] { return shown.size() == 2; }, 60'000);
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown[0][1].toInt(), kQuickPreviewFrames);
        QCOMPARE(shown[1][1].toInt(), 8);
        QCOMPARE(w.comparePanel()->viewer()->restoredImage().size(), QSize(128, 96));
    }

    void theQueueSurvivesARestartAndAKilledJobResumes()
    {
        const QString db = path("restart.sqlite");
        // A job killed mid-run: the CLI runs the same job (same settings) and is killed with
        // SIGKILL once a segment is finished, leaving the job folder a crash leaves.
        QVERIFY(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=size=48x32:rate=10", "-t", "4", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                                 path("videos/long.mp4")}));
        {
            MainWindow w(db);
            QCOMPARE(w.addPaths({path("videos/long.mp4"), path("videos/sub/b.mkv")}), 2);
            QVERIFY(w.queueModel()->waitForProbes(30'000));
            w.queueModel()->moveJobs({w.queueModel()->jobs()[1].id}, 0); // reorder: b.mkv first
            w.queueModel()->modify(w.queueModel()->jobs()[1].id, [](Job& j) { j.state = JobState::Running; });
        } // the window goes away with a job marked running, as if the app had been killed
        QVERIFY2(test::runUntilKilledAfterSegments(QStringLiteral(DUALX_CLI_PATH),
                                                   {"upscale",
                                                    path("videos/long.mp4"),
                                                    "-o",
                                                    path("out/long-dualx.mkv"),
                                                    "--model",
                                                    path("tiny.safetensors"),
                                                    "--preset",
                                                    "archive-ffv1",
                                                    "--tile",
                                                    "32",
                                                    "--tile-overlap",
                                                    "8",
                                                    "--frames",
                                                    "4",
                                                    "--frame-overlap",
                                                    "1",
                                                    "--device",
                                                    "cpu",
                                                    "--threads",
                                                    "1",
                                                    "--segment-frames",
                                                    "4",
                                                    "--progress",
                                                    "none"},
                                                   1),
                 "the CLI job was not killed after its first segment");

        MainWindow w(db);
        const auto& jobs = w.queueModel()->jobs();
        QCOMPARE(jobs.size(), 2);
        QVERIFY(jobs[0].input.endsWith("b.mkv"));   // the order came back
        QVERIFY(jobs[1].state == JobState::Queued); // running when "killed": queued again
        w.runner()->start();
        spinUntil([&] { return !w.runner()->isActive(); }, 240'000);
        QVERIFY2(w.queueModel()->jobs()[1].state == JobState::Done, qPrintable(w.queueModel()->jobs()[1].message));
        QVERIFY2(w.queueModel()->jobs()[1].message.contains("resumed after frame"), qPrintable(w.queueModel()->jobs()[1].message));
        QVERIFY(!QFile::exists(path("out/long-dualx.mkv.dualx-job")));
    }

    void draggedRowsReorderTheQueueAndStay()
    {
        const QString db = path("order.sqlite");
        {
            MainWindow w(db);
            QCOMPARE(w.addPaths({path("videos/a.mp4"), path("videos/sub/b.mkv"), path("notes.txt")}), 3);
            auto* model = w.queueModel();
            // Drag the last row (as the table view does: mime data of the rows, dropped on row 0).
            std::unique_ptr<QMimeData> dragged(model->mimeData({model->index(2, 0)}));
            QVERIFY(model->dropMimeData(dragged.get(), Qt::MoveAction, 0, 0, {}));
            QVERIFY(model->jobs()[0].input.endsWith("notes.txt"));
            QVERIFY(model->jobs()[1].input.endsWith("a.mp4"));
            // And the first two to the end.
            std::unique_ptr<QMimeData> two(model->mimeData({model->index(0, 0), model->index(1, 3)}));
            QVERIFY(model->dropMimeData(two.get(), Qt::MoveAction, 3, 0, {}));
            QVERIFY(model->jobs()[0].input.endsWith("b.mkv"));
            QVERIFY(model->jobs()[2].input.endsWith("a.mp4"));
            model->waitForProbes(30'000);
        }
        MainWindow again(db);
        const auto& jobs = again.queueModel()->jobs();
        QVERIFY(jobs[0].input.endsWith("b.mkv"));
        QVERIFY(jobs[1].input.endsWith("notes.txt"));
        QVERIFY(jobs[2].input.endsWith("a.mp4"));
    }

    void languageSwitchesAKnownString()
    {
        MainWindow w(path("lang.sqlite"));
        auto textOf = [&](const QString& english) {
            for (auto* a : w.findChildren<QAction*>())
                if (a->shortcut() == QKeySequence(QKeySequence::Open)) return a->text();
            return english;
        };
        QCOMPARE(textOf("Add files"), QStringLiteral("Add files"));
        QVERIFY(installLanguage("de"));
        QCoreApplication::processEvents();
        QCOMPARE(textOf("Add files"), QStringLiteral("Dateien hinzufügen"));
        // Counts take the language's plural forms.
        const char* context = "dualx::ui::MainWindow";
        QCOMPARE(QCoreApplication::translate(context, "Added %n job(s)", nullptr, 1), QStringLiteral("1 Auftrag hinzugefügt"));
        QCOMPARE(QCoreApplication::translate(context, "Added %n job(s)", nullptr, 3), QStringLiteral("3 Aufträge hinzugefügt"));
        QVERIFY(installLanguage("zh_CN"));
        QCoreApplication::processEvents();
        QCOMPARE(textOf("Add files"), QStringLiteral("添加文件"));
        QVERIFY(installLanguage(""));
        QCoreApplication::processEvents();
        QCOMPARE(textOf("Add files"), QStringLiteral("Add files"));
        // English has its plural forms too, not "job(s)".
        QCOMPARE(QCoreApplication::translate(context, "Added %n job(s)", nullptr, 1), QStringLiteral("Added 1 job"));
        QCOMPARE(QCoreApplication::translate(context, "%n job(s) in the queue", nullptr, 3), QStringLiteral("3 jobs in the queue"));
        QVERIFY(!installLanguage("xx"));
    }

    void selfEnsembleIsSavedAndABadStoredValueFallsBack()
    {
        const AppSettings saved = AppSettings::load();
        AppSettings s = saved;
        s.engine.ensemble = 8;
        SettingsDialog dialog(s);
        auto* box = dialog.findChild<QComboBox*>(QStringLiteral("ensemble"));
        QVERIFY(box);
        QCOMPARE(box->count(), 5); // off, 2, 4, 8, 16
        QCOMPARE(box->currentData().toInt(), 8);
        box->setCurrentIndex(box->findData(4));
        dialog.settings().save();
        QCOMPARE(AppSettings::load().engine.ensemble, 4);
        QSettings().setValue("engine/ensemble", 3); // hand-edited: the engine would refuse it
        QCOMPARE(AppSettings::load().engine.ensemble, 1);
        saved.save();
    }

    void temporalFusionIsSavedAndABadStoredValueFallsBack()
    {
        const AppSettings saved = AppSettings::load();
        AppSettings s = saved;
        s.engine.temporalFusion = 2;
        SettingsDialog dialog(s);
        auto* box = dialog.findChild<QComboBox*>(QStringLiteral("temporalFusion"));
        QVERIFY(box);
        QCOMPARE(box->count(), 8); // automatic, off, 1, 2, 3, 4, 6, 8
        QCOMPARE(box->currentData().toInt(), 2);
        box->setCurrentIndex(box->findData(0));
        dialog.settings().save();
        QCOMPARE(AppSettings::load().engine.temporalFusion, 0);
        QSettings().setValue("engine/temporalFusion", 12); // hand-edited: the engine would refuse it
        QCOMPARE(AppSettings::load().engine.temporalFusion, kFusionAuto);
        saved.save();
    }

    void eachJobKeepsItsOwnSourceQuality()
    {
        const AppSettings saved = AppSettings::load();
        AppSettings s = saved;
        s.engine.sourceCondition = kSourceClean; // the default for new jobs
        s.save();
        const QString db = path("quality.sqlite");
        qint64 id = 0;
        {
            MainWindow w(db);
            drop(&w, {path("videos/a.mp4")});
            auto* model = w.queueModel();
            QVERIFY(model->waitForProbes(30'000));
            QCOMPARE(model->jobs().size(), 1);
            id = model->jobs()[0].id;
            QCOMPARE(model->jobs()[0].sourceCondition, kSourceClean);
            const auto cell = model->index(0, JobQueueModel::Quality);
            QCOMPARE(model->data(cell, Qt::DisplayRole).toString(), QStringLiteral("Clean"));
            // Changed for this job alone, from the table or the context menu.
            QVERIFY(model->setData(cell, kSourceDegraded, Qt::EditRole));
            QCOMPARE(model->data(cell, Qt::DisplayRole).toString(), QStringLiteral("Degraded"));
            QVERIFY(!model->setData(cell, 7.0, Qt::EditRole)); // not a source condition
            QVERIFY(!model->setData(cell, QStringLiteral("sharp"), Qt::EditRole));
            QCOMPARE(model->job(id)->sourceCondition, kSourceDegraded);
            // Edited in place, the cell offers the named qualities and starts at the job's.
            auto* delegate = w.table()->itemDelegateForColumn(JobQueueModel::Quality);
            QVERIFY(delegate);
            QWidget host;
            auto* box = qobject_cast<QComboBox*>(delegate->createEditor(&host, {}, cell));
            QVERIFY(box);
            delegate->setEditorData(box, cell);
            QCOMPARE(box->count(), 3);
            QCOMPARE(box->currentData().toDouble(), kSourceDegraded);
            box->setCurrentIndex(box->findData(kSourceUnknown));
            delegate->setModelData(box, model, cell);
            QCOMPARE(model->job(id)->sourceCondition, kSourceUnknown);
            model->modify(id, [](Job& j) { j.sourceCondition = 0.25; }); // a custom value is kept as an entry
            delegate->setEditorData(box, cell);
            QCOMPARE(box->count(), 4);
            QCOMPARE(box->currentData().toDouble(), 0.25);
            QVERIFY(model->setData(cell, kSourceDegraded, Qt::EditRole));
        }
        MainWindow again(db); // kept across a restart
        const Job job = *again.queueModel()->job(id);
        QCOMPARE(job.sourceCondition, kSourceDegraded);
        // The engine is told the job's quality, not the app's default.
        QCOMPARE(upscaleSettingsFor(job, AppSettings::load()).engine.sourceCondition, kSourceDegraded);
        saved.save();
    }

    void sourceQualityIsSavedAndABadStoredValueFallsBack()
    {
        const AppSettings saved = AppSettings::load();
        AppSettings s = saved;
        s.engine.sourceCondition = kSourceClean;
        SettingsDialog dialog(s);
        auto* box = dialog.findChild<QComboBox*>(QStringLiteral("source"));
        QVERIFY(box);
        QCOMPARE(box->count(), 3); // unknown, clean, degraded
        QCOMPARE(box->currentData().toDouble(), kSourceClean);
        box->setCurrentIndex(box->findData(kSourceDegraded));
        dialog.settings().save();
        QCOMPARE(AppSettings::load().engine.sourceCondition, kSourceDegraded);
        // A value between the named ones (set by hand) is kept and shown as custom.
        s.engine.sourceCondition = 0.25;
        SettingsDialog custom(s);
        auto* customBox = custom.findChild<QComboBox*>(QStringLiteral("source"));
        QCOMPARE(customBox->count(), 4);
        QCOMPARE(custom.settings().engine.sourceCondition, 0.25);
        QSettings().setValue("engine/source", 7.0); // hand-edited: the engine would refuse it
        QCOMPARE(AppSettings::load().engine.sourceCondition, kSourceUnknown);
        saved.save();
    }
};

QTEST_MAIN(TestUiMainWindow)
#include "test_ui_main_window.moc"
