#pragma once

namespace flowscope {

// When an agent that stops beating becomes DEGRADED, CRITICAL and FAILED. Deadlines count from
// the last beat: DEGRADED at intervalMs + lateToleranceMs (a beat is due every interval, so one
// exactly on time must not flap the state), CRITICAL at 2 × intervalMs, FAILED at
// failedAfterIntervals × intervalMs.
struct HealthPolicy
{
    int intervalMs = 1000;        // agents beat this often; at least 100
    int failedAfterIntervals = 3; // N; at least 3 (CRITICAL is at 2)
    int lateToleranceMs = -1;     // -1: a tenth of the interval

    int degradedAfterMs() const
    {
        return intervalMs + (lateToleranceMs >= 0 ? lateToleranceMs : intervalMs / 10);
    }
    int criticalAfterMs() const { return 2 * intervalMs; }
    int failedAfterMs() const { return failedAfterIntervals * intervalMs; }
};

} // namespace flowscope
