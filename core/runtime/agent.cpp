#include "runtime/agent.h"

#include "runtime/activation.h"
#include "runtime/checkpointer.h"
#include "runtime/context.h"
#include "runtime/debugger.h"
#include "runtime/enginecore.h"
#include "runtime/enginehealth.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"
#include "runtime/workqueue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJSEngine>
#include <QSysInfo>

#include <algorithm>
#include <exception>
#include <utility>

#include <pthread.h>

namespace flowscope::Internal {

namespace {

// Counts a handler of a checkpointed job as running for as long as it lives.
class RunningCount
{
public:
    explicit RunningCount(JobState &job)
        : m_job(job.checkpointed ? &job : nullptr)
    {
        if (m_job)
            m_job->running.fetch_add(1);
    }
    RunningCount(const RunningCount &) = delete;
    RunningCount &operator=(RunningCount &&other) noexcept
    {
        release();
        m_job = std::exchange(other.m_job, nullptr);
        return *this;
    }
    RunningCount(RunningCount &&other) noexcept
        : m_job(std::exchange(other.m_job, nullptr))
    {}
    ~RunningCount() { release(); }
    bool active() const { return m_job != nullptr; }
    void release()
    {
        if (m_job)
            m_job->running.fetch_sub(1);
        m_job = nullptr;
    }

private:
    JobState *m_job;
};

} // namespace

Agent::Agent(EngineCore *core, const QString &name, WorkQueue *queue, bool pooled)
    : m_core(core)
    , m_name(name)
    , m_symbol(Symbol::intern(name))
    , m_queue(queue)
    , m_pooled(pooled)
    , m_sink(core->bus().createSink())
    , m_beatIntervalNs(qint64(core->config.heartbeatIntervalMs) * 1'000'000)
{
    m_info.name = name;
    m_info.pooled = pooled;
}

Agent::~Agent()
{
    join();
}

void Agent::start()
{
    m_thread = std::thread([this] {
        // Linux limits thread names to 15 characters.
        pthread_setname_np(pthread_self(), m_name.left(15).toUtf8().constData());
        run();
    });
}

void Agent::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

AgentInfo Agent::info() const
{
    std::lock_guard lock(m_infoMutex);
    return m_info;
}

void Agent::beatIfDue()
{
    const qint64 now = EventSink::nowNs();
    if (now - m_lastBeatNs >= m_beatIntervalNs)
        beat(now);
}

void Agent::noteCheckpoint()
{
    {
        std::lock_guard lock(m_infoMutex);
        m_info.lastCheckpointMs = QDateTime::currentMSecsSinceEpoch();
    }
    beatIfDue();
}

void Agent::beat(qint64 nowNs)
{
    m_lastBeatNs = nowNs;
    const qint64 nowMs = nowNs / 1'000'000;
    AgentInfo info;
    {
        std::lock_guard lock(m_infoMutex);
        m_info.lastHeartbeatMs = nowMs;
        info = m_info;
    }
    static const qint64 pid = QCoreApplication::applicationPid();
    static const QString host = QSysInfo::machineHostName();
    const bool busy = info.state == AgentState::Busy || info.state == AgentState::Waiting;
    const QVariantMap metadata{{QStringLiteral("pid"), pid},
                               {QStringLiteral("host"), host},
                               {QStringLiteral("state"), agentStateName(info.state)},
                               {QStringLiteral("active"), busy ? 1 : 0},
                               {QStringLiteral("completed"), info.completed},
                               {QStringLiteral("failed"), info.failed},
                               {QStringLiteral("routine"), info.currentRoutine},
                               {QStringLiteral("job_id"),
                                info.currentJob.isNull() ? QString() : info.currentJob.toString()},
                               {QStringLiteral("pooled"), info.pooled}};
    m_core->health().beat(m_name, nowMs, metadata);
    if (!m_sink->enabled())
        return;
    Event e;
    e.type = EventType::Heartbeat;
    e.agent = m_symbol;
    // The job goes in the payload: a heartbeat belongs to the agent, not to a job's trace.
    e.payload = metadata;
    m_sink->emit(std::move(e));
}

AgentLiveness Agent::liveness() const
{
    AgentLiveness live;
    live.alive = m_alive.load();
    std::lock_guard lock(m_infoMutex);
    live.busy = m_info.state == AgentState::Busy || m_info.state == AgentState::Waiting;
    live.routine = m_info.currentRoutine;
    live.busySinceMs = m_info.busySinceMs;
    live.lastCheckpointMs = m_info.lastCheckpointMs;
    return live;
}

QJSEngine *Agent::scriptEngine()
{
    if (!m_scriptEngine) {
        m_scriptEngine = std::make_unique<QJSEngine>();
        m_pinnedHandle = m_scriptEngine->newObject();
        std::lock_guard lock(m_infoMutex);
        m_scriptEngineForInterrupt = m_scriptEngine.get();
    }
    return m_scriptEngine.get();
}

ExpressionCache &Agent::expressions()
{
    if (!m_expressions)
        m_expressions = std::make_unique<ExpressionCache>(scriptEngine());
    return *m_expressions;
}

void Agent::run()
{
    m_alive = true;
    ActivationPtr next;
    for (;;) {
        beatIfDue();
        ActivationPtr activation = next ? std::move(next) : m_queue->tryPop();
        while (!activation) {
            m_sink->flush();
            // Idle: wake for the next beat if nothing arrives before it.
            const qint64 untilBeatNs = m_lastBeatNs + m_beatIntervalNs - EventSink::nowNs();
            bool closed = false;
            activation = m_queue->popFor(std::max<qint64>(untilBeatNs / 1'000'000, 1), &closed);
            if (closed)
                break;
            if (!activation)
                beatIfDue();
        }
        if (!activation)
            break;
        next = execute(std::move(activation));
    }
    m_alive = false;
    m_sink->flush();
    m_expressions.reset();
    m_pinnedHandle = QJSValue();
    {
        std::lock_guard lock(m_infoMutex);
        m_scriptEngineForInterrupt = nullptr;
    }
    m_scriptEngine.reset();
    std::lock_guard lock(m_infoMutex);
    m_info.state = AgentState::Stopped;
}

void Agent::interruptScript(JobId job)
{
    // Under the info lock, which setIdle also takes: the interrupt cannot reach the next
    // activation, of another job.
    std::lock_guard lock(m_infoMutex);
    if (m_info.currentJob == job && m_scriptEngineForInterrupt)
        m_scriptEngineForInterrupt->setInterrupted(true);
}

void Agent::setWaiting(bool waiting)
{
    std::lock_guard lock(m_infoMutex);
    m_info.state = waiting ? AgentState::Waiting : AgentState::Busy;
}

void Agent::setBusy(const QString &routine, JobId job)
{
    std::lock_guard lock(m_infoMutex);
    m_info.state = AgentState::Busy;
    m_info.currentRoutine = routine;
    m_info.currentJob = job;
    m_info.busySinceMs = QDateTime::currentMSecsSinceEpoch();
    m_info.lastCheckpointMs = 0;
}

void Agent::setIdle(bool failed)
{
    std::lock_guard lock(m_infoMutex);
    m_info.state = AgentState::Idle;
    if (m_scriptEngineForInterrupt && m_scriptEngineForInterrupt->isInterrupted())
        m_scriptEngineForInterrupt->setInterrupted(false);
    m_info.currentRoutine.clear();
    m_info.currentJob = JobId();
    ++m_info.completed;
    if (failed)
        ++m_info.failed;
}

ActivationPtr Agent::execute(ActivationPtr activation)
{
    JobState &job = *activation->job;
    if (job.finished()) {
        m_core->discard(*activation);
        return nullptr;
    }
    // A job being debugged decides under its lock (steps start and end concurrently); others
    // need only a look at the status.
    Debugger &debugger = m_core->debugger();
    if (job.debugging.load(std::memory_order_acquire)) {
        if (!debugger.admit(activation, m_sink.get()))
            return nullptr;
    } else if (job.currentStatus() == JobStatus::Paused && m_core->park(activation, m_sink.get())) {
        return nullptr;
    }
    if (debugger.armed() && !activation->resumed && debugger.breakBefore(activation, *this))
        return nullptr;
    // While a checkpoint is being taken the job's activations wait: the checkpointer reads the
    // state once no handler of the job runs (running and holding pair like Dekker's flags).
    RunningCount counted(job);
    if (counted.active() && job.holding.load()) {
        counted.release();
        if (Checkpointer *checkpoints = m_core->checkpointer();
            checkpoints && checkpoints->hold(activation))
            return nullptr;
        counted = RunningCount(job);
    }

    const RoutineNode &node = job.flow->nodes[size_t(activation->routine)];
    setBusy(node.id, job.id);
    Event started;
    started.type = EventType::RoutineStarted;
    started.job = job.id;
    started.flow = job.flow->symbol;
    started.routine = node.symbol;
    started.port = activation->slotSymbol;
    started.agent = m_symbol;
    started.activation = activation->id;
    started.parentActivation = activation->parent;
    const bool monitoring = m_sink->enabled();
    if (monitoring)
        m_sink->emit(Event(started));

    Context context(m_core, this, activation);
    const qint64 begin = EventSink::nowNs();
    try {
        node.routine->handle(context, activation->slot, activation->data);
    } catch (const std::exception &e) {
        context.fail(QString::fromUtf8(e.what()));
    } catch (...) {
        context.fail(QStringLiteral("the handler threw an unknown exception"));
    }
    const qint64 duration = EventSink::nowNs() - begin;

    const bool failed = context.hasFailed();
    if (monitoring) {
        started.type = failed ? EventType::RoutineError : EventType::RoutineEnded;
        started.status = failed                                        ? EventStatus::Error
                         : job.currentStatus() == JobStatus::Cancelled ? EventStatus::Cancelled
                                                                       : EventStatus::Ok;
        started.durationNs = duration;
        if (failed)
            started.payload = QVariantMap{{QStringLiteral("message"), context.failure()}};
        m_sink->emit(std::move(started));
    }
    setIdle(failed);
    counted.release();
    if (failed) {
        m_core->failJob(activation->job,
                        QStringLiteral("routine '%1' failed: %2").arg(node.id, context.failure()),
                        m_sink.get());
    }
    // Take the next activation first: an agent about to go idle publishes its events before it
    // reports this activation done, so a finished job's trace is complete.
    ActivationPtr next = m_queue->tryPop();
    if (!next)
        m_sink->flush();
    m_core->finishActivation(*activation, m_sink.get());
    return next;
}

} // namespace flowscope::Internal
