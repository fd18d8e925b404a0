#include "main_window.h"

#include "cluster_link.h"
#include "compare_panel.h"
#include "job_queue_model.h"
#include "preset_editor.h"
#include "progress_delegate.h"
#include "queue_runner.h"
#include "settings_dialog.h"
#include "source_quality_delegate.h"

#include "dualx/device.h"
#include "dualx/export_preset.h"
#include "dualx/runtime.h"
#include "dualx/shipped_models.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QToolBar>
#include <QUrl>

namespace dualx::ui {

MainWindow::MainWindow(const QString& databasePath, QWidget* parent) : QMainWindow(parent), m_settings(AppSettings::load())
{
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/dualx-studio-256.png")));
    resize(1280, 820);
    m_model = new JobQueueModel(std::make_unique<JobStore>(databasePath), this);
    m_runner = new QueueRunner(m_model, this);
    m_runner->setSettings(m_settings);
    m_cluster = new ClusterLink(m_model, this);
    m_cluster->setSettings(m_settings);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setDragDropMode(QAbstractItemView::InternalMove); // drag rows to reorder
    m_table->setDragEnabled(true);
    m_table->setDropIndicatorShown(true);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->setDefaultSectionSize(60);
    m_table->setIconSize(QSize(96, 54));
    m_table->horizontalHeader()->setSectionResizeMode(JobQueueModel::Source, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(JobQueueModel::Output, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Job queue"));
    m_table->setItemDelegateForColumn(JobQueueModel::Progress, new ProgressDelegate(m_table));
    m_table->setItemDelegateForColumn(JobQueueModel::Quality, new SourceQualityDelegate(m_table));
    m_dropHint = new QLabel(m_table->viewport());
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setAttribute(Qt::WA_TransparentForMouseEvents);

    m_compare = new ComparePanel(this);
    m_compare->setSettings(m_settings);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_compare);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    setCentralWidget(split);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setAccessibleName(tr("Log"));
    auto* dock = new QDockWidget(tr("Log"), this);
    dock->setObjectName(QStringLiteral("logDock"));
    dock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {110}, Qt::Vertical);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->show();
    }

