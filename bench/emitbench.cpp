#include "benchmark.h"

#include "events/eventbus.h"

#include <chrono>

namespace flowscope::bench {

namespace {

// The engine's own pattern: check the switch, and only then build and stamp the event. The bus
// keeps its default history and one subscriber that a consumer drains, as under the console.
double emitNs(bool monitoring, qint64 count)
{
    EventBus bus(100000);
    auto subscription = bus.subscribe({}, 1 << 20);
    bus.setEnabled(monitoring);
    auto sink = bus.createSink();
    const Symbol routine = Symbol::intern(QStringLiteral("bench.routine"));
    const Symbol agent = Symbol::intern(QStringLiteral("worker-1"));
    const auto start = std::chrono::steady_clock::now();
    for (qint64 i = 0; i < count; ++i) {
        if (sink->enabled()) {
            Event e;
            e.type = EventType::RoutineStarted;
            e.job = JobId(1);
            e.routine = routine;
            e.agent = agent;
            e.activation = quint64(i);
            sink->emit(std::move(e));
        }
        if ((i & 0xffff) == 0)
            subscription->takeAll();
    }
    sink->flush();
    const auto end = std::chrono::steady_clock::now();
    return double(std::chrono::duration_cast<std::chrono::nanoseconds>(end - start).count())
           / double(count);
}

// The baseline: the same bus, history and subscriber, but every event published on its own with
// the kernel's clock, as an implementation without per-thread batching would.
double unbatchedEmitNs(qint64 count)
{
    EventBus bus(100000);
    auto subscription = bus.subscribe({}, 1 << 20);
    const auto start = std::chrono::steady_clock::now();
    std::vector<Event> one;
    for (qint64 i = 0; i < count; ++i) {
        Event e;
        e.type = EventType::RoutineStarted;
        e.job = JobId(1);
        e.activation = quint64(i);
        e.timeNs = std::chrono::system_clock::now().time_since_epoch().count();
        one.push_back(std::move(e));
        bus.publish(one);
        if ((i & 0xffff) == 0)
            subscription->takeAll();
    }
    const auto end = std::chrono::steady_clock::now();
    return double(std::chrono::duration_cast<std::chrono::nanoseconds>(end - start).count())
           / double(count);
}

const Registrar emit{
    {QStringLiteral("emit"),
     QStringLiteral("cost of emitting one event, monitoring on and off"),
     {{QStringLiteral("emit_ns_monitoring_on"), QStringLiteral("ns"), 50, true},
      {QStringLiteral("emit_ns_monitoring_off"), QStringLiteral("ns"), 2, true},
      {QStringLiteral("emit_ns_baseline_unbatched"), QStringLiteral("ns"), 0, true}},
     [](const Options &options) {
         const qint64 on = options.quick ? 2'000'000 : 10'000'000;
         const qint64 off = options.quick ? 50'000'000 : 200'000'000;
         return QVector<double>{emitNs(true, on), emitNs(false, off), unbatchedEmitNs(on)};
     }}};

} // namespace

} // namespace flowscope::bench
