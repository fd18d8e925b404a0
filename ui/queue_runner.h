#pragma once
// Runs the queue: takes queued jobs in order and runs each as an UpscaleJob on a worker thread
// (the engine's own threads underneath), at most `parallelJobs` at a time. Progress comes back
// to the UI thread through queued calls, so the window never waits on the engine.
#include "app_settings.h"
#include "job_queue_model.h"

#include "dualx/upscale_job.h"

#include <QObject>

#include <map>
#include <memory>

namespace dualx::ui {

// What the engine is told for a job: the job's own choices (files, model, preset, source quality)
// and the app's engine settings. Throws dualx::Error for an unknown device or a missing model.
UpscaleSettings upscaleSettingsFor(const Job& job, const AppSettings& settings);

class QueueRunner : public QObject {
    Q_OBJECT
public:
    QueueRunner(JobQueueModel* model, QObject* parent = nullptr);
    ~QueueRunner() override; // cancels running jobs (their segments stay for the next start)

    void setSettings(const AppSettings& settings) { m_settings = settings; }
    bool isActive() const { return m_active; } // started and not finished or stopped
    bool isPaused() const { return m_paused; }
    int runningCount() const { return static_cast<int>(m_running.size()); }

public Q_SLOTS:
    void start();
    void pause(); // running jobs hold after their current window; no new job starts
    void resume();
    void stop(); // cancels running jobs; they go back to Queued and resume later
    void cancelJob(qint64 id);

Q_SIGNALS:
    void logMessage(const QString& line);
    void activeChanged(bool active);
    void queueFinished(int done, int failed);

private:
    struct Running;
    void fillSlots();
    void finished(qint64 id, bool ok, bool cancelled, const QString& message);
    void setActive(bool active);

    JobQueueModel* m_model;
    AppSettings m_settings;
    std::map<qint64, std::unique_ptr<Running>> m_running;
    bool m_active = false, m_paused = false, m_stopping = false;
    int m_done = 0, m_failed = 0;
};

} // namespace dualx::ui
