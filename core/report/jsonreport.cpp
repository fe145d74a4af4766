#include "report/jsonreport.h"

#include "report/reporttext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace flowscope {

namespace {

QJsonObject agentJson(const AgentHealth &a)
{
    return QJsonObject{
        {QStringLiteral("name"), a.agent},
        {QStringLiteral("state"), healthStateName(a.state)},
        {QStringLiteral("state_since"), ReportText::isoTime(a.stateSinceMs)},
        {QStringLiteral("external"), a.external},
        {QStringLiteral("last_beat_at"), ReportText::isoTime(a.lastBeatMs)},
        {QStringLiteral("last_beat_age_ms"), double(a.beatAgeMs)},
        {QStringLiteral("beats"), double(a.beats)},
        {QStringLiteral("diagnosis"), a.diagnosis},
        {QStringLiteral("stuck_routine"), a.stuckRoutine},
        {QStringLiteral("stuck_for_ms"), double(a.stuckForMs)},
        {QStringLiteral("metadata"), QJsonObject::fromVariantMap(a.metadata)},
    };
}

QJsonObject alertJson(const Alert &a)
{
    return QJsonObject{
        {QStringLiteral("id"), double(a.id)},
        {QStringLiteral("time"), ReportText::isoTime(a.timeMs)},
        {QStringLiteral("level"), alertLevelName(a.level)},
        {QStringLiteral("agent"), a.agent},
        {QStringLiteral("from"), healthStateName(a.from)},
        {QStringLiteral("to"), healthStateName(a.to)},
        {QStringLiteral("message"), a.message},
        {QStringLiteral("diagnosis"), a.diagnosis},
        {QStringLiteral("routine"), a.routine},
        {QStringLiteral("last_beat_at"), ReportText::isoTime(a.lastBeatMs)},
    };
}

QJsonObject durationsJson(const DurationStats &d)
{
    return QJsonObject{
        {QStringLiteral("count"), double(d.count)}, {QStringLiteral("min"), d.minMs},
        {QStringLiteral("mean"), d.meanMs},         {QStringLiteral("p50"), d.medianMs},
        {QStringLiteral("p95"), d.p95Ms},           {QStringLiteral("p99"), d.p99Ms},
        {QStringLiteral("max"), d.maxMs},           {QStringLiteral("stddev"), d.stddevMs},
        {QStringLiteral("total"), d.totalMs},
    };
}

QJsonObject metricsJson(const MetricsSummary &m)
{
    QJsonObject fields;
    for (auto it = m.fields.cbegin(); it != m.fields.cend(); ++it) {
        fields.insert(it.key(), QJsonObject{{QStringLiteral("count"), double(it->count)},
                                            {QStringLiteral("sum"), it->sum},
                                            {QStringLiteral("mean"), it->mean()},
                                            {QStringLiteral("min"), it->min},
                                            {QStringLiteral("max"), it->max}});
    }
    return QJsonObject{
        {QStringLiteral("activations"), double(m.activations)},
        {QStringLiteral("errors"), double(m.errors)},
        {QStringLiteral("error_rate"), m.errorRate()},
        {QStringLiteral("success_rate"), m.successRate()},
        {QStringLiteral("throughput_per_s"), m.throughputPerS()},
        {QStringLiteral("slot_calls"), double(m.slotCalls)},
        {QStringLiteral("event_emits"), double(m.eventEmits)},
        {QStringLiteral("jobs_started"), double(m.jobsStarted)},
        {QStringLiteral("jobs_completed"), double(m.jobsCompleted)},
        {QStringLiteral("jobs_failed"), double(m.jobsFailed)},
        {QStringLiteral("jobs_cancelled"), double(m.jobsCancelled)},
        {QStringLiteral("from"), ReportText::isoTime(m.fromMs)},
        {QStringLiteral("to"), ReportText::isoTime(m.toMs)},
        {QStringLiteral("durations_ms"), durationsJson(m.durations)},
        {QStringLiteral("fields"), fields},
    };
}

QJsonObject routineJson(const MetricsSummary &s)
{
    const DurationStats &d = s.durations;
    return QJsonObject{
        {QStringLiteral("routine"), s.key},
        {QStringLiteral("count"), double(s.activations)},
        {QStringLiteral("errors"), double(s.errors)},
        {QStringLiteral("error_rate"), s.errorRate()},
        {QStringLiteral("mean_ms"), d.meanMs},
        {QStringLiteral("p50_ms"), d.medianMs},
        {QStringLiteral("p95_ms"), d.p95Ms},
        {QStringLiteral("p99_ms"), d.p99Ms},
        {QStringLiteral("max_ms"), d.maxMs},
    };
}

} // namespace

QJsonObject JsonReport::toJson(const HealthReport &r)
{
    QJsonArray agents, unhealthy, alerts, routines;
    for (const AgentHealth &a : r.agents)
        agents.append(agentJson(a));
    for (const AgentHealth &a : unhealthyAgents(r.agents))
        unhealthy.append(a.agent);
    for (const Alert &a : r.alerts)
        alerts.append(alertJson(a));
    for (const MetricsSummary &s : r.routines)
        routines.append(routineJson(s));
    QJsonObject jobs;
    for (auto it = r.jobsByStatus.cbegin(); it != r.jobsByStatus.cend(); ++it)
        jobs.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("title"), r.title},
        {QStringLiteral("overall"), healthStateName(r.overall)},
        {QStringLiteral("generated_at"), ReportText::isoTime(r.generatedMs)},
        {QStringLiteral("engine_started_at"), ReportText::isoTime(r.engineStartedMs)},
        {QStringLiteral("uptime_s"), double(r.uptimeMs()) / 1000.0},
        {QStringLiteral("heartbeat_interval_ms"), r.heartbeatIntervalMs},
        {QStringLiteral("failed_after_ms"), r.failedThresholdMs()},
        {QStringLiteral("agents"), agents},
        {QStringLiteral("unhealthy_agents"), unhealthy},
        {QStringLiteral("alerts"), alerts},
        {QStringLiteral("metrics"), metricsJson(r.engine)},
        {QStringLiteral("routines"), routines},
        {QStringLiteral("jobs"), jobs},
    };
}

QByteArray JsonReport::render(const HealthReport &report)
{
    return QJsonDocument(toJson(report)).toJson(QJsonDocument::Indented);
}

} // namespace flowscope
