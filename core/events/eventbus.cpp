#include "events/eventbus.h"

#include <algorithm>
#include <iterator>

namespace flowscope {

EventBus::EventBus(int historyCapacity)
    : m_historyCapacity(size_t(std::max(0, historyCapacity)))
{}

EventBus::~EventBus() = default;

std::unique_ptr<EventSink> EventBus::createSink()
{
    return std::make_unique<EventSink>(this);
}

std::shared_ptr<Subscription> EventBus::subscribe(const EventFilter &filter, int capacity,
                                                  std::function<void()> wake)
{
    auto subscription = std::make_shared<Subscription>(filter, capacity, std::move(wake));
    std::lock_guard lock(m_mutex);
    m_subscriptions.push_back(subscription);
    return subscription;
}

void EventBus::unsubscribe(const std::shared_ptr<Subscription> &subscription)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find(m_subscriptions.begin(), m_subscriptions.end(), subscription);
    if (it != m_subscriptions.end()) {
        m_droppedByGone += (*it)->droppedCount();
        m_subscriptions.erase(it);
    }
}

void EventBus::publish(std::vector<Event> &batch)
{
    if (batch.empty())
        return;
    std::vector<Subscription *> toWake;
    std::vector<std::shared_ptr<Subscription>> keepAlive;
    {
        std::lock_guard lock(m_mutex);
        for (Event &event : batch) {
            event.seq = ++m_seq;
            if (m_history.size() < m_historyCapacity) {
                m_history.push_back(event);
            } else if (m_historyCapacity > 0) {
                m_history[m_historyStart] = event;
                m_historyStart = (m_historyStart + 1) % m_historyCapacity;
            }
        }
        for (const auto &subscription : m_subscriptions) {
            bool wake = false;
            {
                std::lock_guard subLock(subscription->m_mutex);
                for (const Event &event : batch) {
                    if (subscription->m_filter.matches(event))
                        wake |= subscription->push(event);
                }
            }
            if (wake && subscription->m_wake) {
                toWake.push_back(subscription.get());
                keepAlive.push_back(subscription);
            }
        }
    }
    m_published.fetch_add(batch.size(), std::memory_order_relaxed);
    batch.clear();
    // Outside every lock: a wake-up may post to another thread or even call takeAll().
    for (Subscription *subscription : toWake)
        subscription->m_wake();
}

QVector<Event> EventBus::history(const EventFilter &filter, quint64 sinceSeq, int limit) const
{
    QVector<Event> result;
    std::lock_guard lock(m_mutex);
    // The ring holds two runs, each ordered by seq: [start, end) then [0, start).
    const auto scan
        = [&](std::vector<Event>::const_iterator from, std::vector<Event>::const_iterator to) {
              auto it = std::lower_bound(from, to, sinceSeq + 1,
                                         [](const Event &e, quint64 seq) { return e.seq < seq; });
              for (; it != to; ++it) {
                  if (filter.matches(*it))
                      result.push_back(*it);
              }
          };
    const auto start = m_history.cbegin() + std::ptrdiff_t(m_historyStart);
    scan(start, m_history.cend());
    scan(m_history.cbegin(), start);
    if (limit >= 0 && result.size() > limit)
        result.remove(0, result.size() - limit);
    return result;
}

quint64 EventBus::oldestHeldSequence() const
{
    std::lock_guard lock(m_mutex);
    return m_history.empty() ? 0 : m_history[m_historyStart].seq;
}

quint64 EventBus::lastSequence() const
{
    std::lock_guard lock(m_mutex);
    return m_seq;
}

bool EventBus::lostAfter(quint64 afterSeq, quint64 *oldestHeld) const
{
    std::lock_guard lock(m_mutex);
    const quint64 oldest = m_history.empty() ? 0 : m_history[m_historyStart].seq;
    if (oldestHeld)
        *oldestHeld = oldest;
    return oldest > 0 ? oldest > afterSeq + 1 : m_seq > afterSeq;
}

quint64 EventBus::droppedCount() const
{
    std::lock_guard lock(m_mutex);
    quint64 total = m_droppedByGone;
    for (const auto &subscription : m_subscriptions)
        total += subscription->droppedCount();
    return total;
}

int EventBus::subscriberCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_subscriptions.size());
}

Subscription::Subscription(const EventFilter &filter, int capacity, std::function<void()> wake)
    : m_filter(filter)
    , m_capacity(size_t(std::max(1, capacity)))
    , m_wake(std::move(wake))
{}

bool Subscription::push(const Event &event)
{
    if (m_queue.size() - m_head >= m_capacity) {
        m_queue[m_head++] = Event(); // drop the oldest
        ++m_dropped;
        if (m_head * 2 >= m_queue.size()) {
            m_queue.erase(m_queue.begin(), m_queue.begin() + std::ptrdiff_t(m_head));
            m_head = 0;
        }
    }
    m_queue.push_back(event);
    if (m_wakePending)
        return false;
    m_wakePending = true;
    return true;
}

std::vector<Event> Subscription::takeAll(std::vector<Event> spare)
{
    spare.clear(); // outside the lock: payloads may be released here
    std::vector<Event> out;
    std::lock_guard lock(m_mutex);
    if (m_head == 0) {
        out.swap(m_queue);
        if (spare.capacity() >= std::min(out.size(), m_capacity))
            m_queue.swap(spare);
        else // start the next round at the size this one reached, not regrowing step by step
            m_queue.reserve(std::min(out.size(), m_capacity));
    } else {
        out.assign(std::make_move_iterator(m_queue.begin() + std::ptrdiff_t(m_head)),
                   std::make_move_iterator(m_queue.end()));
        m_queue.clear();
        m_head = 0;
    }
    m_delivered += out.size();
    m_wakePending = false;
    return out;
}

quint64 Subscription::deliveredCount() const
{
    std::lock_guard lock(m_mutex);
    return m_delivered;
}

quint64 Subscription::droppedCount() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

quint64 Subscription::pendingCount() const
{
    std::lock_guard lock(m_mutex);
    return m_queue.size() - m_head;
}

EventSink::EventSink(EventBus *bus)
    : m_bus(bus)
{
    m_buffer.reserve(batchSize);
}

EventSink::~EventSink()
{
    flush();
}

void EventSink::flush()
{
    if (!m_buffer.empty()) {
        m_bus->publish(m_buffer);
        m_buffer.reserve(batchSize);
    }
}

} // namespace flowscope
