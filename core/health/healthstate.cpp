#include "health/healthstate.h"

namespace flowscope {

namespace {

const char *const stateNames[] = {"healthy", "degraded", "critical", "failed"};
const char *const levelNames[] = {"info", "warning", "critical"};

} // namespace

QString healthStateName(HealthState state)
{
    const int i = int(state);
    return i >= 0 && i < 4 ? QLatin1String(stateNames[i]) : QString();
}

bool healthStateFromName(QStringView name, HealthState *state)
{
    for (int i = 0; i < 4; ++i) {
        if (name.compare(QLatin1String(stateNames[i]), Qt::CaseInsensitive) == 0) {
            if (state)
                *state = HealthState(i);
            return true;
        }
    }
    return false;
}

QString alertLevelName(AlertLevel level)
{
    const int i = int(level);
    return i >= 0 && i < 3 ? QLatin1String(levelNames[i]) : QString();
}

bool alertLevelFromName(QStringView name, AlertLevel *level)
{
    for (int i = 0; i < 3; ++i) {
        if (name.compare(QLatin1String(levelNames[i]), Qt::CaseInsensitive) == 0) {
            if (level)
                *level = AlertLevel(i);
            return true;
        }
    }
    return false;
}

AlertLevel alertLevelFor(HealthState entered)
{
    switch (entered) {
    case HealthState::Healthy:
        return AlertLevel::Info;
    case HealthState::Degraded:
        return AlertLevel::Warning;
    case HealthState::Critical:
    case HealthState::Failed:
        return AlertLevel::Critical;
    }
    return AlertLevel::Info;
}

} // namespace flowscope
