#pragma once

#include "eventchunk.h"
#include "eventstoresnapshot.h"

#include <QHash>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace flowscope {

// The console's events of one engine, compact (EventChunk: 54 bytes an event and its payload
// handle) and bounded: past its capacity the oldest chunk goes as a whole. Every event keeps an
// absolute index (0 for the first one ever stored), so views can refer to events that stay put
// while the oldest are dropped. GUI thread only; other threads read snapshots.
class EventStore
{
public:
    static constexpr quint64 defaultCapacity = 5000000;

    explicit EventStore(quint64 capacity = defaultCapacity);
    ~EventStore();

    quint64 capacity() const { return m_capacity; }
    // Takes effect at the next append (the oldest chunks above it go then).
    void setCapacity(quint64 capacity);

    quint64 firstIndex() const { return m_firstIndex; }
    quint64 endIndex() const { return m_endIndex; }
    quint64 size() const { return m_endIndex - m_firstIndex; }
    bool contains(quint64 index) const { return index >= m_firstIndex && index < m_endIndex; }
    // Events dropped to stay within the capacity since the store was made or cleared.
    quint64 droppedCount() const { return m_dropped; }

    // Appends in order. The store may hold more than its capacity until trim().
    void append(const QVector<Event> &events);
    // The first index once trim() has dropped the oldest chunks beyond the capacity.
    quint64 firstIndexAfterTrim() const;
    void trim();
    void clear();

    Event event(quint64 index) const;
    quint64 seqAt(quint64 index) const;
    // The stored event with this sequence number, if it is still held.
    std::optional<quint64> indexOfSeq(quint64 seq) const;

    struct Location
    {
        const EventChunk *chunk = nullptr;
        int row = 0;
    };
    Location locate(quint64 index) const;
    const std::deque<std::shared_ptr<EventChunk>> &chunks() const { return m_chunks; }
    const StoredJob &job(quint32 jobIndex) const { return (*m_jobs)[jobIndex]; }
    quint32 jobCount() const { return quint32(m_jobs->size()); }

    // What a filter or an export in another thread may read: the rows held now.
    EventStoreSnapshot snapshot() const;

    // Bytes held for the events: columns, payload handles, the job table and chunk bookkeeping
    // (the payloads' own contents excluded).
    size_t memoryUsage() const;

private:
    int chunkCapacity() const;
    // Makes a sealed chunk's payload search text in the background.
    static void indexPayloads(const std::shared_ptr<EventChunk> &chunk);
    quint32 jobIndex(const Event &event);

    quint64 m_capacity;
    quint64 m_firstIndex = 0;
    quint64 m_endIndex = 0;
    quint64 m_dropped = 0;
    std::deque<std::shared_ptr<EventChunk>> m_chunks;
    // Copied before a write while a snapshot holds it, so snapshots never see it change.
    std::shared_ptr<std::vector<StoredJob>> m_jobs;
    QHash<StoredJob, quint32> m_jobIndex;
    StoredJob m_lastJob;
    quint32 m_lastJobIndex = 0;
};

} // namespace flowscope
