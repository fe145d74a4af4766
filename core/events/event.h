#pragma once

#include "events/eventtype.h"
#include "events/payload.h"
#include "events/symbol.h"
#include "runtime/jobid.h"

#include <QMetaType>
#include <QVariant>
#include <QVector>

namespace flowscope {

// One thing that happened in an engine. Plain value: safe to copy across threads and processes.
struct Event
{
    quint64 seq = 0;       // per-engine, strictly increasing in delivery order
    qint64 timeNs = 0;     // nanoseconds since the Unix epoch
    qint64 durationNs = 0; // RoutineEnded / RoutineError: handler run time
    JobId job;
    quint64 activation = 0;       // the activation this event belongs to (0: none)
    quint64 parentActivation = 0; // the activation whose emit caused it
    Symbol flow;
    Symbol routine;
    Symbol port; // slot name or event name, by type
    Symbol agent;
    EventType type = EventType::Log;
    EventStatus status = EventStatus::Ok;
    Payload payload; // small map or value; empty for most events
};

using EventBatch = QVector<Event>;

// Which events a subscriber wants. Evaluated once per event at distribution.
struct EventFilter
{
    quint32 typeMask = allEventTypes;
    JobId job;      // null: every job
    Symbol flow;    // null: every flow
    Symbol agent;   // null: every agent
    Symbol routine; // null: every routine

    bool matches(const Event &e) const
    {
        return (typeMask & eventTypeBit(e.type)) && (job.isNull() || job == e.job)
               && (flow.isNull() || flow == e.flow) && (agent.isNull() || agent == e.agent)
               && (routine.isNull() || routine == e.routine);
    }
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::Event)
