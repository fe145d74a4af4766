#pragma once

#include "runtime/jobid.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

class QUrlQuery;

namespace flowscope {

class Engine;
struct Status;
struct RequestError;

// An answer before it becomes HTTP: status code and JSON body.
struct ApiReply
{
    int httpStatus = 200;
    QJsonObject body;
    // Instead of body, the answer already written as compact JSON text: the routes that answer
    // with one job write it directly (EndpointJson::jobJson), the hot path of POST /api/jobs.
    QByteArray json = {};

    // The answer as compact JSON text, and as an object, whichever way it was made.
    QByteArray text() const;
    QJsonObject object() const;
};

// A reply with a body that is not JSON (Prometheus text, reports, exports).
struct RawReply
{
    int httpStatus = 200;
    QByteArray contentType;
    QByteArray body;
};

// The REST routes' logic, free of any HTTP server type: each takes the decoded path argument,
// query or body and calls the thread-safe Engine API (every call is short).
class ApiHandlers
{
public:
    enum class JobAction { Pause, Resume, Cancel };

    explicit ApiHandlers(Engine *engine);

    ApiReply health() const;
    ApiReply flows() const;
    ApiReply flow(const QString &flowId) const;
    ApiReply classes() const;

    ApiReply createJob(const QByteArray &body) const;
    ApiReply jobs(const QUrlQuery &query) const;
    ApiReply job(const QString &jobId) const;
    ApiReply jobStatus(const QString &jobId) const;
    ApiReply controlJob(const QString &jobId, JobAction action) const;
    ApiReply trace(const QString &jobId, const QUrlQuery &query) const;

    // A malformed id cannot name a job: callers answer it with the 404 of an unknown one.
    static bool parseJobId(const QString &text, JobId *id);
    static QString noJob(const QString &text);

    static ApiReply error(int httpStatus, const QString &message);
    static ApiReply error(const RequestError &requestError);
    // Maps an engine Status onto 404 / 400 / 409.
    static ApiReply error(const Status &status);
    // The same envelope for routes whose success is not JSON.
    static RawReply rawError(int httpStatus, const QString &message);

private:
    Engine *m_engine;
};

} // namespace flowscope
