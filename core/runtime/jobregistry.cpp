#include "runtime/jobregistry.h"

#include "runtime/jobstate.h"

#include <algorithm>
#include <mutex>

namespace flowscope::Internal {

void JobRegistry::insert(const std::shared_ptr<JobState> &job)
{
    std::unique_lock lock(m_lock);
    m_jobs.insert(job->id, job);
}

std::shared_ptr<JobState> JobRegistry::find(JobId id) const
{
    std::shared_lock lock(m_lock);
    return m_jobs.value(id);
}

std::vector<std::shared_ptr<JobState>> JobRegistry::all() const
{
    std::shared_lock lock(m_lock);
    return std::vector<std::shared_ptr<JobState>>(m_jobs.cbegin(), m_jobs.cend());
}

QVector<JobInfo> JobRegistry::snapshots() const
{
    QVector<JobInfo> list;
    for (const auto &job : all()) {
        std::lock_guard lock(job->mutex);
        list.push_back(job->snapshot());
    }
    std::sort(list.begin(), list.end(), [](const JobInfo &a, const JobInfo &b) {
        return a.createdMs != b.createdMs ? a.createdMs < b.createdMs : a.id < b.id;
    });
    return list;
}

QVector<JobInfo> JobRegistry::changedSince(quint64 version) const
{
    QVector<JobInfo> changed;
    std::shared_lock lock(m_lock);
    for (const auto &job : m_jobs) {
        std::lock_guard jobLock(job->mutex);
        if (job->version > version)
            changed.push_back(job->snapshot());
    }
    for (const auto &[removedVersion, id] : m_removed) {
        if (removedVersion > version) {
            JobInfo info;
            info.id = id;
            info.removed = true;
            info.version = removedVersion;
            changed.push_back(info);
        }
    }
    return changed;
}

QVector<JobId> JobRegistry::removeFinished(int maxFinished, qint64 cutoffMs,
                                           const std::function<quint64()> &nextVersion)
{
    QVector<JobId> removed;
    std::unique_lock lock(m_lock);
    std::vector<std::pair<qint64, JobId>> finished;
    for (const auto &job : m_jobs) {
        if (job->finished()) {
            std::lock_guard jobLock(job->mutex);
            finished.emplace_back(job->finishedMs, job->id);
        }
    }
    std::sort(finished.begin(), finished.end());
    const size_t keep = size_t(std::max(0, maxFinished));
    const size_t excess = finished.size() > keep ? finished.size() - keep : 0;
    for (size_t i = 0; i < finished.size(); ++i) {
        if (i < excess || finished[i].first < cutoffMs) {
            m_jobs.remove(finished[i].second);
            m_removed.emplace_back(nextVersion(), finished[i].second);
            removed.push_back(finished[i].second);
        }
    }
    while (m_removed.size() > removedMemory)
        m_removed.pop_front();
    return removed;
}

} // namespace flowscope::Internal
