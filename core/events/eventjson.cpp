#include "events/eventjson.h"

#include <QDateTime>
#include <QJsonValue>

namespace flowscope {

namespace {

void putSymbol(QJsonObject &o, const char *key, Symbol s)
{
    if (!s.isNull())
        o.insert(QLatin1String(key), s.toString());
}

bool portIsEvent(EventType type)
{
    return type == EventType::EventEmitted;
}

} // namespace

QJsonObject eventToJson(const Event &e)
{
    QJsonObject o;
    const QString type = eventTypeName(e.type);
    o.insert(QStringLiteral("seq"), qint64(e.seq));
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("msg_type"), type);
    o.insert(QStringLiteral("time_ns"), QString::number(e.timeNs));
    o.insert(
        QStringLiteral("timestamp"),
        QDateTime::fromMSecsSinceEpoch(e.timeNs / 1'000'000, Qt::UTC).toString(Qt::ISODateWithMs));
    if (e.durationNs)
        o.insert(QStringLiteral("duration_ns"), e.durationNs);
    if (!e.job.isNull())
        o.insert(QStringLiteral("job_id"), e.job.toString());
    putSymbol(o, "flow_id", e.flow);
    putSymbol(o, "routine_id", e.routine);
    putSymbol(o, portIsEvent(e.type) ? "event" : "slot", e.port);
    putSymbol(o, "agent", e.agent);
    if (e.activation)
        o.insert(QStringLiteral("activation_id"), qint64(e.activation));
    if (e.parentActivation)
        o.insert(QStringLiteral("parent_activation_id"), qint64(e.parentActivation));
    static const char *const statuses[] = {"ok", "error", "cancelled"};
    o.insert(QStringLiteral("status"), QLatin1String(statuses[int(e.status) % 3]));
    if (e.payload.isValid())
        o.insert(QStringLiteral("data"), QJsonValue::fromVariant(e.payload));
    return o;
}

} // namespace flowscope
