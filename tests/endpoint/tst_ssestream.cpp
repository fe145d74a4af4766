// GET /api/events/stream over raw loopback sockets: the connected event, live events with
// increasing ids, the filters, resuming with Last-Event-ID (and the gap when the history no longer
// holds what was asked for), the SWF path, the status route and heartbeats.
#include "endpointfixture.h"

#include "events/eventbus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace flowscope;
using namespace EndpointTest;

namespace {

struct SseFrame
{
    quint64 id = 0;
    QString type;
    QJsonObject data;
    int dataLines = 0;
};

// A client that sends one GET and splits what comes back into SSE frames.
class SseClient
{
public:
    SseClient(quint16 port, const QString &target, const QByteArray &extraHeaders = {})
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { read(); });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        m_socket.waitForConnected(5000);
        m_socket.write("GET " + target.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       + "Accept: text/event-stream\r\n" + extraHeaders + "\r\n");
    }

    QList<SseFrame> frames;
    QByteArray head;

    QList<SseFrame> ofType(const QString &type) const
    {
        QList<SseFrame> out;
        for (const SseFrame &frame : frames) {
            if (frame.type == type)
                out.append(frame);
        }
        return out;
    }
    // Frames carrying an id: the engine's events.
    QList<SseFrame> events() const
    {
        QList<SseFrame> out;
        for (const SseFrame &frame : frames) {
            if (frame.id > 0)
                out.append(frame);
        }
        return out;
    }
    bool waitForType(const QString &type, int timeoutMs = 5000)
    {
        return waitUntil([&] { return !ofType(type).isEmpty(); }, timeoutMs);
    }

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        if (!m_headDone) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
            m_headDone = true;
        }
        qsizetype end;
        while ((end = m_buffer.indexOf("\n\n")) >= 0) {
            const QByteArray block = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            SseFrame frame;
            for (const QByteArray &line : block.split('\n')) {
                if (line.startsWith("id: "))
                    frame.id = line.mid(4).toULongLong();
                else if (line.startsWith("event: "))
                    frame.type = QString::fromUtf8(line.mid(7));
                else if (line.startsWith("data: ")) {
                    frame.data = QJsonDocument::fromJson(line.mid(6)).object();
                    ++frame.dataLines;
                }
            }
            frames.append(frame);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_headDone = false;
};

bool increasing(const QList<SseFrame> &frames)
{
    for (int i = 1; i < frames.size(); ++i) {
        if (frames[i].id <= frames[i - 1].id)
            return false;
    }
    return true;
}

} // namespace

class TestSseStream : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;

    QString runJob()
    {
        const QString id = m_fixture.startJob(QStringLiteral("chain"));
        if (!id.isEmpty())
            m_fixture.waitForStatus(id, QStringLiteral("completed"));
        return id;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void connectedFirstThenEvents();
    void msgTypesFilter();
    void jobFilter();
    void routineFilter();
    void badQueryIs400();
    void resumeWithLastEventId();
    void gapWhenHistoryDropped();
    void swfPath();
    void statusListsClients();
    void heartbeat();
    void clientCapIs503();
    void stalledReaderIsCutOff();
};

void TestSseStream::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    m_fixture.endpoint().setStreamHeartbeatInterval(60000);
}

void TestSseStream::cleanupTestCase()
{
    m_fixture.tearDown();
}

