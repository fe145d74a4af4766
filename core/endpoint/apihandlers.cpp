#include "apihandlers.h"

#include "jsonshapes.h"
#include "requestparsing.h"
#include "runtime/engine.h"
#include "runtime/routineregistry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace flowscope {

namespace {

std::optional<JobInfo> findJob(const Engine &engine, const QString &text, JobId *id)
{
    if (!ApiHandlers::parseJobId(text, id))
        return std::nullopt;
    return engine.job(*id);
}

} // namespace

QByteArray ApiReply::text() const
{
    return json.isEmpty() ? QJsonDocument(body).toJson(QJsonDocument::Compact) : json;
}

QJsonObject ApiReply::object() const
{
    return json.isEmpty() ? body : QJsonDocument::fromJson(json).object();
}

ApiHandlers::ApiHandlers(Engine *engine)
    : m_engine(engine)
{}

ApiReply ApiHandlers::health() const
{
    const qint64 uptimeMs = QDateTime::currentMSecsSinceEpoch() - m_engine->startedMs();
    return {200,
            {{QStringLiteral("status"), QStringLiteral("healthy")},
             {QStringLiteral("version"), QStringLiteral(FLOWSCOPE_VERSION)},
             {QStringLiteral("uptime_s"), double(std::max<qint64>(0, uptimeMs)) / 1000.0}}};
}

ApiReply ApiHandlers::flows() const
{
    QJsonArray list;
    const QVector<FlowDefinition> all = m_engine->flows();
    for (const FlowDefinition &definition : all)
        list.append(EndpointJson::flow(definition));
    return {200, {{QStringLiteral("flows"), list}, {QStringLiteral("total"), list.size()}}};
}

ApiReply ApiHandlers::flow(const QString &flowId) const
{
    const std::optional<FlowDefinition> definition = m_engine->flow(flowId);
    if (!definition)
        return error(404, QStringLiteral("no flow '%1'").arg(flowId));
    return {200, EndpointJson::flow(*definition)};
}

ApiReply ApiHandlers::classes() const
{
    const QJsonArray list = m_engine->registry().toJson();
    return {200, {{QStringLiteral("classes"), list}, {QStringLiteral("total"), list.size()}}};
}

ApiReply ApiHandlers::createJob(const QByteArray &body) const
{
    QJsonObject object;
    JobRequest request;
    RequestError requestError;
    if (!RequestParsing::jsonObjectBody(body, &object, &requestError)
        || !RequestParsing::jobRequest(object, &request, &requestError)) {
        return error(requestError);
    }
    JobId id;
    const Status status = m_engine->startJob(request, &id);
    if (!status.ok())
        return error(status);
    const std::optional<JobInfo> info = m_engine->job(id);
    if (!info) // finished and retired already: unlikely, but answer with what is known
        return {201, {{QStringLiteral("job_id"), id.toString()}}, {}};
    return {201, {}, EndpointJson::jobJson(*info)};
}

ApiReply ApiHandlers::jobs(const QUrlQuery &query) const
{
    JobListQuery parsed;
    RequestError requestError;
    if (!RequestParsing::jobListQuery(query, &parsed, &requestError))
        return error(requestError);

    QVector<JobInfo> matching;
    const QVector<JobInfo> all = m_engine->jobs();
    for (const JobInfo &info : all) {
        if ((parsed.flowId.isEmpty() || info.flowId == parsed.flowId)
            && (!parsed.status || info.status == *parsed.status)) {
            matching.append(info);
        }
    }
    // Newest first, so the first page shows what is happening now; ids break ties.
    std::sort(matching.begin(), matching.end(), [](const JobInfo &a, const JobInfo &b) {
        return a.createdMs != b.createdMs ? a.createdMs > b.createdMs : b.id < a.id;
    });
    QJsonArray page;
    for (qsizetype i = parsed.offset; i < matching.size() && page.size() < parsed.limit; ++i)
        page.append(EndpointJson::job(matching.at(i)));
    return {200,
            {{QStringLiteral("jobs"), page},
             {QStringLiteral("total"), matching.size()},
             {QStringLiteral("limit"), parsed.limit},
             {QStringLiteral("offset"), parsed.offset}}};
}

ApiReply ApiHandlers::job(const QString &jobId) const
{
    JobId id;
    const std::optional<JobInfo> info = findJob(*m_engine, jobId, &id);
    if (!info)
        return error(404, noJob(jobId));
    return {200, {}, EndpointJson::jobJson(*info)};
}

ApiReply ApiHandlers::jobStatus(const QString &jobId) const
{
    JobId id;
    const std::optional<JobInfo> info = findJob(*m_engine, jobId, &id);
    if (!info)
        return error(404, noJob(jobId));
    return {200, EndpointJson::jobStatus(*info)};
}

ApiReply ApiHandlers::controlJob(const QString &jobId, JobAction action) const
{
    JobId id;
    if (!findJob(*m_engine, jobId, &id))
        return error(404, noJob(jobId));
    Status status;
    switch (action) {
    case JobAction::Pause:
        status = m_engine->pauseJob(id);
        break;
    case JobAction::Resume:
        status = m_engine->resumeJob(id);
        break;
    case JobAction::Cancel:
        status = m_engine->cancelJob(id);
        break;
    }
    if (!status.ok())
        return error(status);
    const std::optional<JobInfo> info = m_engine->job(id);
    if (!info)
        return error(404, noJob(jobId));
    return {200, EndpointJson::job(*info)};
}

ApiReply ApiHandlers::trace(const QString &jobId, const QUrlQuery &query) const
{
    int limit = -1;
    RequestError requestError;
    if (!RequestParsing::traceLimit(query, &limit, &requestError))
        return error(requestError);
    JobId id;
    if (!findJob(*m_engine, jobId, &id))
        return error(404, noJob(jobId));
    // With a limit, the most recent events (still oldest first); total counts all held events.
    const QVector<Event> events = m_engine->trace(id);
    const qsizetype first = limit < 0 ? 0 : std::max<qsizetype>(0, events.size() - limit);
    QJsonArray list;
    for (qsizetype i = first; i < events.size(); ++i)
        list.append(EndpointJson::traceEvent(events.at(i)));
    return {200, {{QStringLiteral("events"), list}, {QStringLiteral("total"), events.size()}}};
}

ApiReply ApiHandlers::error(int httpStatus, const QString &message)
{
    return {httpStatus, EndpointJson::error(httpStatus, message)};
}

bool ApiHandlers::parseJobId(const QString &text, JobId *id)
{
    bool ok = false;
    *id = JobId::fromString(text, &ok);
    return ok && !id->isNull();
}

QString ApiHandlers::noJob(const QString &text)
{
    return QStringLiteral("no job '%1'").arg(text);
}

RawReply ApiHandlers::rawError(int httpStatus, const QString &message)
{
    return {httpStatus, QByteArrayLiteral("application/json"),
            QJsonDocument(EndpointJson::error(httpStatus, message)).toJson(QJsonDocument::Compact)};
}

ApiReply ApiHandlers::error(const RequestError &requestError)
{
    return error(requestError.httpStatus, requestError.message);
}

ApiReply ApiHandlers::error(const Status &status)
{
    switch (status.kind) {
    case Status::Kind::NotFound:
        return error(404, status.message);
    case Status::Kind::Conflict:
        return error(409, status.message);
    case Status::Kind::Invalid:
    case Status::Kind::Ok:
        break;
    }
    return error(400, status.message);
}

} // namespace flowscope
