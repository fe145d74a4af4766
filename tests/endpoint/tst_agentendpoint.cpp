// External agents over real loopback sockets: POST /api/ingest with its validation, the control
// routes, and the agent WebSocket, which hears every control change pushed at once.
#include "endpointfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace flowscope;
using namespace EndpointTest;

namespace {

QByteArray batch(const QString &agent, const QJsonArray &events)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("agent"), agent}, {QStringLiteral("events"), events}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject message(const QString &type, QJsonObject fields = {})
{
    fields.insert(QStringLiteral("type"), type);
    return fields;
}

// An agent on the WebSocket channel: every frame it received, decoded.
struct AgentClient
{
    QWebSocket socket;
    QList<QJsonObject> frames;

    AgentClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) {
                             frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
    }
    void send(const QByteArray &text) { socket.sendTextMessage(QString::fromUtf8(text)); }
    QStringList commands() const
    {
        QStringList list;
        for (const QJsonObject &f : frames) {
            if (f.value(QStringLiteral("type")).toString() == QLatin1String("control"))
                list.append(f.value(QStringLiteral("command")).toString());
        }
        return list;
    }
};

} // namespace

class TestAgentEndpoint : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;
    QString detailOf(const HttpResult &result)
    {
        return result.json.value(QStringLiteral("detail")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_fixture.tearDown(); }

    void ingestAnswersTheControlState();
    void ingestRefusesBadInputWithItsPlace();
    void controlRoutes();
    void theWebSocketHearsEveryControlChange();
};

void TestAgentEndpoint::ingestAnswersTheControlState()
{
    const HttpResult result
        = m_fixture.request("POST", QStringLiteral("/api/ingest"),
                            batch(QStringLiteral("http-agent"),
                                  {message(QStringLiteral("register"),
                                           {{QStringLiteral("kind"), QStringLiteral("probe")}}),
                                   message(QStringLiteral("heartbeat"),
                                           {{QStringLiteral("state"), QStringLiteral("running")}}),
                                   message(QStringLiteral("progress"),
                                           {{QStringLiteral("value"), 0.25},
                                            {QStringLiteral("node"), QStringLiteral("scan")}}),
                                   message(QStringLiteral("metric"),
                                           {{QStringLiteral("name"), QStringLiteral("latency_ms")},
                                            {QStringLiteral("value"), 4.5}})}));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QStringLiteral("accepted")).toInt(), 4);
    QCOMPARE(result.json.value(QStringLiteral("heartbeat_interval_ms")).toInt(),
             m_fixture.engine().healthPolicy().intervalMs);
    const QJsonObject control = result.json.value(QStringLiteral("control")).toObject();
    QCOMPARE(control.value(QStringLiteral("paused")).toBool(true), false);
    QCOMPARE(control.value(QStringLiteral("cancelled")).toBool(true), false);
    QVERIFY(control.value(QStringLiteral("version")).toInteger() > 0);

    const HttpResult agent
        = m_fixture.request("GET", QStringLiteral("/api/external-agents/http-agent"));
    QCOMPARE(agent.status, 200);
    QCOMPARE(agent.json.value(QStringLiteral("kind")).toString(), QStringLiteral("probe"));
    QCOMPARE(agent.json.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
    QCOMPARE(agent.json.value(QStringLiteral("node")).toString(), QStringLiteral("scan"));
    QCOMPARE(agent.json.value(QStringLiteral("progress")).toDouble(), 0.25);
    QCOMPARE(agent.json.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("transport"))
                 .toString(),
             QStringLiteral("http"));

    // In the health list, next to the engine's workers.
    const HttpResult health = m_fixture.request("GET", QStringLiteral("/api/agents/http-agent"));
    QCOMPARE(health.status, 200);
    QVERIFY(health.json.value(QStringLiteral("external")).toBool());
    QCOMPARE(health.json.value(QStringLiteral("state")).toString(), QStringLiteral("healthy"));
    const HttpResult list = m_fixture.request("GET", QStringLiteral("/api/external-agents"));
    QCOMPARE(list.json.value(QStringLiteral("total")).toInt(),
             list.json.value(QStringLiteral("agents")).toArray().size());
}

