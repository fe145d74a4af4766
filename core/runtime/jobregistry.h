#pragma once

#include "runtime/jobinfo.h"

#include <QHash>
#include <QVector>

#include <deque>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <vector>

namespace flowscope::Internal {

class JobState;

// The engine's jobs by id, with what clients need to follow them: snapshots, changes since a
// version, and the jobs that retention removed.
class JobRegistry
{
public:
    void insert(const std::shared_ptr<JobState> &job);
    std::shared_ptr<JobState> find(JobId id) const;
    std::vector<std::shared_ptr<JobState>> all() const;
    QVector<JobInfo> snapshots() const; // oldest first
    QVector<JobInfo> changedSince(quint64 version) const;

    // Removes finished jobs beyond maxFinished (oldest first) or finished before cutoffMs; each
    // removal is recorded with a version from nextVersion so that clients hear of it.
    // Returns the ids removed.
    QVector<JobId> removeFinished(int maxFinished, qint64 cutoffMs,
                                  const std::function<quint64()> &nextVersion);

private:
    static constexpr size_t removedMemory = 10000;

    mutable std::shared_mutex m_lock;
    QHash<JobId, std::shared_ptr<JobState>> m_jobs;
    std::deque<std::pair<quint64, JobId>> m_removed; // (version, id)
};

} // namespace flowscope::Internal
