#pragma once

#include "runtime/jobid.h"

#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace flowscope {

enum class JobStatus : quint8 { Pending, Running, Paused, Completed, Failed, Cancelled };

QString jobStatusName(JobStatus status);
bool jobStatusFromName(QStringView name, JobStatus *status);
constexpr bool isFinished(JobStatus s)
{
    return s == JobStatus::Completed || s == JobStatus::Failed || s == JobStatus::Cancelled;
}

// A snapshot of one job, safe to copy to any thread.
struct JobInfo
{
    JobId id;
    QString flowId;
    JobStatus status = JobStatus::Pending;
    double progress = 0;
    QString error;
    QString entryRoutine;
    QString entrySlot;
    QVariantMap params;
    QVariantMap variables;
    qint64 createdMs = 0; // ms since the Unix epoch; 0: not yet
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    quint64 activationsDone = 0;
    quint64 activationsPending = 0; // queued, running or parked
    quint64 version = 0;            // grows with every change; see Engine::jobsChangedSince
    bool removed = false;           // left memory (retention); only in change lists
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::JobInfo)
