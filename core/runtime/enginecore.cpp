#include "runtime/enginecore.h"

#include "journal/journal.h"
#include "runtime/activation.h"
#include "runtime/agent.h"
#include "runtime/checkpointer.h"
#include "runtime/engine.h"
#include "runtime/enginehealth.h"
#include "runtime/enginepersistence.h"
#include "runtime/enginethread.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"
#include "runtime/workqueue.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>

namespace flowscope::Internal {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr int housekeepingIntervalMs = 100;
constexpr int metricsIntervalMs = 50;
constexpr int rollupCheckMs = 1000;

HealthPolicy healthPolicy(const EngineConfig &config)
{
    HealthPolicy policy;
    policy.intervalMs = std::max(100, config.heartbeatIntervalMs);
    policy.failedAfterIntervals = std::max(3, config.failedAfterHeartbeats);
    return policy;
}

} // namespace

EngineCore::EngineCore(const EngineConfig &cfg)
    : config(cfg)
    , m_bus(cfg.eventHistory)
    , m_startedMs(nowMs())
    , m_instance(quint64(QRandomGenerator::global()->generate()) << 32)
    , m_poolQueue(std::make_unique<WorkQueue>())
    , m_controlSink(m_bus.createSink())
{
    m_health = std::make_unique<EngineHealth>(this, healthPolicy(cfg));
    m_bus.setEnabled(cfg.monitoring);
    // Metrics see every event; the engine thread drains them in batches.
    EventFilter metricEvents;
    metricEvents.typeMask
        = eventTypeBit(EventType::RoutineEnded) | eventTypeBit(EventType::RoutineError)
          | eventTypeBit(EventType::JobStarted) | eventTypeBit(EventType::JobCompleted)
          | eventTypeBit(EventType::JobFailed) | eventTypeBit(EventType::JobCancelled)
          | eventTypeBit(EventType::Metric);
    m_metricsFeed = m_bus.subscribe(metricEvents, 1 << 20);
    m_health->monitor().setProbe([this](const QString &name) {
        std::lock_guard lock(m_agentsMutex);
        for (const auto &agent : m_agents) {
            if (agent->name() == name)
                return agent->liveness();
        }
        AgentLiveness gone;
        gone.alive = false;
        return gone;
    });
    const int workers = std::max(1, cfg.workers);
    for (int i = 1; i <= workers; ++i) {
        std::lock_guard lock(m_agentsMutex);
        startAgent(std::make_unique<Agent>(this, QStringLiteral("worker-%1").arg(i),
                                           m_poolQueue.get(), true));
    }
    std::vector<EngineThread::Task> tasks{{[this] { housekeep(); }, housekeepingIntervalMs},
                                          {[this] { drainMetrics(); }, metricsIntervalMs}};
    auto thread = std::make_unique<EngineThread>(
        std::move(tasks), [this](QObject *context) { m_health->startTimer(context); },
        [this] { m_health->rearmIfWanted(); });
    std::lock_guard lock(m_threadMutex);
    m_thread = std::move(thread);
}

void EngineCore::wakeEngineThread()
{
    std::lock_guard lock(m_threadMutex);
    if (m_thread)
        m_thread->wake();
}

void EngineCore::startAgent(std::unique_ptr<Agent> agent)
{
    m_health->agentStarted(agent->name(), nowMs());
    agent->start();
    m_agents.push_back(std::move(agent));
}

QObject *EngineCore::threadContext() const
{
    return m_thread->context();
}

