#pragma once

#include "events/clock.h"
#include "events/event.h"

#include <mutex>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace flowscope {

class EventSink;
class Subscription;

// Collects events from many producer threads and hands each subscriber its own copy in batches.
// Producers write into an EventSink (one per thread, no lock per event); sinks publish batches,
// the bus numbers them (so every subscriber sees strictly increasing sequence numbers), keeps a
// bounded history for traces and replay, and appends to each matching subscriber's bounded queue.
class EventBus
{
public:
    explicit EventBus(int historyCapacity = 100000);
    ~EventBus();

    EventBus(const EventBus &) = delete;
    EventBus &operator=(const EventBus &) = delete;

    // Monitoring switch: when off, EventSink::emit returns at once and nothing is recorded.
    bool isEnabled() const { return m_enabled.load(std::memory_order_relaxed); }
    void setEnabled(bool enabled) { m_enabled.store(enabled, std::memory_order_relaxed); }

    std::unique_ptr<EventSink> createSink();

    // capacity: events held for this subscriber; when full, the oldest are dropped and counted.
    // wake: called (from a producer thread, outside any lock) when the queue becomes non-empty
    // and no wake-up is pending; it should schedule a takeAll() in the consumer's thread.
    std::shared_ptr<Subscription> subscribe(const EventFilter &filter, int capacity,
                                            std::function<void()> wake = {});
    void unsubscribe(const std::shared_ptr<Subscription> &subscription);

    // Numbers the batch's events, records and distributes them. Used by sinks; callable directly.
    void publish(std::vector<Event> &batch);

    // Events still held in history with seq > sinceSeq that match, oldest first, at most limit.
    QVector<Event> history(const EventFilter &filter, quint64 sinceSeq = 0, int limit = -1) const;
    // The oldest sequence number still in history (0 when empty).
    quint64 oldestHeldSequence() const;
    quint64 lastSequence() const;
    // Whether an event after afterSeq was published but is no longer held: a reader resuming
    // after afterSeq has a gap up to *oldestHeld - 1 (*oldestHeld: 0 when history is empty).
    bool lostAfter(quint64 afterSeq, quint64 *oldestHeld = nullptr) const;
    quint64 publishedCount() const { return m_published.load(std::memory_order_relaxed); }
    // Events dropped by all subscribers so far.
    quint64 droppedCount() const;
    int subscriberCount() const;

private:
    std::atomic<bool> m_enabled{true};
    std::atomic<quint64> m_published{0};
    mutable std::mutex m_mutex;
    quint64 m_seq = 0;
    quint64 m_droppedByGone = 0;
    // A ring: m_history grows to capacity, then m_historyStart marks the oldest slot.
    std::vector<Event> m_history;
    size_t m_historyStart = 0;
    size_t m_historyCapacity;
    std::vector<std::shared_ptr<Subscription>> m_subscriptions;
};

// A subscriber's bounded queue. Thread-safe; the consumer calls takeAll() from its own thread.
class Subscription
{
public:
    Subscription(const EventFilter &filter, int capacity, std::function<void()> wake);

    // Every event queued, oldest first. spare: the vector of a batch the consumer is done with;
    // it becomes the next queue, so that a steady stream reuses two buffers instead of having
    // the producers fault in fresh memory for every batch.
    std::vector<Event> takeAll(std::vector<Event> spare = {});
    quint64 deliveredCount() const;
    quint64 droppedCount() const;
    quint64 pendingCount() const;
    const EventFilter &filter() const { return m_filter; }

private:
    friend class EventBus;
    // Appends under the subscription lock; returns true when the consumer must be woken.
    bool push(const Event &event);

    const EventFilter m_filter;
    const size_t m_capacity;
    const std::function<void()> m_wake;
    mutable std::mutex m_mutex;
    // Oldest first from m_head; dropping the oldest only advances m_head, and the dead prefix is
    // compacted away when it is half the vector, so every operation is amortized O(1).
    std::vector<Event> m_queue;
    size_t m_head = 0;
    quint64 m_delivered = 0;
    quint64 m_dropped = 0;
    bool m_wakePending = false;
};

// A single producer's buffer: emitting costs a clock read and a push, no lock. The buffer goes to
// the bus when full, when its oldest event is older than maxDelayNs, or on flush().
class EventSink
{
public:
    static constexpr size_t batchSize = 512;
    static constexpr qint64 maxDelayNs = 5'000'000;

    explicit EventSink(EventBus *bus);
    ~EventSink();

    bool enabled() const { return m_bus->isEnabled(); }

    // Stamps the time and queues the event. Callers that build costly payloads check enabled()
    // first; emit() itself returns at once when monitoring is off.
    void emit(Event &&event)
    {
        if (!enabled())
            return;
        const qint64 now = nowNs();
        event.timeNs = now;
        if (m_buffer.empty())
            m_firstNs = now;
        m_buffer.push_back(std::move(event));
        if (m_buffer.size() >= batchSize || now - m_firstNs > maxDelayNs)
            flush();
    }

    void flush();

    // Wall-clock nanoseconds since the Unix epoch (see Clock).
    static qint64 nowNs() { return Clock::nowNs(); }

private:
    EventBus *m_bus;
    std::vector<Event> m_buffer;
    qint64 m_firstNs = 0;
};

} // namespace flowscope
