#pragma once

#include "events/event.h"

#include <QVector>

namespace flowscope::bench {

// Events as an engine streams them to the console: each activation a slot_called, a
// routine_started, an event_emitted with a small payload and a routine_ended with its duration,
// over 8 agents, 12 routines and 1,000 jobs of 2 flows, with a log line now and then.
class ConsoleEvents
{
public:
    // The next count events (sequence numbers and times go on from the last call).
    QVector<Event> next(int count, bool payloads = true);

private:
    quint64 m_seq = 0;
    qint64 m_timeNs = 1764800000000000000LL;
    quint64 m_activation = 0;
};

} // namespace flowscope::bench