void TestAgentEndpoint::ingestRefusesBadInputWithItsPlace()
{
    const auto refused = [this](const QByteArray &body, int status, const QString &detail) {
        const HttpResult result = m_fixture.request("POST", QStringLiteral("/api/ingest"), body);
        verifyErrorEnvelope(result, status);
        QCOMPARE(detailOf(result), detail);
    };
    refused("[1]", 400, QStringLiteral("body must be a JSON object"));
    refused(R"({"events": []})", 400, QStringLiteral("agent: required string, the agent's name"));
    refused(batch(QStringLiteral("bad name!"), {message(QStringLiteral("heartbeat"))}), 400,
            QStringLiteral("agent: 'bad name!' is not an agent name (1 to 64 letters, digits and "
                           "_.:@-, starting with a letter or digit)"));
    refused(batch(QStringLiteral("a1"), {}), 400,
            QStringLiteral("events: empty; send 1 to 1000 messages"));
    refused(
        batch(QStringLiteral("a1"), {message(QStringLiteral("beat"))}), 400,
        QStringLiteral("events[0].type: unknown type 'beat' (expected one of register, "
                       "heartbeat, event, progress, metric, variables, log, error, unregister)"));
    refused(batch(QStringLiteral("a1"),
                  {message(QStringLiteral("register")),
                   message(QStringLiteral("progress"), {{QStringLiteral("value"), 2}})}),
            400, QStringLiteral("events[1].value: expected a number from 0 to 1"));
    refused(batch(QStringLiteral("a1"),
                  {message(QStringLiteral("progress"),
                           {{QStringLiteral("value"), 0.5}, {QStringLiteral("colour"), 1}})}),
            400, QStringLiteral("events[0]: unknown field 'colour' for a progress message"));
    refused(batch(QStringLiteral("a1"), {message(QStringLiteral("log"))}), 400,
            QStringLiteral("events[0].message: required string"));
    const HttpResult old = m_fixture.request(
        "POST", QStringLiteral("/api/ingest"),
        batch(QStringLiteral("a1"),
              {message(QStringLiteral("heartbeat"), {{QStringLiteral("timestamp"), 1.0}})}));
    verifyErrorEnvelope(old, 400);
    QVERIFY2(detailOf(old).startsWith(QStringLiteral("events[0].timestamp: more than a day away")),
             qPrintable(detailOf(old)));
    refused(batch(QStringLiteral("never-registered"), {message(QStringLiteral("heartbeat"))}), 404,
            QStringLiteral("events[0]: agent 'never-registered' is not registered: send a "
                           "register message first"));
    refused(batch(QStringLiteral("worker-1"), {message(QStringLiteral("register"))}), 409,
            QStringLiteral("events[0].agent: 'worker-1' is one of the engine's own agents: choose "
                           "another name"));
    QJsonArray many;
    for (int i = 0; i < 1001; ++i)
        many.append(message(QStringLiteral("heartbeat")));
    refused(batch(QStringLiteral("a1"), many), 413,
            QStringLiteral("events: 1001 messages, more than the limit of 1000 per batch"));
    // Nothing of a refused batch stays.
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/external-agents/a1")).status, 404);
}

void TestAgentEndpoint::controlRoutes()
{
    QCOMPARE(m_fixture
                 .request("POST", QStringLiteral("/api/ingest"),
                          batch(QStringLiteral("ctl"), {message(QStringLiteral("register"))}))
                 .status,
             200);
    HttpResult paused = m_fixture.request("POST", QStringLiteral("/api/agents/ctl/pause"));
    QCOMPARE(paused.status, 200);
    QVERIFY(paused.json.value(QStringLiteral("control"))
                .toObject()
                .value(QStringLiteral("paused"))
                .toBool());
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/agents/ctl/pause")), 409);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/agents/nobody/pause")), 404);
    const HttpResult own = m_fixture.request("POST", QStringLiteral("/api/agents/worker-1/cancel"));
    verifyErrorEnvelope(own, 409);
    QVERIFY2(detailOf(own).contains(QStringLiteral("control its jobs")), qPrintable(detailOf(own)));

    // What the agent reads next.
    const HttpResult beat
        = m_fixture.request("POST", QStringLiteral("/api/ingest"),
                            batch(QStringLiteral("ctl"), {message(QStringLiteral("heartbeat"))}));
    QCOMPARE(beat.json.value(QStringLiteral("control"))
                 .toObject()
                 .value(QStringLiteral("reason"))
                 .toString(),
             QStringLiteral("agent paused"));

    const HttpResult bad = m_fixture.request("PUT", QStringLiteral("/api/agents/ctl/breakpoints"),
                                             R"({"checkpoints": ["ok", 3]})");
    verifyErrorEnvelope(bad, 400);
    QCOMPARE(detailOf(bad),
             QStringLiteral("checkpoints[1]: expected a name of 1 to 200 characters"));
    const HttpResult set = m_fixture.request("PUT", QStringLiteral("/api/agents/ctl/breakpoints"),
                                             R"({"checkpoints": ["step", "step", "wave"]})");
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json.value(QStringLiteral("control"))
                 .toObject()
                 .value(QStringLiteral("breakpoints"))
                 .toArray(),
             (QJsonArray{QStringLiteral("step"), QStringLiteral("wave")}));
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/agents/ctl/resume")).status, 200);
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/agents/ctl/cancel")).status, 200);
    const HttpResult after = m_fixture.request("GET", QStringLiteral("/api/external-agents/ctl"));
    QVERIFY(after.json.value(QStringLiteral("control"))
                .toObject()
                .value(QStringLiteral("cancelled"))
                .toBool());
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/agents/ctl/resume")), 409);
    // A read route with a write verb is told apart from an unknown path.
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/ingest")).status, 405);
}

