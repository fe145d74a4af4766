#include "eventchunk.h"

#include "payloadsearchtext.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <mutex>
#include <vector>

namespace flowscope {

namespace {
// Column memory of chunks that went, for the next chunks: a store at its capacity drops one
// chunk and starts another every 65,536 events, and would otherwise unmap and fault in a few
// megabytes each time. Chunks may go in any thread (the last snapshot holding one), hence the lock.
class ColumnMemoryPool
{
public:
    std::unique_ptr<char[]> take(size_t bytes)
    {
        std::lock_guard guard(m_lock);
        for (auto it = m_blocks.begin(); it != m_blocks.end(); ++it) {
            if (it->first == bytes) {
                std::unique_ptr<char[]> block = std::move(it->second);
                m_blocks.erase(it);
                return block;
            }
        }
        // Not value-initialized: untouched pages stay unmapped until rows reach them.
        return std::unique_ptr<char[]>(new char[bytes]);
    }

    void give(size_t bytes, std::unique_ptr<char[]> block)
    {
        std::lock_guard guard(m_lock);
        if (m_blocks.size() < 2)
            m_blocks.emplace_back(bytes, std::move(block));
    }

private:
    std::mutex m_lock;
    std::vector<std::pair<size_t, std::unique_ptr<char[]>>> m_blocks;
};

ColumnMemoryPool &columnMemory()
{
    static ColumnMemoryPool pool;
    return pool;
}

size_t columnBytes(int capacity)
{
    return size_t(EventChunk::bytesPerEvent) * size_t(capacity);
}

template<typename T>
T *column(char *&cursor, int capacity)
{
    T *start = reinterpret_cast<T *>(cursor);
    cursor += sizeof(T) * size_t(capacity);
    return start;
}
} // namespace

EventChunk::EventChunk(quint64 firstIndex, int capacity)
    : m_firstIndex(firstIndex)
    , m_capacity(std::clamp(capacity, 1, maxCapacity))
    , m_memory(columnMemory().take(columnBytes(m_capacity)))
{
    // Widest columns first, so every column is aligned.
    char *cursor = m_memory.get();
    m_timeNs = column<qint64>(cursor, m_capacity);
    m_durationNs = column<qint64>(cursor, m_capacity);
    m_activation = column<quint64>(cursor, m_capacity);
    m_parentActivation = column<quint64>(cursor, m_capacity);
    m_seqOffset = column<quint32>(cursor, m_capacity);
    m_job = column<quint32>(cursor, m_capacity);
    m_routine = column<quint32>(cursor, m_capacity);
    m_port = column<quint32>(cursor, m_capacity);
    m_agent = column<quint32>(cursor, m_capacity);
    m_type = column<quint8>(cursor, m_capacity);
    m_status = column<quint8>(cursor, m_capacity);
    m_payloadBlocks.reset(new std::unique_ptr<PayloadBlock>[size_t(
        (m_capacity + payloadBlockSize - 1) / payloadBlockSize)]);
}

EventChunk::~EventChunk()
{
    columnMemory().give(columnBytes(m_capacity), std::move(m_memory));
}

bool EventChunk::accepts(quint64 seq) const
{
    if (m_sealed || m_size == m_capacity)
        return false;
    return m_size == 0
           || (seq > lastSeq() && seq - m_firstSeq <= std::numeric_limits<quint32>::max());
}

void EventChunk::append(const Event &event, quint32 jobIndex)
{
    Q_ASSERT(accepts(event.seq));
    const int row = m_size;
    if (row == 0)
        m_firstSeq = event.seq;
    m_seqOffset[row] = quint32(event.seq - m_firstSeq);
    m_timeNs[row] = event.timeNs;
    m_durationNs[row] = event.durationNs;
    m_activation[row] = event.activation;
    m_parentActivation[row] = event.parentActivation;
    m_job[row] = jobIndex;
    m_routine[row] = event.routine.id();
    m_port[row] = event.port.id();
    m_agent[row] = event.agent.id();
    m_type[row] = quint8(event.type);
    quint8 status = quint8(event.status) & statusMask;
    if (event.payload.isValid()) {
        status |= payloadFlag;
        const int ordinal = m_payloadCount;
        std::unique_ptr<PayloadBlock> &block = m_payloadBlocks[ordinal / payloadBlockSize];
        if (!block)
            block = std::make_unique<PayloadBlock>();
        block->rows[ordinal % payloadBlockSize] = quint16(row);
        block->payloads[ordinal % payloadBlockSize] = event.payload;
        m_payloadCount = ordinal + 1;
    }
    m_status[row] = status;
    m_size = row + 1;
    if (m_size == m_capacity)
        m_sealed = true;
}

int EventChunk::firstPayloadFrom(int row, int count) const
{
    int low = 0;
    int high = count;
    while (low < high) {
        const int mid = (low + high) / 2;
        if (payloadRow(mid) < row)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

int EventChunk::payloadOrdinal(int row, int count) const
{
    const int ordinal = firstPayloadFrom(row, count);
    Q_ASSERT(ordinal < count && payloadRow(ordinal) == row);
    return ordinal;
}

Event EventChunk::toEvent(int row, int payloads, JobId job, Symbol flow) const
{
    Event event;
    event.seq = seq(row);
    event.timeNs = m_timeNs[row];
    event.durationNs = m_durationNs[row];
    event.job = job;
    event.activation = m_activation[row];
    event.parentActivation = m_parentActivation[row];
    event.flow = flow;
    event.routine = routine(row);
    event.port = port(row);
    event.agent = agent(row);
    event.type = type(row);
    event.status = status(row);
    if (hasPayload(row))
        event.payload = payloadAt(payloadOrdinal(row, payloads));
    return event;
}

std::shared_ptr<const PayloadSearchText> EventChunk::searchText() const
{
    return std::atomic_load(&m_searchText);
}

void EventChunk::setSearchText(std::shared_ptr<const PayloadSearchText> text) const
{
    std::atomic_store(&m_searchText, std::move(text));
}

size_t EventChunk::memoryUsage() const
{
    const size_t blocks = size_t((m_payloadCount + payloadBlockSize - 1) / payloadBlockSize);
    const size_t blockSlots = size_t((m_capacity + payloadBlockSize - 1) / payloadBlockSize);
    return size_t(m_size) * bytesPerEvent + blocks * sizeof(PayloadBlock)
           + blockSlots * sizeof(std::unique_ptr<PayloadBlock>);
}

size_t EventChunk::searchTextMemoryUsage() const
{
    const std::shared_ptr<const PayloadSearchText> text = searchText();
    return text ? text->memoryUsage() : 0;
}

} // namespace flowscope
