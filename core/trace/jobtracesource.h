#pragma once

#include "trace/chrometrace.h"

#include <optional>

namespace flowscope {

class Engine;
class Journal;

// A job's events for a trace, with the alerts of the agents that ran it while it ran.
struct JobTrace
{
    ChromeTraceInfo info;
    QVector<Event> events;
};

// Where a job's events are found: the engine's in-memory history while it holds the job's start,
// else the engine's journal, which keeps them after the history has moved on, across restarts,
// and for jobs the engine has forgotten.
class JobTraceSource
{
public:
    // nullopt when neither the engine nor its journal knows the job.
    static std::optional<JobTrace> fromEngine(const Engine &engine, JobId job);
    static std::optional<JobTrace> fromJournal(const Journal &journal, JobId job);
};

} // namespace flowscope
