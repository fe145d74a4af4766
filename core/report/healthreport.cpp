#include "report/healthreport.h"

#include <algorithm>

namespace flowscope {

qint64 HealthReport::uptimeMs() const
{
    return engineStartedMs > 0 && generatedMs > engineStartedMs ? generatedMs - engineStartedMs : 0;
}

int HealthReport::failedThresholdMs() const
{
    if (failedAfterMs > 0)
        return failedAfterMs;
    return 3 * std::max(1, heartbeatIntervalMs);
}

void HealthReport::update()
{
    overall = overallHealth(agents);
    std::stable_sort(agents.begin(), agents.end(),
                     [](const AgentHealth &a, const AgentHealth &b) { return a.agent < b.agent; });
    std::stable_sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) {
        return a.timeMs != b.timeMs ? a.timeMs > b.timeMs : a.id > b.id;
    });
    std::stable_sort(
        routines.begin(), routines.end(),
        [](const MetricsSummary &a, const MetricsSummary &b) { return a.key < b.key; });
}

HealthState overallHealth(const QVector<AgentHealth> &agents)
{
    HealthState worst = HealthState::Healthy;
    for (const AgentHealth &a : agents)
        worst = std::max(worst, a.state);
    return worst;
}

QVector<AgentHealth> unhealthyAgents(const QVector<AgentHealth> &agents)
{
    QVector<AgentHealth> out;
    for (const AgentHealth &a : agents) {
        if (a.state != HealthState::Healthy)
            out.push_back(a);
    }
    std::stable_sort(out.begin(), out.end(), [](const AgentHealth &a, const AgentHealth &b) {
        return a.state != b.state ? a.state > b.state : a.agent < b.agent;
    });
    return out;
}

} // namespace flowscope
