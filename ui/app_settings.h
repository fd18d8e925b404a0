#pragma once
// The desktop app's settings, saved with QSettings: engine (device, threads, tiling), where
// outputs go and how they are named, how many jobs run at once, language, the cluster.
#include <QString>

namespace dualx::ui {

struct AppSettings {
    QString device = QStringLiteral("auto"); // auto | cpu | cuda
    int threads = 0;                         // 0: all cores
    int tileLr = 0;                          // 0: the default (CPU: 112 MSE, 64 GAN; GPU: 512)
    int tileOverlapLr = 16;
    int windowFrames = 16;
    int windowOverlap = 4;
    int ensemble = 1;                                        // self-ensemble copies per window (1, 2, 4, 8, 16)
    double sourceCondition = 0.5;                            // source quality told to source-aware models (source_quality.h)
    QString deinterlace = QStringLiteral("auto");            // auto | field | frame | off (dualx/interlacing.h)
    QString outputFolder;                                    // empty: beside the source
    QString namingTemplate = QStringLiteral("{name}-dualx"); // {name} = source file name without extension
    QString defaultModel = QStringLiteral("mse");
    QString defaultPreset = QStringLiteral("web-h264");
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
    // Output path for `input` with a preset's file extension (".mkv").
    QString outputFor(const QString& input, const QString& extension) const;
};

} // namespace dualx::ui
