#pragma once

#include "health/agenthealth.h"
#include "health/alert.h"
#include "health/healthstate.h"
#include "metrics/metricssummary.h"

#include <QMap>
#include <QString>
#include <QVector>

namespace flowscope {

// Everything a health report shows, gathered by its caller (engine, console or CLI) from the
// health monitor, the alert log and the metrics collector; the renderers only format it.
struct HealthReport
{
    QString title; // the engine's name
    qint64 generatedMs = 0;
    qint64 engineStartedMs = 0;
    HealthState overall = HealthState::Healthy; // see update()
    int heartbeatIntervalMs = 1000;
    int failedAfterMs = 0; // when an agent counts as FAILED; 0: 3 × heartbeatIntervalMs
    QVector<AgentHealth> agents;
    QVector<Alert> alerts; // newest first
    MetricsSummary engine;
    QVector<MetricsSummary> routines; // keys "flow_id/routine_id"
    QMap<QString, int> jobsByStatus;  // e.g. "running" → 3; optional

    qint64 uptimeMs() const;
    int failedThresholdMs() const;

    // Sets overall from the agents and orders agents by name, alerts newest first and routines
    // by key, so every format shows the same report. Call after filling the report in.
    void update();
};

// The worst state among the agents; Healthy when there are none.
HealthState overallHealth(const QVector<AgentHealth> &agents);
// The agents that are not healthy, worst first, then by name: the "in detail" section.
QVector<AgentHealth> unhealthyAgents(const QVector<AgentHealth> &agents);

} // namespace flowscope
