#pragma once

#include "events/event.h"
#include "health/agenthealth.h"
#include "runtime/agentinfo.h"
#include "runtime/externalagent.h"
#include "runtime/jobinfo.h"
#include "runtime/result.h"

#include <QHash>
#include <QVector>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace flowscope {
class EventSink;
}

namespace flowscope::Internal {

class EngineCore;

// Agents outside the engine (any language, over the endpoint): their registration, what they
// reported, and the control state they must obey. They beat into the engine's health monitor
// under their own names, and their messages become events on the bus with their name as agent,
// so the journal, metrics and every view see them next to the engine's own agents.
class ExternalAgents
{
public:
    static constexpr int maxAgents = 1000;
    static constexpr int maxVariables = 1000; // per agent
    using ControlListener = std::function<void(const QString &agent, const AgentControl &control)>;

    explicit ExternalAgents(EngineCore *core);
    ~ExternalAgents();

    // Applies one agent's batch in order, all or nothing; *control gets what it must obey now.
    Status report(const QString &agent, const QVector<ExternalMessage> &messages,
                  AgentControl *control);
    enum class Command { Pause, Resume, Cancel };
    Status command(const QString &agent, Command command);
    Status setBreakpoints(const QString &agent, const QStringList &checkpoints);
    // The agent's WebSocket opened or closed: a closed one that stops beating is dead.
    void setConnected(const QString &agent, bool connected);

    // Job control reaches the agents working for the job; why completes the reason they are
    // told ("job <id> <why>"): the debugger stopping the job holds them as a pause does.
    void jobPaused(JobId job, const QString &why = QStringLiteral("paused"));
    void jobResumed(JobId job, const QString &why = QStringLiteral("resumed"));
    void jobEnded(JobId job, JobStatus status);

    bool contains(const QString &agent) const;
    std::optional<AgentLiveness> liveness(const QString &agent) const;
    std::optional<ExternalAgentInfo> find(const QString &agent) const;
    QVector<ExternalAgentInfo> list() const; // by name
    QVector<AgentInfo> agentInfos() const;

    // Called after every control change, from the thread that made it, under a lock of its own:
    // listeners must only hand the news to their thread.
    int addControlListener(ControlListener listener);
    void removeControlListener(int id);

private:
    struct Record
    {
        ExternalAgentInfo info;
        bool pausedByAgent = false;
        bool pausedByJob = false;
        qint64 nodeSinceMs = 0;
        qint64 lastCheckpointMs = 0;
        qint64 lastBeatEventMs = 0;
    };
    using Changes = QVector<QPair<QString, AgentControl>>;

    Status checkRegister(const QString &agent, const ExternalMessage &message) const;
    void registerAgent(const QString &agent, const ExternalMessage &message, qint64 nowMs,
                       std::vector<Event> *events);
    Status check(const Record &record, const ExternalMessage &message) const;
    void apply(Record &record, const ExternalMessage &message, qint64 nowMs,
               std::vector<Event> *events, Changes *changes);
    Event eventFor(const Record &record, const ExternalMessage &message, qint64 nowMs) const;
    // Derives paused from the flags under a new version; changes: who must be told (or null).
    void updateControl(Record &record, const QString &reason, Changes *changes);
    void changeJobAgents(JobId job, const std::function<void(Record &)> &change,
                         const QString &reason);
    void publish(std::vector<Event> events, const Changes &changes);
    bool evictOne(); // the oldest unregistered agent; m_mutex held

    EngineCore *m_core;
    mutable std::mutex m_mutex;
    QHash<QString, Record> m_agents;
    std::atomic<int> m_withJob{0}; // agents working for a job: job control skips the lock at 0
    quint64 m_version = 0;

    std::mutex m_sinkMutex;
    std::unique_ptr<EventSink> m_sink;

    std::mutex m_listenersMutex;
    std::map<int, ControlListener> m_listeners;
    int m_nextListener = 1;
};

} // namespace flowscope::Internal
