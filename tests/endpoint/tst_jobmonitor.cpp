// The job monitor WebSocket over real loopback sockets: every client gets every event of its job
// (its own subscription), late clients get the history first, unknown jobs and paths close 1008.
#include "endpointfixture.h"
#include "monitorclient.h"

#include "events/eventbus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <algorithm>

using namespace flowscope;
using namespace EndpointTest;

class TestJobMonitor : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void monitorStreamsEveryEventToEachClient();
    void monitorRefusesUnknownJobAndPath();
    void lateClientGetsTheHistory();
    void liveEventsFollowTheHistory();
    void stalledReaderIsToldWhatItMissed();
};

void TestJobMonitor::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
}

void TestJobMonitor::cleanupTestCase()
{
    m_fixture.tearDown();
}

void TestJobMonitor::monitorStreamsEveryEventToEachClient()
{
    const QString id = m_fixture.startJob(QStringLiteral("chain"));
    QVERIFY(!id.isEmpty());
    const QUrl monitorUrl
        = m_fixture.url(QStringLiteral("/api/ws/jobs/%1/monitor").arg(id), QStringLiteral("ws"));
    MonitorClient first;
    MonitorClient second;
    QSignalSpy firstConnected(&first.socket, &QWebSocket::connected);
    QSignalSpy secondConnected(&second.socket, &QWebSocket::connected);
    first.socket.open(monitorUrl);
    second.socket.open(monitorUrl);
    QVERIFY(firstConnected.wait(5000) || firstConnected.size() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(secondConnected.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.endpoint().monitorCount(), 2, 5000);

    QTRY_VERIFY_WITH_TIMEOUT(first.sawType(QStringLiteral("job_completed")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(second.sawType(QStringLiteral("job_completed")), 10000);

    for (MonitorClient *client : {&first, &second}) {
        const QJsonObject hello = client->messages.first();
        QCOMPARE(hello.value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QCOMPARE(hello.value(QStringLiteral("job_id")).toString(), id);
        QVERIFY(hello.contains(QStringLiteral("status")));
        for (int i = 1; i < client->messages.size(); ++i) {
            QCOMPARE(client->messages.at(i).value("type").toString(), QStringLiteral("events"));
            QCOMPARE(client->messages.at(i).value("dropped").toInt(), 0);
        }
    }

    // Each client has every event of the job exactly once, in order: the same as the trace.
    const QList<qint64> firstSeqs = first.sequences();
    const QList<qint64> secondSeqs = second.sequences();
    QCOMPARE(firstSeqs, secondSeqs);
    for (int i = 1; i < firstSeqs.size(); ++i)
        QVERIFY(firstSeqs.at(i) > firstSeqs.at(i - 1));
    QList<qint64> traceSeqs;
    const QVector<Event> trace = m_fixture.engine().trace(JobId::fromString(id));
    for (const Event &e : trace)
        traceSeqs.append(qint64(e.seq));
    QCOMPARE(firstSeqs, traceSeqs);
    QCOMPARE(first.events().last().value("type").toString(), QStringLiteral("job_completed"));
    QVERIFY(first.sawType(QStringLiteral("job_started")));

    // Closing unsubscribes.
    first.socket.close();
    second.socket.close();
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.endpoint().monitorCount(), 0, 5000);
}

void TestJobMonitor::monitorRefusesUnknownJobAndPath()
{
    for (const QString &path :
         {QStringLiteral("/api/ws/jobs/00000000-0000ffff/monitor"),
          QStringLiteral("/api/ws/jobs/xyz/monitor"),
          QStringLiteral("/api/ws/flows/chain/elsewhere"), QStringLiteral("/elsewhere")}) {
        QWebSocket socket;
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(m_fixture.url(path, QStringLiteral("ws")));
        QVERIFY2(disconnected.wait(5000) || disconnected.size() == 1, qPrintable(path));
        QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY2(!socket.closeReason().isEmpty(), qPrintable(path));
    }
}

void TestJobMonitor::lateClientGetsTheHistory()
{
    const QString id = m_fixture.startJob(QStringLiteral("chain"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("completed")));

    MonitorClient client;
    client.socket.open(
        m_fixture.url(QStringLiteral("/api/ws/jobs/%1/monitor").arg(id), QStringLiteral("ws")));
    QTRY_VERIFY_WITH_TIMEOUT(client.sawType(QStringLiteral("job_completed")), 5000);
    QCOMPARE(client.messages.first().value("status").toString(), QStringLiteral("completed"));
    const QList<QJsonObject> events = client.events();
    QCOMPARE(events.first().value("type").toString(), QStringLiteral("job_started"));
    QCOMPARE(qsizetype(events.size()), m_fixture.engine().trace(JobId::fromString(id)).size());
}

void TestJobMonitor::liveEventsFollowTheHistory()
{
    const QString id = m_fixture.startJob(QStringLiteral("slow"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("running")));
    MonitorClient client;
    client.socket.open(
        m_fixture.url(QStringLiteral("/api/ws/jobs/%1/monitor").arg(id), QStringLiteral("ws")));
    QTRY_VERIFY_WITH_TIMEOUT(client.sawType(QStringLiteral("routine_started")), 5000);
    const qsizetype framesBeforeCancel = client.messages.size();

    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(id)).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(client.sawType(QStringLiteral("job_cancelled")), 5000);
    QVERIFY(client.messages.size() > framesBeforeCancel);
    const QList<QJsonObject> events = client.events();
    for (int i = 1; i < events.size(); ++i)
        QVERIFY(events.at(i).value("seq").toInteger() > events.at(i - 1).value("seq").toInteger());
}

void TestJobMonitor::stalledReaderIsToldWhatItMissed()
{
    const QString id = m_fixture.startJob(QStringLiteral("slow"));
    Event prototype;
    bool ok = false;
    prototype.job = JobId::fromString(id, &ok);
    QVERIFY(ok);
    StalledReader reader;
    const int before = m_fixture.endpoint().monitorCount();
    QVERIFY(reader.open(m_fixture.port(), "/api/ws/jobs/" + id.toLatin1() + "/monitor"));
    QVERIFY(waitUntil([&] { return m_fixture.endpoint().monitorCount() > before; }));

    flood(m_fixture.engine().bus(), prototype);
    // The reader catches up and is told how many events it missed; it was never cut off.
    QVERIFY(reader.catchUpUntilToldOfMissed());
    QVERIFY(reader.isConnected());
}

QTEST_GUILESS_MAIN(TestJobMonitor)
#include "tst_jobmonitor.moc"
