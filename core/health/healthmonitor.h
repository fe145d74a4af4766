#pragma once

#include "health/agenthealth.h"
#include "health/alert.h"
#include "health/healthpolicy.h"

#include <QHash>
#include <QVector>

#include <functional>
#include <mutex>

namespace flowscope {

// Decides agents' health from their heartbeats. Pure logic with the time passed in, so tests
// drive it with exact clocks; HealthTimer drives it in real time, waking at nextDeadlineMs()
// instead of polling. Thread-safe: agents beat from their own threads.
class HealthMonitor
{
public:
    // Asked, outside the monitor's lock, when an agent goes past a deadline: is it alive, and
    // where is it? Unknown agents (no probe, or the probe returns nullopt-like default) count as
    // alive and idle.
    using Probe = std::function<AgentLiveness(const QString &agent)>;

    explicit HealthMonitor(const HealthPolicy &policy = {});

    const HealthPolicy &policy() const { return m_policy; }
    void setProbe(Probe probe);

    // Starts watching an agent as HEALTHY, as if it had just beaten. Re-adding resets it.
    void addAgent(const QString &agent, qint64 nowMs, bool external = false);
    // Stops watching (an agent that left cleanly raises no alert).
    void removeAgent(const QString &agent);
    bool contains(const QString &agent) const;

    // A heartbeat. An unknown agent is added. Returns the recovery alert (to HEALTHY) when the
    // agent was not healthy, else an alert with id 0 and level Info that callers ignore: use
    // the bool.
    bool beat(const QString &agent, qint64 nowMs, const QVariantMap &metadata, Alert *recovery);

    // Applies every transition due at or before nowMs, oldest deadline first, and returns one
    // alert per transition (an agent silent past several deadlines gets each in order).
    QVector<Alert> advance(qint64 nowMs);
    // The earliest future deadline of any agent, or -1 when none is pending (all FAILED or no
    // agents). A beat only moves an agent's deadlines later; addAgent may move this earlier.
    qint64 nextDeadlineMs() const;

    QVector<AgentHealth> snapshot(qint64 nowMs) const; // sorted by agent name
    AgentHealth agent(const QString &agent, qint64 nowMs, bool *found = nullptr) const;

private:
    struct Record
    {
        AgentHealth health;
        qint64 nextDeadlineMs = -1;
    };
    qint64 deadlineAfter(const Record &record) const; // next deadline for its current state
    void diagnose(Record &record, qint64 nowMs, const AgentLiveness &liveness) const;

    const HealthPolicy m_policy;
    Probe m_probe;
    mutable std::mutex m_mutex;
    QHash<QString, Record> m_agents;
};

} // namespace flowscope
