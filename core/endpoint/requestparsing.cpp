#include "requestparsing.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>
#include <QUrlQuery>

#include <limits>

namespace flowscope::RequestParsing {

namespace {

// Bounded so that the job's deadline in milliseconds fits a qint64 (as in flow files).
constexpr qint64 maxTimeoutSeconds = 1'000'000'000;

QString statusNames()
{
    QStringList names;
    for (JobStatus s : {JobStatus::Pending, JobStatus::Running, JobStatus::Paused,
                        JobStatus::Completed, JobStatus::Failed, JobStatus::Cancelled}) {
        names.append(jobStatusName(s));
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

bool jsonObjectBody(const QByteArray &body, QJsonObject *object, RequestError *error)
{
    if (body.size() > maxBodyBytes) {
        return fail(error,
                    QStringLiteral("body is %1 bytes, more than the limit of %2 bytes")
                        .arg(body.size())
                        .arg(maxBodyBytes),
                    413);
    }
    if (body.trimmed().isEmpty())
        return fail(error, QStringLiteral("body is empty: expected a JSON object"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(error, QStringLiteral("body is not valid JSON at offset %1: %2")
                               .arg(parseError.offset)
                               .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return fail(error, QStringLiteral("body must be a JSON object"));
    *object = document.object();
    return true;
}

bool jobRequest(const QJsonObject &body, JobRequest *request, RequestError *error)
{
    const QJsonValue flowId = body.value(QStringLiteral("flow_id"));
    if (!flowId.isString() || flowId.toString().isEmpty())
        return fail(error, QStringLiteral("flow_id: required string"));
    request->flowId = flowId.toString();
    if (!optionalString(body, QStringLiteral("entry_routine_id"), &request->entryRoutine, error)
        || !optionalString(body, QStringLiteral("entry_slot"), &request->entrySlot, error)) {
        return false;
    }
    const QJsonValue params = body.value(QStringLiteral("entry_params"));
    if (!params.isUndefined() && !params.isNull()) {
        if (!params.isObject())
            return fail(error, QStringLiteral("entry_params: must be an object"));
        request->params = params.toObject().toVariantMap();
    }
    const QJsonValue timeout = body.value(QStringLiteral("timeout"));
    if (!timeout.isUndefined() && !timeout.isNull()) {
        if (!timeout.isDouble() || timeout.toDouble() < 0
            || timeout.toDouble() > maxTimeoutSeconds) {
            return fail(error, QStringLiteral("timeout: must be a number of seconds from 0 to %1")
                                   .arg(maxTimeoutSeconds));
        }
        request->timeoutSeconds = timeout.toDouble();
    }
    return true;
}

bool jobListQuery(const QUrlQuery &query, JobListQuery *result, RequestError *error)
{
    result->flowId = query.queryItemValue(QStringLiteral("flow_id"), QUrl::FullyDecoded);
    if (query.hasQueryItem(QStringLiteral("status"))) {
        const QString name = query.queryItemValue(QStringLiteral("status"));
        JobStatus status;
        if (!jobStatusFromName(name, &status)) {
            return fail(error, QStringLiteral("status: unknown job status '%1' (expected one of "
                                              "%2)")
                                   .arg(name, statusNames()));
        }
        result->status = status;
    }
    return queryInt(query, QStringLiteral("limit"), 1, JobListQuery::maxLimit, &result->limit,
                    error)
           && queryInt(query, QStringLiteral("offset"), 0, std::numeric_limits<int>::max(),
                       &result->offset, error);
}

bool traceLimit(const QUrlQuery &query, int *limit, RequestError *error)
{
    *limit = -1;
    return queryInt(query, QStringLiteral("limit"), 0, std::numeric_limits<int>::max(), limit,
                    error);
}

bool queryInt(const QUrlQuery &query, const QString &key, int min, int max, int *out,
              RequestError *error)
{
    if (!query.hasQueryItem(key))
        return true;
    const QString text = query.queryItemValue(key);
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max) {
        return fail(error, QStringLiteral("%1: expected an integer from %2 to %3, got '%4'")
                               .arg(key)
                               .arg(min)
                               .arg(max)
                               .arg(text));
    }
    *out = value;
    return true;
}

bool fail(RequestError *error, const QString &message, int status)
{
    error->httpStatus = status;
    error->message = message;
    return false;
}

bool optionalString(const QJsonObject &body, const QString &key, QString *out, RequestError *error)
{
    const QJsonValue value = body.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString())
        return fail(error, key + QStringLiteral(": must be a string"));
    *out = value.toString();
    return true;
}

} // namespace flowscope::RequestParsing
