#include "runtime/checkpointer.h"

#include "journal/journal.h"
#include "runtime/activation.h"
#include "runtime/enginecore.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"

#include <QDateTime>

#include <algorithm>

#include <pthread.h>

namespace flowscope::Internal {

Checkpointer::Checkpointer(EngineCore *core, Journal *journal, int intervalMs)
    : m_core(core)
    , m_journal(journal)
    , m_intervalMs(std::max(10, intervalMs))
{
    m_thread = std::thread([this] {
        pthread_setname_np(pthread_self(), "flowscope-ckpt");
        run();
    });
}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_wake.notify_all();
    }
    m_thread.join();
}

void Checkpointer::request(const std::shared_ptr<JobState> &job, const QString &reason)
{
    std::lock_guard lock(m_mutex);
    m_requests.emplace_back(job, reason);
    m_wake.notify_all();
}

void Checkpointer::run()
{
    // The journal's retention runs here too: at start, then hourly.
    constexpr auto retentionPeriod = std::chrono::hours(1);
    auto nextRetention = std::chrono::steady_clock::now();
    auto nextPeriodic = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_intervalMs);
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_until(lock, nextPeriodic, [this] { return m_stopping || !m_requests.empty(); });
        if (m_stopping)
            break;
        while (!m_requests.empty()) {
            auto [weak, reason] = std::move(m_requests.front());
            m_requests.pop_front();
            lock.unlock();
            if (const std::shared_ptr<JobState> job = weak.lock())
                take(job, reason, 5000);
            lock.lock();
        }
        if (std::chrono::steady_clock::now() >= nextRetention) {
            lock.unlock();
            m_journal->applyRetention(QDateTime::currentMSecsSinceEpoch());
            lock.lock();
            nextRetention = std::chrono::steady_clock::now() + retentionPeriod;
        }
        if (std::chrono::steady_clock::now() >= nextPeriodic) {
            lock.unlock();
            takeDue();
            lock.lock();
            nextPeriodic
                = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_intervalMs);
        }
    }
}

void Checkpointer::takeDue()
{
    for (const std::shared_ptr<JobState> &job : m_core->liveJobs()) {
        if (!job->checkpointed || job->currentStatus() != JobStatus::Running)
            continue;
        if (job->done.load(std::memory_order_relaxed) == job->checkpointedDone)
            continue; // nothing ran since the last one
        take(job, QStringLiteral("periodic"), m_intervalMs);
    }
}

bool Checkpointer::hold(const std::shared_ptr<Activation> &activation)
{
    JobState &job = *activation->job;
    std::lock_guard lock(job.mutex);
    if (!job.holding.load())
        return false;
    job.held.push_back(activation);
    return true;
}

quint64 Checkpointer::take(const std::shared_ptr<JobState> &job, const QString &reason,
                           int timeoutMs)
{
    if (!job->checkpointed || job->finished())
        return 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    job->holding.store(true);
    std::vector<std::shared_ptr<Activation>> release;
    std::optional<JobCheckpoint> checkpoint;
    for (;;) {
        std::unique_lock lock(job->mutex);
        if (job->status == JobStatus::Completed || job->status == JobStatus::Failed
            || job->status == JobStatus::Cancelled)
            break;
        // Consistent when no handler runs (except those waiting in checkpoint()) and every
        // outstanding activation is accounted for: none is between a queue and an agent.
        const int waiting = int(job->waiting.size());
        if (job->running.load() == waiting) {
            std::vector<std::shared_ptr<Activation>> pending = m_core->queuedActivations(*job);
            pending.insert(pending.end(), job->held.begin(), job->held.end());
            pending.insert(pending.end(), job->parked.begin(), job->parked.end());
            if (job->stop)
                pending.push_back(job->stop);
            pending.insert(pending.end(), job->waiting.begin(), job->waiting.end());
            if (pending.size() == job->outstanding.load()) {
                checkpoint = capture(*job, reason, std::move(pending));
                job->checkpointedDone = job->done.load();
                job->holding.store(false);
                release.swap(job->held);
                break;
            }
        }
        if (std::chrono::steady_clock::now() >= deadline)
            break;
        job->changed.wait_for(lock, std::chrono::milliseconds(1));
    }
    if (!checkpoint) {
        std::lock_guard lock(job->mutex);
        job->holding.store(false);
        release.swap(job->held);
    }
    for (std::shared_ptr<Activation> &a : release)
        m_core->enqueue(std::move(a), nullptr);
    return checkpoint ? save(std::move(*checkpoint), *job) : 0;
}

void Checkpointer::saveFinished(JobState &job, const QString &reason,
                                const std::vector<std::shared_ptr<Activation>> &parked)
{
    if (!job.checkpointed)
        return;
    JobCheckpoint checkpoint;
    {
        std::lock_guard lock(job.mutex);
        checkpoint = capture(job, reason, parked);
    }
    save(std::move(checkpoint), job);
}

void Checkpointer::saveStart(JobState &job, const std::shared_ptr<Activation> &entry)
{
    JobCheckpoint first;
    {
        std::lock_guard lock(job.mutex);
        first = capture(job, QStringLiteral("start"), {entry});
    }
    save(std::move(first), job);
}

quint64 Checkpointer::save(JobCheckpoint checkpoint, JobState &job)
{
    checkpoint.lastSeq = m_core->bus().lastSequence();
    m_journal->saveCheckpoint(&checkpoint);
    {
        std::lock_guard lock(job.mutex);
        job.lastCheckpoint = checkpoint.id;
    }
    m_core->recordJob(job);
    return checkpoint.id;
}

JobCheckpoint Checkpointer::capture(const JobState &job, const QString &reason,
                                    std::vector<std::shared_ptr<Activation>> pending)
{
    std::sort(pending.begin(), pending.end(),
              [](const auto &a, const auto &b) { return a->id < b->id; });
    JobCheckpoint c;
    c.job = job.id;
    c.flowId = job.flow->definition.flowId;
    c.timeMs = QDateTime::currentMSecsSinceEpoch();
    c.reason = reason;
    c.status = job.status;
    c.progress = job.progress;
    c.entryRoutine = job.entryRoutine;
    c.entrySlot = job.entrySlot;
    c.params = job.params;
    c.variables = job.variables;
    for (size_t i = 0; i < job.routineVariables.size(); ++i) {
        if (!job.routineVariables[i].isEmpty())
            c.routineVariables.insert(job.flow->nodes[i].id, job.routineVariables[i]);
    }
    for (const auto &a : pending) {
        c.pending.push_back(
            {a->id, a->parent, job.flow->nodes[size_t(a->routine)].id, a->slot, a->data});
    }
    c.activationsDone = job.done.load();
    return c;
}

} // namespace flowscope::Internal
