#pragma once

#include <QString>
#include <QStringList>

namespace flowscope {

// Every kind of event the runtime reports. The wire name of each is its snake_case form
// (eventTypeName); the names used by the systems Flowscope replaces map onto these
// (eventTypeFromName accepts them, see docs/events.md).
enum class EventType : quint8 {
    JobStarted,
    JobCompleted,
    JobFailed,
    JobCancelled,
    JobPaused,
    JobResumed,
    RoutineStarted, // a handler begins; port = the slot it was called on
    RoutineEnded,   // a handler returned; duration set
    RoutineError,   // a handler failed; payload {message}
    SlotCalled,     // data was delivered to a slot (an activation was queued)
    EventEmitted,   // a routine emitted an event; port = event name
    Progress,       // payload {progress}
    Log,            // payload {message, level}
    Heartbeat,      // agent liveness; payload {state, active, completed, routine}
    BreakpointHit,  // a breakpoint stopped the job; payload {breakpoint_id, reason, ...}
    Alert,          // an agent's health changed; agent set, payload {level, from, to, message, ...}
    Metric,         // a routine reported numeric fields; payload {name: number, ...}
    Count
};

constexpr int eventTypeCount = int(EventType::Count);

QString eventTypeName(EventType type);
// Accepts our names and the seed systems' names (scan_started, node_enter, routine_start, ...).
bool eventTypeFromName(QStringView name, EventType *type);
QStringList eventTypeNames();

// Bit for EventFilter::typeMask.
constexpr quint32 eventTypeBit(EventType type)
{
    return 1u << quint32(type);
}
constexpr quint32 allEventTypes = (1u << eventTypeCount) - 1;

enum class EventStatus : quint8 { Ok = 0, Error = 1, Cancelled = 2 };

} // namespace flowscope
