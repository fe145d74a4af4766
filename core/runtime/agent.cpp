#include "runtime/agent.h"

#include "runtime/activation.h"
#include "runtime/context.h"
#include "runtime/debugger.h"
#include "runtime/enginecore.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"
#include "runtime/workqueue.h"

#include <QDateTime>
#include <QJSEngine>

#include <exception>

#include <pthread.h>

namespace flowscope::Internal {

Agent::Agent(EngineCore *core, const QString &name, WorkQueue *queue, bool pooled)
    : m_core(core)
    , m_name(name)
    , m_symbol(Symbol::intern(name))
    , m_queue(queue)
    , m_pooled(pooled)
    , m_sink(core->bus().createSink())
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

void Agent::markHeartbeat(qint64 ms)
{
    std::lock_guard lock(m_infoMutex);
    m_info.lastHeartbeatMs = ms;
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
    ActivationPtr next;
    for (;;) {
        ActivationPtr activation = next ? std::move(next) : m_queue->tryPop();
        if (!activation) {
            m_sink->flush();
            activation = m_queue->pop();
        }
        if (!activation)
            break;
        next = execute(std::move(activation));
    }
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
