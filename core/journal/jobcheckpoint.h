#pragma once

#include "runtime/jobinfo.h"

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QVariant>
#include <QVector>

namespace flowscope {

// An activation waiting to run when a checkpoint was taken.
struct PendingActivation
{
    quint64 id = 0;
    quint64 parent = 0;
    QString routine;
    QString slot;
    QVariant data;
};

// A job's state at a consistent point (no activation of it running): enough to resume it after a
// restart, or to fork a new job from it (docs/persistence.md).
struct JobCheckpoint
{
    quint64 id = 0; // journal-wide, increasing; 0 until saved
    JobId job;
    QString flowId;
    qint64 timeMs = 0;
    QString reason; // "start", "periodic", "pause", "breakpoint", "cancel", "completion", "failure"
    JobStatus status = JobStatus::Running;
    double progress = 0;
    QString entryRoutine;
    QString entrySlot;
    QVariantMap params;
    QVariantMap variables;
    QMap<QString, QVariantMap> routineVariables; // by routine id
    QVector<PendingActivation> pending;          // in queue order
    quint64 activationsDone = 0;
    quint64 lastSeq = 0; // the bus's sequence number when it was taken
};

// A job as the journal knows it: enough to list interrupted jobs and resume them in a new
// process (the flow's DSL is kept with it).
struct JobRecord
{
    JobId id;
    QString flowId;
    QByteArray flowDsl; // FlowDefinition::toDsl() as compact JSON
    JobStatus status = JobStatus::Pending;
    QString error;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 finishedMs = 0;
    quint64 lastCheckpoint = 0; // 0: none
    JobId forkedFrom;           // set for a job forked from a checkpoint
    quint64 forkedCheckpoint = 0;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::JobCheckpoint)
Q_DECLARE_METATYPE(flowscope::JobRecord)
