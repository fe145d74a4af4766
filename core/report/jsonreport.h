#pragma once

#include "report/healthreport.h"

#include <QByteArray>
#include <QJsonObject>

namespace flowscope {

// A health report as JSON with stable keys (snake_case; times ISO 8601 UTC, durations in ms
// unless the key says otherwise): overall, title, generated_at, engine_started_at, uptime_s,
// heartbeat_interval_ms, failed_after_ms, agents[], unhealthy_agents[], alerts[], metrics{},
// routines[], jobs{}.
class JsonReport
{
public:
    static QJsonObject toJson(const HealthReport &report);
    static QByteArray render(const HealthReport &report); // indented UTF-8
};

} // namespace flowscope
