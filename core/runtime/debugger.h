#pragma once

#include "debug/breakpointtable.h"
#include "debug/debugsession.h"
#include "debug/scriptwatchdog.h"
#include "runtime/result.h"

#include <functional>
#include <memory>

namespace flowscope {
class EventSink;
}

namespace flowscope::Internal {

class Activation;
class Agent;
class EngineCore;
class JobState;

// Breakpoints, stops and stepping for the engine (docs/debugging.md). Agents ask it before each
// activation; the Engine facade forwards the debugger requests here.
class Debugger
{
public:
    explicit Debugger(EngineCore *core);

    BreakpointTable &breakpoints() { return m_breakpoints; }
    ScriptWatchdog &watchdog() { return m_watchdog; }
    bool armed() const { return m_breakpoints.armed(); }

    // Breakpoint requests: validate the location against the flow, then store.
    Status addBreakpoint(Breakpoint *breakpoint);

    // Before an activation runs (on its agent): true when it stopped the job there.
    bool breakBefore(const std::shared_ptr<Activation> &activation, Agent &agent);
    // When a routine emits: may ask the job to stop before what the emission causes.
    void checkEmit(const Activation &emitter, const QString &event, const QVariant &data,
                   Agent &agent);
    // For a job being debugged: whether an activation may run now, given pauses and steps
    // (false: it was parked, or became the stop).
    bool admit(const std::shared_ptr<Activation> &activation, EventSink *sink);
    // A new activation of a stepping job: counted when it belongs to the step.
    void noteCreated(Activation &activation);
    // A counted activation finished: the step may be complete.
    void noteFinished(const Activation &activation, EventSink *sink);

    Status step(JobId id, StepMode mode);
    std::optional<DebugSession> session(JobId id) const;
    Status callStack(JobId id, QVector<StackFrame> *frames) const;
    Status variables(JobId id, int frame, FrameVariables *variables) const;
    Status setVariable(JobId id, const QString &scope, const QString &name, const QVariant &value);
    Status evaluate(JobId id, const QString &expression, int frame, EvaluationResult *result);

    // Under the job's mutex: stop the job before this activation.
    void stopAt(JobState &job, const std::shared_ptr<Activation> &activation, const QString &reason,
                const QString &breakpointId);
    // With the job's mutex held, so that the events are out before anyone sees the stop:
    // job_paused with the location (breakpoint_hit first if asked).
    void announceStop(JobState &job, EventSink *sink, bool breakpointHit);

private:
    // Evaluates conditions, counts hits and writes logpoints, in order; the first breakpoint that
    // stops the job at this place, if any.
    const Breakpoint *firstToStop(const QVector<Breakpoint> &matches, const Activation &at,
                                  const QVariant &data, const QString &port, Agent &agent);
    bool allowedInStep(const JobState &job, const Activation &activation) const;
    // A counted activation of a step finished: true when that ended the step and stopped the job.
    bool stopAfterStep(const Activation &activation, EventSink *sink);
    // The job stopped (at a breakpoint, or after a step when breakpointId is empty): its external
    // agents stop at their checkpoints, as when the job is paused.
    void holdExternalAgents(JobId job, const QString &breakpointId);
    std::shared_ptr<JobState> stoppedJob(JobId id, Status *status) const;
    // Runs work with the job's mutex held, if the job is stopped at an activation.
    Status whileStopped(JobId id, const std::function<Status(JobState &)> &work) const;
    QVector<StackFrame> frames(const JobState &job) const; // with the job's mutex held

    EngineCore *m_core;
    BreakpointTable m_breakpoints;
    ScriptWatchdog m_watchdog;
};

} // namespace flowscope::Internal
