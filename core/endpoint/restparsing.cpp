#include "restparsing.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>
#include <QUrlQuery>

#include <limits>

namespace flowscope::RestParsing {

using RequestParsing::fail;
using RequestParsing::jsonObjectBody;
using RequestParsing::optionalString;
using RequestParsing::queryInt;

namespace {

const QString dslKey = QStringLiteral("dsl");
const QString dslDictKey = QStringLiteral("dsl_dict");
const QString flowIdKey = QStringLiteral("flow_id");
const QString strategyKey = QStringLiteral("execution_strategy");
const QString maxWorkersKey = QStringLiteral("max_workers");

// The DSL of an envelope: dsl_dict as an object, or dsl as JSON text of one.
bool envelopeDsl(const QJsonObject &envelope, QJsonObject *dsl, RequestError *error)
{
    if (envelope.contains(dslDictKey) && envelope.contains(dslKey))
        return fail(error, QStringLiteral("dsl, dsl_dict: give one of them, not both"));
    if (envelope.contains(dslDictKey)) {
        const QJsonValue dict = envelope.value(dslDictKey);
        if (!dict.isObject())
            return fail(error, QStringLiteral("dsl_dict: must be an object (the flow)"));
        *dsl = dict.toObject();
        return true;
    }
    const QJsonValue text = envelope.value(dslKey);
    if (!text.isString())
        return fail(error, QStringLiteral("dsl: must be a string (the flow as JSON text)"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(error, QStringLiteral("dsl: not valid JSON at offset %1: %2 (YAML is not "
                                          "accepted: send JSON text, or the flow as dsl_dict)")
                               .arg(parseError.offset)
                               .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return fail(error, QStringLiteral("dsl: must be the JSON text of an object (the flow)"));
    *dsl = document.object();
    return true;
}

// The envelope's flow_id, execution_strategy and max_workers, where the DSL has none.
bool mergeEnvelope(const QJsonObject &envelope, QJsonObject *dsl, RequestError *error)
{
    const QStringList accepted{flowIdKey, dslKey, dslDictKey, strategyKey, maxWorkersKey};
    for (auto it = envelope.begin(); it != envelope.end(); ++it) {
        if (!accepted.contains(it.key())) {
            return fail(error, QStringLiteral("%1: unknown field (accepted: %2)")
                                   .arg(it.key(), accepted.join(QStringLiteral(", "))));
        }
    }
    QString flowId;
    if (!optionalString(envelope, flowIdKey, &flowId, error))
        return false;
    if (!flowId.isEmpty()) {
        const QJsonValue inner = dsl->value(flowIdKey);
        if (inner.isUndefined() || inner.isNull())
            dsl->insert(flowIdKey, flowId);
        else if (inner != QJsonValue(flowId))
            return fail(error,
                        QStringLiteral("flow_id: '%1' differs from the DSL's flow_id").arg(flowId));
    }
    QString strategy;
    if (!optionalString(envelope, strategyKey, &strategy, error))
        return false;
    const QJsonValue workers = envelope.value(maxWorkersKey);
    if (!workers.isUndefined() && !workers.isNull()
        && (!workers.isDouble() || workers.toDouble() < 0
            || workers.toDouble() != double(workers.toInt()))) {
        return fail(error, QStringLiteral("max_workers: must be a whole number >= 0"));
    }
    if (strategy.isEmpty() && (workers.isUndefined() || workers.isNull()))
        return true;
    const QJsonValue executionValue = dsl->value(QStringLiteral("execution"));
    if (!executionValue.isUndefined() && !executionValue.isObject())
        return true; // the loader names the DSL's own mistake
    QJsonObject execution = executionValue.toObject();
    if (!strategy.isEmpty() && !execution.contains(QStringLiteral("strategy")))
        execution.insert(QStringLiteral("strategy"), strategy);
    if (workers.isDouble() && !execution.contains(maxWorkersKey))
        execution.insert(maxWorkersKey, workers.toInt());
    dsl->insert(QStringLiteral("execution"), execution);
    return true;
}

} // namespace

bool flowDsl(const QByteArray &body, QJsonObject *dsl, RequestError *error)
{
    QJsonObject object;
    if (!jsonObjectBody(body, &object, error))
        return false;
    if (!object.contains(dslKey) && !object.contains(dslDictKey)) {
        *dsl = object; // the DSL dict itself
        return true;
    }
    return envelopeDsl(object, dsl, error) && mergeEnvelope(object, dsl, error);
}

bool flowFormat(const QUrlQuery &query, FlowFormat fallback, FlowFormat *format,
                RequestError *error)
{
    *format = fallback;
    if (!query.hasQueryItem(QStringLiteral("format")))
        return true;
    const QString name = query.queryItemValue(QStringLiteral("format")).toLower();
    if (name == QLatin1String("json")) {
        *format = FlowFormat::Json;
    } else if (name == QLatin1String("yaml") || name == QLatin1String("yml")) {
        *format = FlowFormat::Yaml;
    } else {
        return fail(
            error, QStringLiteral("format: unknown format '%1' (expected json or yaml)").arg(name));
    }
    return true;
}

bool logPageQuery(const QUrlQuery &query, LogPageQuery *result, RequestError *error)
{
    result->level = query.queryItemValue(QStringLiteral("level"), QUrl::FullyDecoded);
    return queryInt(query, QStringLiteral("limit"), 1, LogPageQuery::maxLimit, &result->limit,
                    error)
           && queryInt(query, QStringLiteral("offset"), 0, std::numeric_limits<int>::max(),
                       &result->offset, error);
}

} // namespace flowscope::RestParsing
