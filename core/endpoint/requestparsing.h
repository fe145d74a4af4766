#pragma once

#include "runtime/engine.h"
#include "runtime/jobinfo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

class QUrlQuery;

namespace flowscope {

// What a client got wrong: the HTTP status to answer and a message naming the field.
struct RequestError
{
    int httpStatus = 400;
    QString message;
};

// Query of GET /api/jobs.
struct JobListQuery
{
    static constexpr int defaultLimit = 100;
    static constexpr int maxLimit = 1000;

    QString flowId;                  // empty: every flow
    std::optional<JobStatus> status; // none: every status
    int limit = defaultLimit;
    int offset = 0;
};

// Request parsing and validation, apart from the handlers so each rule is written once and the
// messages stay uniform ("<field>: <what is expected>").
namespace RequestParsing {

constexpr qsizetype maxBodyBytes = 1024 * 1024;

// The body as a JSON object; 413 over maxBodyBytes, 400 for anything but an object.
// Field helpers shared by the request parsers: fail() sets the error and returns false;
// optionalString leaves *out untouched when the field is absent or null.
bool fail(RequestError *error, const QString &message, int status = 400);
bool optionalString(const QJsonObject &body, const QString &key, QString *out, RequestError *error);
// An integer query item from min to max; absent leaves *out untouched.
bool queryInt(const QUrlQuery &query, const QString &key, int min, int max, int *out,
              RequestError *error);

bool jsonObjectBody(const QByteArray &body, QJsonObject *object, RequestError *error);
// POST /api/jobs: {flow_id, entry_routine_id?, entry_slot?, entry_params?, timeout?}
bool jobRequest(const QJsonObject &body, JobRequest *request, RequestError *error);
bool jobListQuery(const QUrlQuery &query, JobListQuery *result, RequestError *error);
// ?limit= of the trace: absent means all (-1).
bool traceLimit(const QUrlQuery &query, int *limit, RequestError *error);

} // namespace RequestParsing
} // namespace flowscope
