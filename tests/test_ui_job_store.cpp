// The queue database: what goes in comes back after a restart, in order; a job the app died
// under comes back queued; a file that is not ours is named, never silently replaced.
#include "test_support.h"
#include "ui/job_store.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace dualx;
using namespace dualx::ui;

class TestUiJobStore : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void roundTripKeepsEveryFieldAndTheOrder()
    {
        const QString db = m_dir.filePath("queue.sqlite");
        qint64 second = 0;
        {
            JobStore store(db);
            for (int i = 0; i < 3; ++i) {
                Job j;
                j.input = QStringLiteral("/videos/clip%1.mp4").arg(i);
                j.output = QStringLiteral("/out/clip%1-dualx.mkv").arg(i);
                j.model = i == 1 ? QStringLiteral("gan") : QStringLiteral("mse");
                j.preset = QStringLiteral("hevc-10bit");
                j.position = i;
                j.framesDone = 10 * i;
                j.framesTotal = 100;
                j.message = QStringLiteral("note %1").arg(i);
                j.sourceInfo = QStringLiteral("640x360, 25 fps");
                j.sourceCondition = i * 0.5;
                store.insert(j);
                QVERIFY(j.id > 0);
                if (i == 1) second = j.id;
            }
            auto jobs = store.load();
            jobs[2].state = JobState::Done;
            store.update(jobs[2]);
            store.setOrder({jobs[2].id, jobs[0].id, jobs[1].id});
        }
        JobStore reopened(db);
        const auto jobs = reopened.load();
        QCOMPARE(jobs.size(), 3);
        QCOMPARE(jobs[0].input, QStringLiteral("/videos/clip2.mp4"));
        QVERIFY(jobs[0].state == JobState::Done);
        QCOMPARE(jobs[2].id, second);
        QCOMPARE(jobs[2].model, QStringLiteral("gan"));
        QCOMPARE(jobs[2].preset, QStringLiteral("hevc-10bit"));
        QCOMPARE(jobs[2].framesDone, qint64{10});
        QCOMPARE(jobs[2].message, QStringLiteral("note 1"));
        QCOMPARE(jobs[2].sourceCondition, 0.5);
        QCOMPARE(jobs[0].sourceCondition, 1.0);
        reopened.remove(second);
        QCOMPARE(reopened.load().size(), 2);
    }

    void aJobRunningWhenTheAppDiedComesBackQueued()
    {
        const QString db = m_dir.filePath("crash.sqlite");
        {
            JobStore store(db);
            Job j;
            j.input = QStringLiteral("/v/a.mp4");
            j.output = QStringLiteral("/v/a-dualx.mkv");
            j.state = JobState::Running;
            j.framesDone = 42;
            store.insert(j);
        } // no clean shutdown is needed: every change was committed when made
        JobStore store(db);
        const auto jobs = store.load();
        QVERIFY(jobs[0].state == JobState::Queued);
        QCOMPARE(jobs[0].framesDone, qint64{42});
        QVERIFY(JobStore(db).load()[0].state == JobState::Queued); // and that is stored too
    }

    void aFirstVersionQueueGainsEachJobsSourceQualityAsUnknown()
    {
        const QString old = m_dir.filePath("version1.sqlite");
        {
            auto db = QSqlDatabase::addDatabase("QSQLITE", "version1");
            db.setDatabaseName(old);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // The schema as version 1 wrote it, with one queued job.
            QVERIFY(q.exec("CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, position INTEGER NOT NULL, input TEXT NOT NULL, "
                           "output TEXT NOT NULL, model TEXT NOT NULL, preset TEXT NOT NULL, state TEXT NOT NULL, frames_done "
                           "INTEGER NOT NULL DEFAULT 0, frames_total INTEGER NOT NULL DEFAULT 0, message TEXT NOT NULL DEFAULT '', "
                           "source_info TEXT NOT NULL DEFAULT '')"));
            QVERIFY(q.exec("INSERT INTO jobs (position, input, output, model, preset, state) VALUES "
                           "(0, '/v/old.mp4', '/v/old-dualx.mkv', 'mse', 'web-h264', 'queued')"));
            QVERIFY(q.exec("PRAGMA user_version=1"));
            db.close();
        }
        QSqlDatabase::removeDatabase("version1");
        {
            JobStore store(old);
            auto jobs = store.load();
            QCOMPARE(jobs.size(), 1);
            QCOMPARE(jobs[0].input, QStringLiteral("/v/old.mp4"));
            QCOMPARE(jobs[0].sourceCondition, 0.5);
            jobs[0].sourceCondition = 0.0;
            store.update(jobs[0]);
        }
        JobStore reopened(old); // now version 2: opened again without migrating twice
        QCOMPARE(reopened.load()[0].sourceCondition, 0.0);
    }

    void foreignFilesAreNamed()
    {
        const QString text = m_dir.filePath("notes.sqlite");
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a database, just some words that go on for a while to fill a page of bytes...");
        f.close();
        try {
            JobStore store(text);
            QFAIL("a text file was opened as a queue database");
        } catch (const Error& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains("notes.sqlite"), e.what());
        }
        // A database from a newer version is refused rather than downgraded.
        const QString newer = m_dir.filePath("newer.sqlite");
        {
            auto db = QSqlDatabase::addDatabase("QSQLITE", "newer");
            db.setDatabaseName(newer);
            QVERIFY(db.open());
            QSqlQuery(db).exec("PRAGMA user_version=99");
            db.close();
        }
        QSqlDatabase::removeDatabase("newer");
        test::expectError([&] { JobStore store(newer); }, ErrorCode::CorruptFile, "newer DualX Studio");
        test::expectError([&] { JobStore store(m_dir.filePath("no/such/folder/q.sqlite")); }, ErrorCode::FileUnwritable, "q.sqlite");
    }
};

QTEST_GUILESS_MAIN(TestUiJobStore)
#include "test_ui_job_store.moc"
