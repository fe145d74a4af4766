#pragma once

#include "runtime/jobinfo.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace flowscope {

// An activation of a job that has not run yet, and where it waits.
struct WaitingActivation
{
    enum class Place {
        Queued,  // in an agent's queue
        Parked,  // the job is paused
        Held,    // a checkpoint is being taken
        Stopped, // the debugger stopped the job before it
        Waiting, // its handler waits in Context::checkpoint() while the job is paused
    };
    quint64 id = 0;
    quint64 parent = 0;
    QString routine;
    QString slot;
    QVariant data;
    Place place = Place::Queued;
};

// A job's full state at one moment: the snapshot, every routine's variables and the activations
// still to run. Read under the job's lock, so it is consistent with itself (a handler running at
// that moment is counted in runningHandlers, not listed).
struct JobDetail
{
    JobInfo info;
    QStringList routines;                        // the flow's routine ids, in flow order
    QMap<QString, QVariantMap> routineVariables; // by routine id; absent when it has none
    QVector<WaitingActivation> waiting;          // by activation id
    int runningHandlers = 0;
    QString stopReason; // "breakpoint", "step", "pause" while the debugger holds it; else empty
    QString stopBreakpoint;
};

QString waitingPlaceName(WaitingActivation::Place place);

} // namespace flowscope
