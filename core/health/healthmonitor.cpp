#include "health/healthmonitor.h"

#include <algorithm>
#include <vector>

namespace flowscope {

namespace {

// The header's documented limits: beats at least every 100 ms, FAILED no sooner than 3 intervals.
HealthPolicy sanitized(HealthPolicy policy)
{
    policy.intervalMs = std::max(policy.intervalMs, 100);
    policy.failedAfterIntervals = std::max(policy.failedAfterIntervals, 3);
    return policy;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1) + QStringLiteral(" s");
}

HealthState nextState(HealthState state)
{
    switch (state) {
    case HealthState::Healthy:
        return HealthState::Degraded;
    case HealthState::Degraded:
        return HealthState::Critical;
    case HealthState::Critical:
    case HealthState::Failed:
        break;
    }
    return HealthState::Failed;
}

// One line for people: what the diagnosis says first, then the state it led to.
QString transitionMessage(const AgentHealth &health, HealthState entered, qint64 atMs)
{
    const QString state = QStringLiteral("%1: no heartbeat for %2")
                              .arg(healthStateName(entered), seconds(atMs - health.lastBeatMs));
    if (health.diagnosis == QLatin1String("dead"))
        return QStringLiteral("%1 is dead: its thread/process is gone (%2)")
            .arg(health.agent, state);
    if (health.diagnosis == QLatin1String("stuck")) {
        const QString where = health.stuckRoutine.isEmpty()
                                  ? QStringLiteral("an activation")
                                  : QStringLiteral("routine '%1'").arg(health.stuckRoutine);
        return QStringLiteral("%1 is stuck in %2 for %3 without a checkpoint (%4)")
            .arg(health.agent, where, seconds(health.stuckForMs), state);
    }
    return QStringLiteral("%1 is silent: alive and idle but not beating (%2)")
        .arg(health.agent, state);
}

} // namespace

HealthMonitor::HealthMonitor(const HealthPolicy &policy)
    : m_policy(sanitized(policy))
{}

void HealthMonitor::setProbe(Probe probe)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_probe = std::move(probe);
}

void HealthMonitor::addAgent(const QString &agent, qint64 nowMs, bool external)
{
    Record record;
    record.health.agent = agent;
    record.health.external = external;
    record.health.state = HealthState::Healthy;
    record.health.stateSinceMs = nowMs;
    record.health.registeredMs = nowMs;
    record.health.lastBeatMs = nowMs;
    record.nextDeadlineMs = deadlineAfter(record);
    std::lock_guard<std::mutex> lock(m_mutex);
    m_agents.insert(agent, std::move(record));
}

void HealthMonitor::removeAgent(const QString &agent)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_agents.remove(agent);
}

bool HealthMonitor::contains(const QString &agent) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_agents.contains(agent);
}

bool HealthMonitor::beat(const QString &agent, qint64 nowMs, const QVariantMap &metadata,
                         Alert *recovery)
{
    Alert alert;
    bool recovered = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        auto it = m_agents.find(agent);
        if (it == m_agents.end()) {
            Record record;
            record.health.agent = agent;
            record.health.stateSinceMs = nowMs;
            record.health.registeredMs = nowMs;
            record.health.lastBeatMs = nowMs;
            it = m_agents.insert(agent, std::move(record));
        }
        AgentHealth &health = it->health;
        const qint64 previousBeatMs = health.lastBeatMs;
        // Beats from several threads may arrive slightly out of order: deadlines never move back.
        health.lastBeatMs = std::max(previousBeatMs, nowMs);
        ++health.beats;
        health.metadata = metadata;
        if (health.state != HealthState::Healthy) {
            recovered = true;
            alert.timeMs = nowMs;
            alert.level = alertLevelFor(HealthState::Healthy);
            alert.agent = agent;
            alert.from = health.state;
            alert.to = HealthState::Healthy;
            alert.message = QStringLiteral("%1 recovered after %2")
                                .arg(agent, seconds(std::max<qint64>(0, nowMs - previousBeatMs)));
            alert.lastBeatMs = previousBeatMs;
            health.state = HealthState::Healthy;
            health.stateSinceMs = nowMs;
            health.diagnosis.clear();
            health.stuckRoutine.clear();
            health.stuckForMs = 0;
        }
        it->nextDeadlineMs = deadlineAfter(*it);
    }
    if (recovery)
        *recovery = alert;
    return recovered;
}