void TestSseStream::connectedFirstThenEvents()
{
    SseClient client(m_fixture.port(), QStringLiteral("/api/events/stream"));
    QVERIFY(client.waitForType(QStringLiteral("connected")));
    QVERIFY(client.head.startsWith("HTTP/1.1 200"));
    QVERIFY(client.head.toLower().contains("content-type: text/event-stream"));
    const SseFrame first = client.frames.constFirst();
    QCOMPARE(first.type, QStringLiteral("connected"));
    QCOMPARE(first.data.value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QVERIFY(!first.data.value(QStringLiteral("client_id")).toString().isEmpty());

    const QString job = runJob();
    QVERIFY(!job.isEmpty());
    QVERIFY(client.waitForType(QStringLiteral("job_completed")));
    const QList<SseFrame> events = client.events();
    QVERIFY(events.size() >= 4);
    QVERIFY(increasing(events));
    for (const SseFrame &e : events) {
        QCOMPARE(e.data.value(QStringLiteral("seq")).toDouble(), double(e.id));
        QCOMPARE(e.data.value(QStringLiteral("msg_type")).toString(), e.type);
    }
}

void TestSseStream::msgTypesFilter()
{
    SseClient client(m_fixture.port(),
                     QStringLiteral("/api/events/stream?msg_types=routine_started"));
    QVERIFY(client.waitForType(QStringLiteral("connected")));
    runJob();
    QVERIFY(waitUntil([&] { return client.events().size() >= 2; }));
    QTest::qWait(200);
    const QList<SseFrame> events = client.events();
    QCOMPARE(events.size(), 2); // a and b
    for (const SseFrame &e : events)
        QCOMPARE(e.type, QStringLiteral("routine_started"));
}

void TestSseStream::jobFilter()
{
    const QString first = runJob();
    SseClient client(m_fixture.port(), QStringLiteral("/api/events/stream?since=0&job=") + first);
    QVERIFY(client.waitForType(QStringLiteral("job_completed")));
    runJob(); // another job: none of its events may come
    QTest::qWait(200);
    for (const SseFrame &e : client.events())
        QCOMPARE(e.data.value(QStringLiteral("job_id")).toString(), first);
}

void TestSseStream::routineFilter()
{
    SseClient client(m_fixture.port(), QStringLiteral("/api/events/stream?routine=b"));
    QVERIFY(client.waitForType(QStringLiteral("connected")));
    runJob();
    QVERIFY(client.waitForType(QStringLiteral("routine_ended")));
    QTest::qWait(200);
    for (const SseFrame &e : client.events())
        QCOMPARE(e.data.value(QStringLiteral("routine_id")).toString(), QStringLiteral("b"));
}

void TestSseStream::badQueryIs400()
{
    const HttpResult result
        = m_fixture.request("GET", QStringLiteral("/api/events/stream?msg_types=nonsense"));
    verifyErrorEnvelope(result, 400);
}

void TestSseStream::resumeWithLastEventId()
{
    QList<SseFrame> before;
    {
        SseClient client(m_fixture.port(), QStringLiteral("/api/events/stream"));
        QVERIFY(client.waitForType(QStringLiteral("connected")));
        runJob();
        QVERIFY(client.waitForType(QStringLiteral("job_completed")));
        before = client.events();
    }
    QVERIFY(before.size() >= 4);
    const quint64 middle = before[before.size() / 2].id;
    QList<quint64> expected;
    for (const SseFrame &e : before) {
        if (e.id > middle)
            expected.append(e.id);
    }
    // Reconnect: exactly what followed the last id seen, no gap event.
    SseClient again(m_fixture.port(), QStringLiteral("/api/events/stream"),
                    "Last-Event-ID: " + QByteArray::number(middle) + "\r\n");
    QVERIFY(waitUntil([&] { return again.events().size() >= expected.size(); }));
    QTest::qWait(100);
    QList<quint64> got;
    for (const SseFrame &e : again.events())
        got.append(e.id);
    // Events published since the first client left may follow, never precede.
    QCOMPARE(got.mid(0, expected.size()), expected);
    QVERIFY(again.ofType(QStringLiteral("gap")).isEmpty());
    QCOMPARE(again.frames.constFirst().type, QStringLiteral("connected"));
}

void TestSseStream::gapWhenHistoryDropped()
{
    Fixture small;
    EngineConfig config = Fixture::defaultConfig();
    config.eventHistory = 5;
    QString error;
    QVERIFY2(small.setUp(&error, config), qPrintable(error));
    const QString id = small.startJob(QStringLiteral("chain"));
    QVERIFY(small.waitForStatus(id, QStringLiteral("completed")));
    SseClient client(small.port(), QStringLiteral("/api/events/stream?since=1"));
    QVERIFY(client.waitForType(QStringLiteral("gap")));
    const SseFrame gap = client.ofType(QStringLiteral("gap")).constFirst();
    QCOMPARE(gap.data.value(QStringLiteral("requested_after")).toDouble(), 1.0);
    const double oldest = gap.data.value(QStringLiteral("oldest_held")).toDouble();
    QVERIFY(oldest > 2);
    QVERIFY(waitUntil([&] { return !client.events().isEmpty(); }));
    QCOMPARE(double(client.events().constFirst().id), oldest);
    QCOMPARE(client.frames.constFirst().type, QStringLiteral("connected"));
    small.tearDown();
}

void TestSseStream::swfPath()
{
    SseClient client(m_fixture.port(),
                     QStringLiteral("/api/messages/stream/?msg_types=node_enter"));
    QVERIFY(client.waitForType(QStringLiteral("connected")));
    runJob();
    QVERIFY(waitUntil([&] { return client.events().size() >= 2; }));
    for (const SseFrame &e : client.frames) {
        QCOMPARE(e.dataLines, 1);
        QVERIFY(!e.data.value(QStringLiteral("msg_type")).toString().isEmpty());
    }
    const HttpResult status
        = m_fixture.request("GET", QStringLiteral("/api/messages/stream/status/"));
    QCOMPARE(status.status, 200);
}

void TestSseStream::statusListsClients()
{
    SseClient client(m_fixture.port(),
                     QStringLiteral("/api/events/stream?msg_types=routine_ended&agents=x,y"));
    QVERIFY(client.waitForType(QStringLiteral("connected")));
    const QString clientId
        = client.frames.constFirst().data.value(QStringLiteral("client_id")).toString();
    const HttpResult result = m_fixture.request("GET", QStringLiteral("/api/events/stream/status"));
    QCOMPARE(result.status, 200);
    QJsonObject mine;
    for (const QJsonValue &c : result.json.value(QStringLiteral("clients")).toArray()) {
        if (c.toObject().value(QStringLiteral("client_id")).toString() == clientId)
            mine = c.toObject();
    }
    QVERIFY2(!mine.isEmpty(), result.raw.constData());
    const QJsonObject filters = mine.value(QStringLiteral("filters")).toObject();
    QCOMPARE(filters.value(QStringLiteral("msg_types")).toArray().first().toString(),
             QStringLiteral("routine_ended"));
    QCOMPARE(filters.value(QStringLiteral("agents")).toArray().size(), 2);
    QCOMPARE(mine.value(QStringLiteral("sent")).toDouble(), 0.0);
    QCOMPARE(mine.value(QStringLiteral("dropped")).toDouble(), 0.0);

    SseClient counted(m_fixture.port(), QStringLiteral("/api/events/stream"));
    QVERIFY(counted.waitForType(QStringLiteral("connected")));
    const QString countedId
        = counted.frames.constFirst().data.value(QStringLiteral("client_id")).toString();
    runJob();
    QVERIFY(counted.waitForType(QStringLiteral("job_completed")));
    const HttpResult after = m_fixture.request("GET", QStringLiteral("/api/events/stream/status"));
    for (const QJsonValue &c : after.json.value(QStringLiteral("clients")).toArray()) {
        const QJsonObject o = c.toObject();
        if (o.value(QStringLiteral("client_id")).toString() == countedId)
            QCOMPARE(o.value(QStringLiteral("sent")).toDouble(), double(counted.events().size()));
    }
}

void TestSseStream::heartbeat()
{
    m_fixture.endpoint().setStreamHeartbeatInterval(100);
    SseClient client(m_fixture.port(), QStringLiteral("/api/events/stream"));
    // Agents' heartbeat events share the name; the stream's own keep-alive has no id.
    const auto keepAlive = [&client] {
        for (const SseFrame &frame : client.ofType(QStringLiteral("heartbeat"))) {
            if (frame.id == 0)
                return frame;
        }
        return SseFrame();
    };
    QVERIFY(waitUntil([&] { return keepAlive().dataLines > 0; }, 3000));
    const SseFrame beat = keepAlive();
    QVERIFY(qAbs(beat.data.value(QStringLiteral("timestamp")).toDouble()
                 - double(QDateTime::currentSecsSinceEpoch()))
            < 5);
    m_fixture.endpoint().setStreamHeartbeatInterval(60000);
}

void TestSseStream::clientCapIs503()
{
    m_fixture.endpoint().setMaxStreams(2);
    SseClient first(m_fixture.port(), QStringLiteral("/api/events/stream"));
    SseClient second(m_fixture.port(), QStringLiteral("/api/events/stream"));
    QVERIFY(first.waitForType(QStringLiteral("connected")));
    QVERIFY(second.waitForType(QStringLiteral("connected")));
    SseClient third(m_fixture.port(), QStringLiteral("/api/events/stream"));
    QVERIFY(waitUntil([&] { return !third.head.isEmpty(); }));
    QVERIFY2(third.head.startsWith("HTTP/1.1 503"), third.head.constData());
    QVERIFY(third.head.contains("Retry-After: 5"));
    m_fixture.endpoint().setMaxStreams(256);
}

void TestSseStream::stalledReaderIsCutOff()
{
    // A client that stops reading: Qt's buffer holds 1 byte, so the kernel's fill up and the
    // server's pending bytes grow until it cuts the stream off, instead of growing without bound.
    // Streams of earlier tests go once the server sees their clients gone.
    QVERIFY(waitUntil([&] { return m_fixture.endpoint().streamCount() == 0; }));
    QTcpSocket stalled;
    stalled.setReadBufferSize(1);
    stalled.connectToHost(QStringLiteral("127.0.0.1"), m_fixture.port());
    QVERIFY(stalled.waitForConnected(5000));
    stalled.write("GET /api/events/stream HTTP/1.1\r\nHost: x\r\n\r\n");
    const int before = 0;
    QVERIFY(waitUntil([&] { return m_fixture.endpoint().streamCount() > before; }));
    std::vector<Event> batch;
    const QVariantMap payload{{QStringLiteral("message"), QString(400, QLatin1Char('x'))}};
    for (int round = 0; round < 200 && m_fixture.endpoint().streamCount() > before; ++round) {
        batch.assign(500, Event());
        for (Event &event : batch)
            event.payload = payload;
        m_fixture.engine().bus().publish(batch);
        QTest::qWait(5);
    }
    QVERIFY(waitUntil([&] { return m_fixture.endpoint().streamCount() == before; }, 10000));
}

QTEST_MAIN(TestSseStream)
#include "tst_ssestream.moc"