    buildActions();
    retranslate();
    connect(m_runner, &QueueRunner::logMessage, this, &MainWindow::log);
    connect(m_cluster, &ClusterLink::logMessage, this, &MainWindow::log);
    connect(m_cluster, &ClusterLink::sent, this, [this](bool ok, const QString& message) {
        log(message);
        statusBar()->showMessage(message);
        if (!ok && isVisible()) QMessageBox::warning(this, tr("Send to cluster"), message);
    });
    connect(m_compare, &ComparePanel::logMessage, this, &MainWindow::log);
    connect(m_runner, &QueueRunner::activeChanged, this, &MainWindow::updateActions);
    connect(m_runner, &QueueRunner::queueFinished, this, [this](int done, int failed) {
        const QString text = tr("Queue finished: %1 done, %2 failed").arg(done).arg(failed);
        if (m_tray) m_tray->showMessage(tr("DualX Studio"), text);
        statusBar()->showMessage(text);
        if (m_settings.quitWhenQueueDone) close();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const auto ids = selectedIds();
        m_compare->showJob(ids.isEmpty() ? nullptr : m_model->job(ids.first()));
        updateActions();
    });
    connect(m_model, &JobQueueModel::jobChanged, this, [this](qint64 id) {
        const auto ids = selectedIds();
        if (!ids.isEmpty() && ids.first() == id) m_compare->showJob(m_model->job(id));
        updateActions();
    });
    auto hint = [this] {
        m_dropHint->setVisible(m_model->rowCount() == 0);
        m_dropHint->resize(m_table->viewport()->size());
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, hint);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, hint);
    connect(m_model, &QAbstractItemModel::modelReset, this, hint);
    hint();
    updateActions();
    log(tr("Queue database: %1 (%2 jobs)").arg(databasePath).arg(m_model->rowCount()));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto* bar = addToolBar(tr("Queue"));
    bar->setObjectName(QStringLiteral("queueToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto make = [&](QStyle::StandardPixmap icon, const QKeySequence& key, auto slot) {
        auto* a = new QAction(style()->standardIcon(icon), QString(), this);
        if (!key.isEmpty()) a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        bar->addAction(a);
        return a;
    };
    m_addFiles = make(QStyle::SP_FileIcon, QKeySequence::Open, [this] {
        const auto files = QFileDialog::getOpenFileNames(this, tr("Add videos"));
        if (!files.isEmpty()) addPaths(files);
    });
    m_addFolder = make(QStyle::SP_DirIcon, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] {
        const auto folder = QFileDialog::getExistingDirectory(this, tr("Add a folder of videos"));
        if (!folder.isEmpty()) addPaths({folder});
    });
    bar->addSeparator();
    m_start = make(QStyle::SP_MediaPlay, QKeySequence(Qt::CTRL | Qt::Key_Return), [this] {
        m_runner->setSettings(m_settings);
        m_runner->start();
    });
    m_pause = make(QStyle::SP_MediaPause, QKeySequence(Qt::CTRL | Qt::Key_P), [this] {
        m_runner->isPaused() ? m_runner->resume() : m_runner->pause();
        updateActions();
    });
    m_stop = make(QStyle::SP_MediaStop, QKeySequence(), [this] { m_runner->stop(); });
    bar->addSeparator();
    m_cancel = make(QStyle::SP_DialogCancelButton, QKeySequence(), [this] {
        QStringList batches;
        for (qint64 id : selectedIds()) {
            const Job* j = m_model->job(id);
            if (j && j->state == JobState::OnCluster) {
                if (!batches.contains(j->clusterBatch)) batches << j->clusterBatch;
            } else {
                m_runner->cancelJob(id);
            }
        }
        if (batches.isEmpty()) return;
        if (isVisible()
            && QMessageBox::question(this, tr("Cancel on the cluster"),
                                     tr("Jobs sent to a cluster together are cancelled together. Cancel %n batch(es) on the cluster? "
                                        "Finished files stay; Send to cluster again continues the rest.",
                                        nullptr, static_cast<int>(batches.size())))
                   != QMessageBox::Yes)
            return;
        m_cluster->cancelBatches(batches);
    });
    m_retry = make(QStyle::SP_BrowserReload, QKeySequence(), [this] {
        for (qint64 id : selectedIds())
            m_model->modify(id, [](Job& j) {
                if (j.state == JobState::Failed || j.state == JobState::Cancelled || j.state == JobState::Done) {
                    j.state = JobState::Queued;
                    j.framesDone = 0;
                    j.message.clear();
                }
            });
    });
    m_remove = make(QStyle::SP_TrashIcon, QKeySequence::Delete, [this] {
        QVector<qint64> removable;
        for (qint64 id : selectedIds()) {
            const Job* j = m_model->job(id);
            if (j && j->state != JobState::Running && j->state != JobState::Paused) removable.push_back(id);
        }
        m_model->removeJobs(removable);
    });
    bar->addSeparator();
    m_top = make(QStyle::SP_ArrowUp, QKeySequence(Qt::CTRL | Qt::Key_Home), [this] { m_model->moveJobs(selectedIds(), 0); });
    m_up = make(QStyle::SP_ArrowUp, QKeySequence(Qt::CTRL | Qt::Key_Up), [this] {
        const auto ids = selectedIds();
        if (!ids.isEmpty()) m_model->moveJobs(ids, std::max(0, m_model->rowOf(ids.first()) - 1));
    });
    m_down = make(QStyle::SP_ArrowDown, QKeySequence(Qt::CTRL | Qt::Key_Down), [this] {
        const auto ids = selectedIds();
        if (!ids.isEmpty()) m_model->moveJobs(ids, m_model->rowOf(ids.last()) + 2);
    });
    m_bottom = make(QStyle::SP_ArrowDown, QKeySequence(Qt::CTRL | Qt::Key_End),
                    [this] { m_model->moveJobs(selectedIds(), m_model->rowCount()); });
    bar->addSeparator();
    m_useMse = make(QStyle::SP_DialogApplyButton, QKeySequence(), [this] { applyToSelected(JobQueueModel::Model, QStringLiteral("mse")); });
    m_useGan = make(QStyle::SP_DialogApplyButton, QKeySequence(), [this] { applyToSelected(JobQueueModel::Model, QStringLiteral("gan")); });
    m_openFolder = make(QStyle::SP_DirOpenIcon, QKeySequence(), [this] {
        const auto ids = selectedIds();
        if (!ids.isEmpty()) QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_model->job(ids.first())->output).absolutePath()));
    });
    m_sendToCluster = make(QStyle::SP_DriveNetIcon, QKeySequence(), [this] {
        m_cluster->setSettings(m_settings);
        m_cluster->send(selectedIds());
    });
    m_settingsAction = make(QStyle::SP_FileDialogDetailedView, QKeySequence::Preferences, [this] { openSettings(); });
    m_presets = make(QStyle::SP_FileDialogContentsView, QKeySequence(), [this] {
        PresetEditor editor(QString::fromStdString(userPresetFolder()), this);
        connect(&editor, &PresetEditor::presetsChanged, this, [this] { log(tr("Presets changed")); });
        editor.exec();
    });
    m_about = make(QStyle::SP_MessageBoxInformation, QKeySequence::HelpContents, [this] { showAbout(); });

    // Multi-select edit: the preset, source quality or output folder of every selected queued job,
    // from a context menu.
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        auto* presets = menu.addMenu(tr("Preset for selected jobs"));
        for (const auto& p : allPresets()) {
            const QString id = QString::fromStdString(p.id);
            presets->addAction(QString::fromStdString(p.name), this, [this, id] { applyToSelected(JobQueueModel::Preset, id); });
        }
        auto* qualities = menu.addMenu(tr("Source quality for selected jobs"));
        for (const auto& choice : sourceQualityChoices()) {
            const double condition = choice.condition;
            qualities->addAction(choice.label, this, [this, condition] { applyToSelected(JobQueueModel::Quality, condition); });
        }
        menu.addAction(tr("Output folder for selected jobs…"), this, [this] {
            const QString folder = QFileDialog::getExistingDirectory(this, tr("Output folder"));
            if (folder.isEmpty()) return;
            for (qint64 id : selectedIds()) {
                const Job* j = m_model->job(id);
                if (j) applyOutput(id, QDir(folder).filePath(QFileInfo(j->output).fileName()));
            }
        });
        menu.addAction(m_useMse);
        menu.addAction(m_useGan);
        menu.addSeparator();
        const auto ids = selectedIds();
        if (ids.size() == 1 && m_model->job(ids.first())) {
            const Job job = *m_model->job(ids.first());
            menu.addAction(tr("Details…"), this, [this, job] {
                QMessageBox box(this);
                box.setWindowTitle(QFileInfo(job.input).fileName());
                box.setText(tr("%1\n→ %2\n\nState: %3").arg(job.input, job.output, jobStateLabel(job.state)));
                box.setDetailedText(job.message.isEmpty() ? job.sourceInfo : job.sourceInfo + QStringLiteral("\n\n") + job.message);
                box.exec();
            });
        }
        menu.addAction(m_sendToCluster);
        menu.addAction(m_retry);
        menu.addAction(m_cancel);
        menu.addAction(m_remove);
        menu.addAction(m_openFolder);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("DualX Studio"));
    m_dropHint->setText(tr("Drop videos or folders here\nor use Add files / Add folder"));
    const std::pair<QAction*, QString> texts[] = {{m_addFiles, tr("Add files")},
                                                  {m_addFolder, tr("Add folder")},
                                                  {m_start, tr("Start")},
                                                  {m_pause, tr("Pause")},
                                                  {m_stop, tr("Stop")},
                                                  {m_cancel, tr("Cancel job")},
                                                  {m_retry, tr("Retry")},
                                                  {m_remove, tr("Remove")},
                                                  {m_top, tr("To top")},
                                                  {m_up, tr("Up")},
                                                  {m_down, tr("Down")},
                                                  {m_bottom, tr("To bottom")},
                                                  {m_useMse, tr("Use MSE model")},
                                                  {m_useGan, tr("Use GAN model")},
                                                  {m_openFolder, tr("Open output folder")},
                                                  {m_settingsAction, tr("Settings")},
                                                  {m_presets, tr("Presets")},
                                                  {m_about, tr("About")},
                                                  {m_sendToCluster, tr("Send to cluster…")}};
    for (const auto& [action, text] : texts) {
        action->setText(text);
        action->setToolTip(action->shortcut().isEmpty() ? text : text + " (" + action->shortcut().toString(QKeySequence::NativeText) + ")");
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateActions()
{
    const bool active = m_runner->isActive();
    m_start->setEnabled(!active && m_model->nextQueued() != 0);
    m_pause->setEnabled(active);
    m_pause->setText(m_runner->isPaused() ? tr("Resume") : tr("Pause"));
    m_stop->setEnabled(active);
    const bool any = !selectedIds().isEmpty();
    for (auto* a : {m_cancel, m_retry, m_remove, m_top, m_up, m_down, m_bottom, m_openFolder, m_useMse, m_useGan}) a->setEnabled(any);
    const auto ids = selectedIds();
    m_sendToCluster->setEnabled(std::any_of(ids.begin(), ids.end(), [this](qint64 id) {
        const Job* j = m_model->job(id);
        return j && ClusterLink::canSend(*j);
    }));
    statusBar()->showMessage(active ? (m_runner->isPaused() ? tr("Paused") : tr("Running %n job(s)", nullptr, m_runner->runningCount()))
                                    : tr("%n job(s) in the queue", nullptr, m_model->rowCount()));
}

QVector<qint64> MainWindow::selectedIds() const
{
    QVector<qint64> ids;
    if (!m_table->selectionModel()) return ids;
    auto rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const auto& r : rows) ids.push_back(r.data(JobQueueModel::JobIdRole).toLongLong());
    return ids;
}

