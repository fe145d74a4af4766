#pragma once

#include "events/event.h"
#include "health/agenthealth.h"
#include "health/alert.h"
#include "runtime/agentinfo.h"
#include "runtime/jobinfo.h"

#include <QMetaType>
#include <QVector>

namespace flowscope {

// One batch of news from an engine, delivered to the GUI thread at most ~30 times a second.
struct ClientUpdate
{
    QVector<Event> events;       // new events, in sequence order
    QVector<JobInfo> jobs;       // jobs that changed (removed ones have removed = true)
    QVector<AgentInfo> agents;   // every agent, when any changed; empty otherwise
    quint64 droppedEvents = 0;   // events this client lost so far (its buffer overflowed)
    quint64 publishedEvents = 0; // events the engine published so far
    double eventsPerSecond = 0;
    // Health: every agent, when any state, diagnosis or beat changed (at most ~4 times a second);
    // empty otherwise. Ages are for the client to compute from lastBeatMs.
    QVector<AgentHealth> health;
    QVector<Alert> alerts; // new since the last update, oldest first
    qint64 engineStartedMs = 0;
    int heartbeatIntervalMs = 0;
    int failedAfterMs = 0;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::ClientUpdate)
