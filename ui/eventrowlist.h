#pragma once

#include <QtGlobal>

#include <deque>
#include <optional>
#include <vector>

namespace flowscope {

// The rows a filtered event log shows: for each store chunk with matches, the matching rows as
// 16-bit offsets (2 bytes a row, against 8 for a list of indices). Row numbers are found by a
// binary search over the chunks, then an index into the chunk's offsets.
class EventRowList
{
public:
    struct Block
    {
        quint64 chunkFirstIndex = 0; // store index of the chunk's row 0
        quint64 rowsBefore = 0;      // rows in the blocks before, counted from the first ever
        std::vector<quint16> offsets;
    };

    quint64 size() const { return m_endRow - m_firstRow; }
    bool isEmpty() const { return size() == 0; }
    quint64 indexAt(quint64 row) const;
    // The row showing the store index, if it is one.
    std::optional<quint64> rowOf(quint64 index) const;
    // The first row showing an index at or after this one (size() when none).
    quint64 lowerBound(quint64 index) const;

    // Indices must ascend; chunkFirstIndex is that of the chunk holding index.
    void append(quint64 chunkFirstIndex, quint64 index);
    // Whole blocks of a scan, in store order after everything held.
    void appendBlock(quint64 chunkFirstIndex, std::vector<quint16> offsets);
    // Forgets the blocks of chunks that start before firstIndex (dropped from the store);
    // returns how many rows went.
    quint64 dropBefore(quint64 firstIndex);
    void clear();

    // Bytes held, for the store's figures.
    size_t memoryUsage() const;

private:
    const Block *blockOfRow(quint64 absoluteRow) const;

    std::deque<Block> m_blocks;
    quint64 m_firstRow = 0; // absolute number of the first row held (rows dropped before it)
    quint64 m_endRow = 0;
};

} // namespace flowscope
