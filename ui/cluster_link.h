#pragma once
// The queue's link to a cluster (dualx/cluster_batch.h): "Send to cluster" submits selected
// jobs as one batch, and the jobs on the cluster are followed by reading the batch's status
// every few seconds. Both call Slurm's commands, so they run on a worker thread and their
// results come back to the UI thread as queued calls.
#include "app_settings.h"
#include "job_queue_model.h"

#include "dualx/cluster_batch.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

namespace dualx::ui {

class ClusterLink : public QObject {
    Q_OBJECT
public:
    ClusterLink(JobQueueModel* model, QObject* parent = nullptr);
    ~ClusterLink() override; // waits for a submission or status check in flight

    void setSettings(const AppSettings& settings) { m_settings = settings; }
    // The dualx command-line program the cluster's tasks run (beside the app by default).
    void setDualxProgram(const QString& path) { m_dualxProgram = path; }
    static bool canSend(const Job& job); // queued, failed or cancelled, not on a cluster yet

    // Submits the jobs as one batch in a new folder under the settings' batch folder; the jobs
    // become OnCluster, or stay as they are with the reason in sent().
    void send(const QVector<qint64>& ids);
    void refresh(); // the status of every batch that has jobs on the cluster
    // Cancels these batches on the cluster (jobs sent together are cancelled together); their
    // jobs become Cancelled with the refresh that follows, and keep their finished segments.
    void cancelBatches(const QStringList& batchFolders);
    bool waitForIdle(int timeoutMs) { return m_pool.waitForDone(timeoutMs); }

    // A batch's status applied to the jobs sent to it (matched by output path).
    static void applyStatus(JobQueueModel* model, const QString& batchFolder, const BatchStatus& status);

Q_SIGNALS:
    void sent(bool ok, const QString& message);
    void logMessage(const QString& line);

private:
    JobQueueModel* m_model;
    AppSettings m_settings;
    QString m_dualxProgram;
    QThreadPool m_pool;
    QTimer m_timer;
    bool m_refreshing = false;
};

} // namespace dualx::ui
