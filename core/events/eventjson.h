#pragma once

#include "events/event.h"

#include <QJsonObject>

namespace flowscope {

// The wire form of an event: {seq, type, msg_type, timestamp (ISO 8601), time_ns, duration_ns,
// job_id, flow_id, routine_id, slot | event, agent, activation_id, parent_activation_id, status,
// data}. Fields that are unset are left out.
QJsonObject eventToJson(const Event &event);

} // namespace flowscope
