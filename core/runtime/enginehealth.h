#pragma once

#include "health/alert.h"
#include "health/healthmonitor.h"

#include <QVector>

#include <atomic>
#include <deque>
#include <mutex>

class QObject;

namespace flowscope {
class HealthTimer;
class Journal;
} // namespace flowscope

namespace flowscope::Internal {

class EngineCore;

// The engine's side of agent health: the monitor its agents beat into, the timer that declares
// transitions at their deadlines (in the engine thread), and the alert log. Each alert becomes an
// Alert event, a log entry and a journal row.
class EngineHealth
{
public:
    static constexpr int alertLogCapacity = 1000;

    EngineHealth(EngineCore *core, const HealthPolicy &policy);
    ~EngineHealth();

    HealthMonitor &monitor() { return m_monitor; }
    // In the engine thread, once: creates the deadline timer as a child of the thread's context.
    void startTimer(QObject *context);

    void agentStarted(const QString &agent, qint64 nowMs);
    void externalAgentStarted(const QString &agent, qint64 nowMs);
    void agentStopped(const QString &agent);
    // From the agent's thread.
    void beat(const QString &agent, qint64 nowMs, const QVariantMap &metadata);

    void raise(const QVector<Alert> &alerts);
    // In the engine thread, after its events: re-reads the next deadline when asked to.
    void rearmIfWanted();
    QVector<Alert> alerts(int limit) const; // newest first
    QVector<AgentHealth> agents(qint64 nowMs) const;

private:
    void publish(const Alert &alert); // as an event and a journal row
    void requestRearm();              // from any thread

    EngineCore *m_core;
    HealthMonitor m_monitor;
    HealthTimer *m_timer = nullptr; // engine thread only
    std::atomic<bool> m_rearmWanted{false};
    mutable std::mutex m_mutex;
    std::deque<Alert> m_log; // oldest first
    quint64 m_nextId = 1;
};

} // namespace flowscope::Internal
