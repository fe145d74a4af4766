#include "benchmark.h"

#include "endpoint/endpointthread.h"
#include "events/eventbus.h"
#include "remote/remoteclient.h"
#include "runtime/engine.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <thread>

namespace flowscope::bench {

namespace {

// An engine whose endpoint serves in its own thread, as in the console, and a RemoteClient (CBOR)
// connected to it over loopback; this thread plays the console's GUI thread. Events come from a
// synthetic publisher feeding the engine's bus directly, so the stream is what is measured.
class Loopback
{
public:
    Loopback()
        : m_engine(config())
        , m_endpoint(&m_engine)
    {
        quint16 port = 0;
        QObject::connect(&m_endpoint, &EndpointThread::listening, [&](quint16 p) { port = p; });
        m_endpoint.start(QHostAddress::LocalHost, 0);
        spin([&] { return port != 0; }, 10000);
        m_client = std::make_unique<RemoteClient>(
            RemoteEndpoint{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), {}, true});
        m_client->open();
        spin(
            [&] { return m_client->connectionState() == EngineClient::ConnectionState::Connected; },
            10000);
    }

    Engine &engine() { return m_engine; }
    RemoteClient &client() { return *m_client; }
    bool connected() const
    {
        return m_client->connectionState() == EngineClient::ConnectionState::Connected;
    }

    // Serves this thread's events until done() or the time is up. It sleeps between events, as
    // a console's GUI thread does: a polling loop would take a core from the threads measured.
    // The timer bounds the wait for what other threads set.
    static bool spin(const std::function<bool()> &done, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        QTimer poll;
        poll.start(5);
        while (!done() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        return done();
    }

private:
    static EngineConfig config()
    {
        EngineConfig c;
        c.workers = 1;
        c.heartbeatIntervalMs = 3600 * 1000; // only the publisher's events
        return c;
    }

    Engine m_engine;
    EndpointThread m_endpoint;
    std::unique_ptr<RemoteClient> m_client;
};

constexpr JobId benchJob(0x1234'00000001);

Event syntheticEvent(quint64 i, Symbol routine, Symbol agent)
{
    Event e;
    e.timeNs = EventSink::nowNs();
    e.type = EventType::RoutineStarted;
    e.job = benchJob;
    e.routine = routine;
    e.port = routine;
    e.agent = agent;
    e.activation = i;
    return e;
}

// Events published in sink-sized batches as fast as the stream takes them (at most `window`
// published and not yet received), counted at the client; NaN when one was lost.
double streamEventsPerSecond(qint64 count)
{
    Loopback loop;
    if (!loop.connected())
        return qQNaN();
    std::atomic<qint64> received{0};
    quint64 lastSeq = 0;
    bool inOrder = true;
    quint64 dropped = 0;
    QObject::connect(&loop.client(), &EngineClient::updateReceived, &loop.client(),
                     [&](const ClientUpdate &update) {
                         qint64 ours = 0;
                         for (const Event &e : update.events) {
                             inOrder &= lastSeq == 0 || e.seq == lastSeq + 1;
                             lastSeq = e.seq;
                             ours += e.job == benchJob ? 1 : 0;
                         }
                         dropped = update.droppedEvents;
                         received.fetch_add(ours);
                     });
    constexpr qint64 window = 200000;
    const Symbol routine = Symbol::intern(u"bench.routine");
    const Symbol agent = Symbol::intern(u"worker-1");
    const auto start = std::chrono::steady_clock::now();
    std::thread publisher([&] {
        std::vector<Event> batch;
        for (qint64 i = 0; i < count; ++i) {
            batch.push_back(syntheticEvent(quint64(i), routine, agent));
            if (batch.size() == EventSink::batchSize || i == count - 1) {
                while (i - received.load() > window)
                    std::this_thread::yield();
                loop.engine().bus().publish(batch);
            }
        }
    });
    Loopback::spin([&] { return received.load() >= count; }, 120000);
    const auto end = std::chrono::steady_clock::now();
    publisher.join();
    if (received.load() != count || !inOrder || dropped != 0)
        return qQNaN();
    return double(count) / std::chrono::duration<double>(end - start).count();
}

// Emit-to-receipt latency of single events published every spacingMs; p50 and p99 in ms.
QVector<double> latencyMs(int samples, int spacingMs)
{
    Loopback loop;
    if (!loop.connected())
        return {qQNaN(), qQNaN()};
    QVector<double> latencies;
    QObject::connect(&loop.client(), &EngineClient::updateReceived, &loop.client(),
                     [&](const ClientUpdate &update) {
                         const qint64 now = EventSink::nowNs();
                         for (const Event &e : update.events)
                             latencies.push_back(double(now - e.timeNs) / 1e6);
                     });
    const Symbol routine = Symbol::intern(u"bench.routine");
    const Symbol agent = Symbol::intern(u"worker-1");
    std::thread publisher([&] {
        for (int i = 0; i < samples; ++i) {
            std::vector<Event> one{syntheticEvent(quint64(i), routine, agent)};
            loop.engine().bus().publish(one);
            std::this_thread::sleep_for(std::chrono::milliseconds(spacingMs));
        }
    });
    Loopback::spin([&] { return latencies.size() >= samples; }, samples * spacingMs + 10000);
    publisher.join();
    if (latencies.size() < samples)
        return {qQNaN(), qQNaN()};
    std::sort(latencies.begin(), latencies.end());
    const auto at
        = [&](double q) { return latencies[qsizetype(q * double(latencies.size() - 1))]; };
    return {at(0.50), at(0.99)};
}

const Registrar stream{
    {QStringLiteral("ws"),
     QStringLiteral("events streamed to a RemoteClient over loopback WebSocket (CBOR), latency"),
     {{QStringLiteral("ws_stream_events_per_s"), QStringLiteral("events/s"), 1'000'000, false},
      {QStringLiteral("ws_latency_p50_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("ws_latency_p99_ms"), QStringLiteral("ms"), 20, true},
      {QStringLiteral("ws_latency_p99_ms_busy"), QStringLiteral("ms"), 0, true}},
     [](const Options &options) {
         const double rate = streamEventsPerSecond(options.quick ? 400'000 : 3'000'000);
         // Every 40 ms: each event is the first of its 33 ms frame window.
         const QVector<double> sparse = latencyMs(options.quick ? 40 : 400, 40);
         // 1,000 events a second: frames are paced at 33 ms, so events wait for their frame.
         const QVector<double> busy = latencyMs(options.quick ? 300 : 3000, 1);
         return QVector<double>{rate, sparse[0], sparse[1], busy[1]};
     }}};

} // namespace

} // namespace flowscope::bench
