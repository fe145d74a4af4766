#pragma once

#include "report/healthreport.h"

namespace flowscope {

class Journal;

// A health report read from a journal, for an engine that may not be running
// (`flowscope report --db FILE`): each agent as of its last recorded heartbeat (and the alerts
// after it), the alerts and the metrics of the window [nowMs - windowMs, nowMs].
HealthReport healthReportFromJournal(const Journal &journal, qint64 nowMs, qint64 windowMs);

} // namespace flowscope
