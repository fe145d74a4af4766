#include "runtime/enginehealth.h"

#include "health/alertevent.h"
#include "health/healthtimer.h"
#include "journal/journal.h"
#include "runtime/enginecore.h"
#include "runtime/enginepersistence.h"

namespace flowscope::Internal {

EngineHealth::EngineHealth(EngineCore *core, const HealthPolicy &policy)
    : m_core(core)
    , m_monitor(policy)
{}

EngineHealth::~EngineHealth() = default;

void EngineHealth::startTimer(QObject *context)
{
    m_timer = new HealthTimer(
        &m_monitor, [this](const QVector<Alert> &alerts) { raise(alerts); }, context);
    m_timer->rearm();
}

void EngineHealth::agentStarted(const QString &agent, qint64 nowMs)
{
    m_monitor.addAgent(agent, nowMs);
    requestRearm();
}

void EngineHealth::externalAgentStarted(const QString &agent, qint64 nowMs)
{
    m_monitor.addAgent(agent, nowMs, true);
    requestRearm();
}

void EngineHealth::agentStopped(const QString &agent)
{
    m_monitor.removeAgent(agent);
}

void EngineHealth::beat(const QString &agent, qint64 nowMs, const QVariantMap &metadata)
{
    Alert recovery;
    if (m_monitor.beat(agent, nowMs, metadata, &recovery)) {
        raise({recovery});
        // Its deadlines start again from this beat (a FAILED agent had none left).
        requestRearm();
    }
}

void EngineHealth::requestRearm()
{
    m_rearmWanted.store(true);
    m_core->wakeEngineThread();
}

void EngineHealth::rearmIfWanted()
{
    if (m_timer && m_rearmWanted.exchange(false))
        m_timer->rearm();
}

void EngineHealth::raise(const QVector<Alert> &alerts)
{
    QVector<Alert> numbered;
    {
        std::lock_guard lock(m_mutex);
        for (Alert alert : alerts) {
            alert.id = m_nextId++;
            m_log.push_back(alert);
            if (m_log.size() > size_t(alertLogCapacity))
                m_log.pop_front();
            numbered.push_back(alert);
        }
    }
    for (const Alert &alert : numbered)
        publish(alert);
}

void EngineHealth::publish(const Alert &alert)
{
    if (m_core->bus().isEnabled()) {
        m_core->emitControl(alertEvent(alert));
    }
    EnginePersistence *persistence = m_core->persistence();
    if (persistence && !persistence->suspended())
        persistence->journal().appendAlert(alert);
}

QVector<Alert> EngineHealth::alerts(int limit) const
{
    std::lock_guard lock(m_mutex);
    QVector<Alert> list;
    for (auto it = m_log.rbegin(); it != m_log.rend() && (limit < 0 || list.size() < limit); ++it)
        list.push_back(*it);
    return list;
}

QVector<AgentHealth> EngineHealth::agents(qint64 nowMs) const
{
    return m_monitor.snapshot(nowMs);
}

} // namespace flowscope::Internal