EngineCore::~EngineCore()
{
    if (EnginePersistence *persistence = m_persistencePtr.load()) {
        // The metrics of the last, unfinished rollup interval are kept too.
        m_metrics.consume(m_metricsFeed->takeAll());
        std::vector<MetricsRollup> rollups
            = m_metrics.takeRollups(std::numeric_limits<qint64>::max() / 2);
        if (!rollups.empty())
            persistence->journal().appendRollups(std::move(rollups));
        persistence->suspendAll();
    }
    std::unique_ptr<EngineThread> thread;
    {
        std::lock_guard lock(m_threadMutex);
        thread = std::move(m_thread);
    }
    thread.reset();
    // Release every job (paused ones hold parked activations, handlers may wait in checkpoint).
    for (const JobInfo &info : jobs()) {
        if (!isFinished(info.status))
            cancelJob(info.id);
    }
    m_poolQueue->close();
    for (auto &queue : m_namedQueues)
        queue->close();
    for (auto &agent : m_agents)
        agent->join();
    auto dropAll = [](WorkQueue &queue) { queue.takeAll(); };
    dropAll(*m_poolQueue);
    for (auto &queue : m_namedQueues)
        dropAll(*queue);
    m_agents.clear();
    m_controlSink->flush();
    m_bus.unsubscribe(m_metricsFeed);
    m_persistencePtr = nullptr;
    m_persistence.reset();
}

Agent *EngineCore::agentFor(const QString &name)
{
    std::lock_guard lock(m_agentsMutex);
    for (auto &agent : m_agents) {
        if (agent->name() == name)
            return agent.get();
    }
    m_namedQueues.push_back(std::make_unique<WorkQueue>());
    startAgent(std::make_unique<Agent>(this, name, m_namedQueues.back().get(), false));
    return m_agents.back().get();
}

Status EngineCore::addFlow(const FlowDefinition &flow)
{
    auto runtime = std::make_shared<FlowRuntime>();
    runtime->definition = flow;
    runtime->symbol = Symbol::intern(flow.flowId);
    runtime->nodes.resize(size_t(flow.routines.size()));
    for (int i = 0; i < flow.routines.size(); ++i) {
        const RoutineSpec &spec = flow.routines[i];
        RoutineNode &node = runtime->nodes[size_t(i)];
        node.id = spec.id;
        node.symbol = Symbol::intern(spec.id);
        const std::optional<RoutineClass> cls = registry.find(spec.className);
        if (!cls)
            return Status::invalid(
                QStringLiteral("routine '%1': unknown class '%2'").arg(spec.id, spec.className));
        node.routine = cls->create();
        ConfigError error;
        if (!node.routine->configure(spec.config, &error))
            return Status::invalid(QStringLiteral("routine '%1': config.%2: %3")
                                       .arg(spec.id, error.field, error.message));
        for (const QString &slot : node.routine->slotNames())
            node.slotSymbols.insert(slot, Symbol::intern(slot));
        for (const QString &event : node.routine->eventNames())
            node.routes.insert(event, EventRoute{Symbol::intern(event), {}});
        node.queue = spec.agent.isEmpty() ? m_poolQueue.get() : agentFor(spec.agent)->queue();
        runtime->definition.routines[i].slotNames = node.routine->slotNames();
        runtime->definition.routines[i].eventNames = node.routine->eventNames();
    }
    for (const ConnectionSpec &c : flow.connections) {
        const int from = runtime->nodeIndex(c.fromRoutine);
        const int to = runtime->nodeIndex(c.toRoutine);
        if (from < 0 || to < 0)
            return Status::invalid(
                QStringLiteral("connection %1.%2 -> %3.%4 names a missing routine")
                    .arg(c.fromRoutine, c.fromEvent, c.toRoutine, c.toSlot));
        RoutineNode &source = runtime->nodes[size_t(from)];
        RoutineNode &target = runtime->nodes[size_t(to)];
        const auto route = source.routes.find(c.fromEvent);
        if (route == source.routes.end())
            return Status::invalid(
                QStringLiteral("routine '%1' has no event '%2'").arg(c.fromRoutine, c.fromEvent));
        if (!target.slotSymbols.contains(c.toSlot))
            return Status::invalid(
                QStringLiteral("routine '%1' has no slot '%2'").arg(c.toRoutine, c.toSlot));
        route->targets.push_back({to, c.toSlot, target.slotSymbols.value(c.toSlot)});
    }
    std::unique_lock lock(m_flowsLock);
    m_flows.insert(flow.flowId, std::move(runtime));
    return Status::success();
}

void EngineCore::touch(JobState &job)
{
    job.version = m_version.fetch_add(1) + 1;
}

