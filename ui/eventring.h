#pragma once

#include "events/event.h"

#include <vector>

namespace flowscope {

// A fixed-capacity ring of events. Every event keeps an absolute index (0 for the first one ever
// stored), so views can refer to events that stay put while the ring wraps around.
class EventRing
{
public:
    explicit EventRing(int capacity);

    int capacity() const { return m_capacity; }
    int size() const { return m_size; }
    // Absolute index of the oldest event held, and one past the newest.
    quint64 firstIndex() const { return m_firstIndex; }
    quint64 endIndex() const { return m_firstIndex + quint64(m_size); }
    bool contains(quint64 index) const { return index >= m_firstIndex && index < endIndex(); }

    const Event &at(quint64 index) const;

    // Drops the oldest count events (their memory is reused by later appends).
    void dropOldest(int count);
    // Needs room: size() < capacity().
    void append(const Event &event);
    void clear();

private:
    int m_capacity;
    std::vector<Event> m_buffer;
    int m_head = 0; // slot of the oldest event
    int m_size = 0;
    quint64 m_firstIndex = 0;
};

} // namespace flowscope
