#include "protocol/messages.h"

#include "events/eventtype.h"

namespace flowscope {
namespace Protocol {

namespace {

QCborMap typed(const char *type)
{
    return QCborMap{{QStringLiteral("type"), QLatin1String(type)}};
}

void put(QCborMap &map, const char *key, const QCborValue &value)
{
    map.insert(QLatin1String(key), value);
}

bool finish(const FieldReader &r, QString *error)
{
    if (r.ok())
        return true;
    *error = r.error();
    return false;
}

} // namespace

QCborMap toCbor(const Hello &m)
{
    QCborMap out = typed("hello");
    put(out, "protocol", m.protocol);
    put(out, "encoding", FrameCodec::encodingName(m.encoding));
    if (!m.token.isEmpty())
        put(out, "token", m.token);
    put(out, "client", m.client);
    return out;
}

bool parse(const Frame &frame, Hello *m, QString *error)
{
    const FieldReader r(frame.body, QStringLiteral("hello"));
    m->protocol = int(std::min<quint64>(r.unsignedInt("protocol", true), 1u << 30));
    const QString encoding = r.string("encoding");
    if (!encoding.isEmpty() && !FrameCodec::encodingFromName(encoding, &m->encoding))
        r.fail("encoding", QStringLiteral("expected \"json\" or \"cbor\""));
    m->token = r.string("token");
    m->client = r.string("client");
    return finish(r, error);
}

QCborMap toCbor(const Welcome &m)
{
    QCborMap out = typed("welcome");
    put(out, "protocol", m.protocol);
    put(out, "server", m.server);
    put(out, "engine_started", m.engineStartedMs);
    put(out, "last_seq", qint64(m.lastSeq));
    put(out, "role", m.role);
    return out;
}

bool parse(const Frame &frame, Welcome *m, QString *error)
{
    const FieldReader r(frame.body, QStringLiteral("welcome"));
    m->protocol = int(std::min<quint64>(r.unsignedInt("protocol", true), 1u << 30));
    m->server = r.string("server");
    m->engineStartedMs = r.integer("engine_started");
    m->lastSeq = r.unsignedInt("last_seq", true);
    m->role = r.string("role", true);
    if (r.ok() && m->role != QLatin1String("read") && m->role != QLatin1String("control"))
        r.fail("role", QStringLiteral("expected \"read\" or \"control\""));
    return finish(r, error);
}

QCborMap toCbor(const Subscribe &m)
{
    QCborMap out = typed("subscribe");
    if (m.hasSince)
        put(out, "since", qint64(m.since));
    if (!m.types.isEmpty())
        put(out, "types", QCborArray::fromStringList(m.types));
    if (!m.jobs.isEmpty()) {
        QCborArray jobs;
        for (JobId job : m.jobs)
            jobs.append(job.toString());
        put(out, "jobs", jobs);
    }
    if (!m.agents.isEmpty())
        put(out, "agents", QCborArray::fromStringList(m.agents));
    return out;
}

bool parse(const Frame &frame, Subscribe *m, QString *error)
{
    const FieldReader r(frame.body, QStringLiteral("subscribe"));
    m->hasSince = r.has("since");
    m->since = r.unsignedInt("since");
    m->types = r.stringList("types");
    for (qsizetype i = 0; i < m->types.size() && r.ok(); ++i) {
        EventType type;
        if (!eventTypeFromName(m->types[i], &type))
            r.fail("types", QStringLiteral("unknown event type '%1'").arg(m->types[i].left(40)));
    }
    const QStringList jobs = r.stringList("jobs");
    for (const QString &text : jobs) {
        bool good = false;
        m->jobs.push_back(JobId::fromString(text, &good));
        if (!good) {
            r.fail("jobs", QStringLiteral("'%1' is not a job id").arg(text.left(40)));
            break;
        }
    }
    m->agents = r.stringList("agents");
    return finish(r, error);
}

QCborMap toCbor(const Command &m)
{
    QCborMap out = typed("command");
    put(out, "id", qint64(m.id));
    put(out, "name", m.name);
    put(out, "args", m.args);
    return out;
}

bool parse(const Frame &frame, Command *m, QString *error)
{
    const FieldReader r(frame.body, QStringLiteral("command"));
    m->id = r.unsignedInt("id", true);
    m->name = r.string("name", true);
    m->args = r.child("args").map();
    return finish(r, error);
}

QCborMap toCbor(const Reply &m)
{
    QCborMap out = typed("reply");
    put(out, "id", qint64(m.id));
    put(out, "ok", m.ok);
    if (m.ok) {
        put(out, "result", m.result);
    } else {
        put(out, "error",
            QCborMap{{QStringLiteral("code"), m.errorCode},
                     {QStringLiteral("message"), m.errorMessage}});
    }
    return out;
}

bool parse(const Frame &frame, Reply *m, QString *error)
{
    const FieldReader r(frame.body, QStringLiteral("reply"));
    m->id = r.unsignedInt("id", true);
    m->ok = r.boolean("ok", true);
    if (m->ok) {
        m->result = r.child("result").map();
    } else {
        const FieldReader e = r.child("error", true);
        m->errorCode = e.string("code", true);
        m->errorMessage = e.string("message");
    }
    return finish(r, error);
}

QCborMap toCbor(const Error &m)
{
    QCborMap out = typed("error");
    put(out, "code", m.code);
    put(out, "message", m.message);
    if (m.request)
        put(out, "request", qint64(m.request));
    return out;
}

bool parse(const Frame &frame, Error *m, QString *error)
{
    const FieldReader r(frame.body, QStringLiteral("error"));
    m->code = r.string("code", true);
    m->message = r.string("message");
    m->request = r.unsignedInt("request");
    return finish(r, error);
}

QCborMap toCbor(const Gap &m)
{
    QCborMap out = typed("gap");
    put(out, "from", qint64(m.from));
    put(out, "to", qint64(m.to));
    return out;
}

bool parse(const Frame &frame, Gap *m, QString *error)
{
    const FieldReader r(frame.body, QStringLiteral("gap"));
    m->from = r.unsignedInt("from", true);
    m->to = r.unsignedInt("to", true);
    return finish(r, error);
}

} // namespace Protocol
} // namespace flowscope
