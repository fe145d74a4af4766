#include "runtime/workqueue.h"

namespace flowscope::Internal {

void WorkQueue::push(Activation *activation)
{
    std::unique_lock lock(m_mutex);
    m_items.push_back(activation);
    if (m_sleepers.load(std::memory_order_relaxed) > 0)
        m_ready.notify_one();
}

Activation *WorkQueue::pop()
{
    std::unique_lock lock(m_mutex);
    while (m_items.empty() && !m_closed) {
        m_sleepers.fetch_add(1, std::memory_order_relaxed);
        m_ready.wait(lock);
        m_sleepers.fetch_sub(1, std::memory_order_relaxed);
    }
    if (m_items.empty())
        return nullptr;
    Activation *a = m_items.front();
    m_items.pop_front();
    return a;
}

Activation *WorkQueue::tryPop()
{
    std::unique_lock lock(m_mutex);
    if (m_items.empty())
        return nullptr;
    Activation *a = m_items.front();
    m_items.pop_front();
    return a;
}

void WorkQueue::close()
{
    std::unique_lock lock(m_mutex);
    m_closed = true;
    m_ready.notify_all();
}

std::deque<Activation *> WorkQueue::takeAll()
{
    std::unique_lock lock(m_mutex);
    std::deque<Activation *> items;
    items.swap(m_items);
    return items;
}

} // namespace flowscope::Internal
