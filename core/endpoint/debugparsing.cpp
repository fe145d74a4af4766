#include "debugparsing.h"

#include <QJsonValue>
#include <QUrlQuery>

#include <limits>

namespace flowscope::DebugParsing {

namespace {

using RequestParsing::fail;
using RequestParsing::optionalString;

bool requiredString(const QJsonObject &body, const QString &key, QString *out, RequestError *error,
                    const QString &why = {})
{
    const QJsonValue value = body.value(key);
    if (!value.isString() || value.toString().isEmpty()) {
        return fail(error, key + QStringLiteral(": required string")
                               + (why.isEmpty() ? QString() : QStringLiteral(" ") + why));
    }
    *out = value.toString();
    return true;
}

} // namespace

bool breakpoint(const QJsonObject &body, Breakpoint *bp, RequestError *error)
{
    QString type = QStringLiteral("routine");
    if (!optionalString(body, QStringLiteral("type"), &type, error))
        return false;
    if (!breakpointKindFromName(type, &bp->kind)) {
        return fail(error,
                    QStringLiteral("type: expected routine, slot or event, got '%1'").arg(type));
    }
    if (!requiredString(body, QStringLiteral("routine_id"), &bp->routine, error))
        return false;
    if (bp->kind == Breakpoint::Kind::Slot
        && !requiredString(body, QStringLiteral("slot_name"), &bp->port, error,
                           QStringLiteral("for a slot breakpoint"))) {
        return false;
    }
    if (bp->kind == Breakpoint::Kind::Event
        && !requiredString(body, QStringLiteral("event_name"), &bp->port, error,
                           QStringLiteral("for an event breakpoint"))) {
        return false;
    }
    if (!optionalString(body, QStringLiteral("condition"), &bp->condition, error)
        || !optionalString(body, QStringLiteral("hit_condition"), &bp->hitCondition, error)
        || !optionalString(body, QStringLiteral("log_message"), &bp->logMessage, error)) {
        return false;
    }
    const QJsonValue enabled = body.value(QStringLiteral("enabled"));
    if (!enabled.isUndefined() && !enabled.isNull()) {
        if (!enabled.isBool())
            return fail(error, QStringLiteral("enabled: must be true or false"));
        bp->enabled = enabled.toBool();
    }
    return true;
}

bool enabledQuery(const QUrlQuery &query, bool *enabled, RequestError *error)
{
    if (!query.hasQueryItem(QStringLiteral("enabled")))
        return fail(error, QStringLiteral("enabled: required query parameter (true or false)"));
    const QString text = query.queryItemValue(QStringLiteral("enabled")).toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1")) {
        *enabled = true;
    } else if (text == QLatin1String("false") || text == QLatin1String("0")) {
        *enabled = false;
    } else {
        return fail(error, QStringLiteral("enabled: expected true or false, got '%1'").arg(text));
    }
    return true;
}

bool frameQuery(const QUrlQuery &query, int *frame, RequestError *error)
{
    *frame = 0;
    if (!query.hasQueryItem(QStringLiteral("frame")))
        return true;
    const QString text = query.queryItemValue(QStringLiteral("frame"));
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0)
        return fail(error, QStringLiteral("frame: expected an integer >= 0, got '%1'").arg(text));
    *frame = value;
    return true;
}

bool frameField(const QJsonObject &object, const QString &key, int *frame, RequestError *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number > std::numeric_limits<int>::max()
        || number != double(int(number))) {
        return fail(error, key + QStringLiteral(": must be an integer >= 0"));
    }
    *frame = int(number);
    return true;
}

bool variable(const QJsonObject &body, VariableRequest *request, RequestError *error)
{
    if (!body.contains(QStringLiteral("value")))
        return fail(error, QStringLiteral("value: required (any JSON value)"));
    request->value = body.value(QStringLiteral("value")).toVariant();
    if (!optionalString(body, QStringLiteral("scope"), &request->scope, error))
        return false;
    if (!request->scope.isEmpty() && request->scope != QLatin1String("data")
        && request->scope != QLatin1String("routine") && request->scope != QLatin1String("job")) {
        return fail(
            error,
            QStringLiteral("scope: expected data, routine or job, got '%1'").arg(request->scope));
    }
    return true;
}

bool evaluate(const QJsonObject &body, EvaluateRequest *request, RequestError *error)
{
    return requiredString(body, QStringLiteral("expression"), &request->expression, error)
           && frameField(body, QStringLiteral("frame_index"), &request->frame, error);
}

} // namespace flowscope::DebugParsing
