#pragma once

#include "runtime/jobid.h"

#include <QMetaType>
#include <QString>

namespace flowscope {

// Waiting: inside a handler that waits in checkpoint() because its job is paused.
enum class AgentState : quint8 { Idle, Busy, Stopped, Waiting };
QString agentStateName(AgentState state);

// A snapshot of one agent (a worker thread of the engine).
struct AgentInfo
{
    QString name;
    bool pooled = true;    // serves the shared pool; false: bound to routines by name
    bool external = false; // outside the engine, reporting over the endpoint (docs/agents.md)
    AgentState state = AgentState::Idle;
    QString currentRoutine; // while busy
    JobId currentJob;
    qint64 busySinceMs = 0;
    quint64 completed = 0; // activations run
    quint64 failed = 0;
    qint64 lastHeartbeatMs = 0;
    qint64 lastCheckpointMs = 0; // in the current activation (0: none yet)
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::AgentInfo)
