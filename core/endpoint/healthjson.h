#pragma once

#include "health/agenthealth.h"
#include "health/alert.h"
#include "journal/jobcheckpoint.h"
#include "metrics/metricssummary.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVector>

namespace flowscope {

// The wire shapes of agent health, alerts, checkpoints and metrics. Metrics follow Routilux:
// durations in seconds, with percentiles in milliseconds beside them.
namespace HealthJson {

// {name, state, state_since, last_heartbeat, heartbeat_age_ms, beats, diagnosis, stuck_routine,
//  stuck_for_ms, metadata, external}
QJsonObject agent(const AgentHealth &health);
// {alert_id, time, level, agent, from, to, message, diagnosis, routine, last_heartbeat}
QJsonObject alert(const Alert &alert);
// {checkpoint_id, job_id, flow_id, time, reason, status, progress, pending, activations_done}
QJsonObject checkpoint(const JobCheckpoint &checkpoint);
// {job_id, flow_id, status, error, created_at, updated_at, completed_at, last_checkpoint_id,
//  forked_from, forked_checkpoint_id}
QJsonObject jobRecord(const JobRecord &record);

// {p50, p95, p99} in ms.
QJsonObject percentiles(const DurationStats &durations);
// {name: {count, sum, mean, min, max}}
QJsonObject fields(const QMap<QString, FieldStats> &fields);
// Routilux routine_metrics entry: {execution_count, total_duration, avg_duration, min_duration,
// max_duration, error_count, last_execution} plus percentiles, success_rate, throughput_per_s,
// fields.
QJsonObject routineMetrics(const MetricsSummary &summary);
// Counts and rates of a scope: {activations, error_count, success_rate, error_rate,
// throughput_per_s, total_slot_calls, total_event_emits, percentiles, durations_ms, fields}
QJsonObject totals(const MetricsSummary &summary);
// [{start, span_ms, activations, errors, throughput_per_s, p50, p95, p99, max}]
QJsonArray series(const QVector<MetricsPoint> &points);

} // namespace HealthJson
} // namespace flowscope
