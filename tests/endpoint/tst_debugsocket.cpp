// The debug WebSocket on real loopback sockets: commands with request ids and their replies, the
// events it pushes, and the errors.
#include "debugfixture.h"

#include <QSignalSpy>

#include <algorithm>

using namespace flowscope;
using namespace EndpointTest;

class TestDebugSocket : public QObject
{
    Q_OBJECT

private:
    DebugFixture m_fixture;
    HttpResult get(const QString &path) { return m_fixture.get(path); }
    HttpResult post(const QString &path, const QJsonObject &body = {})
    {
        return m_fixture.post(path, body);
    }
    QString flowBreakpoint(const QString &routine) { return m_fixture.flowBreakpoint(routine); }
    QJsonObject waitStopped(const QString &job) { return m_fixture.waitStopped(job); }
    QJsonObject jobVariables(const QString &job) { return m_fixture.jobVariables(job); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUpDebug(&error), qPrintable(error));
    }
    void cleanup() { m_fixture.reset(); }
    void cleanupTestCase() { m_fixture.tearDown(); }

    void webSocketRefusesUnknownJob();
    void webSocketCommandsEventsAndErrors();
};

void TestDebugSocket::webSocketRefusesUnknownJob()
{
    QWebSocket socket;
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    socket.open(m_fixture.url(QStringLiteral("/api/ws/jobs/zz/debug"), QStringLiteral("ws")));
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY(socket.closeReason().contains(QStringLiteral("zz")));
}

void TestDebugSocket::webSocketCommandsEventsAndErrors()
{
    QVERIFY(!flowBreakpoint(QStringLiteral("a")).isEmpty());
    const QString cBp = flowBreakpoint(QStringLiteral("c"));
    const QString job = m_fixture.startJob(QStringLiteral("dchain"));
    QVERIFY(!waitStopped(job).isEmpty());

    DebugClient client;
    QSignalSpy connected(&client.socket, &QWebSocket::connected);
    client.socket.open(
        m_fixture.url(QStringLiteral("/api/ws/jobs/%1/debug").arg(job), QStringLiteral("ws")));
    QVERIFY(connected.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(client.ofType(QStringLiteral("hello")).size(), 1, 5000);
    const QJsonObject hello = client.ofType(QStringLiteral("hello")).first();
    QCOMPARE(hello.value(QStringLiteral("session"))
                 .toObject()
                 .value(QStringLiteral("routine_id"))
                 .toString(),
             QStringLiteral("a"));
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.endpoint().debuggerCount(), 1, 5000);

    // Several commands in flight: each id gets its own reply.
    client.send({{"id", 1}, {"command", "get_call_stack"}});
    client.send({{"id", 2}, {"command", "get_variables"}, {"frame", 0}});
    client.send({{"id", "three"},
                 {"command", "set_variable"},
                 {"name", "n"},
                 {"value", 4},
                 {"scope", "data"}});
    client.send({{"id", 4}, {"command", "evaluate"}, {"expression", "data.n * 2"}});
    client.send({{"id", 5}, {"command", "fly"}});
    client.send({{"id", 6}, {"command", "get_variables"}, {"frame", 7}});
    client.socket.sendTextMessage(QStringLiteral("{\"id\": 7, \"command\": "));
    const QJsonObject stack = client.reply(1);
    QVERIFY(stack.value(QStringLiteral("ok")).toBool());
    QCOMPARE(routinesOf(stack.value(QStringLiteral("result"))
                            .toObject()
                            .value(QStringLiteral("frames"))
                            .toArray()),
             QStringList{"a"});
    QVERIFY(client.reply(2)
                .value(QStringLiteral("result"))
                .toObject()
                .contains(QStringLiteral("job_variables")));
    const QJsonObject set = client.reply(QStringLiteral("three"));
    QVERIFY(set.value(QStringLiteral("ok")).toBool());
    QCOMPARE(set.value(QStringLiteral("result"))
                 .toObject()
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("n"))
                 .toInt(),
             4);
    const QJsonObject eval = client.reply(4);
    QCOMPARE(
        eval.value(QStringLiteral("result")).toObject().value(QStringLiteral("result")).toInt(), 8);
    const QJsonObject unknown = client.reply(5);
    QVERIFY(!unknown.value(QStringLiteral("ok")).toBool());
    QCOMPARE(
        unknown.value(QStringLiteral("error")).toObject().value(QStringLiteral("status")).toInt(),
        400);
    QVERIFY(unknown.value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("fly")));
    QCOMPARE(client.reply(6)
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toInt(),
             400);
    const QJsonObject malformed = client.reply(QJsonValue());
    QVERIFY(!malformed.value(QStringLiteral("ok")).toBool());
    QCOMPARE(
        malformed.value(QStringLiteral("error")).toObject().value(QStringLiteral("status")).toInt(),
        400);

    // A step: job_resumed, then job_paused at b.
    client.messages.clear();
    client.send({{"id", 8}, {"command", "step_into"}});
    QVERIFY(client.reply(8).value(QStringLiteral("ok")).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(client.eventTypes(), (QStringList{"job_resumed", "job_paused"}),
                              5000);
    const QJsonObject pausedEvent
        = client.ofType(QStringLiteral("event")).last().value(QStringLiteral("event")).toObject();
    QCOMPARE(pausedEvent.value(QStringLiteral("job_id")).toString(), job);
    QCOMPARE(pausedEvent.value(QStringLiteral("routine_id")).toString(), QStringLiteral("b"));

    // Continue to c's breakpoint: resumed, breakpoint_hit, paused.
    client.messages.clear();
    client.send({{"id", 9}, {"command", "continue"}});
    QVERIFY(client.reply(9).value(QStringLiteral("ok")).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(client.eventTypes(),
                              (QStringList{"job_resumed", "breakpoint_hit", "job_paused"}), 5000);
    const QJsonObject hit
        = client.ofType(QStringLiteral("event")).at(1).value(QStringLiteral("event")).toObject();
    QCOMPARE(hit.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("breakpoint_id"))
                 .toString(),
             cBp);

    // Continue to the end; then the job is not stopped: 409, as over REST.
    client.messages.clear();
    client.send({{"id", 10}, {"command", "continue"}});
    QVERIFY(client.reply(10).value(QStringLiteral("ok")).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(client.eventTypes().contains(QStringLiteral("job_completed")), 5000);
    client.send({{"id", 11}, {"command", "step_over"}});
    const QJsonObject late = client.reply(11);
    QVERIFY(!late.value(QStringLiteral("ok")).toBool());
    QCOMPARE(late.value(QStringLiteral("error")).toObject().value(QStringLiteral("status")).toInt(),
             409);
    // n was set to 4 on a's input: a emitted 5, b stored 50.
    QCOMPARE(jobVariables(job).value(QStringLiteral("result")).toInt(), 50);

    // Every command had exactly one reply.
    QTest::qWait(50);
    const QList<QJsonValue> ids{1, 2, QStringLiteral("three"), 4, 5, 6, QJsonValue(), 8, 9, 10, 11};
    for (const QJsonValue &id : ids)
        QCOMPARE(client.repliesTo(id).size(), 1);
    QCOMPARE(client.allReplies, int(ids.size()));
    client.socket.close();
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.endpoint().debuggerCount(), 0, 5000);
}

QTEST_GUILESS_MAIN(TestDebugSocket)
#include "tst_debugsocket.moc"