Status EngineCore::removeFlow(const QString &flowId)
{
    std::unique_lock lock(m_flowsLock);
    if (!m_flows.remove(flowId))
        return Status::notFound(QStringLiteral("no flow '%1'").arg(flowId));
    return Status::success();
}

QVector<FlowDefinition> EngineCore::flows() const
{
    std::shared_lock lock(m_flowsLock);
    QVector<FlowDefinition> list;
    for (const auto &runtime : m_flows)
        list.push_back(runtime->definition);
    std::sort(list.begin(), list.end(),
              [](const FlowDefinition &a, const FlowDefinition &b) { return a.flowId < b.flowId; });
    return list;
}

std::shared_ptr<const FlowRuntime> EngineCore::flowRuntime(const QString &flowId) const
{
    std::shared_lock lock(m_flowsLock);
    return m_flows.value(flowId);
}

std::shared_ptr<JobState> EngineCore::findJob(JobId id) const
{
    return m_jobs.find(id);
}

void EngineCore::emitControl(Event &&event)
{
    std::lock_guard lock(m_controlMutex);
    m_controlSink->emit(std::move(event));
    m_controlSink->flush();
}

void EngineCore::emitJobEvent(JobState &job, EventType type, EventSink *sink, QVariant payload,
                              Symbol routine, quint64 activation)
{
    Event e;
    e.type = type;
    e.job = job.id;
    e.flow = job.flow->symbol;
    e.routine = routine;
    e.activation = activation;
    e.payload = std::move(payload);
    if (type == EventType::JobFailed)
        e.status = EventStatus::Error;
    else if (type == EventType::JobCancelled)
        e.status = EventStatus::Cancelled;
    if (sink)
        sink->emit(std::move(e));
    else
        emitControl(std::move(e));
}

Status EngineCore::startJob(const JobRequest &request, JobId *id)
{
    const std::shared_ptr<const FlowRuntime> flow = flowRuntime(request.flowId);
    if (!flow)
        return Status::notFound(QStringLiteral("no flow '%1'").arg(request.flowId));
    const FlowDefinition &def = flow->definition;
    const QString routineId
        = request.entryRoutine.isEmpty() ? def.entryRoutine : request.entryRoutine;
    if (routineId.isEmpty())
        return Status::invalid(
            QStringLiteral("flow '%1' names no entry: give entry_routine_id").arg(def.flowId));
    const int routine = flow->nodeIndex(routineId);
    if (routine < 0)
        return Status::invalid(
            QStringLiteral("flow '%1' has no routine '%2'").arg(def.flowId, routineId));
    const RoutineNode &node = flow->nodes[size_t(routine)];
    QString slot = request.entrySlot;
    if (slot.isEmpty() && routineId == def.entryRoutine)
        slot = def.entrySlot;
    const QStringList slotNames = node.slotSymbols.keys();
    if (slot.isEmpty() && slotNames.size() == 1)
        slot = slotNames.first();
    if (!node.slotSymbols.contains(slot))
        return Status::invalid(
            QStringLiteral("routine '%1' has no slot '%2' (slots: %3)")
                .arg(routineId, slot, node.routine->slotNames().join(QLatin1String(", "))));

    const JobId jobId = newJobId();
    auto job = std::make_shared<JobState>(jobId, flow);
    EnginePersistence *persistence = m_persistencePtr.load();
    const double timeout = request.timeoutSeconds > 0 ? request.timeoutSeconds : def.timeoutSeconds;
    {
        std::lock_guard lock(job->mutex);
        job->entryRoutine = routineId;
        job->entrySlot = slot;
        job->params = request.params;
        job->variables = def.variables.toVariantMap();
        for (auto it = request.params.begin(); it != request.params.end(); ++it)
            job->variables.insert(it.key(), it.value());
        job->createdMs = job->startedMs = nowMs();
        // Clamped to a year: a timeout beyond that means none, and must not overflow.
        if (timeout > 0 && timeout < 365.0 * 24 * 3600)
            job->deadlineMs = job->startedMs + qint64(timeout * 1000);
        job->setStatus(JobStatus::Running);
        job->outstanding.store(1);
        job->debugging = m_debugger.breakpoints().anyFor(jobId, def.flowId);
        job->checkpointed = persistence != nullptr;
        touch(*job);
    }
    m_jobs.insert(job);
    emitJobEvent(*job, EventType::JobStarted, nullptr,
                 QVariantMap{{QStringLiteral("entry"), routineId + QLatin1Char('.') + slot},
                             {QStringLiteral("params"), request.params}});
    auto entry = std::make_shared<Activation>();
    entry->id = nextActivationId();
    entry->job = job;
    entry->routine = routine;
    entry->slot = slot;
    entry->slotSymbol = node.slotSymbols.value(slot);
    entry->data = request.params;
    if (persistence)
        persistence->checkpointer().saveStart(*job, entry);
    enqueue(std::move(entry), nullptr);
    if (id)
        *id = jobId;
    return Status::success();
}

