#pragma once
// The DualX Studio window: the job queue (drop files or folders anywhere), its toolbar, the
// compare panel for the selected job, and a log. Owns the queue model, the runner and the
// link to a cluster.
#include "app_settings.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QPlainTextEdit;
class QSystemTrayIcon;
class QTableView;

namespace dualx::ui {

class ClusterLink;
class ComparePanel;
class JobQueueModel;
class QueueRunner;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `databasePath`: the queue's SQLite file (created if missing). Throws dualx::Error if it
    // cannot be opened.
    explicit MainWindow(const QString& databasePath, QWidget* parent = nullptr);
    ~MainWindow() override;

    JobQueueModel* queueModel() const { return m_model; }
    QueueRunner* runner() const { return m_runner; }
    ClusterLink* clusterLink() const { return m_cluster; }
    QAction* sendToClusterAction() const { return m_sendToCluster; }
    QTableView* table() const { return m_table; }
    ComparePanel* comparePanel() const { return m_compare; }
    int addPaths(const QStringList& paths); // as a drop does; returns rows added

Q_SIGNALS:
    void languageRequested(const QString& language); // from the settings dialog

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void retranslate();
    void updateActions();
    QVector<qint64> selectedIds() const;
    void log(const QString& line);
    void openSettings();
    void showAbout();
    void applyToSelected(int column, const QVariant& value);
    void applyOutput(qint64 id, const QString& output);

    AppSettings m_settings;
    JobQueueModel* m_model = nullptr;
    QueueRunner* m_runner = nullptr;
    ClusterLink* m_cluster = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_dropHint = nullptr;
    ComparePanel* m_compare = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QAction *m_addFiles, *m_addFolder, *m_start, *m_pause, *m_stop, *m_cancel, *m_retry, *m_remove, *m_top, *m_up, *m_down, *m_bottom,
        *m_openFolder, *m_settingsAction, *m_useMse, *m_useGan, *m_about, *m_presets, *m_sendToCluster;
};

} // namespace dualx::ui
