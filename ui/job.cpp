#include "job.h"

#include "dualx/source_quality.h"

#include <QCoreApplication>

namespace dualx::ui {

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued: return QStringLiteral("queued");
    case JobState::Running: return QStringLiteral("running");
    case JobState::Paused: return QStringLiteral("paused");
    case JobState::Done: return QStringLiteral("done");
    case JobState::Failed: return QStringLiteral("failed");
    case JobState::Cancelled: return QStringLiteral("cancelled");
    case JobState::Refused: return QStringLiteral("refused");
    case JobState::OnCluster: return QStringLiteral("cluster");
    }
    return QStringLiteral("queued");
}

JobState jobStateFromName(const QString& name)
{
    for (auto s : {JobState::Queued, JobState::Running, JobState::Paused, JobState::Done, JobState::Failed, JobState::Cancelled,
                   JobState::Refused, JobState::OnCluster})
        if (jobStateName(s) == name) return s;
    return JobState::Queued;
}

QString jobStateLabel(JobState state)
{
    switch (state) {
    case JobState::Queued: return QCoreApplication::translate("JobState", "Queued");
    case JobState::Running: return QCoreApplication::translate("JobState", "Running");
    case JobState::Paused: return QCoreApplication::translate("JobState", "Paused");
    case JobState::Done: return QCoreApplication::translate("JobState", "Done");
    case JobState::Failed: return QCoreApplication::translate("JobState", "Failed");
    case JobState::Cancelled: return QCoreApplication::translate("JobState", "Cancelled");
    case JobState::Refused: return QCoreApplication::translate("JobState", "Refused");
    case JobState::OnCluster: return QCoreApplication::translate("JobState", "On cluster");
    }
    return {};
}

QVector<SourceQualityChoice> sourceQualityChoices()
{
    return {{kSourceUnknown, QCoreApplication::translate("SourceQuality", "Unknown")},
            {kSourceClean, QCoreApplication::translate("SourceQuality", "Clean (a good master)")},
            {kSourceDegraded, QCoreApplication::translate("SourceQuality", "Degraded (blurred, noisy or compressed)")}};
}

QString sourceQualityName(double condition)
{
    if (condition == kSourceClean) return QCoreApplication::translate("SourceQuality", "Clean");
    if (condition == kSourceDegraded) return QCoreApplication::translate("SourceQuality", "Degraded");
    if (condition == kSourceUnknown) return QCoreApplication::translate("SourceQuality", "Unknown");
    return QCoreApplication::translate("SourceQuality", "Custom (%1)").arg(condition);
}

} // namespace dualx::ui