Status EngineCore::pauseJob(JobId id)
{
    const auto job = findJob(id);
    if (!job)
        return Status::notFound(QStringLiteral("no job '%1'").arg(id.toString()));
    {
        std::lock_guard lock(job->mutex);
        if (job->status != JobStatus::Running)
            return Status::conflict(QStringLiteral("job %1 is %2, not running")
                                        .arg(id.toString(), jobStatusName(job->status)));
        job->setStatus(JobStatus::Paused);
        // The next activation an agent picks up becomes the debugger's stop.
        job->pendingReason = QStringLiteral("pause");
        job->pendingBreakpoint.clear();
        job->pendingParent = 0;
        job->stepping = false;
        touch(*job);
    }
    emitJobEvent(*job, EventType::JobPaused, nullptr,
                 QVariantMap{{QStringLiteral("reason"), QStringLiteral("pause")}});
    recordJob(*job);
    if (Checkpointer *checkpoints = checkpointer())
        checkpoints->request(job, QStringLiteral("pause"));
    return Status::success();
}

Status EngineCore::resumeJob(JobId id)
{
    const auto job = findJob(id);
    if (!job)
        return Status::notFound(QStringLiteral("no job '%1'").arg(id.toString()));
    std::vector<ActivationPtr> parked;
    {
        std::lock_guard lock(job->mutex);
        if (job->status != JobStatus::Paused)
            return Status::conflict(QStringLiteral("job %1 is %2, not paused")
                                        .arg(id.toString(), jobStatusName(job->status)));
        job->setStatus(JobStatus::Running);
        job->stepping = false;
        if (job->stop) {
            job->stop->resumed = true; // continue: do not stop at the same breakpoint again
            parked.push_back(std::move(job->stop));
        }
        for (ActivationPtr &a : job->parked)
            parked.push_back(std::move(a));
        job->parked.clear();
        touch(*job);
        job->changed.notify_all();
    }
    emitJobEvent(*job, EventType::JobResumed, nullptr);
    recordJob(*job);
    for (ActivationPtr &a : parked)
        enqueue(std::move(a), nullptr);
    return Status::success();
}

Status EngineCore::cancelJob(JobId id)
{
    const auto job = findJob(id);
    if (!job)
        return Status::notFound(QStringLiteral("no job '%1'").arg(id.toString()));
    {
        std::lock_guard lock(job->mutex);
        if (isFinished(job->status))
            return Status::conflict(QStringLiteral("job %1 is already %2")
                                        .arg(id.toString(), jobStatusName(job->status)));
    }
    finishJob(job, JobStatus::Cancelled, {}, nullptr);
    return Status::success();
}

void EngineCore::failJob(const std::shared_ptr<JobState> &job, const QString &message,
                         EventSink *sink)
{
    finishJob(job, JobStatus::Failed, message, sink);
}

