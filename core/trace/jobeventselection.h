#pragma once

#include "events/event.h"
#include "health/alert.h"

#include <QSet>
#include <QVector>

namespace flowscope {

// Picks one job's events out of a larger stream (a history, the console's event store), and the
// health alerts of the agents that ran it while it ran: alerts belong to no job, yet an agent
// stuck in the job's routine is part of its story.
class JobEventSelection
{
public:
    explicit JobEventSelection(JobId job);

    void add(const Event &event); // any event; kept if it is the job's or an alert
    void addAlerts(const QVector<Alert> &alerts);

    int jobEventCount() const { return int(m_events.size()); }
    // The job's events in the order added, then the alerts that concern it.
    QVector<Event> take();

private:
    JobId m_job;
    QVector<Event> m_events;
    QVector<Event> m_alerts;
    QSet<quint32> m_agents; // agents that ran the job's activations
    qint64 m_firstNs = 0;
    qint64 m_lastNs = 0;
};

} // namespace flowscope
