#include "runtime/agentpool.h"

#include "runtime/activation.h"
#include "runtime/agent.h"
#include "runtime/enginecore.h"
#include "runtime/enginehealth.h"
#include "runtime/workqueue.h"

#include <QDateTime>

#include <algorithm>

namespace flowscope::Internal {

AgentPool::AgentPool(EngineCore *core)
    : m_core(core)
    , m_poolQueue(std::make_unique<WorkQueue>())
{}

AgentPool::~AgentPool() = default;

void AgentPool::startWorkers(int count)
{
    for (int i = 1; i <= count; ++i) {
        std::lock_guard lock(m_mutex);
        start(std::make_unique<Agent>(m_core, QStringLiteral("worker-%1").arg(i), m_poolQueue.get(),
                                      true));
    }
}

void AgentPool::start(std::unique_ptr<Agent> agent)
{
    m_core->health().agentStarted(agent->name(), QDateTime::currentMSecsSinceEpoch());
    agent->start();
    m_agents.push_back(std::move(agent));
}

Agent *AgentPool::agentFor(const QString &name)
{
    std::lock_guard lock(m_mutex);
    for (auto &agent : m_agents) {
        if (agent->name() == name)
            return agent.get();
    }
    m_namedQueues.push_back(std::make_unique<WorkQueue>());
    start(std::make_unique<Agent>(m_core, name, m_namedQueues.back().get(), false));
    return m_agents.back().get();
}

QVector<AgentInfo> AgentPool::infos() const
{
    std::lock_guard lock(m_mutex);
    QVector<AgentInfo> list;
    for (const auto &agent : m_agents)
        list.push_back(agent->info());
    return list;
}

bool AgentPool::contains(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    return std::any_of(m_agents.cbegin(), m_agents.cend(),
                       [&name](const auto &agent) { return agent->name() == name; });
}

AgentLiveness AgentPool::liveness(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &agent : m_agents) {
        if (agent->name() == name)
            return agent->liveness();
    }
    AgentLiveness gone;
    gone.alive = false;
    return gone;
}

void AgentPool::interruptScripts(JobId job)
{
    std::lock_guard lock(m_mutex);
    for (const auto &agent : m_agents)
        agent->interruptScript(job);
}

std::vector<ActivationPtr> AgentPool::queuedFor(const JobState &job) const
{
    const auto mine = [&job](const Activation &a) { return a.job.get() == &job; };
    std::vector<ActivationPtr> queued = m_poolQueue->copyIf(mine);
    std::lock_guard lock(m_mutex);
    for (const auto &queue : m_namedQueues) {
        std::vector<ActivationPtr> more = queue->copyIf(mine);
        queued.insert(queued.end(), more.begin(), more.end());
    }
    return queued;
}

void AgentPool::shutdown()
{
    m_poolQueue->close();
    for (auto &queue : m_namedQueues)
        queue->close();
    for (auto &agent : m_agents)
        agent->join();
    m_poolQueue->takeAll();
    for (auto &queue : m_namedQueues)
        queue->takeAll();
    m_agents.clear();
}

} // namespace flowscope::Internal
