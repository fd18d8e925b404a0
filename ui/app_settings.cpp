#include "app_settings.h"

#include "dualx/errors.h"
#include "dualx/upscale_job.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace dualx::ui {

AppSettings AppSettings::load()
{
    QSettings q;
    AppSettings s;
    s.device = q.value("engine/device", s.device).toString();
    s.threads = q.value("engine/threads", s.threads).toInt();
    s.tileLr = q.value("engine/tile", s.tileLr).toInt();
    s.tileOverlapLr = q.value("engine/tileOverlap", s.tileOverlapLr).toInt();
    s.windowFrames = q.value("engine/frames", s.windowFrames).toInt();
    s.windowOverlap = q.value("engine/frameOverlap", s.windowOverlap).toInt();
    const int ensemble = q.value("engine/ensemble", s.ensemble).toInt();
    if (isEnsembleSize(ensemble)) s.ensemble = ensemble; // a hand-edited value the engine would refuse falls back to off
    const double source = q.value("engine/source", s.sourceCondition).toDouble();
    if (source >= 0.0 && source <= 1.0) s.sourceCondition = source; // likewise, to unknown
    const QString deinterlace = q.value("engine/deinterlace", s.deinterlace).toString();
    try {
        parseDeinterlaceMode(deinterlace.toStdString());
        s.deinterlace = deinterlace;
    } catch (const Error&) {
        // a hand-edited value the engine would refuse falls back to auto
    }
    s.outputFolder = q.value("output/folder", s.outputFolder).toString();
    s.namingTemplate = q.value("output/naming", s.namingTemplate).toString();
    s.defaultModel = q.value("queue/model", s.defaultModel).toString();
    s.defaultPreset = q.value("queue/preset", s.defaultPreset).toString();
    s.parallelJobs = std::max(1, q.value("queue/parallelJobs", s.parallelJobs).toInt());
    s.quitWhenQueueDone = q.value("queue/quitWhenDone", s.quitWhenQueueDone).toBool();
    s.language = q.value("ui/language", s.language).toString();
    s.clusterEngine = q.value("cluster/engine", s.clusterEngine).toString();
    s.clusterPartition = q.value("cluster/partition", s.clusterPartition).toString();
    s.clusterCpusPerTask = std::max(0, q.value("cluster/cpusPerTask", s.clusterCpusPerTask).toInt());
    s.clusterGpusPerTask = std::max(0, q.value("cluster/gpusPerTask", s.clusterGpusPerTask).toInt());
    s.clusterMaxParallel = std::max(0, q.value("cluster/maxParallel", s.clusterMaxParallel).toInt());
    s.clusterSplitSeconds = std::max(0.0, q.value("cluster/splitSeconds", s.clusterSplitSeconds).toDouble());
    s.clusterAttempts = std::max(1, q.value("cluster/attempts", s.clusterAttempts).toInt());
    s.clusterBatchFolder = q.value("cluster/batchFolder", s.clusterBatchFolder).toString();
    return s;
}

void AppSettings::save() const
{
    QSettings q;
    q.setValue("engine/device", device);
    q.setValue("engine/threads", threads);
    q.setValue("engine/tile", tileLr);
    q.setValue("engine/tileOverlap", tileOverlapLr);
    q.setValue("engine/frames", windowFrames);
    q.setValue("engine/frameOverlap", windowOverlap);
    q.setValue("engine/ensemble", ensemble);
    q.setValue("engine/source", sourceCondition);
    q.setValue("engine/deinterlace", deinterlace);
    q.setValue("output/folder", outputFolder);
    q.setValue("output/naming", namingTemplate);
    q.setValue("queue/model", defaultModel);
    q.setValue("queue/preset", defaultPreset);
    q.setValue("queue/parallelJobs", parallelJobs);
    q.setValue("queue/quitWhenDone", quitWhenQueueDone);
    q.setValue("ui/language", language);
    q.setValue("cluster/engine", clusterEngine);
    q.setValue("cluster/partition", clusterPartition);
    q.setValue("cluster/cpusPerTask", clusterCpusPerTask);
    q.setValue("cluster/gpusPerTask", clusterGpusPerTask);
    q.setValue("cluster/maxParallel", clusterMaxParallel);
    q.setValue("cluster/splitSeconds", clusterSplitSeconds);
    q.setValue("cluster/attempts", clusterAttempts);
    q.setValue("cluster/batchFolder", clusterBatchFolder);
}

QString AppSettings::outputFor(const QString& input, const QString& extension) const
{
    const QFileInfo source(input);
    QString name = namingTemplate.isEmpty() ? QStringLiteral("{name}-dualx") : namingTemplate;
    name.replace(QStringLiteral("{name}"), source.completeBaseName());
    const QString folder = outputFolder.isEmpty() ? source.absolutePath() : outputFolder;
    return QDir(folder).filePath(name + extension);
}

} // namespace dualx::ui
