#pragma once

#include "report/healthreport.h"

namespace flowscope {

class Engine;

// A health report of an engine as it is now: its agents, its last 100 alerts, its metrics since
// it started (per routine too) and its jobs by status. Shared by the endpoint and the CLI.
HealthReport healthReportFromEngine(Engine &engine);

} // namespace flowscope
