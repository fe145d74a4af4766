#pragma once

#include "runtime/jobinfo.h"

#include <QVariantMap>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace flowscope::Internal {

class Activation;
struct FlowRuntime;

// The live state of one job. Status changes go through EngineCore, which emits the events.
class JobState
{
public:
    JobState(JobId id, std::shared_ptr<const FlowRuntime> flow);
    ~JobState();

    const JobId id;
    const std::shared_ptr<const FlowRuntime> flow;

    mutable std::mutex mutex;
    std::condition_variable changed; // status changes: wakes checkpoint() and waitForJob()

    // Guarded by mutex.
    JobStatus status = JobStatus::Pending;
    double progress = 0;
    QString error;
    QString entryRoutine;
    QString entrySlot;
    QVariantMap params;
    QVariantMap variables;
    std::vector<QVariantMap> routineVariables;       // by routine index
    std::vector<std::shared_ptr<Activation>> parked; // held while paused
    qint64 createdMs = 0;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    qint64 deadlineMs = 0; // 0: no timeout
    quint64 version = 0;
    bool settled = false; // finished and its final events published

    // Lock-free views for the hot path.
    std::atomic<quint8> statusFlag{quint8(JobStatus::Pending)};
    std::atomic<quint64> outstanding{0}; // queued, running or parked activations
    std::atomic<quint64> done{0};
    std::atomic<bool> debugging{
        false}; // breakpoints apply or a debugger stopped it: keep call chains

    JobStatus currentStatus() const
    {
        return JobStatus(statusFlag.load(std::memory_order_acquire));
    }
    bool finished() const { return isFinished(currentStatus()); }
    // Call with mutex held.
    void setStatus(JobStatus s)
    {
        status = s;
        statusFlag.store(quint8(s), std::memory_order_release);
    }
    // Call with mutex held.
    JobInfo snapshot() const;
};

} // namespace flowscope::Internal
