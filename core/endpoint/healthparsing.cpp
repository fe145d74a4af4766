#include "healthparsing.h"

#include <QDateTime>
#include <QJsonValue>
#include <QUrlQuery>

#include <cmath>

namespace flowscope::HealthParsing {

namespace {

// Checkpoint ids are integers in JSON numbers: beyond 2^53 they would not be exact.
constexpr double maxExactId = 9007199254740992.0;
constexpr int maxStepMs = 24 * 3600 * 1000;

bool optionalTime(const QUrlQuery &query, const QString &key, qint64 *ms, RequestError *error)
{
    if (!query.hasQueryItem(key))
        return true;
    return timeValue(key, query.queryItemValue(key, QUrl::FullyDecoded), ms, error);
}

// An optional body that must be a JSON object when present.
bool optionalObjectBody(const QByteArray &body, QJsonObject *object, RequestError *error)
{
    if (body.trimmed().isEmpty())
        return true;
    return RequestParsing::jsonObjectBody(body, object, error);
}

} // namespace

bool timeValue(const QString &key, const QString &text, qint64 *ms, RequestError *error)
{
    bool isNumber = false;
    const qint64 number = text.toLongLong(&isNumber);
    if (isNumber && number > 0) {
        *ms = number;
        return true;
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!isNumber && time.isValid()) {
        if (time.timeSpec() == Qt::LocalTime) // no offset written: UTC, as the API answers
            time.setTimeSpec(Qt::UTC);
        *ms = time.toMSecsSinceEpoch();
        if (*ms > 0)
            return true;
    }
    return RequestParsing::fail(error, QStringLiteral("%1: expected an ISO 8601 time or "
                                                      "milliseconds since 1970, got '%2'")
                                           .arg(key, text));
}

bool alertQuery(const QUrlQuery &query, AlertQuery *result, RequestError *error)
{
    if (!RequestParsing::queryInt(query, QStringLiteral("limit"), 1, AlertQuery::maxLimit,
                                  &result->limit, error)
        || !optionalTime(query, QStringLiteral("since"), &result->sinceMs, error)
        || !optionalTime(query, QStringLiteral("until"), &result->untilMs, error)) {
        return false;
    }
    if (result->sinceMs > 0 && result->untilMs > 0 && result->untilMs <= result->sinceMs)
        return RequestParsing::fail(error, QStringLiteral("until: must be later than since"));
    if (query.hasQueryItem(QStringLiteral("level"))) {
        const QString name = query.queryItemValue(QStringLiteral("level"), QUrl::FullyDecoded);
        AlertLevel level;
        if (!alertLevelFromName(name, &level)) {
            return RequestParsing::fail(error, QStringLiteral("level: unknown alert level '%1' "
                                                              "(expected info, warning or "
                                                              "critical)")
                                                   .arg(name));
        }
        result->level = level;
    }
    return true;
}

bool metricsRange(const QUrlQuery &query, MetricsRange *result, RequestError *error)
{
    if (!optionalTime(query, QStringLiteral("from"), &result->fromMs, error)
        || !optionalTime(query, QStringLiteral("to"), &result->toMs, error)
        || !RequestParsing::queryInt(query, QStringLiteral("step"), 1000, maxStepMs,
                                     &result->stepMs, error)) {
        return false;
    }
    if (result->fromMs == 0 && (result->toMs > 0 || result->stepMs > 0))
        return RequestParsing::fail(error, QStringLiteral("from: required with to or step"));
    if (result->toMs > 0 && result->toMs <= result->fromMs)
        return RequestParsing::fail(error, QStringLiteral("to: must be later than from"));
    return true;
}

bool checkpointId(const QJsonObject &body, bool required, std::optional<quint64> *id,
                  RequestError *error)
{
    const QJsonValue value = body.value(QStringLiteral("checkpoint_id"));
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return RequestParsing::fail(error, QStringLiteral("checkpoint_id: required integer"));
        return true;
    }
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number > maxExactId || std::floor(number) != number)
        return RequestParsing::fail(error,
                                    QStringLiteral("checkpoint_id: must be a positive integer"));
    *id = quint64(number);
    return true;
}

bool resumeFromBody(const QByteArray &body, std::optional<quint64> *id, RequestError *error)
{
    QJsonObject object;
    return optionalObjectBody(body, &object, error) && checkpointId(object, false, id, error);
}

bool forkBody(const QByteArray &body, ForkRequest *request, RequestError *error)
{
    QJsonObject object;
    std::optional<quint64> id;
    if (!RequestParsing::jsonObjectBody(body, &object, error)
        || !checkpointId(object, true, &id, error)) {
        return false;
    }
    request->checkpointId = *id;
    const QJsonValue variables = object.value(QStringLiteral("variables"));
    if (!variables.isUndefined() && !variables.isNull()) {
        if (!variables.isObject())
            return RequestParsing::fail(error, QStringLiteral("variables: must be an object"));
        request->variables = variables.toObject().toVariantMap();
    }
    return true;
}

bool checkpointBody(const QByteArray &body, int *timeoutMs, RequestError *error)
{
    *timeoutMs = defaultCheckpointTimeoutMs;
    QJsonObject object;
    if (!optionalObjectBody(body, &object, error))
        return false;
    const QJsonValue value = object.value(QStringLiteral("timeout_ms"));
    if (value.isUndefined() || value.isNull())
        return true;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number > maxCheckpointTimeoutMs
        || std::floor(number) != number) {
        return RequestParsing::fail(error, QStringLiteral("timeout_ms: must be an integer from 0 "
                                                          "to %1")
                                               .arg(maxCheckpointTimeoutMs));
    }
    *timeoutMs = int(number);
    return true;
}

} // namespace flowscope::HealthParsing
