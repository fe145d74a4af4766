#pragma once

#include "apihandlers.h"
#include "restparsing.h"

#include <QJsonArray>
#include <QVector>

#include <optional>

class QUrlQuery;

namespace flowscope {

class Engine;
struct FlowDefinition;
struct FlowIssue;

// The flow routes that change or check flows: create, delete, validate (a registered flow or a
// body, without registering it) and export as loadable DSL. Free of any HTTP server type; every
// engine call is short.
class FlowHandlers
{
public:
    explicit FlowHandlers(Engine *engine);

    // POST /api/flows: 201 with the flow; 400 naming each mistake (also as "issues"); 409 when
    // the id is taken. bodyFormat: how the body is written (RestParsing::bodyFormat).
    ApiReply createFlow(const QByteArray &body, FlowFormat bodyFormat = FlowFormat::Json) const;
    // DELETE /api/flows/{id}: 204 without a body (as Routilux); 409 while jobs of the flow are
    // unfinished.
    ApiReply deleteFlow(const QString &flowId) const;
    // POST /api/flows/{id}/validate and POST /api/flows/validate: {valid, issues: [issue]}.
    ApiReply validateFlow(const QString &flowId) const;
    ApiReply validateBody(const QByteArray &body, FlowFormat bodyFormat = FlowFormat::Json) const;
    // GET /api/flows/{id}/export?format=json|yaml: the DSL, as the loader reads it back.
    RawReply exportFlow(const QString &flowId, const QUrlQuery &query) const;
    // GET /api/flows/{id}/dsl?format=yaml|json (Routilux): {flow_id, format, dsl: text}.
    ApiReply flowDsl(const QString &flowId, const QUrlQuery &query) const;

    // Issues as JSON: [{path, message, routine, severity}]; path is where in the flow.
    static QJsonArray issuesJson(const QVector<FlowIssue> &issues, const QString &severity);
    // What a valid flow may still get wrong at run time: no entry, routines no path reaches.
    static QJsonArray warnings(const FlowDefinition &definition);

private:
    // The body read as a flow: the definition, or the loader's issues; a body that is not a flow
    // at all (not JSON, over the limit, a bad envelope) sets *malformed instead.
    std::optional<FlowDefinition> loadBody(const QByteArray &body, FlowFormat bodyFormat,
                                           QVector<FlowIssue> *issues, ApiReply *malformed) const;
    ApiReply validation(const std::optional<FlowDefinition> &definition,
                        const QVector<FlowIssue> &issues) const;

    Engine *m_engine;
};

} // namespace flowscope
