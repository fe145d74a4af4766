#pragma once

#include "apihandlers.h"

class QUrlQuery;

namespace flowscope {

class Engine;

// A job's full state and its log, free of any HTTP server type.
class JobStateHandlers
{
public:
    // Entries of execution_history in a state answer: the most recent ones.
    static constexpr int historyShown = 100;

    explicit JobStateHandlers(Engine *engine);

    // GET /api/jobs/{id}/state: the job, routine_states, pending_activations (the activations
    // still to run and where each waits), the debugger's stop and the recent execution_history.
    ApiReply jobState(const QString &jobId) const;
    // GET /api/jobs/{id}/logs?limit=&offset=&level=: {job_id, logs, total, limit, offset},
    // oldest first, from the events still in history.
    ApiReply jobLogs(const QString &jobId, const QUrlQuery &query) const;

private:
    Engine *m_engine;
};

} // namespace flowscope
