#include "events/eventtype.h"

#include <QHash>

namespace flowscope {

namespace {

const char *const names[eventTypeCount] = {
    "job_started",   "job_completed",   "job_failed",    "job_cancelled", "job_paused",
    "job_resumed",   "routine_started", "routine_ended", "routine_error", "slot_called",
    "event_emitted", "progress",        "log",           "heartbeat",     "breakpoint_hit",
    "alert",         "metric",
};

// Names used by the systems Flowscope replaces (see docs/events.md).
const QHash<QString, EventType> &aliases()
{
    static const QHash<QString, EventType> map = {
        // Swarm observability (LangGraph scan swarm)
        {QStringLiteral("scan_started"), EventType::JobStarted},
        {QStringLiteral("scan_complete"), EventType::JobCompleted},
        {QStringLiteral("scan_error"), EventType::JobFailed},
        {QStringLiteral("scan_cancelled"), EventType::JobCancelled},
        {QStringLiteral("scan_paused"), EventType::JobPaused},
        {QStringLiteral("scan_resumed"), EventType::JobResumed},
        {QStringLiteral("node_enter"), EventType::RoutineStarted},
        {QStringLiteral("node_exit"), EventType::RoutineEnded},
        {QStringLiteral("node_progress"), EventType::Progress},
        {QStringLiteral("plan_start"), EventType::RoutineStarted},
        {QStringLiteral("plan_complete"), EventType::RoutineEnded},
        {QStringLiteral("probe_start"), EventType::RoutineStarted},
        {QStringLiteral("probe_complete"), EventType::RoutineEnded},
        {QStringLiteral("probe_result"), EventType::EventEmitted},
        {QStringLiteral("agent_start"), EventType::RoutineStarted},
        {QStringLiteral("agent_complete"), EventType::RoutineEnded},
        // Routilux
        {QStringLiteral("routine_start"), EventType::RoutineStarted},
        {QStringLiteral("routine_end"), EventType::RoutineEnded},
        {QStringLiteral("slot_call"), EventType::SlotCalled},
        {QStringLiteral("event_emit"), EventType::EventEmitted},
        {QStringLiteral("error"), EventType::RoutineError},
        // Metrics and heartbeat layer
        {QStringLiteral("health_alert"), EventType::Alert},
        {QStringLiteral("task_metric"), EventType::Metric},
    };
    return map;
}

} // namespace

QString eventTypeName(EventType type)
{
    const int i = int(type);
    return i >= 0 && i < eventTypeCount ? QString::fromLatin1(names[i]) : QString();
}

bool eventTypeFromName(QStringView name, EventType *type)
{
    for (int i = 0; i < eventTypeCount; ++i) {
        if (name == QLatin1String(names[i])) {
            *type = EventType(i);
            return true;
        }
    }
    const auto it = aliases().constFind(name.toString());
    if (it == aliases().constEnd())
        return false;
    *type = *it;
    return true;
}

QStringList eventTypeNames()
{
    QStringList list;
    for (int i = 0; i < eventTypeCount; ++i)
        list << QString::fromLatin1(names[i]);
    return list;
}

} // namespace flowscope
