#pragma once
// Settings: device (with the GPUs found), threads, tiling and temporal window, output folder and
// naming, default model and preset, parallel jobs, language, and the cluster for Send to cluster.
#include "app_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace dualx::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
    AppSettings settings() const;

private:
    AppSettings m_original;
    QComboBox *m_device, *m_model, *m_preset, *m_language, *m_ensemble, *m_fusion, *m_source, *m_deinterlace, *m_clusterEngine;
    QSpinBox *m_threads, *m_tile, *m_tileOverlap, *m_frames, *m_frameOverlap, *m_parallel, *m_clusterCpus, *m_clusterGpus,
        *m_clusterParallel, *m_clusterSplit, *m_clusterAttempts;
    QLineEdit *m_folder, *m_naming, *m_clusterPartition, *m_clusterFolder;
    QCheckBox* m_quit;
};

} // namespace dualx::ui
