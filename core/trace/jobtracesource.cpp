#include "jobtracesource.h"

#include "journal/journal.h"
#include "runtime/engine.h"
#include "trace/jobeventselection.h"

#include <algorithm>
#include <limits>

namespace flowscope {

namespace {

bool holdsStart(const QVector<Event> &events)
{
    return std::any_of(events.cbegin(), events.cend(),
                       [](const Event &e) { return e.type == EventType::JobStarted; });
}

} // namespace

std::optional<JobTrace> JobTraceSource::fromEngine(const Engine &engine, JobId job)
{
    const QVector<Event> history = engine.trace(job);
    // A history without the job's start has lost its beginning (or the job ran before a restart):
    // the journal may know more.
    if (!holdsStart(history)) {
        if (Journal *journal = engine.journal()) {
            journal->flush(); // what the history holds is committed too
            std::optional<JobTrace> journaled = fromJournal(*journal, job);
            if (journaled && journaled->events.size() >= history.size())
                return journaled;
        }
    }
    const std::optional<JobInfo> info = engine.job(job);
    if (history.isEmpty() && !info)
        return std::nullopt;
    JobEventSelection selection(job);
    for (const Event &e : history)
        selection.add(e);
    selection.addAlerts(engine.alerts());
    JobTrace trace;
    trace.info = {job, info ? info->flowId : QString(), QStringLiteral("engine")};
    trace.events = selection.take();
    return trace;
}

std::optional<JobTrace> JobTraceSource::fromJournal(const Journal &journal, JobId job)
{
    constexpr qint64 always = std::numeric_limits<qint64>::max();
    const QVector<Event> events = journal.events(job, -always, always);
    const std::optional<JobRecord> record = journal.job(job);
    if (events.isEmpty() && !record)
        return std::nullopt;
    JobEventSelection selection(job);
    qint64 firstNs = always;
    qint64 lastNs = -always;
    for (const Event &e : events) {
        selection.add(e);
        firstNs = std::min(firstNs, e.timeNs - e.durationNs);
        lastNs = std::max(lastNs, e.timeNs);
    }
    if (!events.isEmpty())
        selection.addAlerts(journal.alerts(firstNs / 1'000'000, lastNs / 1'000'000 + 1));
    JobTrace trace;
    trace.info = {job, record ? record->flowId : QString(), QStringLiteral("journal")};
    trace.events = selection.take();
    return trace;
}

} // namespace flowscope
