#include "job_queue_model.h"

#include "dualx/batch_plan.h"
#include "dualx/errors.h"
#include "dualx/export_preset.h"
#include "dualx/interlacing.h"
#include "dualx/media_probe.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFileInfo>
#include <QMimeData>
#include <QThreadPool>

#include <algorithm>
#include <cmath>

namespace dualx::ui {

namespace {

const char* kRowsMime = "application/x-dualx-job-ids";

QString formatEta(double seconds)
{
    if (seconds < 0) return {};
    const qint64 s = static_cast<qint64>(seconds + 0.5);
    return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar('0')).arg(s % 60, 2, 10, QChar('0'));
}

QString presetExtension(const QString& preset)
{
    try {
        return QString::fromStdString(findPreset(preset.toStdString()).extension);
    } catch (const Error&) {
        return QStringLiteral(".mkv");
    }
}

} // namespace

JobQueueModel::JobQueueModel(std::unique_ptr<JobStore> store, QObject* parent) : QAbstractTableModel(parent), m_store(std::move(store))
{
    m_pool.setMaxThreadCount(2);
    m_jobs = m_store->load();
    for (const auto& j : m_jobs)
        if (j.state != JobState::Refused) probeLater(j.id, j.input); // thumbnails are not stored
}

JobQueueModel::~JobQueueModel() { m_pool.waitForDone(); }

int JobQueueModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_jobs.size()); }
int JobQueueModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant JobQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Source: return tr("Source");
    case Model: return tr("Model");
    case Quality: return tr("Source quality");
    case Preset: return tr("Preset");
    case Output: return tr("Output");
    case State: return tr("State");
    case Progress: return tr("Progress");
    case Speed: return tr("Speed");
    case Eta: return tr("ETA");
    }
    return {};
}

QVariant JobQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size()) return {};
    const Job& j = m_jobs[index.row()];
    if (role == JobIdRole) return j.id;
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Source: return QFileInfo(j.input).fileName() + (j.sourceInfo.isEmpty() ? QString() : QStringLiteral("\n") + j.sourceInfo);
        case Model:
            return j.model == QLatin1String("mse")   ? tr("MSE (faithful)")
                   : j.model == QLatin1String("gan") ? tr("GAN (sharp)")
                                                     : QFileInfo(j.model).fileName();
        case Quality: return role == Qt::EditRole ? QVariant(j.sourceCondition) : QVariant(sourceQualityName(j.sourceCondition));
        case Preset: return j.preset;
        case Output: return j.output;
        case State: return jobStateLabel(j.state);
        case Progress:
            return j.framesTotal > 0 ? static_cast<int>(100 * j.framesDone / j.framesTotal) : (j.state == JobState::Done ? 100 : 0);
        case Speed: return j.framesPerSecond > 0 ? tr("%1 fps").arg(j.framesPerSecond, 0, 'f', 2) : QString();
        case Eta: return j.state == JobState::Running ? formatEta(j.etaSeconds) : QString();
        }
    }
    if (role == Qt::DecorationRole && index.column() == Source) {
        const QImage thumb = m_thumbnails.value(j.id);
        if (!thumb.isNull()) return thumb;
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Source) return j.input + QStringLiteral("\n") + j.sourceInfo;
        if (index.column() == State && !j.message.isEmpty()) return j.message;
        if (index.column() == Quality)
            return tr("What the video is like, told to a source-aware model: 0 clean, 0.5 unknown, 1 degraded (now %1)")
                .arg(j.sourceCondition);
    }
    return {};
}

Qt::ItemFlags JobQueueModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index) | Qt::ItemIsDropEnabled;
    if (!index.isValid()) return f;
    f |= Qt::ItemIsDragEnabled;
    const Job& j = m_jobs[index.row()];
    const bool editable = j.state == JobState::Queued || j.state == JobState::Failed || j.state == JobState::Cancelled;
    if (editable && (index.column() == Model || index.column() == Quality || index.column() == Preset || index.column() == Output))
        f |= Qt::ItemIsEditable;
    return f;
}

