#pragma once

#include "timelinespan.h"
#include "timelinestore.h"

#include <algorithm>
#include <array>
#include <vector>

namespace flowscope {

// One row of a lane: refs to spans that do not overlap, in the order they arrived, which is also
// the order of their starts and of their ends. Every complete block of blockSize spans is
// summarized by its first start and last end (16 bytes for 64 spans), so that a search can skip
// whole blocks through a small contiguous array instead of probing spans spread over the store:
// at a zoom where each pixel holds hundreds of spans, that is most of a frame's memory traffic.
struct TimelineRow
{
    static constexpr size_t blockSize = 16;

    std::vector<quint32> refs;
    std::vector<qint64> blockStarts; // per summarized block: the start of its first span
    std::vector<qint64> blockEnds;   // ... and the end of its last (its largest end)

    size_t size() const { return refs.size(); }
    bool empty() const { return refs.empty(); }
};

// One lane of the timeline (an agent, a routine or a job): its activations in rows, and its
// instants by kind. A span joins the first row whose last span has ended by the time it starts,
// else a new row; so adding a span is O(rows), and each row can be binary-searched by start,
// end or sequence number. An agent runs one activation at a time, so an agent's lane has one
// row; a routine's or a job's has one per activation running at once.
struct TimelineLane
{
    quint32 key = 0; // index of the agent, routine or job; TimelineData::noKey: "other"
    std::vector<TimelineRow> rows;
    std::array<std::vector<quint32>, timelineMarkCount> marks; // instant refs, by time

    bool isEmpty() const
    {
        if (!rows.empty())
            return false;
        for (const auto &m : marks) {
            if (!m.empty())
                return false;
        }
        return true;
    }
};

// A row as the level-of-detail code reads it (TimelineLod's Row).
class TimelineRowView
{
public:
    TimelineRowView(const TimelineStore<TimelineSpan> &store, const TimelineRow &row, qint64 nowNs)
        : m_store(store)
        , m_row(row)
        , m_nowNs(nowNs)
    {}
    size_t size() const { return m_row.refs.size(); }
    const TimelineSpan &span(size_t i) const { return m_store.byRef(m_row.refs[i]); }
    qint64 start(size_t i) const { return span(i).startNs; }
    qint64 end(size_t i) const { return span(i).visibleEnd(m_nowNs); }

    // The row's block summaries (TimelineLod's optional Row blocks).
    static constexpr size_t blockSize = TimelineRow::blockSize;
    size_t blocks() const { return m_row.blockEnds.size(); }
    qint64 blockStart(size_t block) const { return m_row.blockStarts[block]; }
    qint64 blockEnd(size_t block) const { return m_row.blockEnds[block]; }

private:
    const TimelineStore<TimelineSpan> &m_store;
    const TimelineRow &m_row;
    qint64 m_nowNs;
};

// A lane's instants of one kind (TimelineLod's Marks).
class TimelineMarkView
{
public:
    TimelineMarkView(const TimelineStore<TimelineInstant> &store, const std::vector<quint32> &refs)
        : m_store(store)
        , m_refs(refs)
    {}
    size_t size() const { return m_refs.size(); }
    const TimelineInstant &instant(size_t i) const { return m_store.byRef(m_refs[i]); }
    qint64 time(size_t i) const { return instant(i).timeNs; }

private:
    const TimelineStore<TimelineInstant> &m_store;
    const std::vector<quint32> &m_refs;
};

} // namespace flowscope
