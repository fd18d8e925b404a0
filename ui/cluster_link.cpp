#include "cluster_link.h"

#include "queue_runner.h"

#include "dualx/errors.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <map>

namespace dualx::ui {

ClusterLink::ClusterLink(JobQueueModel* model, QObject* parent)
    : QObject(parent),
      m_model(model),
      m_dualxProgram(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("dualx")))
{
    m_pool.setMaxThreadCount(1); // one Slurm conversation at a time
    m_timer.setInterval(15'000);
    connect(&m_timer, &QTimer::timeout, this, &ClusterLink::refresh);
    m_timer.start();
}

ClusterLink::~ClusterLink()
{
    m_timer.stop();
    m_pool.waitForDone();
}

bool ClusterLink::canSend(const Job& job)
{
    return job.state == JobState::Queued || job.state == JobState::Failed || job.state == JobState::Cancelled;
}

void ClusterLink::send(const QVector<qint64>& ids)
{
    std::vector<UpscaleSettings> jobs;
    QVector<qint64> sendable;
    try {
        for (qint64 id : ids)
            if (const Job* job = m_model->job(id); job && canSend(*job)) {
                jobs.push_back(upscaleSettingsFor(*job, m_settings));
                sendable.push_back(id);
            }
    } catch (const Error& e) {
        Q_EMIT sent(false, QString::fromStdString(e.what()));
        return;
    }
    if (sendable.isEmpty()) {
        Q_EMIT sent(false, tr("None of the selected jobs can be sent: only queued, failed or cancelled jobs can."));
        return;
    }
    QString root = m_settings.clusterBatchFolder.isEmpty() ? m_settings.outputFolder : m_settings.clusterBatchFolder;
    if (root.isEmpty()) root = QFileInfo(QString::fromStdString(jobs.front().output)).absolutePath();
    const QString folder
        = QDir(root).filePath(QStringLiteral("dualx-batch-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    ClusterSettings cluster;
    cluster.engine = m_settings.clusterEngine.toStdString();
    cluster.partition = m_settings.clusterPartition.toStdString();
    cluster.cpusPerTask = m_settings.clusterCpusPerTask;
    cluster.gpusPerTask = m_settings.clusterGpusPerTask;
    cluster.maxParallel = m_settings.clusterMaxParallel;
    cluster.splitSeconds = m_settings.clusterSplitSeconds;
    cluster.maxAttempts = m_settings.clusterAttempts;
    cluster.dualxProgram = m_dualxProgram.toStdString();
    m_pool.start([this, jobs, folder, cluster, sendable] {
        QString error;
        BatchSubmission submission;
        try {
            submission = submitBatch(jobs, folder.toStdString(), cluster);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, error, submission, folder, sendable] {
                if (!error.isEmpty()) {
                    Q_EMIT sent(false, error);
                    return;
                }
                for (const auto& note : submission.notes) Q_EMIT logMessage(QString::fromStdString(note));
                const QString jobs = QString::fromStdString(submission.jobIds.empty() ? std::string() : submission.jobIds.front());
                for (qint64 id : sendable)
                    m_model->modify(id, [&](Job& j) {
                        j.state = JobState::OnCluster;
                        j.clusterBatch = folder;
                        j.framesDone = 0;
                        j.message = tr("Sent to Slurm job %1 (batch %2)").arg(jobs, folder);
                    });
                Q_EMIT sent(
                    true,
                    tr("%n job(s) sent to the cluster as Slurm job %1; batch folder %2", nullptr, submission.files).arg(jobs, folder));
                refresh();
            },
            Qt::QueuedConnection);
    });
}

void ClusterLink::refresh()
{
    if (m_refreshing) return;
    QSet<QString> folders;
    for (const auto& j : m_model->jobs())
        if (j.state == JobState::OnCluster && !j.clusterBatch.isEmpty()) folders.insert(j.clusterBatch);
    if (folders.isEmpty()) return;
    m_refreshing = true;
    m_pool.start([this, folders] {
        std::map<QString, BatchStatus> statuses;
        QStringList errors;
        for (const auto& folder : folders) {
            try {
                statuses[folder] = batchStatus(folder.toStdString());
            } catch (const std::exception& e) {
                errors << QStringLiteral("%1: %2").arg(folder, QString::fromStdString(e.what()));
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, statuses, errors] {
                m_refreshing = false;
                for (const auto& [folder, status] : statuses) applyStatus(m_model, folder, status);
                for (const auto& e : errors) Q_EMIT logMessage(tr("Cluster status not read: %1").arg(e));
            },
            Qt::QueuedConnection);
    });
}

void ClusterLink::cancelBatches(const QStringList& batchFolders)
{
    m_pool.start([this, batchFolders] {
        QStringList lines;
        for (const auto& folder : batchFolders) {
            try {
                cancelBatch(folder.toStdString());
                lines << tr("Cancelled the cluster batch %1").arg(folder);
            } catch (const std::exception& e) {
                lines << tr("Could not cancel the cluster batch %1: %2").arg(folder, QString::fromStdString(e.what()));
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, lines] {
                for (const auto& line : lines) Q_EMIT logMessage(line);
                refresh();
            },
            Qt::QueuedConnection);
    });
}

void ClusterLink::applyStatus(JobQueueModel* model, const QString& batchFolder, const BatchStatus& status)
{
    std::map<QString, const BatchFileStatus*> byOutput;
    for (const auto& f : status.files) byOutput[QFileInfo(QString::fromStdString(f.output)).absoluteFilePath()] = &f;
    for (const auto& job : model->jobs()) {
        if (job.state != JobState::OnCluster || job.clusterBatch != batchFolder) continue;
        const auto found = byOutput.find(QFileInfo(job.output).absoluteFilePath());
        if (found == byOutput.end()) continue;
        const BatchFileStatus& f = *found->second;
        model->modify(job.id, [&](Job& j) {
            j.framesDone = f.framesDone;
            j.framesTotal = f.framesTotal > 0 ? f.framesTotal : j.framesTotal;
            const QString message = QString::fromStdString(f.message);
            switch (f.state) {
            case BatchFileState::Queued:
                j.message = message.isEmpty() ? tr("Queued on the cluster") : tr("Queued on the cluster: %1").arg(message);
                break;
            case BatchFileState::Running:
                j.message = f.parts > 1 ? tr("Running on the cluster: %1 of %2 parts done").arg(f.partsDone).arg(f.parts)
                                        : tr("Running on the cluster");
                break;
            case BatchFileState::Joining: j.message = tr("Joining its %1 parts on the cluster").arg(f.parts); break;
            case BatchFileState::Done:
                j.state = JobState::Done;
                j.message = tr("Done on the cluster");
                break;
            case BatchFileState::Failed:
                j.state = JobState::Failed;
                j.message = f.log.empty() ? tr("Failed on the cluster: %1").arg(message)
                                          : tr("Failed on the cluster: %1 (log: %2)").arg(message, QString::fromStdString(f.log));
                break;
            case BatchFileState::Cancelled:
                j.state = JobState::Cancelled;
                j.message = tr("Cancelled on the cluster");
                break;
            }
        });
    }
}

} // namespace dualx::ui