void MainWindow::applyOutput(qint64 id, const QString& output)
{
    m_model->setData(m_model->index(m_model->rowOf(id), JobQueueModel::Output), output, Qt::EditRole);
}

void MainWindow::applyToSelected(int column, const QVariant& value)
{
    for (qint64 id : selectedIds()) m_model->setData(m_model->index(m_model->rowOf(id), column), value, Qt::EditRole);
}

int MainWindow::addPaths(const QStringList& paths)
{
    const int added = m_model->addPaths(paths, m_settings);
    log(tr("Added %n job(s)", nullptr, added));
    if (m_model->lastSkipped() > 0) log(tr("Skipped %n file(s) already in the queue", nullptr, m_model->lastSkipped()));
    updateActions();
    return added;
}

void MainWindow::log(const QString& line)
{
    m_log->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + line);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted) return;
    m_settings = dialog.settings();
    m_settings.save();
    m_runner->setSettings(m_settings);
    m_cluster->setSettings(m_settings);
    m_compare->setSettings(m_settings);
    Q_EMIT languageRequested(m_settings.language);
}

void MainWindow::showAbout()
{
    QString models;
    for (const auto& line : shippedModelProvenance())
        models += QStringLiteral("<li>%1</li>").arg(QString::fromStdString(line).toHtmlEscaped());
    QMessageBox::about(this, tr("About DualX Studio"),
                       tr("<h3>DualX Studio %1</h3><p>Restores and upscales videos 4x with the DualX-VSR video transformer.</p>"
                          "<p>LibTorch %2<br>Device: %3</p><p>Models:</p><ul>%4</ul>")
                           .arg(QCoreApplication::applicationVersion(), QString::fromStdString(torchVersion()),
                                QString::fromStdString(selectDevice(DevicePreference::Auto).description), models));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const auto& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (paths.isEmpty()) return;
    addPaths(paths);
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Running jobs are cancelled; their finished segments stay, and the next start resumes them.
    if (m_runner->runningCount() > 0) log(tr("Stopping: running jobs will resume from their last segment next time"));
    m_runner->stop();
    QMainWindow::closeEvent(event);
}

} // namespace dualx::ui
