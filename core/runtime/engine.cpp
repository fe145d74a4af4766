#include "runtime/engine.h"

#include "routines/builtinroutines.h"
#include "runtime/enginecore.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"

#include <QFile>

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

Status Engine::addFlow(const FlowDefinition &flow)
{
    return d->addFlow(flow);
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

} // namespace flowscope
