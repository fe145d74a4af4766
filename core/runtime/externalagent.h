#pragma once

#include "runtime/jobid.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace flowscope {

// What an external agent must obey, as it learns it from every answer (docs/agents.md). Paused:
// stop at the next checkpoint until resumed. Cancelled: end at the next checkpoint (for good).
// Breakpoints: checkpoint names at which the agent stops as if paused.
struct AgentControl
{
    bool paused = false;
    bool cancelled = false;
    QString reason; // why the last change happened: "agent paused", "job 3f..01 cancelled", ...
    QStringList breakpoints;
    quint64 version = 0; // grows with every change, so an agent can tell news from repeats
};

// One validated message from an external agent (POST /api/ingest or the agent WebSocket).
struct ExternalMessage
{
    enum class Kind : quint8 {
        Register,   // kind, job, metadata
        Heartbeat,  // state, node, checkpoint, breakpoint, metadata
        Event,      // name (a seed name such as node_exit maps onto its event type), node, data
        Progress,   // value 0..1, node, message
        Metric,     // data: name -> number
        Variables,  // data: name -> value, merged into the agent's variables
        Log,        // level, message
        Error,      // message, node, fatal
        Unregister, // state: completed, failed or cancelled
    };

    Kind kind = Kind::Heartbeat;
    qint64 timeMs = 0; // when the agent saw it; 0: when the engine received it
    QString name;
    QString node; // the task (routine, step) the agent is in
    QString message;
    QString level;
    QString state;
    QString checkpoint;
    QString breakpoint;
    QVariantMap data;
    double value = 0;
    double durationMs = -1; // Event: how long the node ran (node_exit and the like)
    bool fatal = false;
    JobId job;
};

// A snapshot of one external agent.
struct ExternalAgentInfo
{
    QString name;
    QString kind;
    JobId job;     // the job it works for (its control follows the job's), or null
    QString state; // registered, running, idle, paused, stopped, completed, failed, cancelled
    QString node;
    QString lastCheckpoint;
    double progress = 0;
    bool connected = false; // over the agent WebSocket (HTTP agents: false)
    bool registered = true; // false once it unregistered
    qint64 registeredMs = 0;
    qint64 lastSeenMs = 0;
    quint64 messages = 0;
    quint64 completed = 0; // nodes that ended
    quint64 failed = 0;    // errors
    QVariantMap metadata;
    QVariantMap variables;
    AgentControl control;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::AgentControl)
