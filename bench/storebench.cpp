#include "benchmark.h"
#include "consoleevents.h"

#include "eventfiltertask.h"
#include "eventlogmodel.h"
#include "eventstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <ctime>

namespace flowscope::bench {

namespace {

constexpr int batchSize = 33000; // about what a 33 ms frame brings at 1,000,000 events/s

double residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return qQNaN();
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * 4096.0 : qQNaN();
}

// Resident memory per event of a store of events without payloads: a check on the store's own
// count of its bytes, with nothing but the store allocated in between.
double residentBytesPerEvent(qint64 count)
{
    ConsoleEvents source;
    const double before = residentBytes();
    auto store = std::make_unique<EventStore>(quint64(count));
    for (qint64 n = 0; n < count; n += batchSize)
        store->append(source.next(int(std::min<qint64>(batchSize, count - n)), false));
    return (residentBytes() - before) / double(count);
}

// Milliseconds from setFilter to the rows being there, the GUI thread's loop running meanwhile.
double filterMs(EventLogModel &model, const EventLogFilter &filter)
{
    QVector<double> times;
    for (int i = 0; i < 3; ++i) {
        model.setFilter({});
        QElapsedTimer timer;
        timer.start();
        model.setFilter(filter);
        while (model.isFiltering())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 1);
        times << double(timer.nsecsElapsed()) / 1e6;
        if (model.rowCount() == 0 || quint64(model.rowCount()) == model.storedCount())
            return qQNaN(); // not a filter that tells anything
    }
    return median(times);
}

// Processor time of one thread matching the whole store (no pool, no event loop): what a filter
// costs per event whatever else the machine is doing.
double filterCpuNsPerEvent(const EventLogModel &model, const EventLogFilter &filter)
{
    const EventStore &store = model.store();
    const EventMatcher matcher(filter, store, 0);
    const EventStoreSnapshot snapshot = store.snapshot();
    timespec start{};
    timespec end{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    const EventFilterResult result = EventFilterTask::run(snapshot, matcher);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
    Q_UNUSED(result)
    const double ns = double(end.tv_sec - start.tv_sec) * 1e9 + double(end.tv_nsec - start.tv_nsec);
    return ns / double(store.size());
}

// Waits until the idle thread has made the payload text of every sealed chunk.
double waitForPayloadIndexMs(const EventStore &store)
{
    QElapsedTimer timer;
    timer.start();
    QDeadlineTimer deadline(120000);
    const auto indexed = [&] {
        return std::all_of(store.chunks().begin(), store.chunks().end(), [](const auto &chunk) {
            return !chunk->isSealed() || chunk->payloadCount() == 0 || chunk->searchText();
        });
    };
    while (!indexed() && !deadline.hasExpired())
        QThread::msleep(10);
    return indexed() ? double(timer.elapsed()) : qQNaN();
}

QVector<double> runStore(const Options &options)
{
    const qint64 count = options.quick ? 2'000'000 : 10'000'000;
    const double rss = residentBytesPerEvent(count);

    EventLogModel model{quint64(count)};
    ConsoleEvents source;
    qint64 appendNs = 0;
    for (qint64 n = 0; n < count; n += batchSize) {
        const QVector<Event> batch = source.next(int(std::min<qint64>(batchSize, count - n)));
        const auto start = std::chrono::steady_clock::now();
        model.appendEvents(batch);
        appendNs += std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    }
    const EventStore &store = model.store();
    const double bytesPerEvent = double(store.memoryUsage()) / double(store.size());
    const double indexMs = waitForPayloadIndexMs(store);
    size_t textBytes = 0;
    for (const auto &chunk : store.chunks())
        textBytes += chunk->searchTextMemoryUsage();

    EventLogFilter byName;
    byName.text = QStringLiteral("collect");
    EventLogFilter byFields;
    byFields.typeMask = eventTypeBit(EventType::RoutineEnded) | eventTypeBit(EventType::Log);
    byFields.agent = Symbol::intern(u"worker-3");
    EventLogFilter byTime;
    byTime.text = QStringLiteral("13:21."); // the second 21 of a minute: in both runs' span
    EventLogFilter byPayload;
    byPayload.text = QStringLiteral("host=10.0.7.");
    const double name = filterMs(model, byName);
    const double fields = filterMs(model, byFields);
    const double time = filterMs(model, byTime);
    const double payload = filterMs(model, byPayload);
    const double slowest = std::max({name, fields, time, payload});
    double slowestCpu = 0;
    for (const EventLogFilter *filter : {&byName, &byFields, &byTime, &byPayload})
        slowestCpu = std::max(slowestCpu, filterCpuNsPerEvent(model, *filter));

    return {bytesPerEvent,
            rss,
            double(appendNs) / double(count),
            double(textBytes) / double(store.size()),
            indexMs,
            slowest,
            name,
            fields,
            time,
            payload,
            slowestCpu};
}

const Registrar store{
    {QStringLiteral("store"),
     QStringLiteral("the console's event store and log filter at ten million events"),
     {{QStringLiteral("store_bytes_per_event"), QStringLiteral("bytes"), 64, true},
      {QStringLiteral("store_rss_bytes_per_event_no_payload"), QStringLiteral("bytes"), 0, true},
      {QStringLiteral("store_append_ns_per_event"), QStringLiteral("ns"), 0, true},
      {QStringLiteral("store_payload_text_bytes_per_event"), QStringLiteral("bytes"), 0, true},
      {QStringLiteral("store_payload_index_idle_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("filter_10m_ms"), QStringLiteral("ms"), 100, true},
      {QStringLiteral("filter_10m_ms_name_text"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("filter_10m_ms_type_agent"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("filter_10m_ms_time_text"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("filter_10m_ms_payload_text"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("filter_cpu_ns_per_event_slowest"), QStringLiteral("ns"), 0, true}},
     runStore}};

} // namespace

} // namespace flowscope::bench
