#include "job_store.h"

#include "dualx/errors.h"
#include "dualx/source_quality.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace dualx::ui {

namespace {

QAtomicInt g_connections;

[[noreturn]] void fail(const QString& path, const QString& what, const QSqlError& e)
{
    throw Error(ErrorCode::FileUnwritable, ("queue database '" + path + "': " + what + ": " + e.text()).toStdString());
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
QString text(const QString& s) { return s.isNull() ? QStringLiteral("") : s; }

void bindJob(QSqlQuery& q, const Job& job)
{
    q.bindValue(":position", job.position);
    q.bindValue(":input", text(job.input));
    q.bindValue(":output", text(job.output));
    q.bindValue(":model", text(job.model));
    q.bindValue(":preset", text(job.preset));
    q.bindValue(":state", jobStateName(job.state));
    q.bindValue(":frames_done", job.framesDone);
    q.bindValue(":frames_total", job.framesTotal);
    q.bindValue(":message", text(job.message));
    q.bindValue(":source_info", text(job.sourceInfo));
    q.bindValue(":source_condition", job.sourceCondition);
    q.bindValue(":cluster_batch", text(job.clusterBatch));
}

} // namespace

JobStore::JobStore(const QString& path)
    : m_path(path),
      m_connection(QStringLiteral("dualx-queue-%1").arg(g_connections.fetchAndAddRelaxed(1)))
{
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) fail(path, QStringLiteral("cannot open"), db.lastError());
    // WAL: readers never block the writer, and a crash mid-write keeps the last commit.
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        throw Error(ErrorCode::CorruptFile, ("'" + path + "' is not a queue database").toStdString());
    const int version = q.value(0).toInt();
    if (version > kSchemaVersion)
        throw Error(ErrorCode::CorruptFile,
                    ("queue database '" + path + "' is from a newer DualX Studio (schema " + QString::number(version) + ")").toStdString());
    if (version < 1) {
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, position INTEGER NOT NULL, "
                            "input TEXT NOT NULL, output TEXT NOT NULL, model TEXT NOT NULL, preset TEXT NOT NULL, "
                            "state TEXT NOT NULL, frames_done INTEGER NOT NULL DEFAULT 0, frames_total INTEGER NOT NULL DEFAULT 0, "
                            "message TEXT NOT NULL DEFAULT '', source_info TEXT NOT NULL DEFAULT '')"));
    }
    if (version < 2) exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN source_condition REAL NOT NULL DEFAULT 0.5"));
    if (version < 3) exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN cluster_batch TEXT NOT NULL DEFAULT ''"));
    if (version < kSchemaVersion) exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion));
}

JobStore::~JobStore()
{
    {
        auto db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

void JobStore::exec(const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql)) fail(m_path, sql.section(' ', 0, 1), q.lastError());
}

QVector<Job> JobStore::load()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT id, position, input, output, model, preset, state, frames_done, frames_total, message, "
                               "source_info, source_condition, cluster_batch FROM jobs ORDER BY position, id")))
        fail(m_path, QStringLiteral("cannot read the jobs"), q.lastError());
    QVector<Job> jobs;
    while (q.next()) {
        Job j;
        j.id = q.value(0).toLongLong();
        j.position = q.value(1).toInt();
        j.input = q.value(2).toString();
        j.output = q.value(3).toString();
        j.model = q.value(4).toString();
        j.preset = q.value(5).toString();
        j.state = jobStateFromName(q.value(6).toString());
        j.framesDone = q.value(7).toLongLong();
        j.framesTotal = q.value(8).toLongLong();
        j.message = q.value(9).toString();
        j.sourceInfo = q.value(10).toString();
        const double condition = q.value(11).toDouble();
        j.sourceCondition = condition >= 0.0 && condition <= 1.0 ? condition : kSourceUnknown; // a hand-edited row
        j.clusterBatch = q.value(12).toString();
        jobs.push_back(j);
    }
    for (auto& j : jobs)
        if (j.state == JobState::Running) { // the app died under it: the pipeline's journal resumes it
            j.state = JobState::Queued;
            update(j);
        }
    return jobs;
}

void JobStore::insert(Job& job)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO jobs (position, input, output, model, preset, state, frames_done, frames_total, message, "
                             "source_info, source_condition, cluster_batch) VALUES (:position, :input, :output, :model, :preset, :state, "
                             ":frames_done, :frames_total, :message, :source_info, :source_condition, :cluster_batch)"));
    bindJob(q, job);
    if (!q.exec()) fail(m_path, QStringLiteral("cannot add a job"), q.lastError());
    job.id = q.lastInsertId().toLongLong();
}

void JobStore::update(const Job& job)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE jobs SET position=:position, input=:input, output=:output, model=:model, preset=:preset, "
                             "state=:state, frames_done=:frames_done, frames_total=:frames_total, message=:message, "
                             "source_info=:source_info, source_condition=:source_condition, cluster_batch=:cluster_batch WHERE id=:id"));
    bindJob(q, job);
    q.bindValue(":id", job.id);
    if (!q.exec()) fail(m_path, QStringLiteral("cannot update a job"), q.lastError());
}

void JobStore::remove(qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM jobs WHERE id=:id"));
    q.bindValue(":id", id);
    if (!q.exec()) fail(m_path, QStringLiteral("cannot remove a job"), q.lastError());
}

void JobStore::setOrder(const QVector<qint64>& idsInOrder)
{
    auto db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE jobs SET position=:position WHERE id=:id"));
    for (int i = 0; i < idsInOrder.size(); ++i) {
        q.bindValue(":position", i);
        q.bindValue(":id", idsInOrder[i]);
        if (!q.exec()) {
            db.rollback();
            fail(m_path, QStringLiteral("cannot reorder"), q.lastError());
        }
    }
    if (!db.commit()) fail(m_path, QStringLiteral("cannot reorder"), db.lastError());
}

} // namespace dualx::ui
