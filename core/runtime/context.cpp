#include "runtime/context.h"

#include "runtime/activation.h"
#include "runtime/agent.h"
#include "runtime/debugger.h"
#include "runtime/enginecore.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"

#include <algorithm>

namespace flowscope {

using namespace Internal;

namespace {
// A busy handler publishes its buffered events at checkpoints no less often than this.
constexpr qint64 checkpointFlushNs = 20'000'000;
} // namespace

Context::Context(EngineCore *core, Agent *agent, const std::shared_ptr<Activation> &activation)
    : m_core(core)
    , m_agent(agent)
    , m_activation(activation.get())
    , m_self(activation)
{}

JobId Context::jobId() const
{
    return m_activation->job->id;
}
QString Context::flowId() const
{
    return m_activation->job->flow->definition.flowId;
}
QString Context::slot() const
{
    return m_activation->slot;
}
QString Context::agentName() const
{
    return m_agent->name();
}
quint64 Context::activationId() const
{
    return m_activation->id;
}

QString Context::routineId() const
{
    return m_activation->job->flow->nodes[size_t(m_activation->routine)].id;
}

void Context::emit(const QString &event, const QVariant &data)
{
    const std::shared_ptr<JobState> &job = m_activation->job;
    if (job->finished())
        return;
    const FlowRuntime &flow = *job->flow;
    const RoutineNode &node = flow.nodes[size_t(m_activation->routine)];
    const auto route = node.routes.constFind(event);
    if (route == node.routes.constEnd()) {
        fail(QStringLiteral("emitted '%1', which routine '%2' does not declare (events: %3)")
                 .arg(event, node.id, node.routine->eventNames().join(QLatin1String(", "))));
        return;
    }
    if (m_core->debugger().armed())
        m_core->debugger().checkEmit(*m_activation, event, data, *m_agent);
    EventSink &sink = m_agent->sink();
    const bool monitoring = sink.enabled();
    if (monitoring) {
        Event e;
        e.type = EventType::EventEmitted;
        e.job = job->id;
        e.flow = flow.symbol;
        e.routine = node.symbol;
        e.port = route->symbol;
        e.agent = m_agent->symbol();
        e.activation = m_activation->id;
        e.parentActivation = m_activation->parent;
        e.payload = data;
        sink.emit(std::move(e));
    }
    for (const SlotTarget &target : route->targets) {
        auto next = std::make_shared<Activation>();
        next->id = m_core->nextActivationId();
        next->setCaller(m_self, job->debugging.load(std::memory_order_relaxed));
        next->job = job;
        next->routine = target.routine;
        next->slot = target.slot;
        next->slotSymbol = target.slotSymbol;
        next->data = data;
        job->outstanding.fetch_add(1, std::memory_order_relaxed);
        if (job->stepping.load(std::memory_order_relaxed))
            m_core->debugger().noteCreated(*next);
        if (monitoring) {
            Event e;
            e.type = EventType::SlotCalled;
            e.job = job->id;
            e.flow = flow.symbol;
            e.routine = flow.nodes[size_t(target.routine)].symbol;
            e.port = target.slotSymbol;
            e.agent = m_agent->symbol();
            e.activation = next->id;
            e.parentActivation = m_activation->id;
            sink.emit(std::move(e));
        }
        m_core->enqueue(std::move(next), &sink);
    }
}

QVariant Context::variable(const QString &name, const QVariant &fallback) const
{
    JobState &job = *m_activation->job;
    std::lock_guard lock(job.mutex);
    return job.routineVariables[size_t(m_activation->routine)].value(name, fallback);
}

void Context::setVariable(const QString &name, const QVariant &value)
{
    JobState &job = *m_activation->job;
    std::lock_guard lock(job.mutex);
    job.routineVariables[size_t(m_activation->routine)].insert(name, value);
}

QVariantMap Context::variables() const
{
    JobState &job = *m_activation->job;
    std::lock_guard lock(job.mutex);
    return job.routineVariables[size_t(m_activation->routine)];
}

QVariant Context::updateVariables(const std::function<QVariant(QVariantMap &)> &update)
{
    JobState &job = *m_activation->job;
    std::lock_guard lock(job.mutex);
    return update(job.routineVariables[size_t(m_activation->routine)]);
}

QVariant Context::jobVariable(const QString &name, const QVariant &fallback) const
{
    JobState &job = *m_activation->job;
    std::lock_guard lock(job.mutex);
    return job.variables.value(name, fallback);
}

void Context::setJobVariable(const QString &name, const QVariant &value)
{
    JobState &job = *m_activation->job;
    std::lock_guard lock(job.mutex);
    job.variables.insert(name, value);
    m_core->touch(job);
}

QVariant Context::updateJobVariables(const std::function<QVariant(QVariantMap &)> &update)
{
    JobState &job = *m_activation->job;
    std::lock_guard lock(job.mutex);
    const QVariant result = update(job.variables);
    m_core->touch(job);
    return result;
}

void Context::setProgress(double progress)
{
    JobState &job = *m_activation->job;
    progress = std::clamp(progress, 0.0, 1.0);
    {
        std::lock_guard lock(job.mutex);
        if (qFuzzyCompare(job.progress + 1, progress + 1))
            return;
        job.progress = progress;
        m_core->touch(job);
    }
    if (m_agent->sink().enabled()) {
        Event e;
        e.type = EventType::Progress;
        e.job = job.id;
        e.flow = job.flow->symbol;
        e.routine = job.flow->nodes[size_t(m_activation->routine)].symbol;
        e.agent = m_agent->symbol();
        e.activation = m_activation->id;
        e.payload = QVariantMap{{QStringLiteral("progress"), progress}};
        m_agent->sink().emit(std::move(e));
    }
}

void Context::reportMetrics(const QVariantMap &fields)
{
    EventSink &sink = m_agent->sink();
    if (!sink.enabled() || fields.isEmpty())
        return;
    const JobState &job = *m_activation->job;
    Event e;
    e.type = EventType::Metric;
    e.job = job.id;
    e.flow = job.flow->symbol;
    e.routine = job.flow->nodes[size_t(m_activation->routine)].symbol;
    e.agent = m_agent->symbol();
    e.activation = m_activation->id;
    e.payload = fields;
    sink.emit(std::move(e));
}

void Context::reportMetric(const QString &name, double value)
{
    reportMetrics(QVariantMap{{name, value}});
}

void Context::log(const QString &message)
{
    EventSink &sink = m_agent->sink();
    if (!sink.enabled())
        return;
    const JobState &job = *m_activation->job;
    Event e;
    e.type = EventType::Log;
    e.job = job.id;
    e.flow = job.flow->symbol;
    e.routine = job.flow->nodes[size_t(m_activation->routine)].symbol;
    e.agent = m_agent->symbol();
    e.activation = m_activation->id;
    e.payload = QVariantMap{{QStringLiteral("message"), message},
                            {QStringLiteral("level"), QStringLiteral("info")}};
    sink.emit(std::move(e));
}

bool Context::checkpoint()
{
    JobState &job = *m_activation->job;
    EventSink &sink = m_agent->sink();
    static thread_local qint64 lastFlush = 0;
    const qint64 now = EventSink::nowNs();
    if (now - lastFlush > checkpointFlushNs) {
        lastFlush = now;
        sink.flush();
    }
    m_agent->noteCheckpoint();
    if (job.currentStatus() == JobStatus::Paused) {
        sink.flush(); // the pause is visible to watchers while this handler waits
        m_agent->setWaiting(true);
        {
            std::unique_lock lock(job.mutex);
            // A checkpoint taken meanwhile lists this activation as pending: after a restore
            // it runs again from its start.
            job.waiting.push_back(m_self);
            // Wakes every interval to beat: a handler waiting for a resume is not stuck.
            while (!job.changed.wait_for(lock, std::chrono::milliseconds(100),
                                         [&job] { return job.status != JobStatus::Paused; })) {
                lock.unlock();
                m_agent->beatIfDue();
                lock.lock();
            }
            job.waiting.erase(std::find(job.waiting.begin(), job.waiting.end(), m_self));
        }
        m_agent->setWaiting(false);
    }
    return !job.finished() && !hasFailed();
}

bool Context::isCancelled() const
{
    return m_activation->job->finished();
}

void Context::fail(const QString &message)
{
    if (m_failure.isEmpty())
        m_failure = message.isEmpty() ? QStringLiteral("failed") : message;
}

QVariant Context::resolve(const QJsonValue &configValue) const
{
    if (configValue.isString()) {
        const QString text = configValue.toString();
        if (text.startsWith(QLatin1Char('$')) && text.size() > 1)
            return jobVariable(text.mid(1));
    }
    return configValue.toVariant();
}

QJSEngine *Context::scriptEngine()
{
    return m_agent->scriptEngine();
}

} // namespace flowscope
