#pragma once

#include <QtGlobal>

#include <algorithm>
#include <memory>
#include <vector>

namespace flowscope {

// An append-only sequence of fixed-size records in chunks of 16,384, whose oldest records can be
// dropped. Every record keeps its absolute index (0 for the first ever stored), so a chunk is
// never moved or copied when the store grows or drops, and an index stays valid until dropped.
// Other structures refer to records by the low 32 bits of that index (ref), which is unambiguous
// while the store holds fewer than 2³² records.
template<typename T>
class TimelineStore
{
public:
    static constexpr int chunkBits = 14;
    static constexpr quint64 chunkSize = quint64(1) << chunkBits;

    quint64 firstIndex() const { return m_first; }
    quint64 endIndex() const { return m_end; }
    qint64 size() const { return qint64(m_end - m_first); }
    bool isEmpty() const { return m_end == m_first; }

    const T &at(quint64 index) const { return chunk(index)[index & (chunkSize - 1)]; }
    T &at(quint64 index) { return chunk(index)[index & (chunkSize - 1)]; }

    static quint32 refOf(quint64 index) { return quint32(index); }
    quint64 indexOf(quint32 ref) const { return m_first + quint32(ref - quint32(m_first)); }
    const T &byRef(quint32 ref) const { return at(indexOf(ref)); }
    T &byRef(quint32 ref) { return at(indexOf(ref)); }

    quint64 append(const T &value)
    {
        if (m_end >= (m_firstChunk << chunkBits) + chunkCapacity())
            m_chunks.push_back(std::make_unique<T[]>(chunkSize));
        at(m_end) = value;
        return m_end++;
    }

    // Forgets the count oldest records; chunks wholly dropped are freed.
    void dropOldest(quint64 count)
    {
        m_first += std::min<quint64>(count, quint64(size()));
        const quint64 firstChunk = m_first >> chunkBits;
        if (firstChunk > m_firstChunk) {
            const auto freed = std::min<quint64>(firstChunk - m_firstChunk, m_chunks.size());
            m_chunks.erase(m_chunks.begin(), m_chunks.begin() + qptrdiff(freed));
            m_firstChunk = firstChunk;
        }
    }

    void clear()
    {
        m_chunks.clear();
        m_first = m_end = 0;
        m_firstChunk = 0;
    }

    // Memory held, in bytes.
    quint64 bytes() const { return quint64(m_chunks.size()) * chunkSize * sizeof(T); }

private:
    quint64 chunkCapacity() const { return quint64(m_chunks.size()) << chunkBits; }
    T *chunk(quint64 index) const
    {
        return m_chunks[size_t((index >> chunkBits) - m_firstChunk)].get();
    }

    std::vector<std::unique_ptr<T[]>> m_chunks; // the first holds chunk number m_firstChunk
    quint64 m_firstChunk = 0;
    quint64 m_first = 0;
    quint64 m_end = 0;
};

} // namespace flowscope
