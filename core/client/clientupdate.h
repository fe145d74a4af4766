#pragma once

#include "events/event.h"
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
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::ClientUpdate)
