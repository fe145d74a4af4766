#include "jobeventselection.h"

#include "health/alertevent.h"

#include <algorithm>

namespace flowscope {

JobEventSelection::JobEventSelection(JobId job)
    : m_job(job)
{}

void JobEventSelection::add(const Event &event)
{
    if (event.type == EventType::Alert) {
        m_alerts.append(event);
        return;
    }
    if (event.job != m_job)
        return;
    if (m_events.isEmpty()) {
        m_firstNs = event.timeNs;
        m_lastNs = event.timeNs;
    }
    m_firstNs = std::min(m_firstNs, event.timeNs - event.durationNs);
    m_lastNs = std::max(m_lastNs, event.timeNs);
    if (!event.agent.isNull())
        m_agents.insert(event.agent.id());
    m_events.append(event);
}

void JobEventSelection::addAlerts(const QVector<Alert> &alerts)
{
    for (const Alert &alert : alerts)
        m_alerts.append(flowscope::alertEvent(alert));
}

QVector<Event> JobEventSelection::take()
{
    for (const Event &alert : std::as_const(m_alerts)) {
        if (!m_events.isEmpty() && m_agents.contains(alert.agent.id()) && alert.timeNs >= m_firstNs
            && alert.timeNs <= m_lastNs)
            m_events.append(alert);
    }
    m_alerts.clear();
    m_agents.clear();
    return std::move(m_events);
}

} // namespace flowscope
