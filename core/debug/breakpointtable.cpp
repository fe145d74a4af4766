#include "debug/breakpointtable.h"

#include "debug/expression.h"

#include <algorithm>

namespace flowscope {

Status BreakpointTable::add(Breakpoint *breakpoint)
{
    QString error;
    if (!HitCondition::parse(breakpoint->hitCondition, &error))
        return Status::invalid(error);
    if (!breakpoint->condition.trimmed().isEmpty()
        && !Expression::check(breakpoint->condition, &error))
        return Status::invalid(QStringLiteral("condition does not compile: %1").arg(error));
    if (breakpoint->kind != Breakpoint::Kind::Routine && breakpoint->port.isEmpty())
        return Status::invalid(QStringLiteral("a %1 breakpoint needs a %1 name")
                                   .arg(breakpointKindName(breakpoint->kind)));
    std::lock_guard lock(m_mutex);
    breakpoint->id = QStringLiteral("bp-%1").arg(++m_nextId);
    breakpoint->hits = 0;
    breakpoint->lastError.clear();
    m_breakpoints.push_back(*breakpoint);
    recount();
    return Status::success();
}

Status BreakpointTable::remove(const QString &id)
{
    std::lock_guard lock(m_mutex);
    for (int i = 0; i < m_breakpoints.size(); ++i) {
        if (m_breakpoints[i].id == id) {
            m_breakpoints.remove(i);
            recount();
            return Status::success();
        }
    }
    return Status::notFound(QStringLiteral("no breakpoint '%1'").arg(id));
}

Status BreakpointTable::setEnabled(const QString &id, bool enabled)
{
    std::lock_guard lock(m_mutex);
    for (Breakpoint &bp : m_breakpoints) {
        if (bp.id == id) {
            bp.enabled = enabled;
            recount();
            return Status::success();
        }
    }
    return Status::notFound(QStringLiteral("no breakpoint '%1'").arg(id));
}

quint64 BreakpointTable::countHit(const QString &id)
{
    std::lock_guard lock(m_mutex);
    for (Breakpoint &bp : m_breakpoints) {
        if (bp.id == id)
            return ++bp.hits;
    }
    return 0;
}

void BreakpointTable::setLastError(const QString &id, const QString &error)
{
    std::lock_guard lock(m_mutex);
    for (Breakpoint &bp : m_breakpoints) {
        if (bp.id == id)
            bp.lastError = error;
    }
}

std::optional<Breakpoint> BreakpointTable::find(const QString &id) const
{
    std::lock_guard lock(m_mutex);
    for (const Breakpoint &bp : m_breakpoints) {
        if (bp.id == id)
            return bp;
    }
    return std::nullopt;
}

QVector<Breakpoint> BreakpointTable::all() const
{
    std::lock_guard lock(m_mutex);
    return m_breakpoints;
}

QVector<Breakpoint> BreakpointTable::forJob(JobId job, const QString &flowId) const
{
    std::lock_guard lock(m_mutex);
    QVector<Breakpoint> list;
    for (const Breakpoint &bp : m_breakpoints) {
        if (bp.job.isNull() ? bp.flowId == flowId : bp.job == job)
            list.push_back(bp);
    }
    return list;
}

QVector<Breakpoint> BreakpointTable::forFlow(const QString &flowId) const
{
    std::lock_guard lock(m_mutex);
    QVector<Breakpoint> list;
    for (const Breakpoint &bp : m_breakpoints) {
        if (bp.job.isNull() && bp.flowId == flowId)
            list.push_back(bp);
    }
    return list;
}

bool BreakpointTable::anyFor(JobId job, const QString &flowId) const
{
    std::lock_guard lock(m_mutex);
    for (const Breakpoint &bp : m_breakpoints) {
        if (bp.job.isNull() ? bp.flowId == flowId : bp.job == job)
            return true;
    }
    return false;
}

QVector<Breakpoint> BreakpointTable::matching(JobId job, const QString &flowId,
                                              const QString &routine, Breakpoint::Kind reached,
                                              const QString &port) const
{
    std::lock_guard lock(m_mutex);
    QVector<Breakpoint> list;
    for (const Breakpoint &bp : m_breakpoints) {
        if (!bp.enabled || bp.routine != routine)
            continue;
        if (!(bp.job.isNull() ? bp.flowId == flowId : bp.job == job))
            continue;
        const bool here = reached == Breakpoint::Kind::Event
                              ? bp.kind == Breakpoint::Kind::Event && bp.port == port
                              : bp.kind == Breakpoint::Kind::Routine
                                    || (bp.kind == Breakpoint::Kind::Slot && bp.port == port);
        if (here)
            list.push_back(bp);
    }
    return list;
}

void BreakpointTable::forgetJob(JobId job)
{
    std::lock_guard lock(m_mutex);
    m_breakpoints.erase(std::remove_if(m_breakpoints.begin(), m_breakpoints.end(),
                                       [job](const Breakpoint &bp) { return bp.job == job; }),
                        m_breakpoints.end());
    recount();
}

void BreakpointTable::recount()
{
    int enabled = 0;
    for (const Breakpoint &bp : m_breakpoints)
        enabled += bp.enabled ? 1 : 0;
    m_enabled.store(enabled, std::memory_order_relaxed);
}

} // namespace flowscope
