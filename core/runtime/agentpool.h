#pragma once

#include "health/agenthealth.h"
#include "runtime/agentinfo.h"
#include "runtime/jobid.h"

#include <QVector>

#include <memory>
#include <mutex>
#include <vector>

namespace flowscope::Internal {

class Activation;
using ActivationPtr = std::shared_ptr<Activation>;
class Agent;
class EngineCore;
class JobState;
class WorkQueue;

// The engine's own agents and their queues: the shared pool (worker-1..N on one queue) and the
// named agents, each on a queue of its own, created when a flow first names them.
class AgentPool
{
public:
    explicit AgentPool(EngineCore *core);
    ~AgentPool(); // shutdown() first

    void startWorkers(int count);
    WorkQueue *poolQueue() const { return m_poolQueue.get(); }
    // The named agent, started on first use.
    Agent *agentFor(const QString &name);

    QVector<AgentInfo> infos() const;
    bool contains(const QString &name) const;
    // What the health monitor asks of an agent; not alive for a name the pool does not know.
    AgentLiveness liveness(const QString &name) const;
    // Stops script handlers of a job that has ended, on every agent.
    void interruptScripts(JobId job);
    // The job's activations waiting in any queue (they stay queued).
    std::vector<ActivationPtr> queuedFor(const JobState &job) const;
    // Closes the queues, joins the agents and drops what was still queued.
    void shutdown();

private:
    void start(std::unique_ptr<Agent> agent); // m_mutex held

    EngineCore *m_core;
    mutable std::mutex m_mutex;
    std::unique_ptr<WorkQueue> m_poolQueue;
    std::vector<std::unique_ptr<WorkQueue>> m_namedQueues;
    std::vector<std::unique_ptr<Agent>> m_agents;
};

} // namespace flowscope::Internal
