#pragma once

#include "debug/breakpoint.h"
#include "requestparsing.h"

#include <QJsonObject>
#include <QString>
#include <QVariant>

class QUrlQuery;

namespace flowscope {

// A set-variable request: PUT .../debug/variables/{name} or the set_variable command.
struct VariableRequest
{
    QVariant value;
    QString scope; // "data", "routine", "job", or empty: the innermost that has the name
};

// An evaluate request: POST .../debug/evaluate or the evaluate command.
struct EvaluateRequest
{
    QString expression;
    int frame = 0;
};

// Validation of the debugger's bodies, queries and WebSocket command parameters, with the
// messages of RequestParsing ("<field>: <what is expected>").
namespace DebugParsing {

// {type: routine|slot|event, routine_id, slot_name?, event_name?, condition?, hit_condition?,
//  log_message?, enabled?}; the scope (job or flow) is the caller's.
bool breakpoint(const QJsonObject &body, Breakpoint *breakpoint, RequestError *error);
// ?enabled=true|false (also 1|0): required.
bool enabledQuery(const QUrlQuery &query, bool *enabled, RequestError *error);
// ?frame=N: absent means 0.
bool frameQuery(const QUrlQuery &query, int *frame, RequestError *error);
// A non-negative integer field of a JSON object: absent or null leaves *frame untouched.
bool frameField(const QJsonObject &object, const QString &key, int *frame, RequestError *error);
// {value, scope?}: value is required (null is a value).
bool variable(const QJsonObject &body, VariableRequest *request, RequestError *error);
// {expression, frame_index?}
bool evaluate(const QJsonObject &body, EvaluateRequest *request, RequestError *error);

} // namespace DebugParsing
} // namespace flowscope
