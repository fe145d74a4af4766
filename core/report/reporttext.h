#pragma once

#include "health/agenthealth.h"

#include <QString>

namespace flowscope {

// Wording and numbers shared by the report renderers, so every format says the same thing.
namespace ReportText {

constexpr int barWidth = 10;

// "850 ms", "2.1 s", "3 min 05 s", "1 h 02 min", "2 d 03 h".
QString duration(qint64 ms);
// A duration in ms for tables: two decimals below 10, one below 1000, none above.
QString milliseconds(double ms);
QString percent(double fraction);     // "12.5 %"
QString number(double value);         // up to three decimals, no trailing zeros
QString isoTime(qint64 msSinceEpoch); // ISO 8601 UTC with ms; "" for 0
// How far the agent's heartbeat age is towards the FAILED threshold, in [0, 1].
double beatFraction(const AgentHealth &agent, int failedThresholdMs);
int filledCells(double fraction, int width = barWidth);
QString bar(double fraction, int width = barWidth); // "████████░░"
QString stateLabel(HealthState state);              // "DEGRADED"
QString stateColor(HealthState state);              // CSS colour
QString levelColor(AlertLevel level);

} // namespace ReportText

} // namespace flowscope
