#include "flowhandlers.h"

#include "jsonshapes.h"
#include "restparsing.h"
#include "runtime/engine.h"
#include "yamltext.h"

#include <QJsonDocument>
#include <QQueue>
#include <QSet>
#include <QUrlQuery>

namespace flowscope {

namespace {

const QString requestSource = QStringLiteral("request body");

QString noFlow(const QString &flowId)
{
    return QStringLiteral("no flow '%1'").arg(flowId);
}

QJsonObject issueJson(const QString &path, const QString &message, const QString &routine,
                      const QString &severity)
{
    return {{QStringLiteral("path"), path},
            {QStringLiteral("message"), message},
            {QStringLiteral("routine"), routine.isEmpty() ? QJsonValue() : QJsonValue(routine)},
            {QStringLiteral("severity"), severity}};
}

QByteArray dslText(const FlowDefinition &definition, FlowFormat format)
{
    if (format == FlowFormat::Yaml)
        return YamlText::fromJson(definition.toDsl());
    return QJsonDocument(definition.toDsl()).toJson(QJsonDocument::Indented);
}

} // namespace

FlowHandlers::FlowHandlers(Engine *engine)
    : m_engine(engine)
{}

std::optional<FlowDefinition> FlowHandlers::loadBody(const QByteArray &body, FlowFormat bodyFormat,
                                                     QVector<FlowIssue> *issues,
                                                     ApiReply *malformed) const
{
    QJsonObject dsl;
    RequestError requestError;
    if (!RestParsing::flowDsl(body, &dsl, &requestError, bodyFormat)) {
        *malformed = ApiHandlers::error(requestError);
        return std::nullopt;
    }
    return m_engine->loader().fromDsl(dsl, requestSource, issues);
}

ApiReply FlowHandlers::createFlow(const QByteArray &body, FlowFormat bodyFormat) const
{
    QVector<FlowIssue> issues;
    ApiReply malformed;
    const std::optional<FlowDefinition> definition
        = loadBody(body, bodyFormat, &issues, &malformed);
    if (malformed.httpStatus >= 400)
        return malformed;
    if (!definition) {
        ApiReply reply = ApiHandlers::error(400, FlowLoader::describe(issues));
        reply.body.insert(QStringLiteral("issues"), issuesJson(issues, QStringLiteral("error")));
        return reply;
    }
    const Status status = m_engine->addFlow(*definition, Engine::FlowExists::Refuse);
    if (!status.ok())
        return ApiHandlers::error(status);
    const std::optional<FlowDefinition> added = m_engine->flow(definition->flowId);
    return {201, EndpointJson::flow(added ? *added : *definition)};
}

ApiReply FlowHandlers::deleteFlow(const QString &flowId) const
{
    const Status status = m_engine->removeIdleFlow(flowId);
    if (!status.ok())
        return ApiHandlers::error(status);
    return {204, {}};
}

ApiReply FlowHandlers::validateFlow(const QString &flowId) const
{
    const std::optional<FlowDefinition> registered = m_engine->flow(flowId);
    if (!registered)
        return ApiHandlers::error(404, noFlow(flowId));
    // Read back through the loader: the routine classes may have changed since it was added.
    QVector<FlowIssue> issues;
    const std::optional<FlowDefinition> reloaded
        = m_engine->loader().fromDsl(registered->toDsl(), registered->source, &issues);
    return validation(reloaded, issues);
}

ApiReply FlowHandlers::validateBody(const QByteArray &body, FlowFormat bodyFormat) const
{
    QVector<FlowIssue> issues;
    ApiReply malformed;
    const std::optional<FlowDefinition> definition
        = loadBody(body, bodyFormat, &issues, &malformed);
    if (malformed.httpStatus >= 400)
        return malformed;
    return validation(definition, issues);
}

ApiReply FlowHandlers::validation(const std::optional<FlowDefinition> &definition,
                                  const QVector<FlowIssue> &issues) const
{
    QJsonArray list = issuesJson(issues, QStringLiteral("error"));
    if (definition) {
        for (const QJsonValue &warning : warnings(*definition))
            list.append(warning);
    }
    return {200,
            {{QStringLiteral("valid"), definition.has_value()},
             {QStringLiteral("flow_id"),
              definition ? QJsonValue(definition->flowId) : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("issues"), list}}};
}

RawReply FlowHandlers::exportFlow(const QString &flowId, const QUrlQuery &query) const
{
    FlowFormat format;
    RequestError requestError;
    if (!RestParsing::flowFormat(query, FlowFormat::Json, &format, &requestError))
        return ApiHandlers::rawError(requestError.httpStatus, requestError.message);
    const std::optional<FlowDefinition> definition = m_engine->flow(flowId);
    if (!definition)
        return ApiHandlers::rawError(404, noFlow(flowId));
    const QByteArray type = format == FlowFormat::Yaml
                                ? QByteArrayLiteral("application/yaml; charset=utf-8")
                                : QByteArrayLiteral("application/json");
    return {200, type, dslText(*definition, format)};
}

ApiReply FlowHandlers::flowDsl(const QString &flowId, const QUrlQuery &query) const
{
    FlowFormat format;
    RequestError requestError;
    if (!RestParsing::flowFormat(query, FlowFormat::Yaml, &format, &requestError))
        return ApiHandlers::error(requestError);
    const std::optional<FlowDefinition> definition = m_engine->flow(flowId);
    if (!definition)
        return ApiHandlers::error(404, noFlow(flowId));
    return {200,
            {{QStringLiteral("flow_id"), flowId},
             {QStringLiteral("format"),
              format == FlowFormat::Yaml ? QStringLiteral("yaml") : QStringLiteral("json")},
             {QStringLiteral("dsl"), QString::fromUtf8(dslText(*definition, format))}}};
}

QJsonArray FlowHandlers::issuesJson(const QVector<FlowIssue> &issues, const QString &severity)
{
    QJsonArray list;
    for (const FlowIssue &issue : issues)
        list.append(issueJson(issue.field, issue.message, issue.routine, severity));
    return list;
}

QJsonArray FlowHandlers::warnings(const FlowDefinition &definition)
{
    const QString warning = QStringLiteral("warning");
    QJsonArray list;
    if (definition.entryRoutine.isEmpty()) {
        list.append(issueJson(QStringLiteral("entry"),
                              QStringLiteral("no entry: every job must name entry_routine_id"), {},
                              warning));
        return list;
    }
    // Breadth-first from the entry along the connections.
    QSet<QString> reached{definition.entryRoutine};
    QQueue<QString> next;
    next.enqueue(definition.entryRoutine);
    while (!next.isEmpty()) {
        const QString routine = next.dequeue();
        for (const ConnectionSpec &c : definition.connections) {
            if (c.fromRoutine == routine && !reached.contains(c.toRoutine)) {
                reached.insert(c.toRoutine);
                next.enqueue(c.toRoutine);
            }
        }
    }
    for (const RoutineSpec &spec : definition.routines) {
        if (!reached.contains(spec.id)) {
            list.append(issueJson(QStringLiteral("routines.%1").arg(spec.id),
                                  QStringLiteral("no connection from the entry '%1' reaches it: "
                                                 "only jobs that name it as their entry run it")
                                      .arg(definition.entryRoutine),
                                  spec.id, warning));
        }
    }
    return list;
}

} // namespace flowscope
