#include "ingestparsing.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace flowscope::IngestParsing {

namespace {

using Kind = ExternalMessage::Kind;
using RequestParsing::fail;

struct KindSpec
{
    const char *name;
    Kind kind;
    QStringList fields; // besides type, timestamp, node and message
};

const QVector<KindSpec> &kinds()
{
    static const QVector<KindSpec> specs{
        {"register", Kind::Register, {"kind", "job_id", "metadata"}},
        {"heartbeat", Kind::Heartbeat, {"state", "checkpoint", "breakpoint", "metadata"}},
        {"event", Kind::Event, {"name", "data", "duration_ms"}},
        {"progress", Kind::Progress, {"value"}},
        {"metric", Kind::Metric, {"name", "value", "values"}},
        {"variables", Kind::Variables, {"values"}},
        {"log", Kind::Log, {"level"}},
        {"error", Kind::Error, {"fatal", "data"}},
        {"unregister", Kind::Unregister, {"state"}},
    };
    return specs;
}

QString kindNames()
{
    QStringList names;
    for (const KindSpec &spec : kinds())
        names.append(QLatin1String(spec.name));
    return names.join(QStringLiteral(", "));
}

enum class Presence { Absent, Present, Missing };

// Absent or null is fine for an optional field, and an error ("required <what>") otherwise.
Presence presence(const QJsonValue &value, const QString &place, const char *what, bool required,
                  RequestError *error)
{
    if (!value.isUndefined() && !value.isNull())
        return Presence::Present;
    if (!required)
        return Presence::Absent;
    fail(error, QStringLiteral("%1: required %2").arg(place, QLatin1String(what)));
    return Presence::Missing;
}

bool text(const QJsonObject &o, const QString &key, const QString &where, int maxLength,
          bool required, QString *out, RequestError *error)
{
    const QJsonValue value = o.value(key);
    if (const Presence p
        = presence(value, where + QLatin1Char('.') + key, "string", required, error);
        p != Presence::Present)
        return p == Presence::Absent;
    if (!value.isString())
        return fail(error, QStringLiteral("%1.%2: expected a string").arg(where, key));
    const QString s = value.toString();
    if ((required && s.isEmpty()) || s.size() > maxLength)
        return fail(error, QStringLiteral("%1.%2: expected %3 to %4 characters, got %5")
                               .arg(where, key)
                               .arg(required ? 1 : 0)
                               .arg(maxLength)
                               .arg(s.size()));
    *out = s;
    return true;
}

bool oneOf(const QJsonObject &o, const QString &key, const QString &where,
           const QStringList &allowed, QString *out, RequestError *error)
{
    QString value;
    if (!text(o, key, where, maxTextLength, false, &value, error))
        return false;
    if (!value.isEmpty() && !allowed.contains(value))
        return fail(error, QStringLiteral("%1.%2: '%3' is not one of %4")
                               .arg(where, key, value, allowed.join(QStringLiteral(", "))));
    *out = value;
    return true;
}

bool map(const QJsonObject &o, const QString &key, const QString &where, bool required,
         QVariantMap *out, RequestError *error)
{
    const QJsonValue value = o.value(key);
    if (const Presence p
        = presence(value, where + QLatin1Char('.') + key, "object", required, error);
        p != Presence::Present)
        return p == Presence::Absent;
    if (!value.isObject())
        return fail(error, QStringLiteral("%1.%2: expected an object").arg(where, key));
    const QJsonObject object = value.toObject();
    if (object.size() > maxMapEntries || (required && object.isEmpty()))
        return fail(error, QStringLiteral("%1.%2: expected 1 to %3 entries, got %4")
                               .arg(where, key)
                               .arg(maxMapEntries)
                               .arg(object.size()));
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > maxTextLength)
            return fail(error, QStringLiteral("%1.%2: keys must have 1 to %3 characters")
                                   .arg(where, key)
                                   .arg(maxTextLength));
    }
    *out = object.toVariantMap();
    return true;
}

bool number(const QJsonValue &value, const QString &place, double min, double max, double *out,
            RequestError *error)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < min
        || value.toDouble() > max)
        return fail(
            error,
            QStringLiteral("%1: expected a number from %2 to %3").arg(place).arg(min).arg(max));
    *out = value.toDouble();
    return true;
}

// Seconds since the Unix epoch (what Python's time.time() gives) or ISO 8601 with a zone.
bool timestamp(const QJsonObject &o, const QString &where, qint64 nowMs, qint64 *outMs,
               RequestError *error)
{
    const QJsonValue value = o.value(QStringLiteral("timestamp"));
    if (value.isUndefined() || value.isNull())
        return true;
    qint64 ms = 0;
    if (value.isDouble() && std::isfinite(value.toDouble()) && std::abs(value.toDouble()) < 1e11) {
        ms = qint64(std::llround(value.toDouble() * 1000));
    } else if (value.isString()) {
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (!time.isValid())
            return fail(error, QStringLiteral("%1.timestamp: '%2' is not an ISO 8601 time")
                                   .arg(where, value.toString().left(maxTextLength)));
        ms = time.toMSecsSinceEpoch();
    } else {
        return fail(error, QStringLiteral("%1.timestamp: expected seconds since the Unix epoch "
                                          "or an ISO 8601 string")
                               .arg(where));
    }
    if (std::abs(ms - nowMs) > maxClockSkewMs)
        return fail(
            error,
            QStringLiteral("%1.timestamp: more than a day away from the engine's "
                           "clock (%2)")
                .arg(where, QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODate)));
    *outMs = ms;
    return true;
}

