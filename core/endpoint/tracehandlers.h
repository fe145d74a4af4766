#pragma once

#include "apihandlers.h"

#include <QString>

class QUrlQuery;

namespace flowscope {

class Engine;
class EndpointRouter;

// GET /api/jobs/{id}/trace: the Routilux JSON trace of the events still in the engine's history
// (ApiHandlers::trace), or with ?format=chrome the job's Chrome Trace Event JSON (Perfetto,
// chrome://tracing), from the history or, once that has moved on, from the journal.
class TraceHandlers
{
public:
    explicit TraceHandlers(Engine *engine);

    RawReply trace(const QString &jobId, const QUrlQuery &query) const;
    // GET /api/jobs/<arg>/trace for readers; the handlers must outlive the router's server.
    void addRoutes(EndpointRouter &router) const;

private:
    Engine *m_engine;
    ApiHandlers m_api;
};

} // namespace flowscope
