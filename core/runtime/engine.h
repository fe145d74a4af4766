#pragma once

#include "debug/breakpoint.h"
#include "debug/debugsession.h"
#include "events/event.h"
#include "flow/flowdefinition.h"
#include "flow/flowloader.h"
#include "health/agenthealth.h"
#include "health/alert.h"
#include "health/healthpolicy.h"
#include "journal/jobcheckpoint.h"
#include "metrics/metricssummary.h"
#include "runtime/agentinfo.h"
#include "runtime/engineconfig.h"
#include "runtime/externalagent.h"
#include "runtime/jobdetail.h"
#include "runtime/jobinfo.h"
#include "runtime/result.h"

#include <QVariantMap>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace flowscope {

class EventBus;
class Journal;
class MetricsCollector;
class RoutineRegistry;

namespace Internal {
class EngineCore;
}

struct JobRequest
{
    QString flowId;
    QString entryRoutine;      // empty: the flow's entry
    QString entrySlot;         // empty: the flow's entry slot, or the routine's only slot
    QVariantMap params;        // become job variables (over the flow's defaults) and the entry data
    double timeoutSeconds = 0; // 0: the flow's timeout
};

// The runtime: flows, jobs, agents and the event bus. Every method is thread-safe and returns
// quickly (no method waits for a job except waitForJob). Housekeeping (heartbeats, retention,
// timeouts) runs in the engine's own thread; handlers run on the agents' threads.
class Engine
{
public:
    explicit Engine(const EngineConfig &config = {});
    ~Engine(); // cancels running jobs and stops every thread

    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    const EngineConfig &config() const;
    RoutineRegistry &registry();
    EventBus &bus();
    FlowLoader loader() const;
    // An object living in the engine thread, to run work there (QMetaObject::invokeMethod).
    QObject *threadContext() const;
    qint64 startedMs() const;

    // Flows. addFlow replaces a flow of the same id (running jobs keep the old one), or with
    // FlowExists::Refuse answers Conflict.
    enum class FlowExists { Replace, Refuse };
    Status addFlow(const FlowDefinition &flow, FlowExists exists = FlowExists::Replace);
    Status addFlowJson(const QByteArray &json, const QString &source, QString *flowId = nullptr);
    Status addFlowFile(const QString &path, QString *flowId = nullptr);
    Status removeFlow(const QString &flowId);
    // Conflict while jobs of the flow are unfinished (pending, running or paused).
    Status removeIdleFlow(const QString &flowId);
    QVector<FlowDefinition> flows() const;
    std::optional<FlowDefinition> flow(const QString &flowId) const;
    // Registers the demo flows shipped in the resources (scan_swarm, fastmon, etl).
    void addDemoFlows();

    // Jobs.
    Status startJob(const JobRequest &request, JobId *id);
    Status pauseJob(JobId id);
    Status resumeJob(JobId id);
    Status cancelJob(JobId id);
    std::optional<JobInfo> job(JobId id) const;
    // The job's full state: routine variables and the activations still to run, too.
    std::optional<JobDetail> jobDetail(JobId id) const;
    QVector<JobInfo> jobs() const;
    // Jobs changed (or removed) since a version; *latest receives the current version.
    QVector<JobInfo> jobsChangedSince(quint64 version, quint64 *latest) const;
    // The job's events still held in history, oldest first; limit < 0: all.
    QVector<Event> trace(JobId id, int limit = -1) const;
    // Blocks the caller until the job is finished or the timeout passes. Not for GUI threads.
    bool waitForJob(JobId id, int timeoutMs) const;

    QVector<AgentInfo> agents() const; // the engine's own, then the external ones

    // External agents (docs/agents.md): agents outside the engine that register, beat and report
    // over the endpoint and obey a control state (pause, cancel, breakpoints) they read back.
    // Applies one agent's batch in order, all or nothing; *control: what it must obey now.
    Status reportExternal(const QString &agent, const QVector<ExternalMessage> &messages,
                          AgentControl *control = nullptr);
    Status pauseAgent(const QString &agent);
    Status resumeAgent(const QString &agent);
    Status cancelAgent(const QString &agent);
    Status setAgentBreakpoints(const QString &agent, const QStringList &checkpoints);
    // Its WebSocket opened or closed: a closed one that stops beating is diagnosed dead.
    void setExternalAgentConnected(const QString &agent, bool connected);
    std::optional<ExternalAgentInfo> externalAgent(const QString &agent) const;
    QVector<ExternalAgentInfo> externalAgents() const; // by name
    // Called after each change of an external agent's control, from the thread that made it:
    // hand the news to your own thread and return. Returns an id for unwatchAgentControl, which
    // waits for a call in progress.
    int watchAgentControl(
        std::function<void(const QString &agent, const AgentControl &control)> watcher);
    void unwatchAgentControl(int id);

    // Debugging (docs/debugging.md). Requests about frames and variables of a job that is not
    // stopped at an activation answer Status::Kind::Conflict.
    // Fills in the id; refuses an unknown location and a condition that does not compile.
    Status addBreakpoint(Breakpoint *breakpoint);
    Status removeBreakpoint(const QString &id);
    Status setBreakpointEnabled(const QString &id, bool enabled);
    std::optional<Breakpoint> breakpoint(const QString &id) const;
    QVector<Breakpoint> breakpoints(JobId job) const; // the job's and its flow's
    QVector<Breakpoint> allBreakpoints() const;
    QVector<Breakpoint> flowBreakpoints(const QString &flowId) const;
    std::optional<DebugSession> debugSession(JobId job) const;
    Status step(JobId job, StepMode mode);
    Status callStack(JobId job, QVector<StackFrame> *frames) const;
    Status variables(JobId job, int frame, FrameVariables *variables) const;
    // scope: "data" (the stopped activation's input), "routine", "job", or empty for the
    // innermost that has the name.
    Status setVariable(JobId job, const QString &scope, const QString &name, const QVariant &value);
    Status evaluate(JobId job, const QString &expression, int frame,
                    EvaluationResult *result) const;

    // Removes finished jobs past the retention limits now (also done periodically).
    void applyRetention();

    // Health (docs/health.md): every agent beats; states follow from the beats' ages.
    HealthPolicy healthPolicy() const;
    QVector<AgentHealth> agentHealth() const;
    QVector<Alert> alerts(int limit = -1) const; // newest first, from the last 1000

    // Metrics from the event stream (monitoring on); longer ranges come from the journal.
    MetricsCollector &metrics();
    MetricsSummary metrics(MetricScope scope, const QString &key, bool *found = nullptr) const;

    // Persistence (docs/persistence.md). Opening the journal makes jobs started afterwards
    // checkpointed and resumable; it can be done once.
    Status openJournal(const QString &path);
    Journal *journal() const; // null until opened
    QVector<JobRecord> interruptedJobs() const;
    QVector<JobCheckpoint> checkpoints(JobId job) const;
    // Takes a checkpoint now, waiting up to timeoutMs for the job's running handlers to return.
    Status checkpointJob(JobId job, int timeoutMs, quint64 *checkpointId = nullptr);
    // Runs an interrupted job on from its last checkpoint, under its own id.
    Status resumeInterrupted(JobId job);
    // Runs a job (not running now) on from one of its checkpoints, under its own id.
    Status resumeFrom(JobId job, quint64 checkpointId);
    // A new job from any checkpoint, with job variables overridden.
    Status forkJob(quint64 checkpointId, const QVariantMap &variables, JobId *newJob);

private:
    std::unique_ptr<Internal::EngineCore> d;
};

} // namespace flowscope