bool metric(const QJsonObject &o, const QString &where, ExternalMessage *m, RequestError *error)
{
    const bool single = o.contains(QStringLiteral("name")) || o.contains(QStringLiteral("value"));
    const bool several = o.contains(QStringLiteral("values"));
    if (single == several)
        return fail(error, QStringLiteral("%1: give either name and value, or values").arg(where));
    if (single) {
        QString name;
        double value = 0;
        if (!text(o, QStringLiteral("name"), where, maxTextLength, true, &name, error)
            || !number(o.value(QStringLiteral("value")), where + QStringLiteral(".value"), -1e300,
                       1e300, &value, error))
            return false;
        m->data.insert(name, value);
        return true;
    }
    if (!map(o, QStringLiteral("values"), where, true, &m->data, error))
        return false;
    const QJsonObject values = o.value(QStringLiteral("values")).toObject();
    for (auto it = values.begin(); it != values.end(); ++it) {
        double ignored = 0;
        if (!number(it.value(), QStringLiteral("%1.values.%2").arg(where, it.key()), -1e300, 1e300,
                    &ignored, error))
            return false;
    }
    return true;
}

} // namespace

bool agentName(const QJsonValue &value, const QString &where, QString *name, RequestError *error)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.:@-]*$"));
    if (!value.isString())
        return fail(error, QStringLiteral("%1: required string, the agent's name").arg(where));
    const QString s = value.toString();
    if (s.isEmpty() || s.size() > maxNameLength || !pattern.match(s).hasMatch())
        return fail(error, QStringLiteral("%1: '%2' is not an agent name (1 to %3 letters, digits "
                                          "and _.:@-, starting with a letter or digit)")
                               .arg(where, s.left(maxNameLength + 1))
                               .arg(maxNameLength));
    *name = s;
    return true;
}

bool message(const QJsonObject &o, const QString &where, ExternalMessage *m, RequestError *error,
             qint64 nowMs)
{
    const QJsonValue type = o.value(QStringLiteral("type"));
    if (!type.isString())
        return fail(error,
                    QStringLiteral("%1.type: required string, one of %2").arg(where, kindNames()));
    const KindSpec *spec = nullptr;
    for (const KindSpec &candidate : kinds()) {
        if (type.toString() == QLatin1String(candidate.name))
            spec = &candidate;
    }
    if (!spec)
        return fail(error, QStringLiteral("%1.type: unknown type '%2' (expected one of %3)")
                               .arg(where, type.toString().left(maxTextLength), kindNames()));
    for (auto it = o.begin(); it != o.end(); ++it) {
        static const QStringList common{QStringLiteral("type"), QStringLiteral("timestamp"),
                                        QStringLiteral("node"), QStringLiteral("message")};
        if (!common.contains(it.key()) && !spec->fields.contains(it.key()))
            return fail(error, QStringLiteral("%1: unknown field '%2' for a %3 message")
                                   .arg(where, it.key().left(maxTextLength), type.toString()));
    }
    m->kind = spec->kind;
    if (!timestamp(o, where, nowMs, &m->timeMs, error)
        || !text(o, QStringLiteral("node"), where, maxTextLength, false, &m->node, error))
        return false;
    const bool needsMessage = m->kind == Kind::Log || m->kind == Kind::Error;
    if (!text(o, QStringLiteral("message"), where, maxMessageLength, needsMessage, &m->message,
              error))
        return false;

    switch (m->kind) {
    case Kind::Register: {
        QString job;
        if (!text(o, QStringLiteral("kind"), where, maxTextLength, false, &m->name, error)
            || !text(o, QStringLiteral("job_id"), where, maxTextLength, false, &job, error)
            || !map(o, QStringLiteral("metadata"), where, false, &m->data, error))
            return false;
        if (!job.isEmpty()) {
            bool ok = false;
            m->job = JobId::fromString(job, &ok);
            if (!ok)
                return fail(error,
                            QStringLiteral("%1.job_id: '%2' is not a job id").arg(where, job));
        }
        return true;
    }
    case Kind::Heartbeat:
        return oneOf(o, QStringLiteral("state"), where,
                     {QStringLiteral("running"), QStringLiteral("idle"), QStringLiteral("paused"),
                      QStringLiteral("stopped")},
                     &m->state, error)
               && text(o, QStringLiteral("checkpoint"), where, maxTextLength, false, &m->checkpoint,
                       error)
               && text(o, QStringLiteral("breakpoint"), where, maxTextLength, false, &m->breakpoint,
                       error)
               && map(o, QStringLiteral("metadata"), where, false, &m->data, error);
    case Kind::Event:
        if (!text(o, QStringLiteral("name"), where, maxTextLength, true, &m->name, error)
            || !map(o, QStringLiteral("data"), where, false, &m->data, error))
            return false;
        if (o.contains(QStringLiteral("duration_ms")))
            return number(o.value(QStringLiteral("duration_ms")),
                          where + QStringLiteral(".duration_ms"), 0, 1e12, &m->durationMs, error);
        return true;
    case Kind::Progress:
        return number(o.value(QStringLiteral("value")), where + QStringLiteral(".value"), 0, 1,
                      &m->value, error);
    case Kind::Metric:
        return metric(o, where, m, error);
    case Kind::Variables:
        return map(o, QStringLiteral("values"), where, true, &m->data, error);
    case Kind::Log:
        return oneOf(o, QStringLiteral("level"), where,
                     {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                      QStringLiteral("error")},
                     &m->level, error);
    case Kind::Error: {
        const QJsonValue fatal = o.value(QStringLiteral("fatal"));
        if (!fatal.isUndefined() && !fatal.isNull() && !fatal.isBool())
            return fail(error, QStringLiteral("%1.fatal: expected true or false").arg(where));
        m->fatal = fatal.toBool();
        return map(o, QStringLiteral("data"), where, false, &m->data, error);
    }
    case Kind::Unregister:
        return oneOf(
            o, QStringLiteral("state"), where,
            {QStringLiteral("completed"), QStringLiteral("failed"), QStringLiteral("cancelled")},
            &m->state, error);
    }
    return true;
}

