#include "client/updatecollector.h"

#include "events/eventbus.h"
#include "runtime/engine.h"

namespace flowscope {

namespace {

bool sameAgents(const QVector<AgentInfo> &a, const QVector<AgentInfo> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].state != b[i].state
            || a[i].currentRoutine != b[i].currentRoutine || a[i].completed != b[i].completed
            || a[i].failed != b[i].failed || a[i].lastHeartbeatMs != b[i].lastHeartbeatMs)
            return false;
    }
    return true;
}

bool sameHealth(const QVector<AgentHealth> &a, const QVector<AgentHealth> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].agent != b[i].agent || a[i].state != b[i].state || a[i].diagnosis != b[i].diagnosis
            || a[i].lastBeatMs != b[i].lastBeatMs || a[i].stuckRoutine != b[i].stuckRoutine)
            return false;
    }
    return true;
}

constexpr qint64 healthPeriodNs = 250'000'000;
constexpr qint64 ratePeriodNs = 250'000'000;

} // namespace

UpdateCollector::UpdateCollector(Engine *engine)
    : m_engine(engine)
    , m_lastRateNs(EventSink::nowNs())
{}

void UpdateCollector::collect(ClientUpdate *update)
{
    update->jobs = m_engine->jobsChangedSince(m_jobsVersion, &m_jobsVersion);
    QVector<AgentInfo> agents = m_engine->agents();
    if (!sameAgents(agents, m_lastAgents)) {
        update->agents = agents;
        m_lastAgents = std::move(agents);
    }
    const qint64 now = EventSink::nowNs();
    if (now - m_lastHealthNs >= healthPeriodNs) {
        m_lastHealthNs = now;
        QVector<AgentHealth> health = m_engine->agentHealth();
        if (!sameHealth(health, m_lastHealth)) {
            update->health = health;
            m_lastHealth = std::move(health);
        }
    }
    // Alerts are few: the engine's log, newest first, down to the last one sent.
    for (const Alert &alert : m_engine->alerts(100)) {
        if (alert.id <= m_lastAlertId)
            break;
        update->alerts.prepend(alert);
    }
    if (!update->alerts.isEmpty())
        m_lastAlertId = update->alerts.last().id;
    const HealthPolicy policy = m_engine->healthPolicy();
    update->engineStartedMs = m_engine->startedMs();
    update->heartbeatIntervalMs = policy.intervalMs;
    update->failedAfterMs = policy.failedAfterMs();
    const quint64 published = m_engine->bus().publishedCount();
    const double seconds = double(now - m_lastRateNs) / 1e9;
    if (now - m_lastRateNs >= ratePeriodNs) {
        // Smoothed over a quarter second so the status bar does not flicker.
        m_rate = double(published - m_lastPublished) / seconds;
        m_lastPublished = published;
        m_lastRateNs = now;
    }
    update->eventsPerSecond = m_rate;
    update->publishedEvents = published;
}

bool UpdateCollector::hasNews(const ClientUpdate &update)
{
    return !update.jobs.isEmpty() || !update.agents.isEmpty() || !update.health.isEmpty()
           || !update.alerts.isEmpty() || update.eventsPerSecond != 0;
}

} // namespace flowscope
