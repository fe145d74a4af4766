#include "jsonshapes.h"

#include "events/eventjson.h"

#include <QDateTime>
#include <QJsonArray>

namespace flowscope::EndpointJson {

namespace {

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject routine(const RoutineSpec &spec)
{
    return {
        {QStringLiteral("routine_id"), spec.id},
        {QStringLiteral("class_name"), spec.className},
        {QStringLiteral("slots"), QJsonArray::fromStringList(spec.slotNames)},
        {QStringLiteral("events"), QJsonArray::fromStringList(spec.eventNames)},
        {QStringLiteral("config"), spec.config},
        {QStringLiteral("agent"), stringOrNull(spec.agent)},
    };
}

QJsonObject connection(const ConnectionSpec &spec)
{
    // Connections have no id of their own; "a.out->b.in" is unique within a flow.
    const QString id = spec.fromRoutine + QLatin1Char('.') + spec.fromEvent + QStringLiteral("->")
                       + spec.toRoutine + QLatin1Char('.') + spec.toSlot;
    return {
        {QStringLiteral("connection_id"), id},
        {QStringLiteral("source_routine"), spec.fromRoutine},
        {QStringLiteral("source_event"), spec.fromEvent},
        {QStringLiteral("target_routine"), spec.toRoutine},
        {QStringLiteral("target_slot"), spec.toSlot},
    };
}

} // namespace

QJsonValue isoTime(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return QJsonValue(QJsonValue::Null);
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject job(const JobInfo &info)
{
    return {
        {QStringLiteral("job_id"), info.id.toString()},
        {QStringLiteral("flow_id"), info.flowId},
        {QStringLiteral("status"), jobStatusName(info.status)},
        {QStringLiteral("progress"), info.progress},
        {QStringLiteral("created_at"), isoTime(info.createdMs)},
        {QStringLiteral("started_at"), isoTime(info.startedMs)},
        {QStringLiteral("completed_at"), isoTime(info.finishedMs)},
        {QStringLiteral("error"), stringOrNull(info.error)},
        {QStringLiteral("entry_routine_id"), stringOrNull(info.entryRoutine)},
        {QStringLiteral("entry_slot"), stringOrNull(info.entrySlot)},
        {QStringLiteral("entry_params"), QJsonObject::fromVariantMap(info.params)},
        {QStringLiteral("variables"), QJsonObject::fromVariantMap(info.variables)},
        {QStringLiteral("activations_done"), double(info.activationsDone)},
        {QStringLiteral("activations_pending"), double(info.activationsPending)},
    };
}

QJsonObject jobStatus(const JobInfo &info)
{
    return {
        {QStringLiteral("job_id"), info.id.toString()},
        {QStringLiteral("status"), jobStatusName(info.status)},
        {QStringLiteral("progress"), info.progress},
        {QStringLiteral("error"), stringOrNull(info.error)},
    };
}

QJsonObject flow(const FlowDefinition &definition)
{
    QJsonObject routines;
    for (const RoutineSpec &spec : definition.routines)
        routines.insert(spec.id, routine(spec));
    QJsonArray connections;
    for (const ConnectionSpec &spec : definition.connections)
        connections.append(connection(spec));
    QJsonValue entry(QJsonValue::Null);
    if (!definition.entryRoutine.isEmpty()) {
        entry = definition.entrySlot.isEmpty()
                    ? definition.entryRoutine
                    : definition.entryRoutine + QLatin1Char('.') + definition.entrySlot;
    }
    return {
        {QStringLiteral("flow_id"), definition.flowId},
        {QStringLiteral("description"), definition.description},
        {QStringLiteral("routines"), routines},
        {QStringLiteral("connections"), connections},
        // Every routine activation is scheduled on the worker pool as soon as it is ready.
        {QStringLiteral("execution_strategy"), QStringLiteral("concurrent")},
        {QStringLiteral("max_workers"), definition.maxWorkers},
        {QStringLiteral("timeout"), definition.timeoutSeconds},
        {QStringLiteral("entry"), entry},
        {QStringLiteral("variables"), definition.variables},
        {QStringLiteral("source"), stringOrNull(definition.source)},
    };
}

QJsonObject traceEvent(const Event &event)
{
    QJsonObject json = eventToJson(event);
    json.insert(QStringLiteral("event_id"), double(event.seq));
    json.insert(QStringLiteral("event_type"), eventTypeName(event.type));
    json.insert(QStringLiteral("duration"), event.durationNs > 0
                                                ? QJsonValue(double(event.durationNs) / 1e9)
                                                : QJsonValue(QJsonValue::Null));
    return json;
}

QJsonObject error(int httpStatus, const QString &message)
{
    return {
        {QStringLiteral("detail"), message},
        {QStringLiteral("error"),
         QJsonObject{{QStringLiteral("status"), httpStatus}, {QStringLiteral("message"), message}}},
    };
}

} // namespace flowscope::EndpointJson
