// The job monitor WebSocket over real loopback sockets: every client gets every event of its job
// (its own subscription), late clients get the history first, unknown jobs and paths close 1008.
#include "endpointfixture.h"

#include "events/eventbus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <algorithm>

using namespace flowscope;
using namespace EndpointTest;

namespace {

// A Routilux client reading one WebSocket monitor: every frame, decoded.
struct MonitorClient
{
    QWebSocket socket;
    QList<QJsonObject> messages;

    MonitorClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) {
                             messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
    }
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> all;
        for (const QJsonObject &m : messages) {
            const QJsonArray list = m.value(QStringLiteral("events")).toArray();
            for (const QJsonValue &e : list)
                all.append(e.toObject());
        }
        return all;
    }
    bool sawType(const QString &type) const
    {
        const QList<QJsonObject> all = events();
        return std::any_of(all.begin(), all.end(), [&](const QJsonObject &e) {
            return e.value(QStringLiteral("type")).toString() == type;
        });
    }
};

} // namespace

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
    const auto sequences = [](const MonitorClient &client) {
        QList<qint64> seqs;
        const QList<QJsonObject> events = client.events();
        for (const QJsonObject &e : events)
            seqs.append(e.value(QStringLiteral("seq")).toInteger());
        return seqs;
    };
    const QList<qint64> firstSeqs = sequences(first);
    const QList<qint64> secondSeqs = sequences(second);
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
    bool ok = false;
    const JobId job = JobId::fromString(id, &ok);
    QVERIFY(ok);
    // A WebSocket client that stops reading: Qt keeps 1 byte, the kernel's buffers fill up.
    QTcpSocket reader;
    reader.setReadBufferSize(1);
    reader.connectToHost(QStringLiteral("127.0.0.1"), m_fixture.port());
    QVERIFY(reader.waitForConnected(5000));
    const int before = m_fixture.endpoint().monitorCount();
    reader.write("GET /api/ws/jobs/" + id.toLatin1()
                 + "/monitor HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: "
                   "Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(waitUntil([&] { return m_fixture.endpoint().monitorCount() > before; }));

    // Far more than the kernel, the pending-bytes cap and the queue hold together.
    const QVariantMap payload{{QStringLiteral("message"), QString(400, QLatin1Char('x'))}};
    std::vector<Event> batch;
    for (int round = 0; round < 100; ++round) {
        batch.assign(1000, Event());
        for (Event &event : batch) {
            event.job = job;
            event.payload = payload;
        }
        m_fixture.engine().bus().publish(batch);
        QTest::qWait(2);
    }
    // The reader catches up and is told how many events it missed; it was never cut off.
    reader.setReadBufferSize(0);
    QByteArray received;
    qsizetype searched = 0;
    static const QRegularExpression missed(QStringLiteral("\"dropped\":[1-9]"));
    QVERIFY(waitUntil(
        [&] {
            received += reader.readAll();
            // Only what arrived since the last look (with room for a match across the edge).
            const qsizetype from = qMax<qsizetype>(0, searched - 16);
            searched = received.size();
            return missed.match(QString::fromLatin1(received.mid(from))).hasMatch();
        },
        20000));
    QCOMPARE(reader.state(), QAbstractSocket::ConnectedState);
}

QTEST_GUILESS_MAIN(TestJobMonitor)
#include "tst_jobmonitor.moc"
