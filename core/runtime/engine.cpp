#include "runtime/engine.h"

#include "journal/journal.h"
#include "routines/builtinroutines.h"
#include "runtime/activation.h"
#include "runtime/checkpointer.h"
#include "runtime/enginecore.h"
#include "runtime/enginehealth.h"
#include "runtime/enginepersistence.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>

namespace flowscope {

Engine::Engine(const EngineConfig &config)
    : d(std::make_unique<Internal::EngineCore>(config))
{
    registerBuiltinRoutines(d->registry);
}

Engine::~Engine() = default;

const EngineConfig &Engine::config() const
{
    return d->config;
}
RoutineRegistry &Engine::registry()
{
    return d->registry;
}
EventBus &Engine::bus()
{
    return d->bus();
}
FlowLoader Engine::loader() const
{
    return FlowLoader(d->registry);
}
QObject *Engine::threadContext() const
{
    return d->threadContext();
}
qint64 Engine::startedMs() const
{
    return d->startedMs();
}

Status Engine::addFlow(const FlowDefinition &flow, FlowExists exists)
{
    return d->addFlow(flow, exists == FlowExists::Replace);
}

Status Engine::addFlowJson(const QByteArray &json, const QString &source, QString *flowId)
{
    QVector<FlowIssue> issues;
    const std::optional<FlowDefinition> flow = loader().parse(json, source, &issues);
    if (!flow)
        return Status::invalid(FlowLoader::describe(issues));
    if (flowId)
        *flowId = flow->flowId;
    return d->addFlow(*flow);
}

Status Engine::addFlowFile(const QString &path, QString *flowId)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::notFound(
            QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    return addFlowJson(file.readAll(), path, flowId);
}

Status Engine::removeFlow(const QString &flowId)
{
    return d->removeFlow(flowId);
}

// A job started between the check and the removal is harmless: jobs keep the flow they started
// with.
Status Engine::removeIdleFlow(const QString &flowId)
{
    if (!d->flowRuntime(flowId))
        return Status::notFound(QStringLiteral("no flow '%1'").arg(flowId));
    QStringList busy;
    const QVector<JobInfo> all = d->jobs();
    for (const JobInfo &info : all) {
        if (info.flowId == flowId && !isFinished(info.status))
            busy.append(
                QStringLiteral("%1 (%2)").arg(info.id.toString(), jobStatusName(info.status)));
    }
    if (!busy.isEmpty()) {
        const qsizetype shown = 3;
        const QString more = busy.size() > shown
                                 ? QStringLiteral(" and %1 more").arg(busy.size() - shown)
                                 : QString();
        return Status::conflict(
            QStringLiteral("flow '%1' has %2 unfinished job(s): %3%4; cancel them first")
                .arg(flowId)
                .arg(busy.size())
                .arg(busy.mid(0, shown).join(QStringLiteral(", ")), more));
    }
    return d->removeFlow(flowId);
}
QVector<FlowDefinition> Engine::flows() const
{
    return d->flows();
}

std::optional<FlowDefinition> Engine::flow(const QString &flowId) const
{
    const auto runtime = d->flowRuntime(flowId);
    if (!runtime)
        return std::nullopt;
    return runtime->definition;
}

void Engine::addDemoFlows()
{
    for (const char *name : {"scan_swarm", "fastmon", "etl"}) {
        const QString path = QStringLiteral(":/flows/%1.json").arg(QLatin1String(name));
        const Status status = addFlowFile(path);
        // The demos ship with the program; a broken one is a build defect, not user input.
        Q_ASSERT_X(status.ok(), "Engine::addDemoFlows", qPrintable(status.message));
        if (!status.ok())
            qWarning("demo flow %s: %s", name, qPrintable(status.message));
    }
}

Status Engine::startJob(const JobRequest &request, JobId *id)
{
    return d->startJob(request, id);
}
Status Engine::pauseJob(JobId id)
{
    return d->pauseJob(id);
}
Status Engine::resumeJob(JobId id)
{
    return d->resumeJob(id);
}
Status Engine::cancelJob(JobId id)
{
    return d->cancelJob(id);
}

std::optional<JobInfo> Engine::job(JobId id) const
{
    const auto job = d->findJob(id);
    if (!job)
        return std::nullopt;
    std::lock_guard lock(job->mutex);
    return job->snapshot();
}

std::optional<JobDetail> Engine::jobDetail(JobId id) const
{
    const auto job = d->findJob(id);
    if (!job)
        return std::nullopt;
    JobDetail detail;
    std::lock_guard lock(job->mutex);
    detail.info = job->snapshot();
    const auto &nodes = job->flow->nodes;
    for (size_t i = 0; i < nodes.size(); ++i) {
        detail.routines.append(nodes[i].id);
        if (i < job->routineVariables.size() && !job->routineVariables[i].isEmpty())
            detail.routineVariables.insert(nodes[i].id, job->routineVariables[i]);
    }
    using Place = WaitingActivation::Place;
    const auto add = [&](const Internal::ActivationPtr &a, Place place) {
        detail.waiting.push_back(
            {a->id, a->parent, nodes[size_t(a->routine)].id, a->slot, a->data, place});
    };
    for (const Internal::ActivationPtr &a : d->queuedActivations(*job))
        add(a, Place::Queued);
    for (const Internal::ActivationPtr &a : job->parked)
        add(a, Place::Parked);
    for (const Internal::ActivationPtr &a : job->held)
        add(a, Place::Held);
    for (const Internal::ActivationPtr &a : job->waiting)
        add(a, Place::Waiting);
    if (job->stop) {
        add(job->stop, Place::Stopped);
        detail.stopReason = job->stopReason;
        detail.stopBreakpoint = job->stopBreakpoint;
    }
    std::sort(detail.waiting.begin(), detail.waiting.end(),
              [](const WaitingActivation &a, const WaitingActivation &b) { return a.id < b.id; });
    // Handlers waiting in checkpoint() count as running in the job's counter.
    detail.runningHandlers = std::max(0, job->running.load() - int(job->waiting.size()));
    return detail;
}

QVector<JobInfo> Engine::jobs() const
{
    return d->jobs();
}

QVector<JobInfo> Engine::jobsChangedSince(quint64 version, quint64 *latest) const
{
    return d->jobsChangedSince(version, latest);
}

QVector<Event> Engine::trace(JobId id, int limit) const
{
    EventFilter filter;
    filter.job = id;
    return d->bus().history(filter, 0, limit);
}

bool Engine::waitForJob(JobId id, int timeoutMs) const
{
    return d->waitForJob(id, timeoutMs);
}
QVector<AgentInfo> Engine::agents() const
{
    return d->agents();
}

Status Engine::reportExternal(const QString &agent, const QVector<ExternalMessage> &messages,
                              AgentControl *control)
{
    return d->external().report(agent, messages, control);
}

namespace {

Status commandAgent(Internal::EngineCore &core, const QString &agent,
                    Internal::ExternalAgents::Command command)
{
    if (core.isOwnAgent(agent))
        return Status::conflict(
            QStringLiteral("'%1' is one of the engine's own agents: control its jobs instead")
                .arg(agent));
    return core.external().command(agent, command);
}

} // namespace

Status Engine::pauseAgent(const QString &agent)
{
    return commandAgent(*d, agent, Internal::ExternalAgents::Command::Pause);
}

Status Engine::resumeAgent(const QString &agent)
{
    return commandAgent(*d, agent, Internal::ExternalAgents::Command::Resume);
}

Status Engine::cancelAgent(const QString &agent)
{
    return commandAgent(*d, agent, Internal::ExternalAgents::Command::Cancel);
}

Status Engine::setAgentBreakpoints(const QString &agent, const QStringList &checkpoints)
{
    if (d->isOwnAgent(agent))
        return Status::conflict(
            QStringLiteral("'%1' is one of the engine's own agents: set breakpoints on its "
                           "routines instead")
                .arg(agent));
    return d->external().setBreakpoints(agent, checkpoints);
}

void Engine::setExternalAgentConnected(const QString &agent, bool connected)
{
    d->external().setConnected(agent, connected);
}

std::optional<ExternalAgentInfo> Engine::externalAgent(const QString &agent) const
{
    return d->external().find(agent);
}

QVector<ExternalAgentInfo> Engine::externalAgents() const
{
    return d->external().list();
}

int Engine::watchAgentControl(
    std::function<void(const QString &agent, const AgentControl &control)> watcher)
{
    return d->external().addControlListener(std::move(watcher));
}

void Engine::unwatchAgentControl(int id)
{
    d->external().removeControlListener(id);
}
void Engine::applyRetention()
{
    d->applyRetention();
}

Status Engine::addBreakpoint(Breakpoint *breakpoint)
{
    return d->debugger().addBreakpoint(breakpoint);
}

Status Engine::removeBreakpoint(const QString &id)
{
    return d->debugger().breakpoints().remove(id);
}

Status Engine::setBreakpointEnabled(const QString &id, bool enabled)
{
    return d->debugger().breakpoints().setEnabled(id, enabled);
}

std::optional<Breakpoint> Engine::breakpoint(const QString &id) const
{
    return d->debugger().breakpoints().find(id);
}

QVector<Breakpoint> Engine::breakpoints(JobId job) const
{
    const auto state = d->findJob(job);
    return state ? d->debugger().breakpoints().forJob(job, state->flow->definition.flowId)
                 : QVector<Breakpoint>();
}

QVector<Breakpoint> Engine::allBreakpoints() const
{
    return d->debugger().breakpoints().all();
}

QVector<Breakpoint> Engine::flowBreakpoints(const QString &flowId) const
{
    return d->debugger().breakpoints().forFlow(flowId);
}

std::optional<DebugSession> Engine::debugSession(JobId job) const
{
    return d->debugger().session(job);
}

Status Engine::step(JobId job, StepMode mode)
{
    return d->debugger().step(job, mode);
}

Status Engine::callStack(JobId job, QVector<StackFrame> *frames) const
{
    return d->debugger().callStack(job, frames);
}

Status Engine::variables(JobId job, int frame, FrameVariables *variables) const
{
    return d->debugger().variables(job, frame, variables);
}

Status Engine::setVariable(JobId job, const QString &scope, const QString &name,
                           const QVariant &value)
{
    return d->debugger().setVariable(job, scope, name, value);
}

Status Engine::evaluate(JobId job, const QString &expression, int frame,
                        EvaluationResult *result) const
{
    return d->debugger().evaluate(job, expression, frame, result);
}

HealthPolicy Engine::healthPolicy() const
{
    return d->health().monitor().policy();
}

QVector<AgentHealth> Engine::agentHealth() const
{
    return d->health().agents(QDateTime::currentMSecsSinceEpoch());
}

QVector<Alert> Engine::alerts(int limit) const
{
    return d->health().alerts(limit);
}

MetricsCollector &Engine::metrics()
{
    return d->metrics();
}

MetricsSummary Engine::metrics(MetricScope scope, const QString &key, bool *found) const
{
    return d->metrics().summary(scope, key, found);
}

Status Engine::openJournal(const QString &path)
{
    return d->openJournal(path, d->config.journalRetentionDays);
}

Journal *Engine::journal() const
{
    Internal::EnginePersistence *persistence = d->persistence();
    return persistence ? &persistence->journal() : nullptr;
}

namespace {
Status noJournal()
{
    return Status::conflict(QStringLiteral("the engine keeps no journal (start it with --db)"));
}
} // namespace

QVector<JobRecord> Engine::interruptedJobs() const
{
    Internal::EnginePersistence *persistence = d->persistence();
    return persistence ? persistence->interruptedJobs() : QVector<JobRecord>();
}

QVector<JobCheckpoint> Engine::checkpoints(JobId job) const
{
    Journal *j = journal();
    if (!j)
        return {};
    j->flush();
    return j->checkpoints(job);
}

Status Engine::checkpointJob(JobId id, int timeoutMs, quint64 *checkpointId)
{
    Internal::Checkpointer *checkpoints = d->checkpointer();
    if (!checkpoints)
        return noJournal();
    const auto job = d->findJob(id);
    if (!job)
        return Status::notFound(QStringLiteral("no job '%1'").arg(id.toString()));
    if (job->finished())
        return Status::conflict(QStringLiteral("job %1 is %2: its last checkpoint is final")
                                    .arg(id.toString(), jobStatusName(job->currentStatus())));
    const quint64 taken = checkpoints->take(job, QStringLiteral("request"), timeoutMs);
    if (taken == 0)
        return Status::conflict(
            QStringLiteral("job %1 had handlers running for all of %2 ms: no consistent point")
                .arg(id.toString())
                .arg(timeoutMs));
    if (checkpointId)
        *checkpointId = taken;
    return Status::success();
}

Status Engine::resumeInterrupted(JobId id)
{
    Internal::EnginePersistence *persistence = d->persistence();
    if (!persistence)
        return noJournal();
    persistence->journal().flush();
    const std::optional<JobRecord> record = persistence->journal().job(id);
    if (!record)
        return Status::notFound(QStringLiteral("the journal has no job '%1'").arg(id.toString()));
    if (isFinished(record->status))
        return Status::conflict(QStringLiteral("job %1 was %2, not interrupted")
                                    .arg(id.toString(), jobStatusName(record->status)));
    if (record->lastCheckpoint == 0)
        return Status::conflict(QStringLiteral("job %1 has no checkpoint").arg(id.toString()));
    return resumeFrom(id, record->lastCheckpoint);
}

namespace {
// Reads a checkpoint with everything queued before committed first.
Status findCheckpoint(Internal::EnginePersistence *persistence, quint64 checkpointId,
                      std::optional<JobCheckpoint> *checkpoint)
{
    if (!persistence)
        return noJournal();
    persistence->journal().flush();
    *checkpoint = persistence->journal().checkpoint(checkpointId);
    if (!*checkpoint)
        return Status::notFound(QStringLiteral("no checkpoint %1").arg(checkpointId));
    return Status::success();
}
} // namespace

Status Engine::resumeFrom(JobId id, quint64 checkpointId)
{
    Internal::EnginePersistence *persistence = d->persistence();
    std::optional<JobCheckpoint> checkpoint;
    if (const Status found = findCheckpoint(persistence, checkpointId, &checkpoint); !found.ok())
        return found;
    if (checkpoint->job != id)
        return Status::invalid(QStringLiteral("checkpoint %1 belongs to job %2, not %3")
                                   .arg(checkpointId)
                                   .arg(checkpoint->job.toString(), id.toString()));
    return persistence->restore(*checkpoint, false, {}, nullptr);
}

Status Engine::forkJob(quint64 checkpointId, const QVariantMap &variables, JobId *newJob)
{
    Internal::EnginePersistence *persistence = d->persistence();
    std::optional<JobCheckpoint> checkpoint;
    if (const Status found = findCheckpoint(persistence, checkpointId, &checkpoint); !found.ok())
        return found;
    return persistence->restore(*checkpoint, true, variables, newJob);
}

} // namespace flowscope
