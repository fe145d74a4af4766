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

    // The debugger's view (docs/debugging.md). Guarded by mutex.
    std::shared_ptr<Activation> stop; // the activation the job stopped before
    QString stopReason;               // "breakpoint", "step", "pause"
    QString stopBreakpoint;
    QString pendingReason = QStringLiteral("pause"); // for the next stop chosen at a park
    QString pendingBreakpoint;
    quint64 pendingParent = 0;  // when set, only a child of this activation becomes the stop
    int stepMode = 0;           // a StepMode while stepping
    quint64 stepSubject = 0;    // the activation stepped from
    quint64 stepRoot = 0;       // whose subtree may run (Over: the subject; Out: its caller)
    quint32 stepGeneration = 0; // grows with every step, so stale counts are ignored
    quint64 stepLive = 0;       // activations of this step queued or running
    quint64 stepChildren = 0;   // Into: children the stepped activation created

    // Lock-free views for the hot path.
    std::atomic<quint8> statusFlag{quint8(JobStatus::Pending)};
    std::atomic<quint64> outstanding{0}; // queued, running or parked activations
    std::atomic<quint64> done{0};
    // Breakpoints apply, or a debugger stopped it: new activations keep their caller chains.
    std::atomic<bool> debugging{false};
    std::atomic<bool> stepping{false};

    // Checkpoints (docs/persistence.md): set at creation when the engine keeps a journal.
    bool checkpointed = false;
    std::atomic<int> running{0};      // activations past admission, inside their handler
    std::atomic<bool> holding{false}; // a checkpoint is being taken: new activations wait
    // Guarded by mutex.
    std::vector<std::shared_ptr<Activation>> held;    // arrived while holding
    std::vector<std::shared_ptr<Activation>> waiting; // handlers blocked in Context::checkpoint()
    quint64 checkpointedDone = 0;                     // done count at the last checkpoint
    quint64 lastCheckpoint = 0;
    JobId forkedFrom;
    quint64 forkedCheckpoint = 0;

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
