#pragma once
// One queued restoration as the desktop app keeps it: what to do (input, output, model, preset,
// tiling) and how far it got. Plain data, stored row for row by JobStore.
#include "dualx/export_preset.h"

#include <QString>
#include <QVector>
#include <QtGlobal>

namespace dualx::ui {

// OnCluster: sent to a cluster batch; the cluster runs it and the app only follows its state.
enum class JobState { Queued, Running, Paused, Done, Failed, Cancelled, Refused, OnCluster };

QString jobStateName(JobState state);           // stable, untranslated: stored in the database
JobState jobStateFromName(const QString& name); // unknown -> Queued
QString jobStateLabel(JobState state);          // translated, for the table

// The named source qualities (dualx/source_quality.h) with translated descriptions, for menus.
struct SourceQualityChoice {
    double condition;
    QString label;
};
QVector<SourceQualityChoice> sourceQualityChoices();
// Short translated name of a source condition for the table: Clean, Unknown, Degraded or Custom (s).
QString sourceQualityName(double condition);

struct Job {
    qint64 id = 0;    // database row id, 0 until stored
    int position = 0; // order in the queue
    QString input, output;
    QString model = QStringLiteral("mse"); // "mse", "gan" or a weight file
    QString preset = QString::fromLatin1(kDefaultPresetId);
    double sourceCondition = 0.5; // told to source-aware models: 0 clean, 0.5 unknown, 1 degraded
    JobState state = JobState::Queued;
    qint64 framesDone = 0, framesTotal = 0;
    double framesPerSecond = 0, etaSeconds = -1;
    QString message;      // error text, refusal reason, or the job report
    QString sourceInfo;   // "640x360 25 fps 0:42 h264, audio aac, 1 subtitle"
    QString clusterBatch; // the batch's folder (dualx/cluster_batch.h) once sent to a cluster
};

} // namespace dualx::ui
