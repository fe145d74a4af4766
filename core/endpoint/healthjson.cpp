#include "healthjson.h"

#include "jsonshapes.h"

namespace flowscope::HealthJson {

namespace {

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

double seconds(double ms)
{
    return ms / 1000.0;
}

} // namespace

QJsonObject agent(const AgentHealth &health)
{
    return {
        {QStringLiteral("name"), health.agent},
        {QStringLiteral("state"), healthStateName(health.state)},
        {QStringLiteral("state_since"), EndpointJson::isoTime(health.stateSinceMs)},
        {QStringLiteral("last_heartbeat"), EndpointJson::isoTime(health.lastBeatMs)},
        {QStringLiteral("heartbeat_age_ms"), double(health.beatAgeMs)},
        {QStringLiteral("beats"), double(health.beats)},
        {QStringLiteral("diagnosis"), stringOrNull(health.diagnosis)},
        {QStringLiteral("stuck_routine"), stringOrNull(health.stuckRoutine)},
        {QStringLiteral("stuck_for_ms"), double(health.stuckForMs)},
        {QStringLiteral("metadata"), QJsonObject::fromVariantMap(health.metadata)},
        {QStringLiteral("external"), health.external},
    };
}

QJsonObject alert(const Alert &alert)
{
    return {
        {QStringLiteral("alert_id"), double(alert.id)},
        {QStringLiteral("time"), EndpointJson::isoTime(alert.timeMs)},
        {QStringLiteral("level"), alertLevelName(alert.level)},
        {QStringLiteral("agent"), alert.agent},
        {QStringLiteral("from"), healthStateName(alert.from)},
        {QStringLiteral("to"), healthStateName(alert.to)},
        {QStringLiteral("message"), alert.message},
        {QStringLiteral("diagnosis"), stringOrNull(alert.diagnosis)},
        {QStringLiteral("routine"), stringOrNull(alert.routine)},
        {QStringLiteral("last_heartbeat"), EndpointJson::isoTime(alert.lastBeatMs)},
    };
}

QJsonObject checkpoint(const JobCheckpoint &checkpoint)
{
    return {
        {QStringLiteral("checkpoint_id"), double(checkpoint.id)},
        {QStringLiteral("job_id"), checkpoint.job.toString()},
        {QStringLiteral("flow_id"), checkpoint.flowId},
        {QStringLiteral("time"), EndpointJson::isoTime(checkpoint.timeMs)},
        {QStringLiteral("reason"), checkpoint.reason},
        {QStringLiteral("status"), jobStatusName(checkpoint.status)},
        {QStringLiteral("progress"), checkpoint.progress},
        {QStringLiteral("pending"), checkpoint.pending.size()},
        {QStringLiteral("activations_done"), double(checkpoint.activationsDone)},
    };
}

QJsonObject jobRecord(const JobRecord &record)
{
    return {
        {QStringLiteral("job_id"), record.id.toString()},
        {QStringLiteral("flow_id"), record.flowId},
        {QStringLiteral("status"), jobStatusName(record.status)},
        {QStringLiteral("error"), stringOrNull(record.error)},
        {QStringLiteral("created_at"), EndpointJson::isoTime(record.createdMs)},
        {QStringLiteral("updated_at"), EndpointJson::isoTime(record.updatedMs)},
        {QStringLiteral("completed_at"), EndpointJson::isoTime(record.finishedMs)},
        {QStringLiteral("last_checkpoint_id"), record.lastCheckpoint
                                                   ? QJsonValue(double(record.lastCheckpoint))
                                                   : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("forked_from"), record.forkedFrom.isNull()
                                            ? QJsonValue(QJsonValue::Null)
                                            : QJsonValue(record.forkedFrom.toString())},
        {QStringLiteral("forked_checkpoint_id"), record.forkedCheckpoint
                                                     ? QJsonValue(double(record.forkedCheckpoint))
                                                     : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject percentiles(const DurationStats &durations)
{
    return {
        {QStringLiteral("p50"), durations.medianMs},
        {QStringLiteral("p95"), durations.p95Ms},
        {QStringLiteral("p99"), durations.p99Ms},
    };
}

QJsonObject fields(const QMap<QString, FieldStats> &fields)
{
    QJsonObject json;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        json.insert(it.key(), QJsonObject{{QStringLiteral("count"), double(it->count)},
                                          {QStringLiteral("sum"), it->sum},
                                          {QStringLiteral("mean"), it->mean()},
                                          {QStringLiteral("min"), it->min},
                                          {QStringLiteral("max"), it->max}});
    }
    return json;
}

QJsonObject routineMetrics(const MetricsSummary &summary)
{
    const DurationStats &d = summary.durations;
    return {
        {QStringLiteral("execution_count"), double(summary.activations)},
        {QStringLiteral("total_duration"), seconds(d.totalMs)},
        {QStringLiteral("avg_duration"), seconds(d.meanMs)},
        {QStringLiteral("min_duration"), seconds(d.minMs)},
        {QStringLiteral("max_duration"), seconds(d.maxMs)},
        {QStringLiteral("error_count"), double(summary.errors)},
        {QStringLiteral("last_execution"), EndpointJson::isoTime(summary.lastActivationMs)},
        {QStringLiteral("percentiles"), percentiles(d)},
        {QStringLiteral("success_rate"), summary.successRate()},
        {QStringLiteral("throughput_per_s"), summary.throughputPerS()},
        {QStringLiteral("fields"), fields(summary.fields)},
    };
}

QJsonObject totals(const MetricsSummary &summary)
{
    const DurationStats &d = summary.durations;
    return {
        {QStringLiteral("activations"), double(summary.activations)},
        {QStringLiteral("error_count"), double(summary.errors)},
        {QStringLiteral("success_rate"), summary.successRate()},
        {QStringLiteral("error_rate"), summary.errorRate()},
        {QStringLiteral("throughput_per_s"), summary.throughputPerS()},
        {QStringLiteral("total_slot_calls"), double(summary.slotCalls)},
        {QStringLiteral("total_event_emits"), double(summary.eventEmits)},
        {QStringLiteral("percentiles"), percentiles(d)},
        {QStringLiteral("durations_ms"), QJsonObject{{QStringLiteral("count"), double(d.count)},
                                                     {QStringLiteral("min"), d.minMs},
                                                     {QStringLiteral("mean"), d.meanMs},
                                                     {QStringLiteral("max"), d.maxMs},
                                                     {QStringLiteral("stddev"), d.stddevMs},
                                                     {QStringLiteral("total"), d.totalMs}}},
        {QStringLiteral("fields"), fields(summary.fields)},
    };
}

QJsonArray series(const QVector<MetricsPoint> &points)
{
    QJsonArray list;
    for (const MetricsPoint &p : points) {
        list.append(QJsonObject{
            {QStringLiteral("start"), EndpointJson::isoTime(p.startMs)},
            {QStringLiteral("span_ms"), p.spanMs},
            {QStringLiteral("activations"), double(p.activations)},
            {QStringLiteral("errors"), double(p.errors)},
            {QStringLiteral("throughput_per_s"), p.throughputPerS},
            {QStringLiteral("p50"), p.p50Ms},
            {QStringLiteral("p95"), p.p95Ms},
            {QStringLiteral("p99"), p.p99Ms},
            {QStringLiteral("max"), p.maxMs},
        });
    }
    return list;
}

} // namespace flowscope::HealthJson
