#include "report/journalreportsource.h"

#include "journal/journal.h"
#include "metrics/metricscollector.h"

#include <QFileInfo>
#include <QHash>

namespace flowscope {

namespace {

// Heartbeats and alerts are events of no job: one indexed query finds them all.
QVector<AgentHealth> agentsFrom(const Journal &journal, qint64 fromMs, qint64 nowMs,
                                int *intervalMs)
{
    QHash<QString, AgentHealth> byName;
    for (const Event &e : journal.events(JobId(), fromMs * 1'000'000, (nowMs + 1) * 1'000'000)) {
        const QString name = e.agent.toString();
        if (name.isEmpty())
            continue;
        AgentHealth &agent = byName[name];
        agent.agent = name;
        const qint64 ms = e.timeNs / 1'000'000;
        if (e.type == EventType::Heartbeat) {
            if (agent.registeredMs == 0)
                agent.registeredMs = ms;
            if (agent.lastBeatMs > 0 && ms > agent.lastBeatMs)
                *intervalMs = std::min(*intervalMs, int(ms - agent.lastBeatMs));
            agent.lastBeatMs = ms;
            agent.metadata = e.payload.toMap();
            ++agent.beats;
            agent.state = HealthState::Healthy; // a beat ends any earlier trouble
            agent.diagnosis.clear();
            agent.stuckRoutine.clear();
            agent.stateSinceMs = ms;
        } else if (e.type == EventType::Alert) {
            const QVariantMap alert = e.payload.toMap();
            HealthState to = HealthState::Healthy;
            healthStateFromName(alert.value(QStringLiteral("to")).toString(), &to);
            agent.state = to;
            agent.stateSinceMs = ms;
            agent.diagnosis = alert.value(QStringLiteral("diagnosis")).toString();
            agent.stuckRoutine = alert.value(QStringLiteral("routine")).toString();
        }
    }
    QVector<AgentHealth> agents;
    for (AgentHealth &agent : byName) {
        agent.beatAgeMs = agent.lastBeatMs > 0 ? nowMs - agent.lastBeatMs : 0;
        agents.push_back(agent);
    }
    return agents;
}

} // namespace

HealthReport healthReportFromJournal(const Journal &journal, qint64 nowMs, qint64 windowMs)
{
    const qint64 fromMs = nowMs - windowMs;
    HealthReport report;
    report.title = QFileInfo(journal.path()).fileName();
    report.generatedMs = nowMs;
    int intervalMs = 3'600'000;
    report.agents = agentsFrom(journal, fromMs, nowMs, &intervalMs);
    report.heartbeatIntervalMs
        = report.agents.isEmpty() || intervalMs == 3'600'000 ? 1000 : std::max(100, intervalMs);
    report.engineStartedMs = nowMs;
    for (const AgentHealth &agent : report.agents) {
        if (agent.registeredMs > 0)
            report.engineStartedMs = std::min(report.engineStartedMs, agent.registeredMs);
    }
    report.alerts = journal.alerts(fromMs, nowMs + 1, 1000);
    report.engine = MetricsCollector::mergeRollups(
        MetricScope::Engine, QString(),
        journal.rollups(MetricScope::Engine, QString(), fromMs, nowMs + 1));
    for (const QString &key : journal.rollupKeys(MetricScope::Routine, fromMs, nowMs + 1)) {
        report.routines.push_back(MetricsCollector::mergeRollups(
            MetricScope::Routine, key,
            journal.rollups(MetricScope::Routine, key, fromMs, nowMs + 1)));
    }
    report.update();
    return report;
}

} // namespace flowscope
