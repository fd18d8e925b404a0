#include "queue_runner.h"

#include "dualx/errors.h"
#include "dualx/runtime.h"
#include "dualx/shipped_models.h"
#include "dualx/upscale_job.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>

#include <atomic>
#include <thread>

namespace dualx::ui {

struct QueueRunner::Running {
    std::unique_ptr<UpscaleJob> job;
    std::thread thread;
    std::atomic<bool> userCancelled{false};
};

UpscaleSettings upscaleSettingsFor(const Job& job, const AppSettings& settings)
{
    UpscaleSettings s;
    s.input = job.input.toStdString();
    s.output = job.output.toStdString();
    s.preset = job.preset.toStdString();
    s.engine = settings.engineFor(job.model, job.sourceCondition);
    s.engine.model = resolveModel(s.engine.model);
    return s;
}

QueueRunner::QueueRunner(JobQueueModel* model, QObject* parent) : QObject(parent), m_model(model) { }

QueueRunner::~QueueRunner()
{
    m_stopping = true;
    for (auto& [id, r] : m_running) r->job->cancel();
    for (auto& [id, r] : m_running)
        if (r->thread.joinable()) r->thread.join();
}

void QueueRunner::setActive(bool active)
{
    if (m_active == active) return;
    m_active = active;
    Q_EMIT activeChanged(active);
}

void QueueRunner::start()
{
    if (m_active) return;
    m_done = m_failed = 0;
    m_paused = false;
    configureThreads(m_settings.threads);
    setActive(true);
    fillSlots();
}

void QueueRunner::pause()
{
    if (!m_active || m_paused) return;
    m_paused = true;
    for (auto& [id, r] : m_running) {
        r->job->pause();
        m_model->modify(id, [](Job& j) { j.state = JobState::Paused; });
    }
    Q_EMIT logMessage(tr("Queue paused"));
}

void QueueRunner::resume()
{
    if (!m_paused) return;
    m_paused = false;
    for (auto& [id, r] : m_running) {
        r->job->resume();
        m_model->modify(id, [](Job& j) { j.state = JobState::Running; });
    }
    Q_EMIT logMessage(tr("Queue resumed"));
    fillSlots();
}

void QueueRunner::stop()
{
    m_stopping = true;
    for (auto& [id, r] : m_running) r->job->cancel();
    setActive(false);
}

void QueueRunner::cancelJob(qint64 id)
{
    auto it = m_running.find(id);
    if (it != m_running.end()) {
        it->second->userCancelled = true;
        it->second->job->cancel();
        return;
    }
    m_model->modify(id, [](Job& j) {
        if (j.state == JobState::Queued) j.state = JobState::Cancelled;
    });
}

void QueueRunner::fillSlots()
{
    while (m_active && !m_paused && !m_stopping && static_cast<int>(m_running.size()) < std::max(1, m_settings.parallelJobs)) {
        const qint64 id = m_model->nextQueued();
        if (id == 0) break;
        const Job job = *m_model->job(id);
        UpscaleSettings s;
        try {
            s = upscaleSettingsFor(job, m_settings);
        } catch (const Error& e) {
            m_model->modify(id, [&](Job& j) {
                j.state = JobState::Failed;
                j.message = QString::fromStdString(e.what());
            });
            ++m_failed;
            Q_EMIT logMessage(tr("%1: %2").arg(QFileInfo(job.input).fileName(), QString::fromStdString(e.what())));
            continue;
        }
        QDir().mkpath(QFileInfo(job.output).absolutePath());
        auto r = std::make_unique<Running>();
        r->job = std::make_unique<UpscaleJob>(s);
        m_model->modify(id, [](Job& j) {
            j.state = JobState::Running;
            j.message.clear();
        });
        Q_EMIT logMessage(tr("Started %1 -> %2").arg(job.input, job.output));
        QPointer<QueueRunner> self(this);
        UpscaleJob* upscale = r->job.get();
        r->thread = std::thread([self, upscale, id] {
            bool ok = false, cancelled = false;
            QString message;
            try {
                const auto report = upscale->run([self, id](const UpscaleProgress& p) {
                    QMetaObject::invokeMethod(
                        self,
                        [self, id, p] {
                            if (!self) return;
                            self->m_model->modify(id, [&](Job& j) {
                                j.framesDone = p.framesDone;
                                j.framesTotal = p.framesTotal;
                                j.framesPerSecond = p.framesPerSecond;
                                j.etaSeconds = p.etaSeconds;
                            });
                        },
                        Qt::QueuedConnection);
                });
                ok = true;
                QStringList lines;
                for (const auto& warning : report.warnings) lines << tr("Warning: %1").arg(QString::fromStdString(warning));
                for (const auto& line : report.streams) lines << QString::fromStdString(line);
                message = tr("%1 frames, %2x%3, %4 s")
                              .arg(report.frames)
                              .arg(report.outputWidth)
                              .arg(report.outputHeight)
                              .arg(report.seconds, 0, 'f', 1)
                          + QStringLiteral("\n") + lines.join('\n');
            } catch (const Error& e) {
                cancelled = e.code() == ErrorCode::Cancelled;
                message = QString::fromStdString(e.what());
            } catch (const std::exception& e) {
                message = QString::fromStdString(describeException(e));
            }
            QMetaObject::invokeMethod(
                self,
                [self, id, ok, cancelled, message] {
                    if (self) self->finished(id, ok, cancelled, message);
                },
                Qt::QueuedConnection);
        });
        m_running.emplace(id, std::move(r));
    }
    if (m_running.empty() && m_active) {
        setActive(false);
        m_stopping = false;
        Q_EMIT logMessage(tr("Queue finished: %1 done, %2 failed").arg(m_done).arg(m_failed));
        Q_EMIT queueFinished(m_done, m_failed);
    }
}

void QueueRunner::finished(qint64 id, bool ok, bool cancelled, const QString& message)
{
    auto it = m_running.find(id);
    if (it == m_running.end()) return;
    const bool userCancelled = it->second->userCancelled;
    it->second->thread.join();
    m_running.erase(it);
    const QString name = m_model->job(id) ? QFileInfo(m_model->job(id)->input).fileName() : QString();
    m_model->modify(id, [&](Job& j) {
        j.message = message;
        j.etaSeconds = -1;
        if (ok) {
            j.state = JobState::Done;
            j.framesDone = j.framesTotal = std::max(j.framesDone, j.framesTotal);
        } else if (cancelled) {
            // Stopping the queue puts jobs back to wait; their finished segments are kept.
            j.state = userCancelled ? JobState::Cancelled : JobState::Queued;
        } else {
            j.state = JobState::Failed;
        }
    });
    if (ok) ++m_done;
    if (!ok && !cancelled) ++m_failed;
    Q_EMIT logMessage(ok ? tr("Finished %1: %2").arg(name, message.section('\n', 0, 0)) : tr("%1: %2").arg(name, message));
    if (m_active || !m_running.empty()) fillSlots();
    if (!m_active && m_running.empty()) m_stopping = false;
}

} // namespace dualx::ui
