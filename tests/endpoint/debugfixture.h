#pragma once

// What the debugger endpoint tests share: the fixture with the dchain flow, REST helpers, and a
// debug WebSocket client.

#include "endpointfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QWebSocket>

namespace EndpointTest {

// a -> b -> c in JavaScript: b stores n * 10 as the job's result, c marks the job done.
inline const QByteArray scriptChain = R"({"flow_id":"dchain","entry":"a.in","routines":{
    "a":{"class":"flowscope.Script","config":{"handler":"function (d, ctx) { ctx.emit('out', {n: (d.n || 0) + 1}); }"}},
    "b":{"class":"flowscope.Script","config":{"handler":"function (d, ctx) { ctx.setJob('result', d.n * 10); ctx.emit('out', d); }"}},
    "c":{"class":"flowscope.Script","config":{"events":[],"handler":"function (d, ctx) { ctx.setJob('done', true); }"}}},
    "connections":[{"from":"a.out","to":"b.in"},{"from":"b.out","to":"c.in"}]})";

inline QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QStringList routinesOf(const QJsonArray &frames)
{
    QStringList routines;
    for (const QJsonValue &f : frames)
        routines << f.toObject().value(QStringLiteral("routine_id")).toString();
    return routines;
}

// A debugger client on /api/ws/jobs/{id}/debug: every frame, decoded, split into replies and
// events.
struct DebugClient
{
    QWebSocket socket;
    QList<QJsonObject> messages; // cleared by the test between steps
    QList<QJsonObject> replies;  // every reply, never cleared
    int allReplies = 0;

    DebugClient()
    {
        QObject::connect(
            &socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
                const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
                messages.append(m);
                if (m.value(QStringLiteral("type")).toString() == QLatin1String("reply")) {
                    replies.append(m);
                    ++allReplies;
                }
            });
    }
    void send(const QJsonObject &message)
    {
        socket.sendTextMessage(QString::fromUtf8(json(message)));
    }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &m : messages) {
            if (m.value(QStringLiteral("type")).toString() == type)
                list.append(m);
        }
        return list;
    }
    QList<QJsonObject> repliesTo(const QJsonValue &id) const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &m : replies) {
            if (m.value(QStringLiteral("id")) == id)
                list.append(m);
        }
        return list;
    }
    // The reply to id, waiting for it (an empty object when none came).
    QJsonObject reply(const QJsonValue &id)
    {
        (void)QTest::qWaitFor([&] { return !repliesTo(id).isEmpty(); }, 5000);
        const QList<QJsonObject> list = repliesTo(id);
        return list.isEmpty() ? QJsonObject() : list.first();
    }
    QStringList eventTypes() const
    {
        QStringList types;
        const QList<QJsonObject> events = ofType(QStringLiteral("event"));
        for (const QJsonObject &m : events)
            types << m.value(QStringLiteral("event"))
                         .toObject()
                         .value(QStringLiteral("type"))
                         .toString();
        return types;
    }
};

// The endpoint fixture with the dchain flow, and the requests the debugger tests make.
class DebugFixture : public Fixture
{
public:
    bool setUpDebug(QString *error);
    // Each test starts without breakpoints and without stopped jobs.
    void reset();

    HttpResult get(const QString &path) { return request("GET", path); }
    HttpResult post(const QString &path, const QJsonObject &body = {})
    {
        return request("POST", path, body.isEmpty() ? QByteArray() : json(body));
    }
    // A flow breakpoint on a routine of dchain; its id.
    QString flowBreakpoint(const QString &routine);
    // The session once the job is stopped at an activation (empty after 5 s without).
    QJsonObject waitStopped(const QString &job);
    QJsonObject jobVariables(const QString &job);
};

} // namespace EndpointTest
