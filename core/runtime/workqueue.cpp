#include "runtime/workqueue.h"

#include "runtime/activation.h"

namespace flowscope::Internal {

void WorkQueue::push(ActivationPtr activation)
{
    bool wake;
    {
        std::lock_guard lock(m_mutex);
        m_items.push_back(std::move(activation));
        wake = m_sleepers.load(std::memory_order_relaxed) > 0;
    }
    // After unlocking: an agent woken under the lock would only block on it again (two more
    // switches for every job started over HTTP).
    if (wake)
        m_ready.notify_one();
}

ActivationPtr WorkQueue::pop()
{
    std::unique_lock lock(m_mutex);
    while (m_items.empty() && !m_closed) {
        m_sleepers.fetch_add(1, std::memory_order_relaxed);
        m_ready.wait(lock);
        m_sleepers.fetch_sub(1, std::memory_order_relaxed);
    }
    if (m_items.empty())
        return nullptr;
    ActivationPtr a = std::move(m_items.front());
    m_items.pop_front();
    return a;
}

ActivationPtr WorkQueue::popFor(qint64 timeoutMs, bool *closed)
{
    std::unique_lock lock(m_mutex);
    if (m_items.empty() && !m_closed) {
        m_sleepers.fetch_add(1, std::memory_order_relaxed);
        m_ready.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                         [this] { return !m_items.empty() || m_closed; });
        m_sleepers.fetch_sub(1, std::memory_order_relaxed);
    }
    *closed = m_items.empty() && m_closed;
    if (m_items.empty())
        return nullptr;
    ActivationPtr a = std::move(m_items.front());
    m_items.pop_front();
    return a;
}

std::vector<ActivationPtr> WorkQueue::copyIf(const std::function<bool(const Activation &)> &match)
{
    std::unique_lock lock(m_mutex);
    std::vector<ActivationPtr> copies;
    for (const ActivationPtr &a : m_items) {
        if (match(*a))
            copies.push_back(a);
    }
    return copies;
}

ActivationPtr WorkQueue::tryPop()
{
    std::unique_lock lock(m_mutex);
    if (m_items.empty())
        return nullptr;
    ActivationPtr a = std::move(m_items.front());
    m_items.pop_front();
    return a;
}

void WorkQueue::close()
{
    std::unique_lock lock(m_mutex);
    m_closed = true;
    m_ready.notify_all();
}

std::deque<ActivationPtr> WorkQueue::takeAll()
{
    std::unique_lock lock(m_mutex);
    std::deque<ActivationPtr> items;
    items.swap(m_items);
    return items;
}

} // namespace flowscope::Internal