void TestAgentEndpoint::theWebSocketHearsEveryControlChange()
{
    AgentClient agent;
    QSignalSpy connected(&agent.socket, &QWebSocket::connected);
    agent.socket.open(m_fixture.url(QStringLiteral("/api/ws/agents"), QStringLiteral("ws")));
    QVERIFY(connected.wait(5000) || connected.size() == 1);

    agent.send(batch(QStringLiteral("ws-agent"),
                     {message(QStringLiteral("register"),
                              {{QStringLiteral("kind"), QStringLiteral("probe")}})}));
    QTRY_COMPARE_WITH_TIMEOUT(agent.frames.size(), 1, 5000);
    QCOMPARE(agent.frames[0].value(QStringLiteral("type")).toString(), QStringLiteral("ack"));
    QCOMPARE(agent.frames[0].value(QStringLiteral("agent")).toString(), QStringLiteral("ws-agent"));
    QVERIFY(m_fixture.request("GET", QStringLiteral("/api/external-agents/ws-agent"))
                .json.value(QStringLiteral("connected"))
                .toBool());

    // Later frames may leave the agent out; one for another agent is refused.
    agent.send(R"({"events": [{"type": "heartbeat", "state": "running"}]})");
    agent.send(batch(QStringLiteral("someone-else"), {message(QStringLiteral("heartbeat"))}));
    agent.send("not json");
    QTRY_COMPARE_WITH_TIMEOUT(agent.frames.size(), 4, 5000);
    QCOMPARE(agent.frames[1].value(QStringLiteral("type")).toString(), QStringLiteral("ack"));
    QCOMPARE(agent.frames[2].value(QStringLiteral("type")).toString(), QStringLiteral("error"));
    QCOMPARE(agent.frames[2].value(QStringLiteral("status")).toInt(), 409);
    QCOMPARE(agent.frames[2].value(QStringLiteral("message")).toString(),
             QStringLiteral("agent: this connection belongs to 'ws-agent', not 'someone-else'"));
    QCOMPARE(agent.frames[3].value(QStringLiteral("status")).toInt(), 400);

    // Control from REST is pushed at once, in order.
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/agents/ws-agent/pause")).status, 200);
    QCOMPARE(m_fixture
                 .request("PUT", QStringLiteral("/api/agents/ws-agent/breakpoints"),
                          R"({"checkpoints": ["step"]})")
                 .status,
             200);
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/agents/ws-agent/resume")).status, 200);
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/agents/ws-agent/cancel")).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(agent.commands(),
                              (QStringList{QStringLiteral("pause"), QStringLiteral("breakpoints"),
                                           QStringLiteral("resume"), QStringLiteral("cancel")}),
                              5000);
    const QJsonObject last = agent.frames.last().value(QStringLiteral("control")).toObject();
    QVERIFY(last.value(QStringLiteral("cancelled")).toBool());
    QCOMPARE(last.value(QStringLiteral("breakpoints")).toArray(),
             QJsonArray{QStringLiteral("step")});

    // Closing the socket is seen.
    agent.socket.close();
    QVERIFY(waitUntil([this] {
        return !m_fixture.request("GET", QStringLiteral("/api/external-agents/ws-agent"))
                    .json.value(QStringLiteral("connected"))
                    .toBool();
    }));
}

QTEST_MAIN(TestAgentEndpoint)
#include "tst_agentendpoint.moc"
