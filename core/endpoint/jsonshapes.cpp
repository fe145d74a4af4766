#include "jsonshapes.h"

#include "events/eventjson.h"
#include "jsonwriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

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

QString isoTimeText(qint64 msSinceEpoch)
{
    constexpr qint64 msPerDay = 24 * 3600 * 1000;
    constexpr qint64 unixEpochJulianDay = 2440588;
    const qint64 days = msSinceEpoch / msPerDay;
    const int ms = int(msSinceEpoch % msPerDay);
    int year = 0, month = 0, day = 0;
    QDate::fromJulianDay(unixEpochJulianDay + days).getDate(&year, &month, &day);
    if (msSinceEpoch < 0 || year > 9999) // QDateTime knows how it writes those
        return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
    // What QDateTime::toString(Qt::ISODateWithMs) writes for UTC, without its time zone work
    // (a tenth of a job request's time): yyyy-MM-ddTHH:mm:ss.zzzZ.
    char text[24];
    const auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, ms / 3600000, 2);
    text[13] = ':';
    put(14, ms / 60000 % 60, 2);
    text[16] = ':';
    put(17, ms / 1000 % 60, 2);
    text[19] = '.';
    put(20, ms % 1000, 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

QJsonValue isoTime(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return QJsonValue(QJsonValue::Null);
    return isoTimeText(msSinceEpoch);
}

QByteArray jobJson(const JobInfo &info)
{
    JsonWriter json;
    const auto time = [&json](qint64 ms) { ms > 0 ? json.string(isoTimeText(ms)) : json.null(); };
    const auto textOrNull
        = [&json](const QString &text) { text.isEmpty() ? json.null() : json.string(text); };
    const auto map = [&json](const QVariantMap &values) {
        if (!values.isEmpty()) {
            json.value(QJsonObject::fromVariantMap(values));
            return;
        }
        json.beginObject();
        json.endObject();
    };
    // In QJsonObject's (sorted) order.
    json.beginObject();
    json.key(QLatin1String("activations_done"));
    json.number(double(info.activationsDone));
    json.key(QLatin1String("activations_pending"));
    json.number(double(info.activationsPending));
    json.key(QLatin1String("completed_at"));
    time(info.finishedMs);
    json.key(QLatin1String("created_at"));
    time(info.createdMs);
    json.key(QLatin1String("entry_params"));
    map(info.params);
    json.key(QLatin1String("entry_routine_id"));
    textOrNull(info.entryRoutine);
    json.key(QLatin1String("entry_slot"));
    textOrNull(info.entrySlot);
    json.key(QLatin1String("error"));
    textOrNull(info.error);
    json.key(QLatin1String("flow_id"));
    json.string(info.flowId);
    json.key(QLatin1String("job_id"));
    json.string(info.id.toString());
    json.key(QLatin1String("progress"));
    json.number(info.progress);
    json.key(QLatin1String("started_at"));
    time(info.startedMs);
    json.key(QLatin1String("status"));
    json.string(jobStatusName(info.status));
    json.key(QLatin1String("variables"));
    map(info.variables);
    json.endObject();
    return json.take();
}

QJsonObject job(const JobInfo &info)
{
    // Read back from the text: one definition of the shape, and cheaper than inserting 14 fields.
    return QJsonDocument::fromJson(jobJson(info)).object();
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
