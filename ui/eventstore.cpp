#include "eventstore.h"

#include "payloadsearchtext.h"

#include <QCoreApplication>
#include <QThreadPool>

#include <algorithm>

namespace flowscope {

EventStore::EventStore(quint64 capacity)
    : m_capacity(std::max<quint64>(1, capacity))
    , m_jobs(std::make_shared<std::vector<StoredJob>>())
{
    m_jobs->push_back(StoredJob()); // index 0: no job
    m_jobIndex.insert(StoredJob(), 0);
}

EventStore::~EventStore() = default;

void EventStore::setCapacity(quint64 capacity)
{
    m_capacity = std::max<quint64>(1, capacity);
}

int EventStore::chunkCapacity() const
{
    // Small stores (tests, tiny caps) drop in steps of a sixteenth of their capacity.
    return int(std::clamp<quint64>(m_capacity / 16, 16, EventChunk::maxCapacity));
}

quint32 EventStore::jobIndex(const Event &event)
{
    const StoredJob key{event.job, event.flow};
    if (key == m_lastJob)
        return m_lastJobIndex;
    auto it = m_jobIndex.constFind(key);
    if (it == m_jobIndex.constEnd()) {
        if (m_jobs.use_count() > 1) // a snapshot reads the table: it keeps its copy
            m_jobs = std::make_shared<std::vector<StoredJob>>(*m_jobs);
        m_jobs->push_back(key);
        it = m_jobIndex.insert(key, quint32(m_jobs->size() - 1));
    }
    m_lastJob = key;
    m_lastJobIndex = *it;
    return *it;
}

void EventStore::append(const QVector<Event> &events)
{
    for (const Event &event : events) {
        if (m_chunks.empty() || !m_chunks.back()->accepts(event.seq)) {
            if (!m_chunks.empty() && !m_chunks.back()->isSealed()) {
                m_chunks.back()->seal();
                indexPayloads(m_chunks.back());
            }
            m_chunks.push_back(std::make_shared<EventChunk>(m_endIndex, chunkCapacity()));
        }
        EventChunk &chunk = *m_chunks.back();
        chunk.append(event, jobIndex(event));
        ++m_endIndex;
        if (chunk.isSealed())
            indexPayloads(m_chunks.back());
    }
}

void EventStore::indexPayloads(const std::shared_ptr<EventChunk> &chunk)
{
    if (chunk->payloadCount() == 0)
        return;
    // One thread, scheduled only when the processor is otherwise idle: the text is a cache that
    // makes later searches fast; a filter that comes first makes what it needs itself.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(1);
        p->setThreadPriority(QThread::IdlePriority);
        return p;
    }();
    const int payloads = chunk->payloadCount();
    pool->start([weak = std::weak_ptr<const EventChunk>(chunk), payloads] {
        const std::shared_ptr<const EventChunk> chunk = weak.lock();
        if (chunk && !chunk->searchText())
            chunk->setSearchText(PayloadSearchText::build(*chunk, payloads));
    });
}

quint64 EventStore::firstIndexAfterTrim() const
{
    quint64 first = m_firstIndex;
    for (size_t i = 0; i + 1 < m_chunks.size() && m_endIndex - first > m_capacity; ++i)
        first += quint64(m_chunks[i]->size());
    return first;
}

void EventStore::trim()
{
    const quint64 first = firstIndexAfterTrim();
    while (m_firstIndex < first) {
        const int rows = m_chunks.front()->size();
        m_chunks.pop_front(); // a snapshot that still reads it keeps it alive
        m_firstIndex += quint64(rows);
        m_dropped += quint64(rows);
    }
}

void EventStore::clear()
{
    m_chunks.clear();
    m_firstIndex = m_endIndex;
    m_dropped = 0;
}

EventStore::Location EventStore::locate(quint64 index) const
{
    Q_ASSERT(contains(index));
    // Chunks are contiguous: the first one that does not end before the index holds it.
    const auto byFirst = [](const std::shared_ptr<EventChunk> &chunk, quint64 i) {
        return chunk->firstIndex() + quint64(chunk->size()) <= i;
    };
    const auto it = std::lower_bound(m_chunks.begin(), m_chunks.end(), index, byFirst);
    return {it->get(), int(index - (*it)->firstIndex())};
}

Event EventStore::event(quint64 index) const
{
    const Location at = locate(index);
    const StoredJob &owner = job(at.chunk->jobIndex(at.row));
    return at.chunk->toEvent(at.row, at.chunk->payloadCount(), owner.job, owner.flow);
}

quint64 EventStore::seqAt(quint64 index) const
{
    const Location at = locate(index);
    return at.chunk->seq(at.row);
}

std::optional<quint64> EventStore::indexOfSeq(quint64 seq) const
{
    // Sequence numbers ascend within a chunk; across chunks they do too unless the engine was
    // restarted, so look from the newest chunk back.
    for (auto it = m_chunks.rbegin(); it != m_chunks.rend(); ++it) {
        const EventChunk &chunk = **it;
        if (chunk.size() == 0 || seq < chunk.firstSeq() || seq > chunk.lastSeq())
            continue;
        int low = 0;
        int high = chunk.size();
        while (low < high) {
            const int mid = (low + high) / 2;
            if (chunk.seq(mid) < seq)
                low = mid + 1;
            else
                high = mid;
        }
        if (low < chunk.size() && chunk.seq(low) == seq)
            return chunk.firstIndex() + quint64(low);
    }
    return std::nullopt;
}

EventStoreSnapshot EventStore::snapshot() const
{
    EventStoreSnapshot snapshot;
    snapshot.parts.reserve(m_chunks.size());
    for (const std::shared_ptr<EventChunk> &chunk : m_chunks)
        snapshot.parts.push_back({chunk, chunk->size(), chunk->payloadCount(), chunk->isSealed()});
    snapshot.jobs = m_jobs;
    snapshot.firstIndex = m_firstIndex;
    snapshot.endIndex = m_endIndex;
    return snapshot;
}

size_t EventStore::memoryUsage() const
{
    size_t bytes = m_jobs->capacity() * sizeof(StoredJob)
                   + size_t(m_jobIndex.capacity()) * (sizeof(StoredJob) + sizeof(quint32) + 8)
                   + m_chunks.size() * (sizeof(EventChunk) + sizeof(std::shared_ptr<EventChunk>));
    for (const std::shared_ptr<EventChunk> &chunk : m_chunks)
        bytes += chunk->memoryUsage();
    return bytes;
}

Event EventStoreSnapshot::event(const Part &part, int row) const
{
    const StoredJob &owner = (*jobs)[part.chunk->jobIndex(row)];
    return part.chunk->toEvent(row, part.payloads, owner.job, owner.flow);
}

} // namespace flowscope
