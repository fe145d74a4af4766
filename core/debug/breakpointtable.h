#pragma once

#include "debug/breakpoint.h"
#include "runtime/result.h"

#include <QVector>

#include <atomic>
#include <mutex>

namespace flowscope {

// The engine's breakpoints. Checking costs one atomic load while none are enabled; otherwise a
// lock and a scan (there are few breakpoints, and only their matches are copied out).
class BreakpointTable
{
public:
    bool armed() const { return m_enabled.load(std::memory_order_relaxed) > 0; }

    // Assigns the id; refuses a bad hit condition or a condition that does not compile.
    Status add(Breakpoint *breakpoint);
    Status remove(const QString &id);
    Status setEnabled(const QString &id, bool enabled);
    // Counts a hit (the location reached, the condition true) and returns the new count.
    quint64 countHit(const QString &id);
    void setLastError(const QString &id, const QString &error);

    std::optional<Breakpoint> find(const QString &id) const;
    QVector<Breakpoint> all() const;
    // A job's breakpoints and those of its flow.
    QVector<Breakpoint> forJob(JobId job, const QString &flowId) const;
    // Breakpoints of the flow that apply to every job.
    QVector<Breakpoint> forFlow(const QString &flowId) const;
    bool anyFor(JobId job, const QString &flowId) const;
    // Enabled breakpoints at a location (kind and port as reached: Kind::Slot also matches
    // routine breakpoints; Kind::Event only event ones).
    QVector<Breakpoint> matching(JobId job, const QString &flowId, const QString &routine,
                                 Breakpoint::Kind reached, const QString &port) const;
    // Drops the breakpoints scoped to a job that left memory.
    void forgetJob(JobId job);

private:
    void recount(); // with m_mutex held

    mutable std::mutex m_mutex;
    QVector<Breakpoint> m_breakpoints;
    quint64 m_nextId = 0;
    std::atomic<int> m_enabled{0};
};

} // namespace flowscope
