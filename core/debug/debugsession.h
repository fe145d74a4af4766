#pragma once

#include "runtime/jobid.h"

#include <QMetaType>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <QVector>

namespace flowscope {

// One frame of a stopped job's call stack: an activation and what it was called with. Frame 0 is
// the activation the job stopped before; each next frame is the one whose emit caused it.
struct StackFrame
{
    quint64 activation = 0;
    quint64 parent = 0;
    QString routine;
    QString slot;
    QVariant data;                // the frame's input
    QVariantMap routineVariables; // its routine's variables in this job, now
    bool known = true;            // false: only the id is known (the chain was not kept that far)
};

// Where a stopped job stands.
struct DebugSession
{
    JobId job;
    QString flowId;
    QString status;       // the job's status name
    bool stopped = false; // stopped before an activation (frames and variables available)
    QString reason;       // "breakpoint", "step", "pause"
    QString breakpointId; // with reason "breakpoint"
    quint64 activation = 0;
    QString routine;
    QString slot;
};

// The variables a frame sees.
struct FrameVariables
{
    QVariant data;
    QVariantMap routine;
    QVariantMap job;
};

struct EvaluationResult
{
    QVariant value;
    QString type;  // the JavaScript typeof, or "error"
    QString error; // empty when the evaluation succeeded
};

enum class StepMode { Into, Over, Out };

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::DebugSession)
Q_DECLARE_METATYPE(flowscope::StackFrame)
