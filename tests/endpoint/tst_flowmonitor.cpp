// The flow monitor WebSocket over real loopback sockets: every client gets every event of every
// job of its flow (its own subscription) and nothing of other flows; ?since= replays the held
// events; an unknown flow or a bad since closes with 1008; a reader that stops reading is told
// what it missed and not cut off.
#include "endpointfixture.h"
#include "monitorclient.h"

#include "events/eventbus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <algorithm>

using namespace flowscope;
using namespace EndpointTest;

class TestFlowMonitor : public QObject
{
    Q_OBJECT

private:
    QUrl monitorUrl(const QString &flowId, const QString &query = {}) const
    {
        QUrl url = m_fixture.url(QStringLiteral("/api/ws/flows/%1/monitor").arg(flowId),
                                 QStringLiteral("ws"));
        url.setQuery(query);
        return url;
    }

    Fixture m_fixture;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void everyClientGetsEveryJobOfTheFlow();
    void helloListsUnfinishedJobs();
    void sinceReplaysHeldEvents();
    void refusesUnknownFlowAndBadSince();
    void stalledReaderIsToldWhatItMissed();
};

void TestFlowMonitor::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
}

void TestFlowMonitor::cleanupTestCase()
{
    m_fixture.tearDown();
}

void TestFlowMonitor::everyClientGetsEveryJobOfTheFlow()
{
    const int subscribersBefore = m_fixture.engine().bus().subscriberCount();
    MonitorClient first;
    MonitorClient second;
    first.socket.open(monitorUrl(QStringLiteral("chain")));
    second.socket.open(monitorUrl(QStringLiteral("chain")));
    QTRY_VERIFY_WITH_TIMEOUT(!first.messages.isEmpty() && !second.messages.isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.engine().bus().subscriberCount(), subscribersBefore + 2,
                              5000);

    const QString a = m_fixture.startJob(QStringLiteral("chain"));
    const QString b = m_fixture.startJob(QStringLiteral("chain"));
    const QString other = m_fixture.startJob(QStringLiteral("slow"));
    for (MonitorClient *client : {&first, &second}) {
        QTRY_COMPARE_WITH_TIMEOUT(client->count(QStringLiteral("job_completed"), a), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(client->count(QStringLiteral("job_completed"), b), 1, 10000);
        QCOMPARE(client->count(QStringLiteral("job_started"), a), 1);
        QCOMPARE(client->count(QStringLiteral("job_started"), b), 1);
    }
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(other)).status,
             200);

    const QJsonObject hello = first.messages.first();
    QCOMPARE(hello.value("type").toString(), QStringLiteral("hello"));
    QCOMPARE(hello.value("flow_id").toString(), QStringLiteral("chain"));

    // Only the flow's events, each once and in order, and the same ones for both clients.
    const auto stopAt = [](const MonitorClient &client, const QString &jobId) {
        QList<qint64> seqs;
        for (const QJsonObject &e : client.events()) {
            seqs.append(e.value("seq").toInteger());
            if (e.value("type").toString() == QLatin1String("job_completed")
                && e.value("job_id").toString() == jobId)
                break;
        }
        return seqs;
    };
    const QString last = first.events().last().value("job_id").toString();
    QCOMPARE(stopAt(first, last), stopAt(second, last));
    const QList<qint64> seqs = first.sequences();
    for (int i = 1; i < seqs.size(); ++i)
        QVERIFY(seqs.at(i) > seqs.at(i - 1));
    for (const QJsonObject &e : first.events())
        QCOMPARE(e.value("flow_id").toString(), QStringLiteral("chain"));
    for (int i = 1; i < first.messages.size(); ++i) {
        QCOMPARE(first.messages.at(i).value("type").toString(), QStringLiteral("events"));
        QCOMPARE(first.messages.at(i).value("dropped").toInt(), 0);
    }

    // Closing unsubscribes.
    first.socket.close();
    second.socket.close();
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.engine().bus().subscriberCount(), subscribersBefore, 5000);
}

void TestFlowMonitor::helloListsUnfinishedJobs()
{
    const QString id = m_fixture.startJob(QStringLiteral("slow"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("running")));
    MonitorClient client;
    client.socket.open(monitorUrl(QStringLiteral("slow")));
    QTRY_VERIFY_WITH_TIMEOUT(!client.messages.isEmpty(), 5000);
    const QJsonArray jobs = client.messages.first().value("jobs").toArray();
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.first().toObject().value("job_id").toString(), id);
    QCOMPARE(jobs.first().toObject().value("status").toString(), QStringLiteral("running"));
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(id)).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(client.count(QStringLiteral("job_cancelled"), id), 1, 5000);
}

void TestFlowMonitor::sinceReplaysHeldEvents()
{
    const quint64 before = m_fixture.engine().bus().lastSequence();
    const QString id = m_fixture.startJob(QStringLiteral("chain"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("completed")));

    MonitorClient client;
    client.socket.open(monitorUrl(QStringLiteral("chain"), QStringLiteral("since=%1").arg(before)));
    QTRY_COMPARE_WITH_TIMEOUT(client.count(QStringLiteral("job_completed"), id), 1, 5000);
    QCOMPARE(client.count(QStringLiteral("job_started"), id), 1);
    const QVector<Event> trace = m_fixture.engine().trace(JobId::fromString(id));
    QCOMPARE(qsizetype(client.events().size()), trace.size());
    QCOMPARE(client.messages.first().value("jobs").toArray().size(), 0);
}

void TestFlowMonitor::refusesUnknownFlowAndBadSince()
{
    for (const QUrl &url : {monitorUrl(QStringLiteral("nope")),
                            monitorUrl(QStringLiteral("chain"), QStringLiteral("since=soon"))}) {
        QWebSocket socket;
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(url);
        QVERIFY2(disconnected.wait(5000) || disconnected.size() == 1, qPrintable(url.toString()));
        QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY2(!socket.closeReason().isEmpty(), qPrintable(url.toString()));
    }
}

void TestFlowMonitor::stalledReaderIsToldWhatItMissed()
{
    const int subscribersBefore = m_fixture.engine().bus().subscriberCount();
    StalledReader reader;
    QVERIFY(reader.open(m_fixture.port(), "/api/ws/flows/chain/monitor"));
    QVERIFY(
        waitUntil([&] { return m_fixture.engine().bus().subscriberCount() > subscribersBefore; }));

    Event prototype;
    prototype.flow = Symbol::intern(QStringLiteral("chain"));
    flood(m_fixture.engine().bus(), prototype);
    // Without the cap on unsent bytes every event would be queued for the socket, none dropped.
    QVERIFY(reader.catchUpUntilToldOfMissed());
    QVERIFY(reader.isConnected());

    // What it missed shows in /metrics too.
    const HttpResult metrics = m_fixture.request("GET", QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    static const QRegularExpression dropped(QStringLiteral(
        R"(flowscope_subscriber_events_dropped_total\{kind="flow_monitor",subscriber="chain@[0-9a-f]+"\} [1-9])"));
    QVERIFY2(dropped.match(QString::fromUtf8(metrics.raw)).hasMatch(), metrics.raw.constData());
}

QTEST_GUILESS_MAIN(TestFlowMonitor)
#include "tst_flowmonitor.moc"