bool batch(const QJsonObject &body, IngestBatch *result, RequestError *error, qint64 nowMs,
           const QString &boundAgent)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != QLatin1String("agent") && it.key() != QLatin1String("events"))
            return fail(error, QStringLiteral("unknown field '%1' (a batch has agent and events)")
                                   .arg(it.key().left(maxTextLength)));
    }
    const QJsonValue agent = body.value(QStringLiteral("agent"));
    if (boundAgent.isEmpty() || !agent.isUndefined()) {
        if (!agentName(agent, QStringLiteral("agent"), &result->agent, error))
            return false;
        if (!boundAgent.isEmpty() && result->agent != boundAgent)
            return fail(error,
                        QStringLiteral("agent: this connection belongs to '%1', not '%2'")
                            .arg(boundAgent, result->agent),
                        409);
    } else {
        result->agent = boundAgent;
    }
    const QJsonValue events = body.value(QStringLiteral("events"));
    if (!events.isArray())
        return fail(error, QStringLiteral("events: required array of messages"));
    const QJsonArray list = events.toArray();
    if (list.isEmpty())
        return fail(error, QStringLiteral("events: empty; send 1 to %1 messages").arg(maxMessages));
    if (list.size() > maxMessages)
        return fail(error,
                    QStringLiteral("events: %1 messages, more than the limit of %2 per batch")
                        .arg(list.size())
                        .arg(maxMessages),
                    413);
    result->messages.reserve(list.size());
    for (int i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("events[%1]").arg(i);
        if (!list[i].isObject())
            return fail(error, where + QStringLiteral(": expected an object"));
        ExternalMessage m;
        if (!message(list[i].toObject(), where, &m, error, nowMs))
            return false;
        result->messages.push_back(std::move(m));
    }
    return true;
}

bool breakpoints(const QJsonObject &body, QStringList *checkpoints, RequestError *error)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != QLatin1String("checkpoints"))
            return fail(error, QStringLiteral("unknown field '%1' (expected checkpoints)")
                                   .arg(it.key().left(maxTextLength)));
    }
    const QJsonValue value = body.value(QStringLiteral("checkpoints"));
    if (!value.isArray())
        return fail(error, QStringLiteral("checkpoints: required array of checkpoint names"));
    const QJsonArray list = value.toArray();
    if (list.size() > maxMapEntries)
        return fail(error, QStringLiteral("checkpoints: more than %1 names").arg(maxMapEntries));
    QStringList names;
    for (int i = 0; i < list.size(); ++i) {
        const QString s = list[i].toString();
        if (!list[i].isString() || s.isEmpty() || s.size() > maxTextLength)
            return fail(error, QStringLiteral("checkpoints[%1]: expected a name of 1 to %2 "
                                              "characters")
                                   .arg(i)
                                   .arg(maxTextLength));
        if (!names.contains(s))
            names.append(s);
    }
    *checkpoints = names;
    return true;
}

QJsonObject controlJson(const AgentControl &control)
{
    return {{QStringLiteral("paused"), control.paused},
            {QStringLiteral("cancelled"), control.cancelled},
            {QStringLiteral("reason"), control.reason},
            {QStringLiteral("breakpoints"), QJsonArray::fromStringList(control.breakpoints)},
            {QStringLiteral("version"), qint64(control.version)}};
}

} // namespace flowscope::IngestParsing
