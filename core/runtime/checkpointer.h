#pragma once

#include "journal/jobcheckpoint.h"

#include <QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace flowscope {
class Journal;
}

namespace flowscope::Internal {

class Activation;
class EngineCore;
class JobState;

// Takes job checkpoints for the journal at consistent points: while one is taken the job's new
// activations wait (hold), and the state is read once none of its handlers is running (handlers
// waiting in Context::checkpoint() for a paused job count as pending and run again from their
// start after a restore). Runs in its own thread, so waiting for a long handler never delays the
// engine thread; also checkpoints running jobs periodically, and applies the journal's retention
// at start and hourly.
class Checkpointer
{
public:
    Checkpointer(EngineCore *core, Journal *journal, int intervalMs);
    ~Checkpointer(); // stops the thread; a job being held is released

    // Asynchronous: at the next consistent point (pause, breakpoint).
    void request(const std::shared_ptr<JobState> &job, const QString &reason);
    // Synchronous; 0 when the job is finished or no consistent point came within timeoutMs.
    quint64 take(const std::shared_ptr<JobState> &job, const QString &reason, int timeoutMs);
    // For a job that has just finished (its handlers are done or discarded), with the
    // activations that were parked when it ended. Call without the job's lock.
    void saveFinished(JobState &job, const QString &reason,
                      const std::vector<std::shared_ptr<Activation>> &parked);

    // A new job's first checkpoint, holding its entry activation: a job killed before its first
    // periodic checkpoint can still be resumed.
    void saveStart(JobState &job, const std::shared_ptr<Activation> &entry);

    // From an agent: true when the activation was held (a checkpoint is being taken).
    bool hold(const std::shared_ptr<Activation> &activation);

    // The state of a job under its lock, as a checkpoint (not yet saved).
    static JobCheckpoint capture(const JobState &job, const QString &reason,
                                 std::vector<std::shared_ptr<Activation>> pending);

private:
    void run();
    void takeDue(); // periodic: running jobs that progressed since their last checkpoint
    quint64 save(JobCheckpoint checkpoint, JobState &job);

    EngineCore *m_core;
    Journal *m_journal;
    const int m_intervalMs;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::pair<std::weak_ptr<JobState>, QString>> m_requests;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace flowscope::Internal
