#include "benchmark.h"

#include "client/inprocessclient.h"
#include "enginesession.h"
#include "eventlogmodel.h"
#include "events/eventbus.h"
#include "mainwindow.h"
#include "runtime/engine.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace flowscope::bench {

namespace {

using Clock = std::chrono::steady_clock;

// The console's window on the in-process engine while a publisher feeds the engine's bus at a
// fixed rate. A probe thread posts a stamped call to the GUI thread every millisecond; the time
// each waits before it runs is the event loop's latency.
QVector<double> runGuiLoop(const Options &options)
{
    constexpr double eventsPerSecond = 1'000'000;
    const double seconds = options.quick ? 2.0 : 6.0;
    constexpr double warmUpSeconds = 1.0;

    EngineConfig config;
    config.workers = 1;
    config.heartbeatIntervalMs = 3600 * 1000; // only the publisher's events
    Engine engine(config);
    InProcessClient client(&engine);
    MainWindow window(&client);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return {qQNaN(), qQNaN(), qQNaN(), qQNaN()};

    std::atomic<bool> running{true};
    std::atomic<bool> measuring{false};
    std::mutex lock;
    QVector<double> latenciesMs;
    std::thread probe([&] {
        while (running.load()) {
            const auto posted = Clock::now();
            QMetaObject::invokeMethod(
                qApp,
                [&, posted] {
                    if (!measuring.load())
                        return;
                    const double ms
                        = std::chrono::duration<double, std::milli>(Clock::now() - posted).count();
                    std::lock_guard guard(lock);
                    latenciesMs.push_back(ms);
                },
                Qt::QueuedConnection);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });

    const Symbol routines[]
        = {Symbol::intern(u"fetch"), Symbol::intern(u"parse"), Symbol::intern(u"store")};
    const Symbol agent = Symbol::intern(u"worker-1");
    std::atomic<qint64> published{0};
    std::thread publisher([&] {
        const auto start = Clock::now();
        std::vector<Event> batch;
        qint64 sent = 0;
        while (running.load()) {
            const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
            const auto due = qint64(elapsed * eventsPerSecond);
            while (sent < due) {
                for (size_t i = 0; i < EventSink::batchSize && sent < due; ++i, ++sent) {
                    Event e;
                    e.timeNs = EventSink::nowNs();
                    e.type = sent % 2 ? EventType::RoutineEnded : EventType::RoutineStarted;
                    e.durationNs = sent % 2 ? 1000 : 0;
                    e.job = JobId(0x77000000 + quint64(sent / 100000));
                    e.routine = routines[sent / 2 % 3];
                    e.agent = agent;
                    e.activation = quint64(sent / 2);
                    batch.push_back(std::move(e));
                }
                engine.bus().publish(batch);
                batch.clear();
            }
            published.store(sent);
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
    });

    EventLogModel *events = window.eventModel();
    QElapsedTimer timer;
    timer.start();
    quint64 storedAtStart = 0;
    while (timer.elapsed() < qint64((warmUpSeconds + seconds) * 1000)) {
        if (!measuring.load() && timer.elapsed() >= qint64(warmUpSeconds * 1000)) {
            storedAtStart = events->storedCount() + events->droppedCount();
            measuring.store(true);
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    measuring.store(false);
    const quint64 shown = events->storedCount() + events->droppedCount() - storedAtStart;
    running.store(false);
    publisher.join();
    probe.join();
    QCoreApplication::processEvents();

    std::sort(latenciesMs.begin(), latenciesMs.end());
    const auto at = [&](double q) {
        return latenciesMs.isEmpty() ? qQNaN()
                                     : latenciesMs[qsizetype(q * double(latenciesMs.size() - 1))];
    };
    const double receivedPerSecond = double(shown) / seconds;
    return {at(0.99), at(0.5), latenciesMs.isEmpty() ? qQNaN() : latenciesMs.last(),
            receivedPerSecond};
}

const Registrar gui{
    {QStringLiteral("gui"),
     QStringLiteral("the console's event loop while 1,000,000 events a second arrive"),
     {{QStringLiteral("gui_loop_latency_p99_ms"), QStringLiteral("ms"), 16, true},
      {QStringLiteral("gui_loop_latency_p50_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("gui_loop_latency_max_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("gui_events_shown_per_s"), QStringLiteral("events/s"), 0, false}},
     runGuiLoop,
     true}};

} // namespace

} // namespace flowscope::bench
