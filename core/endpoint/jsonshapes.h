#pragma once

#include "events/event.h"
#include "flow/flowdefinition.h"
#include "runtime/jobinfo.h"

#include <QJsonObject>
#include <QJsonValue>

namespace flowscope {

// The Routilux wire shapes of the endpoint's resources, in one place so that every route (and the
// WebSocket monitor) answers with the same field names.
namespace EndpointJson {

// ISO 8601 UTC with milliseconds, or null for 0 ("not yet").
QJsonValue isoTime(qint64 msSinceEpoch);
QString isoTimeText(qint64 msSinceEpoch);

// {job_id, flow_id, status, progress, created_at, started_at, completed_at, error,
//  entry_routine_id, entry_slot, entry_params, variables, activations_done, activations_pending}
QJsonObject job(const JobInfo &info);
// The same as compact JSON text, written directly (for the routes that answer with one job).
QByteArray jobJson(const JobInfo &info);
// {job_id, status, progress, error}
QJsonObject jobStatus(const JobInfo &info);

// {flow_id, description, routines:{rid:{routine_id, class_name, slots, events, config, agent}},
//  connections:[{connection_id, source_routine, source_event, target_routine, target_slot}],
//  execution_strategy, max_workers, timeout, entry, variables, source}
QJsonObject flow(const FlowDefinition &definition);

// eventToJson plus the Routilux trace names: event_id, event_type, duration (seconds).
QJsonObject traceEvent(const Event &event);

// The one error envelope: {"detail": message, "error": {"status": code, "message": message}}.
QJsonObject error(int httpStatus, const QString &message);

} // namespace EndpointJson
} // namespace flowscope