bool JobQueueModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) return false;
    const qint64 id = m_jobs[index.row()].id;
    const QString text = value.toString();
    if (index.column() == Quality) {
        bool number = false;
        const double condition = value.toDouble(&number);
        if (!number || !(condition >= 0.0 && condition <= 1.0)) return false; // not a source condition
        modify(id, [&](Job& j) { j.sourceCondition = condition; });
        return true;
    }
    modify(id, [&](Job& j) {
        if (index.column() == Model) j.model = text;
        if (index.column() == Preset) {
            // The output keeps its name but takes the preset's container extension.
            const QFileInfo out(j.output);
            j.output = out.dir().filePath(out.completeBaseName() + presetExtension(text));
            j.preset = text;
        }
        if (index.column() == Output) j.output = text;
    });
    return true;
}

Qt::DropActions JobQueueModel::supportedDropActions() const { return Qt::MoveAction | Qt::CopyAction; }

QStringList JobQueueModel::mimeTypes() const { return {QString::fromLatin1(kRowsMime), QStringLiteral("text/uri-list")}; }

QMimeData* JobQueueModel::mimeData(const QModelIndexList& indexes) const
{
    QVector<qint64> ids;
    for (const auto& i : indexes)
        if (!ids.contains(m_jobs[i.row()].id)) ids.push_back(m_jobs[i.row()].id);
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << ids;
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kRowsMime), bytes);
    return mime;
}

bool JobQueueModel::dropMimeData(const QMimeData* data, Qt::DropAction, int row, int, const QModelIndex& parent)
{
    const int target = row >= 0 ? row : parent.isValid() ? parent.row() : rowCount();
    if (data->hasFormat(QString::fromLatin1(kRowsMime))) { // rows dragged within the table: reorder
        QVector<qint64> ids;
        QDataStream in(data->data(QString::fromLatin1(kRowsMime)));
        in >> ids;
        moveJobs(ids, target);
        return true;
    }
    return false; // files are handled by the window, which knows the settings
}

bool JobQueueModel::looksLikeVideo(const QString& path) { return dualx::looksLikeVideo(path.toStdString()); }

int JobQueueModel::addPaths(const QStringList& paths, const AppSettings& settings)
{
    QStringList files;
    for (const auto& p : paths) {
        const QFileInfo info(p);
        if (info.isDir()) { // folders: their video files, recursively, in name order
            QStringList found;
            QDirIterator it(p, QDir::Files, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext()) {
                const QString f = it.next();
                if (looksLikeVideo(f)) found << f;
            }
            found.sort();
            // A folder without videos gets a refused row saying so, not silence.
            if (found.isEmpty()) found << info.absoluteFilePath();
            files << found;
        } else {
            files << info.absoluteFilePath();
        }
    }
    // A file already waiting or running in the queue is not queued twice.
    QStringList fresh;
    for (const auto& f : files) {
        const bool pending = std::any_of(m_jobs.begin(), m_jobs.end(), [&](const Job& j) {
            return j.input == f && (j.state == JobState::Queued || j.state == JobState::Running || j.state == JobState::Paused);
        });
        if (!pending && !fresh.contains(f)) fresh << f;
    }
    m_lastSkipped = static_cast<int>(files.size() - fresh.size());
    files = fresh;
    if (files.isEmpty()) return 0;
    const QString extension = presetExtension(settings.defaultPreset);
    beginInsertRows({}, rowCount(), rowCount() + static_cast<int>(files.size()) - 1);
    QVector<qint64> added;
    for (const auto& f : files) {
        Job j;
        j.input = f;
        j.model = QString::fromStdString(settings.engine.model);
        j.preset = settings.defaultPreset;
        j.sourceCondition = settings.engine.sourceCondition;
        j.output = settings.outputFor(f, extension);
        j.position = static_cast<int>(m_jobs.size());
        if (!QFileInfo::exists(f)) {
            j.state = JobState::Refused;
            j.message = tr("%1 does not exist").arg(f);
        } else if (QFileInfo(f).isDir()) {
            j.state = JobState::Refused;
            j.message = tr("folder %1 holds no video files (%2)").arg(f, QString::fromStdString(dualx::videoExtensionList()));
        } else {
            j.sourceInfo = tr("reading…");
        }
        m_store->insert(j);
        m_jobs.push_back(j);
        added.push_back(j.id);
    }
    endInsertRows();
    for (qint64 id : added)
        if (job(id)->state != JobState::Refused) probeLater(id, job(id)->input);
    return static_cast<int>(added.size());
}

