#include "app_settings.h"

#include "dualx/errors.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace dualx::ui {

AppSettings AppSettings::load()
{
    QSettings q;
    AppSettings s;
    // Each engine setting falls back to its default when a hand-edited value would be refused.
    EngineSettings& e = s.engine;
    const auto text = [&q](const char* key, const std::string& fallback) {
        return q.value(key, QString::fromStdString(fallback)).toString().toStdString();
    };
    try {
        e.device = devicePreferenceFromName(text("engine/device", devicePreferenceName(e.device)));
    } catch (const Error&) {
    }
    try {
        e.deinterlace = parseDeinterlaceMode(text("engine/deinterlace", std::string(deinterlaceModeName(e.deinterlace))));
    } catch (const Error&) {
    }
    s.threads = q.value("engine/threads", s.threads).toInt();
    e.model = text("queue/model", e.model);
    e.tileLr = q.value("engine/tile", e.tileLr).toInt();
    e.tileOverlapLr = q.value("engine/tileOverlap", e.tileOverlapLr).toInt();
    e.windowFrames = q.value("engine/frames", e.windowFrames).toInt();
    e.windowOverlap = q.value("engine/frameOverlap", e.windowOverlap).toInt();
    if (const int ensemble = q.value("engine/ensemble", e.ensemble).toInt(); isEnsembleSize(ensemble)) e.ensemble = ensemble;
    if (const int fusion = q.value("engine/temporalFusion", e.temporalFusion).toInt(); isFusionSetting(fusion)) e.temporalFusion = fusion;
    if (const double source = q.value("engine/source", e.sourceCondition).toDouble(); source >= 0.0 && source <= 1.0)
        e.sourceCondition = source;
    try {
        validateEngineSettings(e);
    } catch (const Error&) { // tiling values that do not fit together: the defaults
        const EngineSettings defaults;
        e.tileLr = defaults.tileLr;
        e.tileOverlapLr = defaults.tileOverlapLr;
        e.windowFrames = defaults.windowFrames;
        e.windowOverlap = defaults.windowOverlap;
        if (e.model.empty()) e.model = defaults.model;
    }
    s.outputFolder = q.value("output/folder", s.outputFolder).toString();
    s.namingTemplate = q.value("output/naming", s.namingTemplate).toString();
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
    q.setValue("engine/device", QString::fromStdString(devicePreferenceName(engine.device)));
    q.setValue("engine/threads", threads);
    q.setValue("engine/tile", engine.tileLr);
    q.setValue("engine/tileOverlap", engine.tileOverlapLr);
    q.setValue("engine/frames", engine.windowFrames);
    q.setValue("engine/frameOverlap", engine.windowOverlap);
    q.setValue("engine/ensemble", engine.ensemble);
    q.setValue("engine/temporalFusion", engine.temporalFusion);
    q.setValue("engine/source", engine.sourceCondition);
    q.setValue("engine/deinterlace", QString::fromStdString(std::string(deinterlaceModeName(engine.deinterlace))));
    q.setValue("queue/model", QString::fromStdString(engine.model));
    q.setValue("output/folder", outputFolder);
    q.setValue("output/naming", namingTemplate);
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

EngineSettings AppSettings::engineFor(const QString& model, double sourceCondition) const
{
    EngineSettings e = engine;
    e.model = model.toStdString();
    e.sourceCondition = sourceCondition;
    return e;
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
