#pragma once

#include "debug/breakpoint.h"
#include "debug/debugsession.h"

#include <QJsonObject>

namespace flowscope {

// The wire shapes of the debugger routes and the debug WebSocket (Routilux names where they
// exist), in one place so that REST replies and WebSocket replies are the same objects.
namespace DebugJson {

// {breakpoint_id, type, routine_id, slot_name | event_name, condition, hit_condition,
//  log_message, enabled, hit_count, last_error, job_id (null: the flow's), flow_id}
QJsonObject breakpoint(const Breakpoint &breakpoint);
// {job_id, flow_id, status, paused, stopped, reason, breakpoint_id, activation_id, routine_id,
//  slot}
QJsonObject session(const DebugSession &session);
// {index, activation_id, parent_activation_id, routine_id, slot, data, routine_variables, known}
QJsonObject frame(const StackFrame &frame, int index);
// {job_id, frame, data, routine_variables, job_variables}
QJsonObject variables(JobId job, int frame, const FrameVariables &variables);
// {result, type, error (null on success)}
QJsonObject evaluation(const EvaluationResult &result);

} // namespace DebugJson
} // namespace flowscope
