#include "debugjson.h"

#include <QJsonValue>

namespace flowscope::DebugJson {

namespace {

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Activation ids count up from 1; 0 means "none".
QJsonValue activationOrNull(quint64 id)
{
    return id == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(id));
}

} // namespace

QJsonObject breakpoint(const Breakpoint &bp)
{
    QJsonObject json{
        {QStringLiteral("breakpoint_id"), bp.id},
        {QStringLiteral("type"), breakpointKindName(bp.kind)},
        {QStringLiteral("routine_id"), bp.routine},
        {QStringLiteral("condition"), stringOrNull(bp.condition)},
        {QStringLiteral("hit_condition"), stringOrNull(bp.hitCondition)},
        {QStringLiteral("log_message"), stringOrNull(bp.logMessage)},
        {QStringLiteral("enabled"), bp.enabled},
        {QStringLiteral("hit_count"), double(bp.hits)},
        {QStringLiteral("last_error"), stringOrNull(bp.lastError)},
        {QStringLiteral("job_id"),
         bp.job.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(bp.job.toString())},
        {QStringLiteral("flow_id"), bp.flowId},
    };
    if (bp.kind == Breakpoint::Kind::Slot)
        json.insert(QStringLiteral("slot_name"), bp.port);
    else if (bp.kind == Breakpoint::Kind::Event)
        json.insert(QStringLiteral("event_name"), bp.port);
    return json;
}

QJsonObject session(const DebugSession &s)
{
    return {
        {QStringLiteral("job_id"), s.job.toString()},
        {QStringLiteral("flow_id"), s.flowId},
        {QStringLiteral("status"), s.status},
        {QStringLiteral("paused"), s.status == QLatin1String("paused")},
        {QStringLiteral("stopped"), s.stopped},
        {QStringLiteral("reason"), stringOrNull(s.reason)},
        {QStringLiteral("breakpoint_id"), stringOrNull(s.breakpointId)},
        {QStringLiteral("activation_id"), activationOrNull(s.activation)},
        {QStringLiteral("routine_id"), stringOrNull(s.routine)},
        {QStringLiteral("slot"), stringOrNull(s.slot)},
    };
}

QJsonObject frame(const StackFrame &f, int index)
{
    return {
        {QStringLiteral("index"), index},
        {QStringLiteral("activation_id"), activationOrNull(f.activation)},
        {QStringLiteral("parent_activation_id"), activationOrNull(f.parent)},
        {QStringLiteral("routine_id"), stringOrNull(f.routine)},
        {QStringLiteral("slot"), stringOrNull(f.slot)},
        {QStringLiteral("data"), QJsonValue::fromVariant(f.data)},
        {QStringLiteral("routine_variables"), QJsonObject::fromVariantMap(f.routineVariables)},
        {QStringLiteral("known"), f.known},
    };
}

QJsonObject variables(JobId job, int frame, const FrameVariables &v)
{
    return {
        {QStringLiteral("job_id"), job.toString()},
        {QStringLiteral("frame"), frame},
        {QStringLiteral("data"), QJsonValue::fromVariant(v.data)},
        {QStringLiteral("routine_variables"), QJsonObject::fromVariantMap(v.routine)},
        {QStringLiteral("job_variables"), QJsonObject::fromVariantMap(v.job)},
    };
}

QJsonObject evaluation(const EvaluationResult &result)
{
    return {
        {QStringLiteral("result"), QJsonValue::fromVariant(result.value)},
        {QStringLiteral("type"), result.type},
        {QStringLiteral("error"), stringOrNull(result.error)},
    };
}

} // namespace flowscope::DebugJson
