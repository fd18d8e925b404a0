#pragma once
// The desktop app's settings, saved with QSettings: engine (device, threads, tiling), where
// outputs go and how they are named, how many jobs run at once, language, the cluster.
#include "dualx/engine_settings.h"
#include "dualx/export_preset.h"

#include <QString>

namespace dualx::ui {

struct AppSettings {
    // Model (the default for new jobs), tiling, self-ensemble, source condition (the default
    // for new jobs), device and deinterlacing: as the CLI takes them.
    EngineSettings engine;
    int threads = 0;                                         // 0: all cores
    QString outputFolder;                                    // empty: beside the source
    QString namingTemplate = QStringLiteral("{name}-dualx"); // {name} = source file name without extension
    QString defaultPreset = QString::fromLatin1(kDefaultPresetId);
    int parallelJobs = 1;
    QString language; // empty: the system's
    bool quitWhenQueueDone = false;
    // Send to cluster (dualx/cluster_batch.h): each sending makes a batch folder under
    // clusterBatchFolder, which every node must see at the same path.
    QString clusterEngine = QStringLiteral("slurm");
    QString clusterPartition;   // empty: the cluster's default
    int clusterCpusPerTask = 0; // 0: Slurm's default
    int clusterGpusPerTask = 0;
    int clusterMaxParallel = 0;     // 0: no limit
    double clusterSplitSeconds = 0; // 0: one task per file
    int clusterAttempts = 3;
    QString clusterBatchFolder; // empty: the output folder

    static AppSettings load(); // from QSettings (organisation "DualX", application "DualX Studio")
    void save() const;
    // What a job (or its preview) with this model and source condition runs with.
    EngineSettings engineFor(const QString& model, double sourceCondition) const;
    // Output path for `input` with a preset's file extension (".mkv").
    QString outputFor(const QString& input, const QString& extension) const;
};

} // namespace dualx::ui
