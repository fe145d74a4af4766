#pragma once

#include "client/clientupdate.h"

namespace flowscope {

class Engine;

// What changed in an engine since the last call, for one client: changed jobs, the agents when
// any changed, health at most four times a second when it changed, new alerts, and the engine's
// figures. Shared by the in-process pump and the endpoint's console channel so both report the
// same things at the same pace. Call from one thread.
class UpdateCollector
{
public:
    explicit UpdateCollector(Engine *engine);

    // Fills every field of *update but events and droppedEvents.
    void collect(ClientUpdate *update);
    // Whether update carries news besides events (a rate still moving counts).
    static bool hasNews(const ClientUpdate &update);

private:
    Engine *m_engine;
    quint64 m_jobsVersion = 0;
    QVector<AgentInfo> m_lastAgents;
    QVector<AgentHealth> m_lastHealth;
    qint64 m_lastHealthNs = 0;
    quint64 m_lastAlertId = 0;
    quint64 m_lastPublished = 0;
    qint64 m_lastRateNs = 0;
    double m_rate = 0;
};

} // namespace flowscope
