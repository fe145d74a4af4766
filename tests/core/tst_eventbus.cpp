#include "events/eventbus.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace flowscope;

class TestEventBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequenceNumbersIncreasePerSubscriber();
    void slowSubscriberCountsEveryDrop();
    void fastSubscriberMissesNothing();
    void eachSubscriberGetsItsOwnCopy();
    void filterSelectsJob();
    void monitoringOffRecordsNothing();
    void historyIsBoundedAndOrdered();
    void aSpareVectorBecomesTheNextQueue();
};

namespace {

Event makeEvent(quint64 job, EventType type = EventType::Log)
{
    Event e;
    e.type = type;
    e.job = JobId(job);
    return e;
}

} // namespace

void TestEventBus::sequenceNumbersIncreasePerSubscriber()
{
    EventBus bus(0);
    auto sub = bus.subscribe({}, 100000);
    std::vector<std::thread> producers;
    for (int t = 0; t < 4; ++t) {
        producers.emplace_back([&bus] {
            auto sink = bus.createSink();
            for (int i = 0; i < 10000; ++i)
                sink->emit(makeEvent(1));
        });
    }
    for (auto &t : producers)
        t.join();
    const std::vector<Event> events = sub->takeAll();
    QCOMPARE(events.size(), size_t(40000));
    for (size_t i = 1; i < events.size(); ++i)
        QVERIFY(events[i].seq == events[i - 1].seq + 1);
    QCOMPARE(bus.lastSequence(), quint64(40000));
}

void TestEventBus::slowSubscriberCountsEveryDrop()
{
    // A million events through a subscriber that holds 1,000 and reads rarely: what it got plus
    // what it was told it lost is exactly what was emitted.
    EventBus bus(0);
    auto slow = bus.subscribe({}, 1000);
    constexpr quint64 total = 1000000;
    std::atomic<bool> done{false};
    quint64 delivered = 0;
    quint64 lastSeq = 0;
    bool ordered = true;
    std::thread consumer([&] {
        while (!done.load()) {
            for (const Event &e : slow->takeAll()) {
                ordered &= e.seq > lastSeq;
                lastSeq = e.seq;
                ++delivered;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    {
        auto sink = bus.createSink();
        for (quint64 i = 0; i < total; ++i)
            sink->emit(makeEvent(1));
    }
    done = true;
    consumer.join();
    delivered += slow->takeAll().size();
    QVERIFY(ordered);
    QVERIFY2(slow->droppedCount() > 0, "the slow subscriber should have overflowed");
    QCOMPARE(delivered + slow->droppedCount(), total);
    QCOMPARE(slow->deliveredCount(), delivered);
    QCOMPARE(bus.publishedCount(), total);
    QCOMPARE(bus.droppedCount(), slow->droppedCount());
}

void TestEventBus::fastSubscriberMissesNothing()
{
    EventBus bus(0);
    std::mutex mutex;
    std::condition_variable wake;
    bool woken = false;
    auto fast = bus.subscribe({}, 1 << 18, [&] {
        std::lock_guard<std::mutex> lock(mutex);
        woken = true;
        wake.notify_one();
    });
    constexpr quint64 total = 1000000;
    std::atomic<bool> done{false};
    quint64 delivered = 0;
    quint64 expectedSeq = 1;
    bool gapless = true;
    std::thread consumer([&] {
        for (;;) {
            {
                std::unique_lock<std::mutex> lock(mutex);
                wake.wait_for(lock, std::chrono::milliseconds(5), [&] { return woken; });
                woken = false;
            }
            const bool last = done.load();
            for (const Event &e : fast->takeAll()) {
                gapless &= e.seq == expectedSeq++;
                ++delivered;
            }
            if (last)
                break;
        }
    });
    {
        auto sink = bus.createSink();
        for (quint64 i = 0; i < total; ++i)
            sink->emit(makeEvent(1));
    }
    done = true;
    consumer.join();
    QCOMPARE(fast->droppedCount(), quint64(0));
    QCOMPARE(delivered, total);
    QVERIFY(gapless);
}

void TestEventBus::eachSubscriberGetsItsOwnCopy()
{
    EventBus bus(0);
    auto a = bus.subscribe({}, 1000);
    auto b = bus.subscribe({}, 1000);
    {
        auto sink = bus.createSink();
        for (int i = 0; i < 100; ++i)
            sink->emit(makeEvent(1));
    }
    const auto fromA = a->takeAll();
    const auto fromB = b->takeAll();
    QCOMPARE(fromA.size(), size_t(100));
    QCOMPARE(fromB.size(), size_t(100));
    QCOMPARE(fromA.front().seq, fromB.front().seq);
    QCOMPARE(fromA.back().seq, fromB.back().seq);
}

void TestEventBus::filterSelectsJob()
{
    EventBus bus(0);
    EventFilter onlyTwo;
    onlyTwo.job = JobId(2);
    onlyTwo.typeMask = eventTypeBit(EventType::Progress);
    auto sub = bus.subscribe(onlyTwo, 1000);
    {
        auto sink = bus.createSink();
        sink->emit(makeEvent(1, EventType::Progress));
        sink->emit(makeEvent(2, EventType::Progress));
        sink->emit(makeEvent(2, EventType::Log));
    }
    const auto events = sub->takeAll();
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events.front().job, JobId(2));
    QCOMPARE(events.front().type, EventType::Progress);
}

void TestEventBus::monitoringOffRecordsNothing()
{
    EventBus bus(10);
    auto sub = bus.subscribe({}, 1000);
    bus.setEnabled(false);
    {
        auto sink = bus.createSink();
        for (int i = 0; i < 100; ++i)
            sink->emit(makeEvent(1));
    }
    QCOMPARE(sub->pendingCount(), quint64(0));
    QCOMPARE(bus.publishedCount(), quint64(0));
}

void TestEventBus::historyIsBoundedAndOrdered()
{
    EventBus bus(50);
    {
        auto sink = bus.createSink();
        for (int i = 0; i < 120; ++i)
            sink->emit(makeEvent(i % 2 ? 1 : 2));
    }
    EventFilter all;
    const QVector<Event> held = bus.history(all);
    QCOMPARE(held.size(), 50);
    QCOMPARE(held.front().seq, quint64(71));
    QCOMPARE(held.back().seq, quint64(120));
    QCOMPARE(bus.oldestHeldSequence(), quint64(71));
    const QVector<Event> since = bus.history(all, 110);
    QCOMPARE(since.size(), 10);
    QCOMPARE(bus.history(all, 0, 5).front().seq, quint64(116));
}

void TestEventBus::aSpareVectorBecomesTheNextQueue()
{
    // A consumer that hands back its last batch gets the next batch in that same memory.
    EventBus bus(0);
    auto sub = bus.subscribe({}, 1000);
    const auto publish = [&bus](int count) {
        std::vector<Event> batch(size_t(count), makeEvent(1));
        bus.publish(batch);
    };
    publish(100);
    std::vector<Event> first = sub->takeAll();
    QCOMPARE(first.size(), size_t(100));
    const Event *memory = first.data();
    std::vector<Event> none = sub->takeAll(std::move(first));
    QVERIFY(none.empty());
    publish(80);
    const std::vector<Event> second = sub->takeAll(std::move(none));
    QCOMPARE(second.size(), size_t(80));
    QCOMPARE(second.data(), memory);
    QCOMPARE(second.front().seq, quint64(101));
    QCOMPARE(sub->deliveredCount(), quint64(180));
}

QTEST_GUILESS_MAIN(TestEventBus)
#include "tst_eventbus.moc"
