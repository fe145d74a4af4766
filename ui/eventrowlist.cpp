#include "eventrowlist.h"

#include <algorithm>

namespace flowscope {

const EventRowList::Block *EventRowList::blockOfRow(quint64 absoluteRow) const
{
    // The last block that starts at or before the row.
    const auto it
        = std::upper_bound(m_blocks.begin(), m_blocks.end(), absoluteRow,
                           [](quint64 row, const Block &block) { return row < block.rowsBefore; });
    Q_ASSERT(it != m_blocks.begin());
    return &*(it - 1);
}

quint64 EventRowList::indexAt(quint64 row) const
{
    Q_ASSERT(row < size());
    const quint64 absoluteRow = m_firstRow + row;
    const Block *block = blockOfRow(absoluteRow);
    return block->chunkFirstIndex + block->offsets[size_t(absoluteRow - block->rowsBefore)];
}

quint64 EventRowList::lowerBound(quint64 index) const
{
    // The first block whose chunk could hold the index or later ones.
    auto it
        = std::upper_bound(m_blocks.begin(), m_blocks.end(), index,
                           [](quint64 i, const Block &block) { return i < block.chunkFirstIndex; });
    if (it != m_blocks.begin())
        --it;
    for (; it != m_blocks.end(); ++it) {
        if (index < it->chunkFirstIndex)
            return it->rowsBefore - m_firstRow;
        const quint64 offset = index - it->chunkFirstIndex;
        const auto at = std::lower_bound(it->offsets.begin(), it->offsets.end(), offset);
        if (at != it->offsets.end())
            return it->rowsBefore + quint64(at - it->offsets.begin()) - m_firstRow;
    }
    return size();
}

std::optional<quint64> EventRowList::rowOf(quint64 index) const
{
    const quint64 row = lowerBound(index);
    if (row < size() && indexAt(row) == index)
        return row;
    return std::nullopt;
}

void EventRowList::append(quint64 chunkFirstIndex, quint64 index)
{
    Q_ASSERT(index >= chunkFirstIndex && index - chunkFirstIndex < 65536);
    if (m_blocks.empty() || m_blocks.back().chunkFirstIndex != chunkFirstIndex)
        m_blocks.push_back({chunkFirstIndex, m_endRow, {}});
    m_blocks.back().offsets.push_back(quint16(index - chunkFirstIndex));
    ++m_endRow;
}

void EventRowList::appendBlock(quint64 chunkFirstIndex, std::vector<quint16> offsets)
{
    if (offsets.empty())
        return;
    const quint64 count = offsets.size();
    if (!m_blocks.empty() && m_blocks.back().chunkFirstIndex == chunkFirstIndex) {
        std::vector<quint16> &into = m_blocks.back().offsets;
        into.insert(into.end(), offsets.begin(), offsets.end());
    } else {
        m_blocks.push_back({chunkFirstIndex, m_endRow, std::move(offsets)});
    }
    m_endRow += count;
}

quint64 EventRowList::dropBefore(quint64 firstIndex)
{
    const quint64 before = size();
    while (!m_blocks.empty() && m_blocks.front().chunkFirstIndex < firstIndex) {
        m_blocks.pop_front();
        m_firstRow = m_blocks.empty() ? m_endRow : m_blocks.front().rowsBefore;
    }
    return before - size();
}

void EventRowList::clear()
{
    m_blocks.clear();
    m_firstRow = m_endRow = 0;
}

size_t EventRowList::memoryUsage() const
{
    size_t bytes = m_blocks.size() * sizeof(Block);
    for (const Block &block : m_blocks)
        bytes += block.offsets.capacity() * sizeof(quint16);
    return bytes;
}

} // namespace flowscope
