#pragma once

#include "health/healthstate.h"

#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace flowscope {

// What the agent's owner knows of it when it stops beating: tells a dead agent from a stuck one.
struct AgentLiveness
{
    bool alive = true; // the thread (or process / connection) still exists
    bool busy = false; // inside an activation
    QString routine;   // which, while busy
    qint64 busySinceMs = 0;
    qint64 lastCheckpointMs = 0; // last Context::checkpoint() in that activation (0: none)
};

// One agent's health as the monitor sees it. Snapshot value, safe to copy to any thread.
struct AgentHealth
{
    QString agent;
    bool external = false; // reports from outside the engine (issue: external agents)
    HealthState state = HealthState::Healthy;
    qint64 stateSinceMs = 0;
    qint64 registeredMs = 0; // for uptime
    qint64 lastBeatMs = 0;
    qint64 beatAgeMs = 0; // at the snapshot's time
    quint64 beats = 0;
    // Set once the agent is not healthy: "dead" (its thread or process is gone), "stuck" (alive,
    // inside one activation past the interval without a checkpoint), or "silent" (alive, idle,
    // and still not beating).
    QString diagnosis;
    QString stuckRoutine;
    qint64 stuckForMs = 0;
    // The last beat's metadata: pid, host, state, active, completed, failed, routine, and any
    // free-form fields the agent sent.
    QVariantMap metadata;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::AgentHealth)
