#pragma once

#include "requestparsing.h"

#include <QJsonObject>
#include <QString>

class QUrlQuery;

namespace flowscope {

// ?format= of a flow's export.
enum class FlowFormat { Json, Yaml };

// Query of GET /api/jobs/{id}/logs: a page of the job's log events, oldest first.
struct LogPageQuery
{
    static constexpr int defaultLimit = 100;
    static constexpr int maxLimit = 1000;

    int limit = defaultLimit;
    int offset = 0;
    QString level; // empty: every level
};

// Bodies and queries of the flow routes and the job state routes, with the messages of
// RequestParsing ("<field>: <what is expected>").
namespace RestParsing {

// POST /api/flows and POST /api/flows/validate. The body (JSON, or YAML when bodyFormat says so)
// is the flow's DSL dict itself, or a Routilux envelope {flow_id?, dsl_dict? | dsl? (the flow as
// YAML or JSON text), execution_strategy?, max_workers?} whose fields fill in what the DSL leaves
// out. *dsl receives the DSL dict for FlowLoader::fromDsl. 413 over the body limit, 400 for
// anything malformed.
bool flowDsl(const QByteArray &body, QJsonObject *dsl, RequestError *error,
             FlowFormat bodyFormat = FlowFormat::Json);
// A request's Content-Type: Yaml for application/yaml (also text/yaml and the x- forms), else Json.
FlowFormat bodyFormat(const QByteArray &contentType);
// ?format=json|yaml; absent: fallback.
bool flowFormat(const QUrlQuery &query, FlowFormat fallback, FlowFormat *format,
                RequestError *error);
bool logPageQuery(const QUrlQuery &query, LogPageQuery *result, RequestError *error);

} // namespace RestParsing
} // namespace flowscope
