#pragma once

#include "events/eventbus.h"
#include "health/alert.h"
#include "metrics/metricscollector.h"
#include "runtime/agentpool.h"
#include "runtime/debugger.h"
#include "runtime/engineconfig.h"
#include "runtime/enginemetricsfeed.h"
#include "runtime/externalagents.h"
#include "runtime/flowtable.h"
#include "runtime/jobinfo.h"
#include "runtime/jobregistry.h"
#include "runtime/persistencelink.h"
#include "runtime/result.h"
#include "runtime/routineregistry.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace flowscope {
struct FlowDefinition;
struct JobRequest;
struct AgentInfo;
} // namespace flowscope

namespace flowscope::Internal {

class Activation;
using ActivationPtr = std::shared_ptr<Activation>;
class Agent;
class Checkpointer;
class EngineHealth;
class EnginePersistence;
class EngineThread;
class JobState;
class WorkQueue;
struct FlowRuntime;

// The engine's machinery behind the public Engine facade.
class EngineCore
{
public:
    explicit EngineCore(const EngineConfig &config);
    ~EngineCore();

    const EngineConfig config;
    RoutineRegistry registry;
    EventBus &bus() { return m_bus; }
    QObject *threadContext() const;
    void wakeEngineThread(); // from any thread; a no-op before the thread runs
    qint64 startedMs() const { return m_startedMs; }

    // replace: false answers Conflict when the id is taken.
    Status addFlow(const FlowDefinition &flow, bool replace = true)
    {
        return m_flows.add(flow, replace);
    }
    Status removeFlow(const QString &flowId) { return m_flows.remove(flowId); }
    QVector<FlowDefinition> flows() const { return m_flows.list(); }
    std::shared_ptr<const FlowRuntime> flowRuntime(const QString &flowId) const
    {
        return m_flows.find(flowId);
    }

    Status startJob(const JobRequest &request, JobId *id);
    Status pauseJob(JobId id);
    Status resumeJob(JobId id);
    Status cancelJob(JobId id);
    std::shared_ptr<JobState> findJob(JobId id) const;
    QVector<JobInfo> jobs() const;
    QVector<JobInfo> jobsChangedSince(quint64 version, quint64 *latest) const;
    bool waitForJob(JobId id, int timeoutMs) const;
    QVector<AgentInfo> agents() const; // the engine's own, then the external ones
    bool isOwnAgent(const QString &name) const { return m_agents.contains(name); }
    ExternalAgents &external() { return m_external; }
    void applyRetention();

    EngineHealth &health() { return *m_health; }
    MetricsCollector &metrics() { return m_metricsFeed.collector(); }
    // Opens the journal (once); from then on jobs are recorded and checkpointed.
    Status openJournal(const QString &path, int retentionDays)
    {
        return m_persistence.open(path, retentionDays);
    }
    EnginePersistence *persistence() const { return m_persistence.get(); }
    Checkpointer *checkpointer() const { return m_persistence.checkpointer(); }
    // Every job in memory that is not finished.
    std::vector<std::shared_ptr<JobState>> liveJobs() const;
    // The job's activations waiting in agents' queues. Call with the job's mutex held.
    std::vector<ActivationPtr> queuedActivations(const JobState &job)
    {
        return m_agents.queuedFor(job);
    }
    void recordJob(const JobState &job) { m_persistence.recordJob(job); }
    JobId newJobId();
    void insertJob(const std::shared_ptr<JobState> &job);
    void finishJob(const std::shared_ptr<JobState> &job, JobStatus status, const QString &error,
                   EventSink *sink);

    // Used by agents and contexts.
    quint64 nextActivationId()
    {
        return m_activationIds.fetch_add(1, std::memory_order_relaxed) + 1;
    }
    // New activation ids start above floor (ids restored from a journal).
    void raiseActivationIds(quint64 floor);
    Debugger &debugger() { return m_debugger; }
    // New activations of the flow's running jobs keep their caller chains from now on.
    void markDebugging(const QString &flowId);
    void enqueue(ActivationPtr activation, EventSink *from);
    // Holds an activation of a paused job (the first becomes the stop); false when not paused.
    bool park(const ActivationPtr &activation, EventSink *sink);
    bool parkLocked(const ActivationPtr &activation, EventSink *sink); // job mutex held
    void discard(const Activation &activation);
    void finishActivation(const Activation &activation, EventSink *sink);
    void failJob(const std::shared_ptr<JobState> &job, const QString &message, EventSink *sink);
    // Call with the job's mutex held.
    void touch(JobState &job);
    // Publishes an event from a thread that has no sink of its own (control calls, timers).
    void emitControl(Event &&event);
    // Emits a job-level event (no routine); from a control thread when sink is null.
    void emitJobEvent(JobState &job, EventType type, EventSink *sink, QVariant payload = {},
                      Symbol routine = {}, quint64 activation = 0);

private:
    void housekeep();

    EventBus m_bus;
    const qint64 m_startedMs;
    const quint64 m_instance;
    std::atomic<quint64> m_jobCounter{0};
    std::atomic<quint64> m_activationIds{0};
    std::atomic<quint64> m_version{0};

    AgentPool m_agents{this};
    FlowTable m_flows;

    JobRegistry m_jobs;
    Debugger m_debugger{this};
    std::unique_ptr<EngineHealth> m_health;
    PersistenceLink m_persistence{this};
    EngineMetricsFeed m_metricsFeed{m_bus, m_persistence};
    ExternalAgents m_external{this};

    std::mutex m_controlMutex;
    std::unique_ptr<EventSink> m_controlSink;

    qint64 m_lastRetentionMs = 0;           // engine thread only
    std::mutex m_threadMutex;               // guards m_thread against wakeEngineThread
    std::unique_ptr<EngineThread> m_thread; // last: stopped first
};

} // namespace flowscope::Internal
