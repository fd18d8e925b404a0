#pragma once
// The queue's persistence: an embedded SQLite database (WAL journal, versioned schema). Every
// change is written through at once, so a killed app loses nothing it had queued; on the next
// start, a job that was running is queued again and the pipeline resumes it from its last
// finished segment.
#include "job.h"

#include <QString>
#include <QVector>

namespace dualx::ui {

class JobStore {
public:
    // Opens (creating if needed) the database at `path`. Throws dualx::Error(FileUnwritable /
    // CorruptFile) naming the file when it cannot be opened or is not ours.
    explicit JobStore(const QString& path);
    ~JobStore();
    JobStore(const JobStore&) = delete;
    JobStore& operator=(const JobStore&) = delete;

    // 1: the first; 2: adds each job's source_condition (older files get 0.5, unknown);
    // 3: adds cluster_batch, the batch folder of a job sent to a cluster.
    static constexpr int kSchemaVersion = 3;

    // All jobs in queue order. Jobs found Running (the app died under them) come back Queued.
    QVector<Job> load();
    void insert(Job& job); // sets job.id
    void update(const Job& job);
    void remove(qint64 id);
    void setOrder(const QVector<qint64>& idsInOrder); // one transaction
    QString path() const { return m_path; }

private:
    void exec(const QString& sql);
    QString m_path, m_connection;
};

} // namespace dualx::ui
