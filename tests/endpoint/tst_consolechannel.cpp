// The console protocol's server side over real loopback WebSockets: hello and its refusals, bad
// frames answered with the field at fault, every event to every client in order, resuming with
// since, gaps, the read-only role, and a reader that stops reading.
#include "consoleclient.h"
#include "endpointfixture.h"

#include "endpoint/consolehub.h"
#include "endpoint/httpendpoint.h"
#include "events/eventbus.h"
#include "protocol/messages.h"
#include "runtime/engine.h"

#include <QScopeGuard>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace flowscope;
using namespace ConsoleTest;
using EndpointTest::waitUntil;
using Encoding = FrameCodec::Encoding;

namespace {

// An engine and its HttpEndpoint on an ephemeral loopback port.
struct ConsoleServer
{
    std::unique_ptr<Engine> engine;
    std::unique_ptr<HttpEndpoint> endpoint;
    QString token; // sent as ?token= on the upgrade

    // Heartbeats are an hour apart, so that only the tests' own events flow.
    static EngineConfig quietConfig()
    {
        EngineConfig config = EndpointTest::Fixture::defaultConfig();
        config.heartbeatIntervalMs = 3600 * 1000;
        return config;
    }

    bool start(const EngineConfig &config = quietConfig(), const AccessPolicy *policy = nullptr)
    {
        engine = std::make_unique<Engine>(config);
        engine->addFlowJson(EndpointTest::slowFlow, QStringLiteral("test"));
        endpoint = std::make_unique<HttpEndpoint>(engine.get());
        if (policy)
            endpoint->setAccessPolicy(*policy);
        return endpoint->listen(QHostAddress::LocalHost, 0) != 0;
    }
    ~ConsoleServer()
    {
        endpoint.reset();
        engine.reset();
    }
    ConsoleHub *hub() const { return endpoint->consoles(); }

    // Every connection has subscribed.
    bool waitForSubscribers(int count)
    {
        return waitUntil([&] {
            const QList<ConsoleChannel *> &channels = hub()->channels();
            return channels.size() == count
                   && std::all_of(channels.begin(), channels.end(),
                                  [](const ConsoleChannel *c) { return c->isSubscribed(); });
        });
    }

    // The sequence numbers of the synthetic events still held, after since - 1.
    QVector<quint64> heldSeqs(quint64 since = 1) const
    {
        EventFilter filter;
        filter.job = JobId(7);
        QVector<quint64> seqs;
        for (const Event &e : engine->bus().history(filter, since - 1))
            seqs.push_back(e.seq);
        return seqs;
    }

    QUrl url() const
    {
        QUrl url(QStringLiteral("ws://127.0.0.1:%1/api/ws/console").arg(endpoint->port()));
        if (!token.isEmpty())
            url.setQuery(QStringLiteral("token=") + token);
        return url;
    }
};

QString errorMessageOf(const RawClient &client)
{
    const QList<Frame> errors = client.framesOf(QStringLiteral("error"));
    return errors.isEmpty() ? QString()
                            : errors.last().body.value(QStringLiteral("message")).toString();
}

QVector<quint64> seqsOfJob(const RawClient &client, JobId job)
{
    QVector<quint64> seqs;
    for (const Event &e : client.events()) {
        if (e.job == job)
            seqs.push_back(e.seq);
    }
    return seqs;
}

QCborMap subscribeSince(quint64 since)
{
    Protocol::Subscribe subscribe;
    subscribe.hasSince = true;
    subscribe.since = since;
    return Protocol::toCbor(subscribe);
}

} // namespace

class TestConsoleChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodings_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::newRow("json") << Encoding::Json;
        QTest::newRow("cbor") << Encoding::Cbor;
    }

    void helloIsWelcomed_data() { encodings_data(); }
    void helloIsWelcomed()
    {
        QFETCH(Encoding, encoding);
        ConsoleServer server;
        QVERIFY(server.start());
        publish(*server.engine, 10);
        RawClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.hello(encoding));
        const QCborMap welcome = client.frames().last().body;
        QCOMPARE(welcome.value(QStringLiteral("protocol")).toInteger(), 1);
        // The agents' first heartbeats may come after the ten.
        QVERIFY(welcome.value(QStringLiteral("last_seq")).toInteger() >= 10);
        QVERIFY(welcome.value(QStringLiteral("last_seq")).toInteger()
                <= qint64(server.engine->bus().lastSequence()));
        QCOMPARE(welcome.value(QStringLiteral("role")).toString(), QStringLiteral("control"));
        QCOMPARE(welcome.value(QStringLiteral("engine_started")).toInteger(),
                 server.engine->startedMs());
        QVERIFY(welcome.value(QStringLiteral("server")).toString().startsWith(u"flowscope "));
        // Frames come in the encoding the client asked for.
        QVERIFY(encoding == Encoding::Json ? client.textOnly() : client.binaryOnly());
    }

    void otherProtocolVersionIsRefused()
    {
        ConsoleServer server;
        QVERIFY(server.start());
        RawClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(!client.hello(Encoding::Json, 2));
        QVERIFY(waitUntil([&] { return client.closed(); }));
        const QList<Frame> errors = client.framesOf(QStringLiteral("error"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("unsupported_protocol"));
        QCOMPARE(errors[0].body.value(QStringLiteral("message")).toString(),
                 QStringLiteral("protocol 2 is not supported: this server speaks protocol 1"));
        QCOMPARE(client.closeCode(), int(QWebSocketProtocol::CloseCodeProtocolError));
    }

    void anythingBeforeHelloCloses()
    {
        ConsoleServer server;
        QVERIFY(server.start());
        RawClient notJson;
        QVERIFY(notJson.open(server.url()));
        notJson.sendRaw("GET / HTTP/1.1", false);
        QVERIFY(waitUntil([&] { return notJson.closed(); }));
        QVERIFY2(errorMessageOf(notJson).startsWith(u"frame: not valid JSON"),
                 qPrintable(errorMessageOf(notJson)));

        RawClient subscribeFirst;
        QVERIFY(subscribeFirst.open(server.url()));
        subscribeFirst.send(subscribeSince(1));
        QVERIFY(waitUntil([&] { return subscribeFirst.closed(); }));
        QCOMPARE(errorMessageOf(subscribeFirst),
                 QStringLiteral("expected hello first, got 'subscribe'"));
        QCOMPARE(subscribeFirst.closeCode(), int(QWebSocketProtocol::CloseCodePolicyViolated));
    }

    void badFramesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("binary");
        QTest::addColumn<QString>("message");
        QTest::newRow("since") << QByteArray(R"({"type":"subscribe","since":"x"})") << false
                               << "subscribe.since: expected an unsigned integer";
        QTest::newRow("negative since") << QByteArray(R"({"type":"subscribe","since":-4})") << false
                                        << "subscribe.since: expected an unsigned integer";
        QTest::newRow("types") << QByteArray(R"({"type":"subscribe","types":["nope"]})") << false
                               << "subscribe.types: unknown event type 'nope'";
        QTest::newRow("jobs") << QByteArray(R"({"type":"subscribe","jobs":[12]})") << false
                              << "subscribe.jobs: element 0: expected a string";
        QTest::newRow("no name") << QByteArray(R"({"type":"command","id":3})") << false
                                 << "command.name: missing";
        QTest::newRow("no type") << QByteArray(R"({"id":3})") << false << "type: missing";
        QTest::newRow("array") << QByteArray("[1,2]") << false << "frame: expected a JSON object";
        QTest::newRow("unknown type")
            << QByteArray(R"({"type":"dance"})") << false << "unknown message type 'dance'";
        QTest::newRow("cbor garbage")
            << QByteArray("\xa1\x64type", 6) << true
            << "frame: not valid CBOR (Unexpected end of input data (more bytes needed))";
        QTest::newRow("bad arg") << QByteArray(R"({"type":"command","id":4,"name":"start_job",
            "args":{"flow_id":"slow","params":[1]}})")
                                 << false << "start_job.params: expected a map";
    }
    void badFramesNameTheField()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, binary);
        QFETCH(QString, message);
        ConsoleServer server;
        QVERIFY(server.start());
        RawClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.hello(Encoding::Json));
        client.sendRaw(frame, binary);
        QVERIFY(waitUntil([&] {
            return !client.framesOf(QStringLiteral("error")).isEmpty()
                   || !client.framesOf(QStringLiteral("reply")).isEmpty();
        }));
        const QList<Frame> replies = client.framesOf(QStringLiteral("reply"));
        const QString got = replies.isEmpty() ? errorMessageOf(client)
                                              : replies[0]
                                                    .body.value(QStringLiteral("error"))
                                                    .toMap()
                                                    .value(QStringLiteral("message"))
                                                    .toString();
        QCOMPARE(got, message);
        // The connection stays usable after a bad frame.
        QVERIFY(!client.closed());
        QCOMPARE(client.command(QStringLiteral("flows")).value(QStringLiteral("ok")).toBool(),
                 true);
    }

    void twoClientsGetEveryEventInOrder_data() { encodings_data(); }
    void twoClientsGetEveryEventInOrder()
    {
        QFETCH(Encoding, encoding);
        ConsoleServer server;
        QVERIFY(server.start());
        RawClient a, b;
        for (RawClient *client : {&a, &b}) {
            QVERIFY(client->open(server.url()));
            QVERIFY(client->hello(encoding));
            client->send(Protocol::toCbor(Protocol::Subscribe()));
        }
        QVERIFY(server.waitForSubscribers(2));
        const quint64 first = server.engine->bus().lastSequence() + 1;
        constexpr int count = 60000;
        publish(*server.engine, count);
        for (RawClient *client : {&a, &b}) {
            QVERIFY2(waitUntil([&] { return client->events().size() >= count; }, 20000),
                     qPrintable(QStringLiteral("%1 events, %3 frames; %2")
                                    .arg(client->events().size())
                                    .arg(client->frames().size())
                                    .arg(client->decodeError())));
            QVERIFY2(client->decodeError().isEmpty(), qPrintable(client->decodeError()));
            const QVector<quint64> expected = server.heldSeqs(first);
            QCOMPARE(expected.size(), count);
            QCOMPARE(seqsOfJob(*client, JobId(7)), expected);
            QVERIFY(client->framesOf(QStringLiteral("gap")).isEmpty());
            // Batched: many events per frame.
            QVERIFY(client->framesOf(QStringLiteral("events")).size() < count / 100);
        }
        // Names, job ids and payloads survive the string table and the encoding.
        const Event &e = a.events()[100];
        QCOMPARE(e.routine.toString(), QStringLiteral("r"));
        QCOMPARE(e.agent.toString(), QStringLiteral("worker-x"));
        QCOMPARE(e.job, JobId(7));
        QCOMPARE(e.type, EventType::SlotCalled);
        QCOMPARE(e.payload.toMap().value(QStringLiteral("i")).toInt(), 100);
    }

    void subscribeSinceResumesExactly()
    {
        ConsoleServer server;
        QVERIFY(server.start());
        publish(*server.engine, 100);
        const quint64 since = server.heldSeqs()[50];
        RawClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.hello(Encoding::Cbor));
        client.send(subscribeSince(since));
        QVERIFY(server.waitForSubscribers(1));
        publish(*server.engine, 20);
        const QVector<quint64> expected = server.heldSeqs(since);
        QCOMPARE(expected.size(), 70);
        QVERIFY(waitUntil([&] { return seqsOfJob(client, JobId(7)).size() >= 70; }));
        QTest::qWait(100);
        QCOMPARE(seqsOfJob(client, JobId(7)), expected);
        QVERIFY(client.framesOf(QStringLiteral("gap")).isEmpty());
    }

    void sinceOlderThanHistoryGivesGap()
    {
        EngineConfig config = ConsoleServer::quietConfig();
        config.eventHistory = 1000;
        ConsoleServer server;
        QVERIFY(server.start(config));
        publish(*server.engine, 3000);
        QTest::qWait(100); // the agents' first beats, before the oldest is read
        const quint64 oldest = server.engine->bus().oldestHeldSequence();
        QVERIFY(oldest > 1);
        RawClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.hello(Encoding::Json));
        client.send(subscribeSince(5));
        QVERIFY(waitUntil([&] { return client.events().size() >= 1000; }));
        const QList<Frame> gaps = client.framesOf(QStringLiteral("gap"));
        QCOMPARE(gaps.size(), 1);
        QCOMPARE(gaps[0].body.value(QStringLiteral("from")).toInteger(), 5);
        QCOMPARE(gaps[0].body.value(QStringLiteral("to")).toInteger(), qint64(oldest - 1));
        QCOMPARE(seqsOfJob(client, JobId(7)), server.heldSeqs());
        QCOMPARE(client.events().first().seq, oldest);
    }

    void readOnlyRoleIsForbiddenToStart()
    {
        AccessPolicy policy;
        policy.setReadToken("watch");
        policy.setControlToken("drive");
        ConsoleServer server;
        server.token = QStringLiteral("watch");
        QVERIFY(server.start(ConsoleServer::quietConfig(), &policy));
        RawClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.hello(Encoding::Json));
        QCOMPARE(client.frames().last().body.value(QStringLiteral("role")).toString(),
                 QStringLiteral("read"));
        const QCborMap refused = client.command(
            QStringLiteral("start_job"), {{QStringLiteral("flow_id"), QStringLiteral("slow")}});
        QCOMPARE(refused.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(refused.value(QStringLiteral("error")).toMap().value(QStringLiteral("code")),
                 QCborValue(QStringLiteral("forbidden")));
        QVERIFY(server.engine->jobs().isEmpty());
        // A control token in hello makes a connection opened with the read token a control one.
        RawClient driver;
        QVERIFY(driver.open(server.url()));
        driver.send({{QStringLiteral("type"), QStringLiteral("hello")},
                     {QStringLiteral("protocol"), 1},
                     {QStringLiteral("token"), QStringLiteral("drive")}});
        QVERIFY(waitUntil([&] { return !driver.frames().isEmpty(); }));
        QCOMPARE(driver.frames().last().body.value(QStringLiteral("role")).toString(),
                 QStringLiteral("control"));
        // Without a token the upgrade itself is refused.
        server.token.clear();
        RawClient stranger;
        QVERIFY(!stranger.open(server.url()));
        // Watching is allowed.
        const QCborMap flows = client.command(QStringLiteral("flows"));
        QCOMPARE(flows.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(flows.value(QStringLiteral("result"))
                     .toMap()
                     .value(QStringLiteral("flows"))
                     .toArray()
                     .size(),
                 1);
    }

    void startJobStreamsItsJobAndEvents()
    {
        ConsoleServer server;
        QVERIFY(server.start());
        RawClient client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.hello(Encoding::Cbor));
        client.send(Protocol::toCbor(Protocol::Subscribe()));
        const QCborMap reply = client.command(
            QStringLiteral("start_job"), {{QStringLiteral("flow_id"), QStringLiteral("slow")}});
        QVERIFY(reply.value(QStringLiteral("ok")).toBool());
        const QString jobId = reply.value(QStringLiteral("result"))
                                  .toMap()
                                  .value(QStringLiteral("job_id"))
                                  .toString();
        QVERIFY(waitUntil([&] {
            for (const Frame &frame : client.framesOf(QStringLiteral("jobs"))) {
                for (const QCborValue &job : frame.body.value(QStringLiteral("jobs")).toArray()) {
                    if (job.toMap().value(QStringLiteral("id")).toString() == jobId)
                        return true;
                }
            }
            return false;
        }));
        QVERIFY(waitUntil([&] {
            for (const Event &e : client.events()) {
                if (e.type == EventType::JobStarted && e.job.toString() == jobId)
                    return true;
            }
            return false;
        }));
        QVERIFY(!client.framesOf(QStringLiteral("agents")).isEmpty());
        QVERIFY(!client.framesOf(QStringLiteral("status")).isEmpty());
    }

    // The reader's thread stops: its socket fills, the channel skips ahead instead of queueing,
    // the engine's publishing is not held back, and once the reader reads again it gets one gap
    // covering exactly what was skipped, then events without a hole.
    void stalledReaderGetsAGapNotUnboundedMemory()
    {
        ConsoleServer server;
        QVERIFY(server.start());
        ConsoleChannel::Limits limits;
        limits.maxPendingBytes = 256 * 1024;
        server.hub()->setLimits(limits);

        QThread readerThread;
        readerThread.start();
        auto *client = new RawClient;

        QVERIFY(client->open(server.url()));
        QVERIFY(client->hello(Encoding::Cbor));
        client->send(Protocol::toCbor(Protocol::Subscribe()));
        QVERIFY(server.waitForSubscribers(1));
        client->moveToThread(&readerThread);
        QSemaphore stalled, release;
        bool released = false;
        const auto cleanup = qScopeGuard([&] {
            if (!released)
                release.release();
            QMetaObject::invokeMethod(client, &QObject::deleteLater);
            readerThread.quit();
            readerThread.wait();
        });
        QMetaObject::invokeMethod(client, [&] {
            stalled.release();
            release.acquire(); // the reader's event loop stops here
        });
        stalled.acquire();

        const quint64 first = server.engine->bus().lastSequence() + 1;
        QElapsedTimer publishing;
        publishing.start();
        constexpr int count = 1000000;
        for (int i = 0; i < count / 20000; ++i) {
            publish(*server.engine, 20000);
            QTest::qWait(20); // the channel sends while the engine goes on
        }
        const qint64 publishMs = publishing.elapsed();
        QVERIFY(waitUntil([&] { return server.hub()->channels().first()->skippedEvents() > 0; }));
        QVERIFY2(publishMs < 10000, qPrintable(QString::number(publishMs)));

        release.release();
        released = true;
        const quint64 last = server.engine->bus().lastSequence();
        QString missing;
        int gaps = 0;
        QVERIFY(waitUntil(
            [&] {
                bool done = false;
                QMetaObject::invokeMethod(
                    client,
                    [&] {
                        missing = holesNotInGaps(*client, first, last);
                        done = missing.isEmpty();
                        gaps = client->framesOf(QStringLiteral("gap")).size();
                    },
                    Qt::BlockingQueuedConnection);
                return done;
            },
            20000));
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        QVERIFY(gaps >= 1);
    }
};

QTEST_MAIN(TestConsoleChannel)
#include "tst_consolechannel.moc"