void EngineCore::finishJob(const std::shared_ptr<JobState> &job, JobStatus status,
                           const QString &error, EventSink *sink)
{
    std::vector<ActivationPtr> parked;
    {
        std::lock_guard lock(job->mutex);
        if (isFinished(job->status))
            return;
        job->setStatus(status);
        job->error = error;
        job->finishedMs = nowMs();
        if (status == JobStatus::Completed)
            job->progress = 1;
        parked.swap(job->parked);
        if (job->stop)
            parked.push_back(std::move(job->stop));
        job->stepping = false;
        touch(*job);
        job->changed.notify_all(); // releases handlers blocked in checkpoint()
    }
    if (Checkpointer *checkpoints = checkpointer()) {
        checkpoints->saveFinished(*job,
                                  status == JobStatus::Completed ? QStringLiteral("completion")
                                  : status == JobStatus::Failed  ? QStringLiteral("failure")
                                                                 : QStringLiteral("cancel"),
                                  parked);
    }
    for (const ActivationPtr &a : parked)
        discard(*a);
    if (status != JobStatus::Completed) {
        std::lock_guard lock(m_agentsMutex);
        for (const auto &agent : m_agents)
            agent->interruptScript(job->id);
    }
    const EventType type = status == JobStatus::Completed ? EventType::JobCompleted
                           : status == JobStatus::Failed  ? EventType::JobFailed
                                                          : EventType::JobCancelled;
    QVariant payload;
    if (!error.isEmpty())
        payload = QVariantMap{{QStringLiteral("message"), error}};
    emitJobEvent(*job, type, sink, payload);
    if (sink)
        sink->flush();
    std::lock_guard lock(job->mutex);
    job->settled = true;
    job->changed.notify_all();
}

void EngineCore::enqueue(ActivationPtr activation, EventSink *from)
{
    const RoutineNode &node = activation->job->flow->nodes[size_t(activation->routine)];
    // A sleeping agent will start on this at once: publish first, so events stay in causal order.
    if (from && node.queue->hasSleepers())
        from->flush();
    node.queue->push(std::move(activation));
}

bool EngineCore::park(const ActivationPtr &activation, EventSink *sink)
{
    std::lock_guard lock(activation->job->mutex);
    return parkLocked(activation, sink);
}

bool EngineCore::parkLocked(const ActivationPtr &activation, EventSink *sink)
{
    JobState &job = *activation->job;
    if (job.status != JobStatus::Paused)
        return false;
    if (job.stop || (job.pendingParent != 0 && activation->parent != job.pendingParent)) {
        job.parked.push_back(activation);
        return true;
    }
    // The first activation to arrive at a paused job is where the debugger stands.
    const bool announce = job.pendingReason != QLatin1String("pause");
    m_debugger.stopAt(job, activation, job.pendingReason, job.pendingBreakpoint);
    if (announce) {
        m_debugger.announceStop(job, sink, false);
        if (Checkpointer *checkpoints = checkpointer())
            checkpoints->request(activation->job, QStringLiteral("breakpoint"));
    }
    return true;
}

void EngineCore::markDebugging(const QString &flowId)
{
    for (const auto &job : m_jobs.all()) {
        if (job->flow->definition.flowId == flowId && !job->finished())
            job->debugging = true;
    }
}

void EngineCore::discard(const Activation &activation)
{
    // The job is finished already; only the count is kept right.
    activation.job->outstanding.fetch_sub(1, std::memory_order_acq_rel);
}

void EngineCore::finishActivation(const Activation &activation, EventSink *sink)
{
    const std::shared_ptr<JobState> job = activation.job;
    if (activation.stepGeneration != 0)
        m_debugger.noteFinished(activation, sink);
    job->done.fetch_add(1, std::memory_order_relaxed);
    if (job->outstanding.fetch_sub(1, std::memory_order_acq_rel) == 1)
        finishJob(job, JobStatus::Completed, {}, sink);
}

QVector<JobInfo> EngineCore::jobs() const
{
    return m_jobs.snapshots();
}

QVector<JobInfo> EngineCore::jobsChangedSince(quint64 version, quint64 *latest) const
{
    if (latest)
        *latest = m_version.load();
    return m_jobs.changedSince(version);
}

bool EngineCore::waitForJob(JobId id, int timeoutMs) const
{
    const auto job = findJob(id);
    if (!job)
        return false;
    std::unique_lock lock(job->mutex);
    return job->changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                 [&job] { return job->settled; });
}

