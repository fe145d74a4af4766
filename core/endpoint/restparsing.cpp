#include "restparsing.h"

#include "yamlreader.h"

#include <QJsonArray>
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

// Flow text, JSON or YAML, as an object. JSON first: a JSON flow's mistakes are told as JSON's.
bool flowText(const QByteArray &text, const QString &where, QJsonObject *flow, RequestError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    QJsonValue value;
    if (parseError.error == QJsonParseError::NoError) {
        value = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    } else if (QString yamlError; !YamlReader::read(text, &value, &yamlError)) {
        const bool looksLikeJson = text.trimmed().startsWith('{');
        return fail(error, looksLikeJson
                               ? QStringLiteral("%1: not valid JSON at offset %2: %3")
                                     .arg(where)
                                     .arg(parseError.offset)
                                     .arg(parseError.errorString())
                               : QStringLiteral("%1: not valid YAML: %2").arg(where, yamlError));
    }
    if (!value.isObject())
        return fail(error, QStringLiteral("%1: must be a mapping (the flow)").arg(where));
    *flow = value.toObject();
    return true;
}

// The DSL of an envelope: dsl_dict as an object, or dsl as YAML or JSON text of one.
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
        return fail(error, QStringLiteral("dsl: must be a string (the flow as YAML or JSON text)"));
    return flowText(text.toString().toUtf8(), dslKey, dsl, error);
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

bool flowDsl(const QByteArray &body, QJsonObject *dsl, RequestError *error, FlowFormat bodyFormat)
{
    QJsonObject object;
    if (bodyFormat == FlowFormat::Json) {
        if (!jsonObjectBody(body, &object, error))
            return false;
    } else if (body.size() > RequestParsing::maxBodyBytes) {
        return jsonObjectBody(body, &object, error); // the same 413
    } else if (!flowText(body, QStringLiteral("body"), &object, error)) {
        return false;
    }
    if (!object.contains(dslKey) && !object.contains(dslDictKey)) {
        *dsl = object; // the DSL dict itself
        return true;
    }
    return envelopeDsl(object, dsl, error) && mergeEnvelope(object, dsl, error);
}

FlowFormat bodyFormat(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    static const QList<QByteArray> yaml{"application/yaml", "application/x-yaml", "text/yaml",
                                        "text/x-yaml"};
    return yaml.contains(type) ? FlowFormat::Yaml : FlowFormat::Json;
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
