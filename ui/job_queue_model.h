#pragma once
// The queue as a table: one row per job, written through to the JobStore on every change.
// Dropped or added paths become rows at once; each source is probed (size, rate, duration,
// streams, thumbnail) on a worker thread, and a file that is not a video is refused with the
// reason in its row.
#include "app_settings.h"
#include "job.h"
#include "job_store.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QImage>
#include <QStringList>
#include <QThreadPool>

#include <memory>

namespace dualx::ui {

class JobQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Source, Model, Quality, Preset, Output, State, Progress, Speed, Eta, ColumnCount };
    static constexpr int JobIdRole = Qt::UserRole + 1;

    JobQueueModel(std::unique_ptr<JobStore> store, QObject* parent = nullptr);
    ~JobQueueModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column, const QModelIndex& parent) override;

    // Files and folders (recursed for video files); returns how many rows were added. Files
    // already queued or running are skipped (lastSkipped() says how many).
    int addPaths(const QStringList& paths, const AppSettings& settings);
    int lastSkipped() const { return m_lastSkipped; }
    static bool looksLikeVideo(const QString& path);

    const QVector<Job>& jobs() const { return m_jobs; }
    const Job* job(qint64 id) const;
    int rowOf(qint64 id) const;
    QImage thumbnail(qint64 id) const { return m_thumbnails.value(id); }
    // Applies `change` to the job and stores it.
    void modify(qint64 id, const std::function<void(Job&)>& change);
    void removeJobs(const QVector<qint64>& ids);
    void moveJobs(const QVector<qint64>& ids, int targetRow); // keeps their relative order
    qint64 nextQueued() const;                                // 0 if none
    bool waitForProbes(int timeoutMs);                        // tests and shutdown

Q_SIGNALS:
    void jobChanged(qint64 id);

private:
    void probeLater(qint64 id, const QString& path);
    void storeOrder();

    std::unique_ptr<JobStore> m_store;
    QVector<Job> m_jobs;
    QHash<qint64, QImage> m_thumbnails;
    int m_probesRunning = 0;
    QThreadPool m_pool; // the model waits for its probes before it goes, so they may use `this`
    int m_lastSkipped = 0;
};

} // namespace dualx::ui
