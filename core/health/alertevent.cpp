#include "alertevent.h"

namespace flowscope {

Event alertEvent(const Alert &alert)
{
    Event e;
    e.type = EventType::Alert;
    e.timeNs = alert.timeMs * 1'000'000;
    e.agent = Symbol::intern(alert.agent);
    e.status = alert.level == AlertLevel::Info ? EventStatus::Ok : EventStatus::Error;
    e.payload = QVariantMap{{QStringLiteral("alert_id"), alert.id},
                            {QStringLiteral("level"), alertLevelName(alert.level)},
                            {QStringLiteral("from"), healthStateName(alert.from)},
                            {QStringLiteral("to"), healthStateName(alert.to)},
                            {QStringLiteral("message"), alert.message},
                            {QStringLiteral("diagnosis"), alert.diagnosis},
                            {QStringLiteral("routine"), alert.routine},
                            {QStringLiteral("last_beat_ms"), alert.lastBeatMs}};
    return e;
}

} // namespace flowscope
