#pragma once

#include "events/event.h"
#include "health/alert.h"

namespace flowscope {

// An alert as the engine publishes it on the bus (EventType::Alert, agent set, no job): its
// level, transition, message, diagnosis and routine in the payload. timeNs is the alert's time
// (a sink that publishes it stamps its own).
Event alertEvent(const Alert &alert);

} // namespace flowscope
