#include "runtime/debugger.h"

#include "debug/expression.h"
#include "runtime/activation.h"
#include "runtime/agent.h"
#include "runtime/enginecore.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"

#include <QJSEngine>

namespace flowscope::Internal {

namespace {

const QString &routineOf(const JobState &job, const Activation &a)
{
    return job.flow->nodes[size_t(a.routine)].id;
}

// Whether a descends from (or is) the activation rootId, by caller links and parent ids.
bool inSubtree(const Activation &a, quint64 rootId)
{
    for (const Activation *p = &a; p; p = p->caller.get()) {
        if (p->id == rootId || p->parent == rootId)
            return true;
    }
    return false;
}

Status notStopped(JobId id, JobStatus status)
{
    return Status::conflict(QStringLiteral("job %1 is %2, not stopped at an activation")
                                .arg(id.toString(), jobStatusName(status)));
}

QString stepName(StepMode mode)
{
    switch (mode) {
    case StepMode::Into:
        return QStringLiteral("step_into");
    case StepMode::Over:
        return QStringLiteral("step_over");
    case StepMode::Out:
        return QStringLiteral("step_out");
    }
    return {};
}

} // namespace

Debugger::Debugger(EngineCore *core)
    : m_core(core)
{}

Status Debugger::addBreakpoint(Breakpoint *bp)
{
    std::shared_ptr<const FlowRuntime> flow;
    std::shared_ptr<JobState> job;
    if (!bp->job.isNull()) {
        job = m_core->findJob(bp->job);
        if (!job)
            return Status::notFound(QStringLiteral("no job '%1'").arg(bp->job.toString()));
        flow = job->flow;
        bp->flowId = flow->definition.flowId;
    } else {
        flow = m_core->flowRuntime(bp->flowId);
        if (!flow)
            return Status::notFound(QStringLiteral("no flow '%1'").arg(bp->flowId));
    }
    const int routine = flow->nodeIndex(bp->routine);
    if (routine < 0)
        return Status::invalid(QStringLiteral("flow '%1' has no routine '%2'")
                                   .arg(flow->definition.flowId, bp->routine));
    const Routine &r = *flow->nodes[size_t(routine)].routine;
    const QStringList ports = bp->kind == Breakpoint::Kind::Event ? r.eventNames() : r.slotNames();
    if (bp->kind != Breakpoint::Kind::Routine && !ports.contains(bp->port))
        return Status::invalid(QStringLiteral("routine '%1' has no %2 '%3' (%2s: %4)")
                                   .arg(bp->routine, breakpointKindName(bp->kind), bp->port,
                                        ports.join(QLatin1String(", "))));
    const Status added = m_breakpoints.add(bp);
    if (!added.ok())
        return added;
    // From now on new activations of the affected jobs keep their caller chains.
    if (job)
        job->debugging = true;
    else
        m_core->markDebugging(bp->flowId);
    return added;
}

const Breakpoint *Debugger::firstToStop(const QVector<Breakpoint> &matches, const Activation &at,
                                        const QVariant &data, const QString &port, Agent &agent)
{
    JobState &job = *at.job;
    ExpressionScope scope;
    {
        std::lock_guard lock(job.mutex);
        scope.vars = job.routineVariables[size_t(at.routine)];
        scope.job = job.variables;
    }
    scope.data = data;
    scope.routine = routineOf(job, at);
    scope.slot = port;
    scope.agent = agent.name();
    const auto log = [&](const QString &level, const QString &id, const QString &message) {
        m_core->emitJobEvent(job, EventType::Log, &agent.sink(),
                             QVariantMap{{QStringLiteral("level"), level},
                                         {QStringLiteral("breakpoint_id"), id},
                                         {QStringLiteral("message"), message}},
                             Symbol::intern(scope.routine), at.id);
    };
    for (const Breakpoint &bp : matches) {
        if (!bp.condition.isEmpty()) {
            const EvaluationResult r
                = Expression::evaluate(agent.expressions(), m_watchdog, bp.condition, scope);
            if (!r.error.isEmpty()) {
                // The job is not harmed: the breakpoint does not act, and says why.
                m_breakpoints.setLastError(bp.id, r.error);
                log(QStringLiteral("warning"), bp.id,
                    QStringLiteral("condition of %1 failed: %2").arg(bp.id, r.error));
                continue;
            }
            if (!Expression::isTruthy(r))
                continue;
        }
        const quint64 hits = m_breakpoints.countHit(bp.id);
        const auto hitCondition = HitCondition::parse(bp.hitCondition, nullptr);
        if (hitCondition && !hitCondition->matches(hits))
            continue;
        if (bp.isLogpoint()) {
            log(QStringLiteral("info"), bp.id,
                Expression::format(agent.expressions(), m_watchdog, bp.logMessage, scope));
            continue;
        }
        return &bp;
    }
    return nullptr;
}

bool Debugger::breakBefore(const std::shared_ptr<Activation> &activation, Agent &agent)
{
    JobState &job = *activation->job;
    const QVector<Breakpoint> matches
        = m_breakpoints.matching(job.id, job.flow->definition.flowId, routineOf(job, *activation),
                                 Breakpoint::Kind::Slot, activation->slot);
    if (matches.isEmpty())
        return false;
    const Breakpoint *bp
        = firstToStop(matches, *activation, activation->data, activation->slot, agent);
    if (!bp)
        return false;
    {
        std::lock_guard lock(job.mutex);
        if (isFinished(job.status)) {
            m_core->discard(*activation);
            return true;
        }
        if (job.status == JobStatus::Paused && job.stop) {
            // Another agent stopped the job meanwhile: this one waits with the others.
            job.parked.push_back(activation);
            return true;
        }
        stopAt(job, activation, QStringLiteral("breakpoint"), bp->id);
        announceStop(job, &agent.sink(), true);
    }
    holdExternalAgents(job.id, bp->id);
    return true;
}

void Debugger::holdExternalAgents(JobId job, const QString &breakpointId)
{
    // Outside the job's lock: the external agents' lock is taken before it, never after.
    m_core->external().jobPaused(
        job, breakpointId.isEmpty() ? QStringLiteral("stopped after a step")
                                    : QStringLiteral("stopped at breakpoint %1").arg(breakpointId));
}

void Debugger::checkEmit(const Activation &emitter, const QString &event, const QVariant &data,
                         Agent &agent)
{
    JobState &job = *emitter.job;
    const QVector<Breakpoint> matches
        = m_breakpoints.matching(job.id, job.flow->definition.flowId, routineOf(job, emitter),
                                 Breakpoint::Kind::Event, event);
    if (matches.isEmpty())
        return;
    const Breakpoint *bp = firstToStop(matches, emitter, data, event, agent);
    if (!bp)
        return;
    // The emission's targets are already on their way: the job stops before the first of them
    // that an agent picks up.
    {
        std::lock_guard lock(job.mutex);
        if (job.status != JobStatus::Running)
            return;
        job.setStatus(JobStatus::Paused);
        job.pendingReason = QStringLiteral("breakpoint");
        job.pendingBreakpoint = bp->id;
        job.debugging = true;
        m_core->touch(job);
    }
    // Announced here, at the emission; job_paused follows when the stop is chosen.
    m_core->emitJobEvent(job, EventType::BreakpointHit, &agent.sink(),
                         QVariantMap{{QStringLiteral("breakpoint_id"), bp->id},
                                     {QStringLiteral("reason"), QStringLiteral("breakpoint")},
                                     {QStringLiteral("event"), event}},
                         Symbol::intern(routineOf(job, emitter)), emitter.id);
    agent.sink().flush();
    holdExternalAgents(job.id, bp->id);
}

void Debugger::stopAt(JobState &job, const std::shared_ptr<Activation> &activation,
                      const QString &reason, const QString &breakpointId)
{
    job.setStatus(JobStatus::Paused);
    job.stop = activation;
    job.stopReason = reason;
    job.stopBreakpoint = breakpointId;
    job.pendingReason = QStringLiteral("pause");
    job.pendingBreakpoint.clear();
    job.pendingParent = 0;
    job.stepping = false;
    job.debugging = true;
    m_core->touch(job);
}

void Debugger::announceStop(JobState &job, EventSink *sink, bool breakpointHit)
{
    if (!job.stop)
        return;
    const Symbol routine = job.flow->nodes[size_t(job.stop->routine)].symbol;
    const quint64 activation = job.stop->id;
    QVariantMap where{{QStringLiteral("reason"), job.stopReason},
                      {QStringLiteral("activation_id"), activation},
                      {QStringLiteral("routine"), routine.toString()},
                      {QStringLiteral("slot"), job.stop->slot}};
    if (!job.stopBreakpoint.isEmpty())
        where.insert(QStringLiteral("breakpoint_id"), job.stopBreakpoint);
    if (breakpointHit)
        m_core->emitJobEvent(job, EventType::BreakpointHit, sink, where, routine, activation);
    m_core->emitJobEvent(job, EventType::JobPaused, sink, where, routine, activation);
    if (sink)
        sink->flush();
}

bool Debugger::allowedInStep(const JobState &job, const Activation &activation) const
{
    switch (StepMode(job.stepMode)) {
    case StepMode::Into:
        return activation.id == job.stepSubject;
    case StepMode::Over:
    case StepMode::Out:
        return inSubtree(activation, job.stepRoot);
    }
    return false;
}

bool Debugger::admit(const std::shared_ptr<Activation> &activation, EventSink *sink)
{
    // One decision under the job's lock: a pause, a step ending or a step starting cannot slip
    // in between looking at the status and at the step.
    JobState &job = *activation->job;
    std::lock_guard lock(job.mutex);
    if (m_core->parkLocked(activation, sink))
        return false;
    if (!job.stepping || job.status != JobStatus::Running)
        return true;
    if (activation->stepGeneration == job.stepGeneration || allowedInStep(job, *activation))
        return true;
    job.parked.push_back(activation); // outside the step: waits for the next stop
    return false;
}

void Debugger::noteCreated(Activation &activation)
{
    JobState &job = *activation.job;
    std::lock_guard lock(job.mutex);
    if (!job.stepping)
        return;
    if (allowedInStep(job, activation)) {
        activation.stepGeneration = job.stepGeneration;
        ++job.stepLive;
    } else if (activation.parent == job.stepSubject) {
        ++job.stepChildren; // Into: a candidate for the next stop
    }
}

void Debugger::noteFinished(const Activation &activation, EventSink *sink)
{
    if (stopAfterStep(activation, sink))
        holdExternalAgents(activation.job->id, {});
}

bool Debugger::stopAfterStep(const Activation &activation, EventSink *sink)
{
    JobState &job = *activation.job;
    std::lock_guard lock(job.mutex);
    if (!job.stepping || activation.stepGeneration != job.stepGeneration || --job.stepLive > 0)
        return false;
    // The step is done: stop before the next activation outside it (Into: the first one the
    // stepped activation caused, if any).
    if (isFinished(job.status)) {
        job.stepping = false;
        return false;
    }
    const auto earliest = [&job](auto accept) {
        auto best = job.parked.end();
        for (auto it = job.parked.begin(); it != job.parked.end(); ++it) {
            if (accept(**it) && (best == job.parked.end() || (*it)->id < (*best)->id))
                best = it;
        }
        return best;
    };
    auto next = job.parked.end();
    if (StepMode(job.stepMode) == StepMode::Into)
        next = earliest([&job](const Activation &a) { return a.parent == job.stepSubject; });
    if (next == job.parked.end())
        next = earliest([](const Activation &) { return true; });
    // Paused before stepping ends: an agent that sees the step over sees the pause (see
    // Agent::execute, which reads them in the other order).
    job.setStatus(JobStatus::Paused);
    job.stepping = false;
    m_core->touch(job);
    const bool childOnItsWay = StepMode(job.stepMode) == StepMode::Into && job.stepChildren > 0
                               && (next == job.parked.end() || (*next)->parent != job.stepSubject);
    if (next == job.parked.end() || childOnItsWay) {
        // Nothing waits yet (or the child to step into is still queued): the next
        // activation an agent picks up becomes the stop (for Into, the next child).
        job.pendingReason = QStringLiteral("step");
        job.pendingParent = childOnItsWay ? job.stepSubject : 0;
        return true;
    }
    const std::shared_ptr<Activation> stop = *next;
    job.parked.erase(next);
    stopAt(job, stop, QStringLiteral("step"), {});
    announceStop(job, sink, false);
    return true;
}

Status Debugger::step(JobId id, StepMode mode)
{
    Status status;
    const std::shared_ptr<JobState> job = stoppedJob(id, &status);
    if (!job)
        return status;
    std::vector<std::shared_ptr<Activation>> run;
    {
        std::lock_guard lock(job->mutex);
        if (job->status != JobStatus::Paused || !job->stop)
            return Status::conflict(
                QStringLiteral("job %1 is not stopped at an activation").arg(id.toString()));
        const std::shared_ptr<Activation> subject = std::move(job->stop);
        subject->resumed = true;
        job->stepMode = int(mode);
        job->stepSubject = subject->id;
        job->stepRoot = mode == StepMode::Out ? subject->parent : subject->id;
        ++job->stepGeneration;
        job->stepLive = 0;
        job->stepChildren = 0;
        job->stepping = true;
        job->debugging = true;
        job->setStatus(JobStatus::Running);
        m_core->touch(*job);
        // Out of the entry routine there is no caller to return to: run on like continue.
        const bool everything = mode == StepMode::Out && job->stepRoot == 0;
        if (everything)
            job->stepping = false;
        run.push_back(subject);
        for (auto it = job->parked.begin(); it != job->parked.end();) {
            if (everything || allowedInStep(*job, **it)) {
                run.push_back(std::move(*it));
                it = job->parked.erase(it);
            } else {
                ++it;
            }
        }
        for (const auto &a : run) {
            a->stepGeneration = job->stepping ? job->stepGeneration : 0;
            job->stepLive += job->stepping ? 1 : 0;
        }
    }
    m_core->emitJobEvent(*job, EventType::JobResumed, nullptr,
                         QVariantMap{{QStringLiteral("reason"), stepName(mode)}});
    m_core->external().jobResumed(id, stepName(mode));
    for (auto &a : run)
        m_core->enqueue(std::move(a), nullptr);
    return Status::success();
}

std::shared_ptr<JobState> Debugger::stoppedJob(JobId id, Status *status) const
{
    const std::shared_ptr<JobState> job = m_core->findJob(id);
    if (!job)
        *status = Status::notFound(QStringLiteral("no job '%1'").arg(id.toString()));
    return job;
}

std::optional<DebugSession> Debugger::session(JobId id) const
{
    const std::shared_ptr<JobState> job = m_core->findJob(id);
    if (!job)
        return std::nullopt;
    std::lock_guard lock(job->mutex);
    DebugSession s;
    s.job = id;
    s.flowId = job->flow->definition.flowId;
    s.status = jobStatusName(job->status);
    s.stopped = job->status == JobStatus::Paused && job->stop;
    if (s.stopped) {
        s.reason = job->stopReason;
        s.breakpointId = job->stopBreakpoint;
        s.activation = job->stop->id;
        s.routine = routineOf(*job, *job->stop);
        s.slot = job->stop->slot;
    } else if (job->status == JobStatus::Paused) {
        s.reason = job->pendingReason;
        s.breakpointId = job->pendingBreakpoint;
    }
    return s;
}

QVector<StackFrame> Debugger::frames(const JobState &job) const
{
    QVector<StackFrame> list;
    quint64 lastParent = 0;
    for (const Activation *a = job.stop.get(); a; a = a->caller.get()) {
        StackFrame f;
        f.activation = a->id;
        f.parent = a->parent;
        f.routine = routineOf(job, *a);
        f.slot = a->slot;
        f.data = a->data;
        f.routineVariables = job.routineVariables[size_t(a->routine)];
        list.push_back(f);
        lastParent = a->caller ? 0 : a->parent;
    }
    if (lastParent != 0) {
        StackFrame unknown; // the chain was not kept this far back: only the id is known
        unknown.activation = lastParent;
        unknown.known = false;
        list.push_back(unknown);
    }
    return list;
}

Status Debugger::whileStopped(JobId id, const std::function<Status(JobState &)> &work) const
{
    Status status;
    const std::shared_ptr<JobState> job = stoppedJob(id, &status);
    if (!job)
        return status;
    std::lock_guard lock(job->mutex);
    if (job->status != JobStatus::Paused || !job->stop)
        return notStopped(id, job->status);
    return work(*job);
}

Status Debugger::callStack(JobId id, QVector<StackFrame> *out) const
{
    return whileStopped(id, [&](JobState &job) {
        *out = frames(job);
        return Status::success();
    });
}

Status Debugger::variables(JobId id, int frame, FrameVariables *out) const
{
    return whileStopped(id, [&](JobState &job) {
        const QVector<StackFrame> stack = frames(job);
        if (frame < 0 || frame >= stack.size() || !stack[frame].known)
            return Status::invalid(
                QStringLiteral("no frame %1 (the stack has %2)").arg(frame).arg(stack.size()));
        out->data = stack[frame].data;
        out->routine = stack[frame].routineVariables;
        out->job = job.variables;
        return Status::success();
    });
}

Status Debugger::setVariable(JobId id, const QString &scope, const QString &name,
                             const QVariant &value)
{
    return whileStopped(id, [&](JobState &job) {
        Activation &stop = *job.stop;
        QVariantMap &routineVars = job.routineVariables[size_t(stop.routine)];
        QString where = scope;
        if (where.isEmpty()) {
            // No scope named: the innermost one that has the name.
            where = stop.data.toMap().contains(name) ? QStringLiteral("data")
                    : routineVars.contains(name)     ? QStringLiteral("routine")
                    : job.variables.contains(name)   ? QStringLiteral("job")
                                                     : QString();
            if (where.isEmpty())
                return Status::notFound(QStringLiteral("no variable '%1' in the input data, the "
                                                       "routine's or the job's variables")
                                            .arg(name));
        }
        if (where == QLatin1String("data")) {
            if (name.isEmpty() || name == QLatin1String("data")) {
                stop.data = value; // the whole input
            } else {
                if (stop.data.isValid() && stop.data.typeId() != QMetaType::QVariantMap)
                    return Status::invalid(QStringLiteral("the input data is not an object: set it "
                                                          "whole with the name 'data'"));
                QVariantMap map = stop.data.toMap();
                map.insert(name, value);
                stop.data = map;
            }
        } else if (where == QLatin1String("routine")) {
            routineVars.insert(name, value);
        } else if (where == QLatin1String("job")) {
            job.variables.insert(name, value);
        } else {
            return Status::invalid(
                QStringLiteral("scope '%1' is not data, routine or job").arg(scope));
        }
        m_core->touch(job);
        return Status::success();
    });
}

Status Debugger::evaluate(JobId id, const QString &expression, int frame, EvaluationResult *result)
{
    FrameVariables vars;
    const Status status = variables(id, frame, &vars);
    if (!status.ok())
        return status;
    ExpressionScope scope;
    scope.data = vars.data;
    scope.vars = vars.routine;
    scope.job = vars.job;
    QVector<StackFrame> stack;
    if (callStack(id, &stack).ok() && frame < stack.size()) {
        scope.routine = stack[frame].routine;
        scope.slot = stack[frame].slot;
    }
    QJSEngine engine; // evaluations are rare; a fresh engine keeps them apart from the agents'
    ExpressionCache cache(&engine);
    *result = Expression::evaluate(cache, m_watchdog, expression, scope);
    cache.clear();
    return Status::success();
}

} // namespace flowscope::Internal
