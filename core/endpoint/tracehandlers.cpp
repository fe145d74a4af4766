#include "tracehandlers.h"

#include "endpointrouter.h"
#include "jsonshapes.h"
#include "runtime/engine.h"
#include "trace/chrometrace.h"
#include "trace/jobtracesource.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace flowscope {

namespace {

RawReply asRaw(const ApiReply &reply)
{
    return {reply.httpStatus, QByteArrayLiteral("application/json"), reply.text()};
}

} // namespace

TraceHandlers::TraceHandlers(Engine *engine)
    : m_engine(engine)
    , m_api(engine)
{}

RawReply TraceHandlers::trace(const QString &jobId, const QUrlQuery &query) const
{
    const QString format = query.queryItemValue(QStringLiteral("format"), QUrl::FullyDecoded);
    if (format.isEmpty() || format == QLatin1String("json"))
        return asRaw(m_api.trace(jobId, query));
    if (format != QLatin1String("chrome")) {
        return asRaw(ApiHandlers::error(
            400, QStringLiteral("format: unknown trace format '%1' (expected json or chrome)")
                     .arg(format)));
    }
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        return asRaw(ApiHandlers::error(
            400, QStringLiteral("limit: applies to the JSON trace only; a Chrome trace holds "
                                "the whole job")));
    }
    bool ok = false;
    const JobId id = JobId::fromString(jobId, &ok);
    std::optional<JobTrace> trace;
    if (ok && !id.isNull())
        trace = JobTraceSource::fromEngine(*m_engine, id);
    if (!trace) {
        return asRaw(ApiHandlers::error(
            404, QStringLiteral("no job '%1' in the engine or its journal").arg(jobId)));
    }
    return {200, ChromeTrace::contentType(), ChromeTrace::toJson(trace->events, trace->info)};
}

void TraceHandlers::addRoutes(EndpointRouter &router) const
{
    router.routeRaw(QHttpServerRequest::Method::Get, QStringLiteral("/api/jobs/<arg>/trace"),
                    AccessRole::Read, [this](const QString &id, EndpointRouter::Request request) {
                        return trace(id, request.query());
                    });
}

} // namespace flowscope