QVector<Alert> HealthMonitor::advance(qint64 nowMs)
{
    struct Due
    {
        QString agent;
        quint64 beats;
        qint64 registeredMs;
        AgentLiveness liveness;
    };
    std::vector<Due> due;
    Probe probe;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (auto it = m_agents.cbegin(); it != m_agents.cend(); ++it) {
            if (it->nextDeadlineMs >= 0 && it->nextDeadlineMs <= nowMs)
                due.push_back({it.key(), it->health.beats, it->health.registeredMs, {}});
        }
        probe = m_probe;
    }
    if (due.empty())
        return {};

    // The probe asks the agent's owner (its locks, its threads): never under our lock.
    for (Due &d : due)
        d.liveness = probe ? probe(d.agent) : AgentLiveness{}; // none: alive and idle

    QVector<Alert> alerts;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const Due &d : due) {
            auto it = m_agents.find(d.agent);
            if (it == m_agents.end())
                continue; // removed meanwhile: it left, no alert
            Record &record = *it;
            // A beat (or a re-add) meanwhile moved its deadlines and made the probe stale.
            if (record.health.beats != d.beats || record.health.registeredMs != d.registeredMs)
                continue;
            diagnose(record, nowMs, d.liveness);
            while (record.nextDeadlineMs >= 0 && record.nextDeadlineMs <= nowMs) {
                const qint64 atMs = record.nextDeadlineMs;
                const HealthState entered = nextState(record.health.state);
                Alert alert;
                alert.timeMs = atMs; // when it became due, however late the driver is
                alert.level = alertLevelFor(entered);
                alert.agent = record.health.agent;
                alert.from = record.health.state;
                alert.to = entered;
                alert.message = transitionMessage(record.health, entered, atMs);
                alert.diagnosis = record.health.diagnosis;
                alert.routine = record.health.stuckRoutine;
                alert.lastBeatMs = record.health.lastBeatMs;
                alerts.push_back(alert);
                record.health.state = entered;
                record.health.stateSinceMs = atMs;
                record.nextDeadlineMs = deadlineAfter(record);
            }
        }
    }
    std::stable_sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) {
        if (a.timeMs != b.timeMs)
            return a.timeMs < b.timeMs;
        if (a.agent != b.agent)
            return a.agent < b.agent;
        return a.to < b.to;
    });
    return alerts;
}

qint64 HealthMonitor::nextDeadlineMs() const
{
    // A linear scan: called once per timer wake-up, and a few microseconds for hundreds of
    // agents. A heap would pay off only past a few thousand.
    std::lock_guard<std::mutex> lock(m_mutex);
    qint64 next = -1;
    for (const Record &record : m_agents) {
        if (record.nextDeadlineMs >= 0 && (next < 0 || record.nextDeadlineMs < next))
            next = record.nextDeadlineMs;
    }
    return next;
}

QVector<AgentHealth> HealthMonitor::snapshot(qint64 nowMs) const
{
    QVector<AgentHealth> result;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        result.reserve(m_agents.size());
        for (const Record &record : m_agents) {
            result.push_back(record.health);
            result.back().beatAgeMs = std::max<qint64>(0, nowMs - record.health.lastBeatMs);
        }
    }
    std::sort(result.begin(), result.end(),
              [](const AgentHealth &a, const AgentHealth &b) { return a.agent < b.agent; });
    return result;
}

AgentHealth HealthMonitor::agent(const QString &agent, qint64 nowMs, bool *found) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_agents.constFind(agent);
    if (found)
        *found = it != m_agents.cend();
    if (it == m_agents.cend())
        return {};
    AgentHealth health = it->health;
    health.beatAgeMs = std::max<qint64>(0, nowMs - health.lastBeatMs);
    return health;
}

qint64 HealthMonitor::deadlineAfter(const Record &record) const
{
    const qint64 beat = record.health.lastBeatMs;
    // max(): a tolerance of more than an interval must not put CRITICAL before DEGRADED.
    const qint64 degraded = m_policy.degradedAfterMs();
    const qint64 critical = std::max<qint64>(degraded, m_policy.criticalAfterMs());
    const qint64 failed = std::max<qint64>(critical, m_policy.failedAfterMs());
    switch (record.health.state) {
    case HealthState::Healthy:
        return beat + degraded;
    case HealthState::Degraded:
        return beat + critical;
    case HealthState::Critical:
        return beat + failed;
    case HealthState::Failed:
        break;
    }
    return -1;
}

void HealthMonitor::diagnose(Record &record, qint64 nowMs, const AgentLiveness &liveness) const
{
    AgentHealth &health = record.health;
    health.stuckRoutine.clear();
    health.stuckForMs = 0;
    if (!liveness.alive) {
        health.diagnosis = QStringLiteral("dead");
    } else if (liveness.busy) {
        health.diagnosis = QStringLiteral("stuck");
        health.stuckRoutine = liveness.routine;
        const qint64 sinceMs = std::max(liveness.busySinceMs, liveness.lastCheckpointMs);
        health.stuckForMs = sinceMs > 0 ? std::max<qint64>(0, nowMs - sinceMs) : 0;
    } else {
        health.diagnosis = QStringLiteral("silent");
    }
}

} // namespace flowscope
