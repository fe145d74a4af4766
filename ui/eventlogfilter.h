#pragma once

#include "events/event.h"

#include <QString>

namespace flowscope {

// What the event log shows: an event passes when it matches every part that is set.
struct EventLogFilter
{
    quint32 typeMask = allEventTypes;
    Symbol agent;   // null: every agent
    Symbol routine; // null: every routine
    QString text;   // case-insensitive, matched against every column's text; empty: any

    bool isEmpty() const
    {
        return typeMask == allEventTypes && agent.isNull() && routine.isNull() && text.isEmpty();
    }
    // The cheap parts: type, agent and routine (the text is checked by the model).
    bool matchesFields(const Event &event) const
    {
        return (typeMask & eventTypeBit(event.type)) && (agent.isNull() || agent == event.agent)
               && (routine.isNull() || routine == event.routine);
    }

    friend bool operator==(const EventLogFilter &a, const EventLogFilter &b)
    {
        return a.typeMask == b.typeMask && a.agent == b.agent && a.routine == b.routine
               && a.text == b.text;
    }
    friend bool operator!=(const EventLogFilter &a, const EventLogFilter &b) { return !(a == b); }
};

} // namespace flowscope