QVector<AgentInfo> EngineCore::agents() const
{
    std::lock_guard lock(m_agentsMutex);
    QVector<AgentInfo> list;
    for (const auto &agent : m_agents)
        list.push_back(agent->info());
    return list;
}

void EngineCore::applyRetention()
{
    const qint64 cutoff = nowMs() - qint64(config.finishedJobTtlSeconds) * 1000;
    const QVector<JobId> removed = m_jobs.removeFinished(
        config.maxFinishedJobs, cutoff, [this] { return m_version.fetch_add(1) + 1; });
    for (JobId id : removed)
        m_debugger.breakpoints().forgetJob(id);
}

void EngineCore::housekeep()
{
    const qint64 now = nowMs();
    std::vector<std::shared_ptr<JobState>> expired;
    for (const auto &job : m_jobs.all()) {
        if (job->finished())
            continue;
        std::lock_guard jobLock(job->mutex);
        if (job->deadlineMs > 0 && now >= job->deadlineMs)
            expired.push_back(job);
    }
    for (const auto &job : expired) {
        const qint64 limit = job->deadlineMs - job->startedMs;
        failJob(job, QStringLiteral("timed out after %1 s").arg(double(limit) / 1000.0), nullptr);
    }
    if (now - m_lastRetentionMs >= 1000) {
        m_lastRetentionMs = now;
        applyRetention();
    }
}

void EngineCore::drainMetrics()
{
    const std::vector<Event> batch = m_metricsFeed->takeAll();
    if (!batch.empty())
        m_metrics.consume(batch);
    const qint64 now = nowMs();
    if (now - m_lastRollupMs < rollupCheckMs)
        return;
    m_lastRollupMs = now;
    std::vector<MetricsRollup> rollups = m_metrics.takeRollups(now);
    EnginePersistence *persistence = m_persistencePtr.load();
    if (persistence && !rollups.empty() && !persistence->suspended())
        persistence->journal().appendRollups(std::move(rollups));
}

JobId EngineCore::newJobId()
{
    return JobId(m_instance | (m_jobCounter.fetch_add(1) + 1));
}

void EngineCore::insertJob(const std::shared_ptr<JobState> &job)
{
    m_jobs.insert(job);
}

std::vector<std::shared_ptr<JobState>> EngineCore::liveJobs() const
{
    std::vector<std::shared_ptr<JobState>> live;
    for (const auto &job : m_jobs.all()) {
        if (!job->finished())
            live.push_back(job);
    }
    return live;
}

std::vector<ActivationPtr> EngineCore::queuedActivations(const JobState &job)
{
    const auto mine = [&job](const Activation &a) { return a.job.get() == &job; };
    std::vector<ActivationPtr> queued = m_poolQueue->copyIf(mine);
    std::lock_guard lock(m_agentsMutex);
    for (const auto &queue : m_namedQueues) {
        std::vector<ActivationPtr> more = queue->copyIf(mine);
        queued.insert(queued.end(), more.begin(), more.end());
    }
    return queued;
}

Checkpointer *EngineCore::checkpointer() const
{
    EnginePersistence *persistence = m_persistencePtr.load();
    return persistence && !persistence->suspended() ? &persistence->checkpointer() : nullptr;
}

void EngineCore::recordJob(const JobState &job)
{
    if (EnginePersistence *persistence = m_persistencePtr.load())
        persistence->recordJob(job);
}

Status EngineCore::openJournal(const QString &path, int retentionDays)
{
    std::lock_guard lock(m_persistenceMutex);
    if (m_persistence)
        return Status::conflict(
            QStringLiteral("a journal is open already: %1").arg(m_persistence->journal().path()));
    QString error;
    m_persistence = EnginePersistence::open(this, path, retentionDays, &error);
    if (!m_persistence)
        return Status::invalid(error);
    // Activations resumed from the journal keep their ids: new ones start above them.
    const quint64 floor = m_persistence->journal().maxActivationId();
    quint64 current = m_activationIds.load();
    while (current < floor && !m_activationIds.compare_exchange_weak(current, floor)) {
    }
    m_persistence->journal().attach(&m_bus);
    m_persistencePtr = m_persistence.get();
    return Status::success();
}

} // namespace flowscope::Internal