void JobQueueModel::probeLater(qint64 id, const QString& path)
{
    ++m_probesRunning;
    JobQueueModel* self = this;
    m_pool.start([self, id, path] {
        QString info, error;
        QImage thumb;
        try {
            FrameGrabber grabber(path.toStdString());
            info = QString::fromStdString(grabber.summary().describe());
            // Interlaced tapes and telecined film are deinterlaced by the job: say so up front.
            const InterlaceAnalysis scan = analyseInterlacing(path.toStdString(), 60);
            if (scan.scan != ScanType::Progressive) info += QStringLiteral("; ") + QString::fromStdString(scan.verdict());
            const RgbImage first = grabber.frame(0); // upright
            if (!first.empty()) {
                // Shown at its display aspect: anamorphic DV is 4:3 or 16:9, not 3:2.
                const double shown = grabber.summary().displayAspect();
                thumb = QImage(first.rgb.data(), first.width, first.height, first.width * 3, QImage::Format_RGB888)
                            .scaled(std::max(1, static_cast<int>(std::lround(54 * shown))), 54, Qt::IgnoreAspectRatio,
                                    Qt::SmoothTransformation);
            }
        } catch (const Error& e) {
            error = QString::fromStdString(e.what());
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        // Delivered only while the model lives (Qt drops events for a deleted receiver).
        QMetaObject::invokeMethod(
            self,
            [self, id, info, error, thumb] {
                --self->m_probesRunning;
                if (!self->job(id)) return; // removed meanwhile
                if (!thumb.isNull()) self->m_thumbnails.insert(id, thumb);
                self->modify(id, [&](Job& j) {
                    if (!error.isEmpty()) {
                        j.state = JobState::Refused;
                        j.sourceInfo.clear();
                        j.message = tr("not a video FFmpeg can read: %1").arg(error);
                    } else {
                        j.sourceInfo = info;
                    }
                });
            },
            Qt::QueuedConnection);
    });
}

bool JobQueueModel::waitForProbes(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_probesRunning > 0 && !deadline.hasExpired()) {
        m_pool.waitForDone(10);
        QCoreApplication::processEvents();
    }
    return m_probesRunning == 0;
}

const Job* JobQueueModel::job(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_jobs[row];
}

int JobQueueModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_jobs.size(); ++i)
        if (m_jobs[i].id == id) return i;
    return -1;
}

void JobQueueModel::modify(qint64 id, const std::function<void(Job&)>& change)
{
    const int row = rowOf(id);
    if (row < 0) return;
    change(m_jobs[row]);
    m_store->update(m_jobs[row]);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT jobChanged(id);
}

void JobQueueModel::removeJobs(const QVector<qint64>& ids)
{
    for (qint64 id : ids) {
        const int row = rowOf(id);
        if (row < 0) continue;
        beginRemoveRows({}, row, row);
        m_store->remove(id);
        m_jobs.removeAt(row);
        m_thumbnails.remove(id);
        endRemoveRows();
    }
    storeOrder();
}

void JobQueueModel::moveJobs(const QVector<qint64>& ids, int targetRow)
{
    beginResetModel();
    QVector<Job> moving, staying;
    int insertAt = 0;
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (ids.contains(m_jobs[i].id)) {
            moving.push_back(m_jobs[i]);
        } else {
            if (i < targetRow) ++insertAt;
            staying.push_back(m_jobs[i]);
        }
    }
    for (int i = 0; i < moving.size(); ++i) staying.insert(insertAt + i, moving[i]);
    m_jobs = staying;
    endResetModel();
    storeOrder();
}

void JobQueueModel::storeOrder()
{
    QVector<qint64> order;
    for (int i = 0; i < m_jobs.size(); ++i) {
        m_jobs[i].position = i;
        order.push_back(m_jobs[i].id);
    }
    m_store->setOrder(order);
}

qint64 JobQueueModel::nextQueued() const
{
    for (const auto& j : m_jobs)
        if (j.state == JobState::Queued) return j.id;
    return 0;
}

} // namespace dualx::ui
