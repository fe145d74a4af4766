#pragma once

#include "events/event.h"

#include <QByteArray>

#include <memory>
#include <vector>

namespace flowscope {

class PayloadSearchText;

// Up to 65,536 consecutive events of the console's store, column by column: 54 bytes an event
// (the sequence number as an offset from the chunk's first, the job and flow as one index into
// the store's job table), so that ten million events fit in about half a gigabyte and a filter
// reads only the columns it tests. Payloads are kept apart, for the few events that have one.
//
// Rows below size() never change once written, and the columns never move, so a filter in
// another thread may read the rows it was given while the GUI thread appends more.
class EventChunk
{
public:
    static constexpr int maxCapacity = 65536; // rows are numbered with 16 bits
    // The columns' bytes per event, payload handles excluded.
    static constexpr int bytesPerEvent = 4 + 8 + 8 + 8 + 8 + 4 * 4 + 1 + 1;

    // firstIndex: the store's absolute index of row 0; capacity at most maxCapacity.
    EventChunk(quint64 firstIndex, int capacity);
    ~EventChunk();
    EventChunk(const EventChunk &) = delete;
    EventChunk &operator=(const EventChunk &) = delete;

    quint64 firstIndex() const { return m_firstIndex; }
    int capacity() const { return m_capacity; }
    int size() const { return m_size; }
    // Full, or sealed early because the next event's sequence number would not fit its offset.
    bool isSealed() const { return m_sealed; }
    bool accepts(quint64 seq) const;
    void append(const Event &event, quint32 jobIndex);
    void seal() { m_sealed = true; }

    quint64 seq(int row) const { return m_firstSeq + m_seqOffset[row]; }
    quint64 firstSeq() const { return m_firstSeq; }
    quint64 lastSeq() const { return m_size ? seq(m_size - 1) : m_firstSeq; }
    qint64 timeNs(int row) const { return m_timeNs[row]; }
    qint64 durationNs(int row) const { return m_durationNs[row]; }
    quint64 activation(int row) const { return m_activation[row]; }
    quint64 parentActivation(int row) const { return m_parentActivation[row]; }
    quint32 jobIndex(int row) const { return m_job[row]; }
    Symbol routine(int row) const { return Symbol::fromId(m_routine[row]); }
    Symbol port(int row) const { return Symbol::fromId(m_port[row]); }
    Symbol agent(int row) const { return Symbol::fromId(m_agent[row]); }
    EventType type(int row) const { return EventType(m_type[row]); }
    EventStatus status(int row) const { return EventStatus(m_status[row] & statusMask); }
    bool hasPayload(int row) const { return m_status[row] & payloadFlag; }
    // Payloads are numbered in row order. Another thread must not ask payloadCount() (the GUI
    // thread may be appending) but use the count it was given with the rows.
    int payloadCount() const { return m_payloadCount; }
    // The number of the payload of row (which hasPayload), among the first count payloads.
    int payloadOrdinal(int row, int count) const;
    // The number of the first payload of a row at or after row (count when none).
    int firstPayloadFrom(int row, int count) const;
    int payloadRow(int ordinal) const { return block(ordinal).rows[ordinal % payloadBlockSize]; }
    const Payload &payloadAt(int ordinal) const
    {
        return block(ordinal).payloads[ordinal % payloadBlockSize];
    }

    // The whole event of a row; payloads: how many the caller may read (see payloadCount).
    Event toEvent(int row, int payloads, JobId job, Symbol flow) const;

    // Raw columns, for filters that scan.
    const quint8 *typeColumn() const { return m_type; }
    const quint32 *routineColumn() const { return m_routine; }
    const quint32 *portColumn() const { return m_port; }
    const quint32 *agentColumn() const { return m_agent; }
    const quint32 *jobColumn() const { return m_job; }

    // The searchable text of the payloads, once made (sealed chunks only; see PayloadSearchText).
    // A cache, set in the GUI thread while filters in other threads may read it: both are atomic.
    std::shared_ptr<const PayloadSearchText> searchText() const;
    void setSearchText(std::shared_ptr<const PayloadSearchText> text) const;

    // Bytes this chunk holds for its rows: the columns and the payload handles.
    size_t memoryUsage() const;
    // Bytes of the payload text made for searching (a cache of the payloads' own contents).
    size_t searchTextMemoryUsage() const;

private:
    static constexpr quint8 statusMask = 0x0f;
    static constexpr quint8 payloadFlag = 0x80;

    quint64 m_firstIndex;
    int m_capacity;
    quint64 m_firstSeq = 0;
    int m_size = 0;
    bool m_sealed = false;
    // One allocation for every column: pages the chunk has not written yet cost nothing.
    std::unique_ptr<char[]> m_memory;
    quint32 *m_seqOffset;
    qint64 *m_timeNs;
    qint64 *m_durationNs;
    quint64 *m_activation;
    quint64 *m_parentActivation;
    quint32 *m_job;
    quint32 *m_routine;
    quint32 *m_port;
    quint32 *m_agent;
    quint8 *m_type;
    quint8 *m_status;
    // Payloads in blocks that never move once made (a reader in another thread sees only the
    // ones it was told of), allocated as payloads come: a chunk without any has none.
    static constexpr int payloadBlockSize = 1024;
    struct PayloadBlock
    {
        quint16 rows[payloadBlockSize]; // ascending
        Payload payloads[payloadBlockSize];
    };
    const PayloadBlock &block(int ordinal) const
    {
        return *m_payloadBlocks[ordinal / payloadBlockSize];
    }
    std::unique_ptr<std::unique_ptr<PayloadBlock>[]> m_payloadBlocks; // room for capacity
    int m_payloadCount = 0;
    mutable std::shared_ptr<const PayloadSearchText> m_searchText;
};

} // namespace flowscope
