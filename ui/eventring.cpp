#include "eventring.h"

#include <QtGlobal>

#include <algorithm>

namespace flowscope {

EventRing::EventRing(int capacity)
    : m_capacity(std::max(1, capacity))
{
    // Grows on demand: a console that sees few events should not pay for the full ring.
    m_buffer.reserve(size_t(std::min(m_capacity, 4096)));
}

const Event &EventRing::at(quint64 index) const
{
    Q_ASSERT(contains(index));
    const quint64 offset = index - m_firstIndex;
    return m_buffer[size_t((quint64(m_head) + offset) % quint64(m_capacity))];
}

void EventRing::dropOldest(int count)
{
    count = std::min(count, m_size);
    for (int i = 0; i < count; ++i) {
        m_buffer[size_t(m_head)] = Event(); // release payloads now
        m_head = (m_head + 1) % m_capacity;
    }
    m_size -= count;
    m_firstIndex += quint64(count);
}

void EventRing::append(const Event &event)
{
    Q_ASSERT(m_size < m_capacity);
    const int slot = (m_head + m_size) % m_capacity;
    if (size_t(slot) == m_buffer.size())
        m_buffer.push_back(event);
    else
        m_buffer[size_t(slot)] = event;
    ++m_size;
}

void EventRing::clear()
{
    m_firstIndex = endIndex();
    m_buffer.clear();
    m_head = 0;
    m_size = 0;
}

} // namespace flowscope
