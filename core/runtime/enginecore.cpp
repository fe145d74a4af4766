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

namespace flowscope::Internal {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr int housekeepingIntervalMs = 100;
constexpr int metricsIntervalMs = 50;

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
    , m_flows(registry,
              [this](const QString &agent) {
                  return agent.isEmpty() ? m_agents.poolQueue() : m_agents.agentFor(agent)->queue();
              })
    , m_controlSink(m_bus.createSink())
{
    m_health = std::make_unique<EngineHealth>(this, healthPolicy(cfg));
    m_bus.setEnabled(cfg.monitoring);
    m_health->monitor().setProbe([this](const QString &name) {
        const std::optional<AgentLiveness> external = m_external.liveness(name);
        return external ? *external : m_agents.liveness(name);
    });
    m_agents.startWorkers(std::max(1, cfg.workers));
    std::vector<EngineThread::Task> tasks{
        {[this] { housekeep(); }, housekeepingIntervalMs},
        {[this] { m_metricsFeed.drain(nowMs()); }, metricsIntervalMs}};
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

QObject *EngineCore::threadContext() const
{
    return m_thread->context();
}

EngineCore::~EngineCore()
{
    if (EnginePersistence *persistence = m_persistence.get()) {
        m_metricsFeed.flushAll();
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
    m_agents.shutdown();
    m_controlSink->flush();
    m_persistence.close();
}

void EngineCore::touch(JobState &job)
{
    job.version = m_version.fetch_add(1) + 1;
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
    EnginePersistence *persistence = m_persistence.get();
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
    m_external.jobPaused(id);
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
    m_external.jobResumed(id);
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
        m_agents.interruptScripts(job->id);
        m_external.jobEnded(job->id, status);
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
    return m_agents.infos() + m_external.agentInfos();
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

void EngineCore::raiseActivationIds(quint64 floor)
{
    quint64 current = m_activationIds.load();
    while (current < floor && !m_activationIds.compare_exchange_weak(current, floor)) {
    }
}

} // namespace flowscope::Internal
