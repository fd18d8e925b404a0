#pragma once
// The compare area under the queue: the selected job's source frame against its restored frame
// (from the finished output, or a preview computed on demand), with mode and zoom buttons and a
// frame slider. Frames are decoded and previews computed off the UI thread.
#include "app_settings.h"

#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QPushButton;
class QSlider;

namespace dualx::ui {

class CompareViewer;
struct Job;

class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(QWidget* parent = nullptr);
    ~ComparePanel() override;

    void setSettings(const AppSettings& settings) { m_settings = settings; }
    void showJob(const Job* job); // nullptr clears
    CompareViewer* viewer() const { return m_viewer; }
    int frameIndex() const;

public Q_SLOTS:
    void setFrameIndex(int index);
    void previewCurrentFrame(); // restore the current frame with the job's model and settings

Q_SIGNALS:
    void logMessage(const QString& line);
    // A preview is on screen: the quick one (a short window) or the one from the job's window.
    void previewShown(int frameIndex, int windowFrames);

private:
    void loadFrames();

    CompareViewer* m_viewer;
    QSlider* m_slider;
    QLabel* m_frameLabel;
    QLabel* m_status;
    QPushButton* m_previewButton;
    QString m_input, m_output, m_model;
    double m_sourceCondition = 0.5; // the job's, told to the model in a preview
    bool m_outputReady = false;
    AppSettings m_settings;
    int m_generation = 0; // newer requests win over older ones still running
    std::shared_ptr<std::atomic<bool>> m_cancelPreview;
    QThreadPool m_pool; // waited for (after cancelling) before the panel goes, so tasks may use `this`
};

} // namespace dualx::ui
