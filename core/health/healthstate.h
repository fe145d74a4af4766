#pragma once

#include <QMetaType>
#include <QString>

namespace flowscope {

// An agent's health, decided by the time since its last heartbeat (docs/health.md).
enum class HealthState : quint8 { Healthy, Degraded, Critical, Failed };
QString healthStateName(HealthState state); // "healthy", "degraded", "critical", "failed"
bool healthStateFromName(QStringView name, HealthState *state);

enum class AlertLevel : quint8 { Info, Warning, Critical };
QString alertLevelName(AlertLevel level); // "info", "warning", "critical"
bool alertLevelFromName(QStringView name, AlertLevel *level);

// The level of the alert raised on entering a state: recovery → info, degraded → warning,
// critical and failed → critical.
AlertLevel alertLevelFor(HealthState entered);

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::HealthState)
