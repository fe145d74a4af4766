#include "timelinedata.h"

#include "timelinelod.h"

#include <algorithm>
#include <limits>

namespace flowscope {

namespace {

// Drops happen in steps of a sixteenth of the capacity, so that their cost (touching every row)
// is spread over many batches.
constexpr qint64 dropFraction = 16;

// The first index in [first, end) whose record's seq is >= seq (records are in arrival order).
template<typename Store>
quint64 lowerBoundSeq(const Store &store, quint64 seq)
{
    quint64 first = store.firstIndex();
    quint64 count = quint64(store.size());
    while (count > 0) {
        const quint64 half = count / 2;
        if (store.at(first + half).seq() < seq) {
            first += half + 1;
            count -= half + 1;
        } else {
            count = half;
        }
    }
    return first;
}

TimelineStatus statusOf(const Event &event)
{
    if (event.type == EventType::RoutineError || event.status == EventStatus::Error)
        return TimelineStatus::Error;
    if (event.status == EventStatus::Cancelled)
        return TimelineStatus::Cancelled;
    return TimelineStatus::Ok;
}

} // namespace

TimelineData::TimelineData(qint64 capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max<qint64>(capacity, 1))
    , m_instantCapacity(std::max<qint64>(capacity / 4, 1024))
{}

TimelineData::~TimelineData() = default;

quint16 TimelineData::SymbolTable::indexOf(Symbol symbol)
{
    if (symbol.isNull())
        return 0;
    const auto it = indices.constFind(symbol.id());
    if (it != indices.cend())
        return *it;
    // More than 65,535 names of one kind: the rest go unnamed rather than costing every span.
    if (symbols.size() > std::numeric_limits<quint16>::max())
        return 0;
    const auto index = quint16(symbols.size());
    symbols.push_back(symbol);
    indices.insert(symbol.id(), index);
    return index;
}

void TimelineData::appendEvents(const QVector<Event> &events)
{
    if (events.isEmpty())
        return;
    const int lanesBefore = laneCount();
    if (!m_hasOrigin) {
        m_originNs = events.front().timeNs;
        m_hasOrigin = true;
    }
    for (const Event &event : events) {
        m_nowNs = std::max(m_nowNs, event.timeNs);
        switch (event.type) {
        case EventType::RoutineStarted:
            startSpan(event);
            break;
        case EventType::RoutineEnded:
            endSpan(event);
            break;
        case EventType::RoutineError:
            endSpan(event);
            addInstant(event, TimelineMark::Error);
            break;
        case EventType::BreakpointHit:
            addInstant(event, TimelineMark::Breakpoint);
            break;
        case EventType::JobPaused:
            addInstant(event, TimelineMark::Pause);
            break;
        case EventType::Alert:
            addInstant(event, TimelineMark::Alert);
            break;
        case EventType::JobFailed:
            addInstant(event, TimelineMark::Error);
            closeJob(event, TimelineStatus::Error);
            break;
        case EventType::JobCancelled:
            closeJob(event, TimelineStatus::Cancelled);
            break;
        case EventType::JobCompleted:
            closeJob(event, TimelineStatus::Ok);
            break;
        default:
            break;
        }
    }
    bool lanesRemoved = false;
    if (m_spans.size() > m_capacity) {
        dropOldestSpans();
        lanesRemoved = true;
    }
    if (m_instants.size() > m_instantCapacity) {
        dropOldestInstants();
        lanesRemoved = true;
    }
    if (lanesRemoved) {
        lanesRemoved = removeEmptyLanes();
        updateFirstNs();
    }
    if (lanesRemoved || laneCount() != lanesBefore)
        Q_EMIT lanesChanged();
    Q_EMIT appended();
}

void TimelineData::clear()
{
    m_spans.clear();
    m_instants.clear();
    m_running.clear();
    m_lanes.clear();
    m_keyLanes.clear();
    m_otherLane = -1;
    m_droppedSpans = 0;
    m_droppedUntilNs = 0;
    m_firstNs = std::numeric_limits<qint64>::max();
    m_nowNs = 0;
    m_originNs = 0;
    m_hasOrigin = false;
    ++m_generation;
    Q_EMIT lanesChanged();
}

void TimelineData::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    m_grouping = grouping;
    rebuildLanes();
    Q_EMIT lanesChanged();
}

quint32 TimelineData::jobIndex(const Event &event)
{
    if (event.job.isNull())
        return 0;
    const auto it = m_jobIndices.constFind(event.job.value());
    if (it != m_jobIndices.cend())
        return *it;
    const auto index = quint32(m_jobs.size());
    m_jobs.push_back({event.job, event.flow});
    m_jobIndices.insert(event.job.value(), index);
    return index;
}

void TimelineData::startSpan(const Event &event)
{
    // Without an activation id its end could not be matched: its end event will place it.
    if (event.activation == 0 || m_running.contains(event.activation))
        return;
    TimelineSpan span;
    span.startNs = event.timeNs;
    span.setSeqAndStatus(event.seq, TimelineStatus::Running);
    span.job = jobIndex(event);
    span.routine = m_routines.indexOf(event.routine);
    span.agent = m_agents.indexOf(event.agent);
    const quint64 index = m_spans.append(span);
    m_running.insert(event.activation, index);
    placeSpan(index);
}

void TimelineData::endSpan(const Event &event)
{
    const auto running = m_running.find(event.activation);
    if (running != m_running.end()) {
        // The last span of its row (a running span keeps later ones out), so ending it keeps
        // the row sorted by end.
        TimelineSpan &span = m_spans.at(*running);
        span.endNs = std::max(span.startNs, event.timeNs);
        span.setSeqAndStatus(span.seq(), statusOf(event));
        m_running.erase(running);
        return;
    }
    // Its start was never seen (dropped on the way, or before the console connected).
    TimelineSpan span;
    span.endNs = event.timeNs;
    span.startNs = event.timeNs - std::max<qint64>(0, event.durationNs);
    span.setSeqAndStatus(event.seq, statusOf(event));
    span.job = jobIndex(event);
    span.routine = m_routines.indexOf(event.routine);
    span.agent = m_agents.indexOf(event.agent);
    placeSpan(m_spans.append(span));
}

// A finished job runs nothing, even where the end events of its activations were lost.
void TimelineData::closeJob(const Event &event, TimelineStatus status)
{
    const auto jobIt = m_jobIndices.constFind(event.job.value());
    if (jobIt == m_jobIndices.cend())
        return;
    for (auto it = m_running.begin(); it != m_running.end();) {
        TimelineSpan &span = m_spans.at(*it);
        if (span.job == *jobIt) {
            span.endNs = std::max(span.startNs, event.timeNs);
            span.setSeqAndStatus(span.seq(), status);
            it = m_running.erase(it);
        } else {
            ++it;
        }
    }
}

void TimelineData::addInstant(const Event &event, TimelineMark mark)
{
    TimelineInstant instant;
    instant.timeNs = event.timeNs;
    instant.setSeqAndMark(event.seq, mark);
    instant.job = jobIndex(event);
    instant.routine = m_routines.indexOf(event.routine);
    instant.agent = m_agents.indexOf(event.agent);
    placeInstant(m_instants.append(instant));
}

quint32 TimelineData::keyOf(const TimelineSpan &span) const
{
    const quint32 key = m_grouping == Grouping::Agent     ? span.agent
                        : m_grouping == Grouping::Routine ? span.routine
                                                          : span.job;
    return key == 0 ? noKey : key;
}

quint32 TimelineData::instantKey(const TimelineInstant &instant) const
{
    const quint32 key = m_grouping == Grouping::Agent     ? instant.agent
                        : m_grouping == Grouping::Routine ? instant.routine
                                                          : instant.job;
    return key == 0 ? noKey : key;
}

int TimelineData::laneOfKey(quint32 key) const
{
    if (key == noKey)
        return m_otherLane;
    return key < m_keyLanes.size() ? m_keyLanes[key] : -1;
}

TimelineLane &TimelineData::laneFor(quint32 key)
{
    int lane = laneOfKey(key);
    if (lane < 0) {
        lane = int(m_lanes.size());
        m_lanes.emplace_back();
        m_lanes.back().key = key;
        if (key == noKey) {
            m_otherLane = lane;
        } else {
            if (key >= m_keyLanes.size())
                m_keyLanes.resize(size_t(key) + 1, -1);
            m_keyLanes[key] = lane;
        }
    }
    return m_lanes[size_t(lane)];
}

void TimelineData::placeSpan(quint64 index)
{
    const TimelineSpan &span = m_spans.at(index);
    const quint32 ref = TimelineStore<TimelineSpan>::refOf(index);
    m_firstNs = std::min(m_firstNs, span.startNs);
    TimelineLane &lane = laneFor(keyOf(span));
    for (TimelineRow &row : lane.rows) {
        const TimelineSpan &last = m_spans.byRef(row.refs.back());
        if (!last.isRunning() && last.endNs <= span.startNs) {
            // A complete block not summarized yet is final now: its last span has ended.
            if (row.blockEnds.size() < row.refs.size() / TimelineRow::blockSize) {
                row.blockStarts.push_back(
                    m_spans.byRef(row.refs[row.refs.size() - TimelineRow::blockSize]).startNs);
                row.blockEnds.push_back(last.endNs);
            }
            row.refs.push_back(ref);
            return;
        }
    }
    lane.rows.emplace_back();
    lane.rows.back().refs.push_back(ref);
}

void TimelineData::placeInstant(quint64 index)
{
    const TimelineInstant &instant = m_instants.at(index);
    m_firstNs = std::min(m_firstNs, instant.timeNs);
    std::vector<quint32> &marks = laneFor(instantKey(instant)).marks[size_t(instant.mark())];
    // Nearly in time order already: walk back over the few that are later.
    marks.push_back(TimelineStore<TimelineInstant>::refOf(index));
    auto it = marks.end() - 1;
    while (it != marks.begin() && m_instants.byRef(*(it - 1)).timeNs > instant.timeNs) {
        std::iter_swap(it, it - 1);
        --it;
    }
}

void TimelineData::rebuildLanes()
{
    m_lanes.clear();
    m_keyLanes.clear();
    m_otherLane = -1;
    for (quint64 i = m_spans.firstIndex(); i < m_spans.endIndex(); ++i)
        placeSpan(i);
    for (quint64 i = m_instants.firstIndex(); i < m_instants.endIndex(); ++i)
        placeInstant(i);
    ++m_generation;
}

void TimelineData::dropOldestSpans()
{
    const quint64 count = quint64(
        std::min(m_spans.size(), std::max(m_spans.size() - m_capacity, m_capacity / dropFraction)));
    const quint64 newFirst = m_spans.firstIndex() + count;
    for (quint64 i = m_spans.firstIndex(); i < newFirst; ++i)
        m_droppedUntilNs = std::max(m_droppedUntilNs, m_spans.at(i).startNs);
    for (auto it = m_running.begin(); it != m_running.end();) {
        if (*it < newFirst)
            it = m_running.erase(it);
        else
            ++it;
    }
    const quint32 firstRef = TimelineStore<TimelineSpan>::refOf(m_spans.firstIndex());
    for (TimelineLane &lane : m_lanes) {
        for (TimelineRow &row : lane.rows) {
            // Rows are in arrival order: the dropped spans are a prefix.
            const auto keep
                = std::partition_point(row.refs.begin(), row.refs.end(), [&](quint32 ref) {
                      return quint32(ref - firstRef) < count;
                  });
            row.refs.erase(row.refs.begin(), keep);
            summarize(row);
        }
        lane.rows.erase(std::remove_if(lane.rows.begin(), lane.rows.end(),
                                       [](const auto &row) { return row.empty(); }),
                        lane.rows.end());
    }
    m_spans.dropOldest(count);
    m_droppedSpans += count;
    ++m_generation;
}

// The summaries of a row's blocks, after its front moved: every complete block but one that
// ends with a running span.
void TimelineData::summarize(TimelineRow &row) const
{
    row.blockStarts.clear();
    row.blockEnds.clear();
    for (size_t end = TimelineRow::blockSize; end <= row.refs.size();
         end += TimelineRow::blockSize) {
        const TimelineSpan &last = m_spans.byRef(row.refs[end - 1]);
        if (last.isRunning())
            break;
        row.blockStarts.push_back(m_spans.byRef(row.refs[end - TimelineRow::blockSize]).startNs);
        row.blockEnds.push_back(last.endNs);
    }
}

void TimelineData::dropOldestInstants()
{
    const quint64 count
        = quint64(std::min(m_instants.size(), std::max(m_instants.size() - m_instantCapacity,
                                                       m_instantCapacity / dropFraction)));
    const quint32 firstRef = TimelineStore<TimelineInstant>::refOf(m_instants.firstIndex());
    for (TimelineLane &lane : m_lanes) {
        for (std::vector<quint32> &marks : lane.marks) {
            marks.erase(
                std::remove_if(marks.begin(), marks.end(),
                               [&](quint32 ref) { return quint32(ref - firstRef) < count; }),
                marks.end());
        }
    }
    m_instants.dropOldest(count);
    ++m_generation;
}

bool TimelineData::removeEmptyLanes()
{
    const auto empty = std::remove_if(m_lanes.begin(), m_lanes.end(),
                                      [](const TimelineLane &lane) { return lane.isEmpty(); });
    if (empty == m_lanes.end())
        return false;
    m_lanes.erase(empty, m_lanes.end());
    m_keyLanes.assign(m_keyLanes.size(), -1);
    m_otherLane = -1;
    for (size_t i = 0; i < m_lanes.size(); ++i) {
        if (m_lanes[i].key == noKey)
            m_otherLane = int(i);
        else
            m_keyLanes[m_lanes[i].key] = int(i);
    }
    ++m_generation;
    return true;
}

void TimelineData::updateFirstNs()
{
    qint64 first = std::numeric_limits<qint64>::max();
    for (const TimelineLane &lane : m_lanes) {
        for (const TimelineRow &row : lane.rows)
            first = std::min(first, m_spans.byRef(row.refs.front()).startNs);
        for (const auto &marks : lane.marks) {
            if (!marks.empty())
                first = std::min(first, m_instants.byRef(marks.front()).timeNs);
        }
    }
    m_firstNs = first;
}

QString TimelineData::laneLabel(int index) const
{
    const quint32 key = lane(index).key;
    if (key == noKey)
        return tr("Other");
    switch (m_grouping) {
    case Grouping::Agent:
        return agentSymbol(quint16(key)).toString();
    case Grouping::Routine:
        return routineSymbol(quint16(key)).toString();
    case Grouping::Job:
        return tr("%1 · %2").arg(jobFlow(key).toString(), jobId(key).toString());
    }
    return {};
}

TimelineRowView TimelineData::row(int lane, int row) const
{
    return TimelineRowView(m_spans, m_lanes[size_t(lane)].rows[size_t(row)], m_nowNs);
}

TimelineMarkView TimelineData::marks(int lane, TimelineMark mark) const
{
    return TimelineMarkView(m_instants, m_lanes[size_t(lane)].marks[size_t(mark)]);
}

const TimelineSpan &TimelineData::spanAt(const SpanPosition &position) const
{
    return span(m_lanes[size_t(position.lane)].rows[size_t(position.row)].refs[position.pos]);
}

TimelineData::SpanPosition TimelineData::positionOf(quint64 index) const
{
    const int lane = laneOfKey(keyOf(m_spans.at(index)));
    if (lane < 0)
        return {};
    const quint64 offset = index - m_spans.firstIndex();
    const quint32 firstRef = TimelineStore<TimelineSpan>::refOf(m_spans.firstIndex());
    const auto &rows = m_lanes[size_t(lane)].rows;
    for (size_t r = 0; r < rows.size(); ++r) {
        const auto &refs = rows[r].refs;
        const auto it = std::partition_point(refs.begin(), refs.end(), [&](quint32 ref) {
            return quint32(ref - firstRef) < offset;
        });
        if (it != refs.end() && *it == TimelineStore<TimelineSpan>::refOf(index))
            return {lane, int(r), size_t(it - refs.begin())};
    }
    return {};
}

TimelineData::SpanPosition TimelineData::findSpanBySeq(quint64 seq) const
{
    const quint64 index = lowerBoundSeq(m_spans, seq);
    if (index >= m_spans.endIndex() || m_spans.at(index).seq() != seq)
        return {};
    return positionOf(index);
}

TimelineData::SpanPosition TimelineData::findSpanForEvent(const Event &event) const
{
    const SpanPosition own = findSpanBySeq(event.seq);
    if (own.isValid())
        return own;
    const auto running = m_running.constFind(event.activation);
    if (event.activation != 0 && running != m_running.cend())
        return positionOf(*running);
    // A finished activation: the span of the event's routine on its lane at its time.
    TimelineSpan probe;
    probe.agent = m_agents.indices.value(event.agent.id());
    probe.routine = m_routines.indices.value(event.routine.id());
    probe.job = m_jobIndices.value(event.job.value());
    if (probe.agent == 0 && probe.routine == 0 && probe.job == 0)
        return {};
    const int lane = laneOfKey(keyOf(probe));
    if (lane < 0)
        return {};
    const auto &rows = m_lanes[size_t(lane)].rows;
    for (size_t r = 0; r < rows.size(); ++r) {
        const TimelineRowView view(m_spans, rows[r], m_nowNs);
        const size_t at = TimelineLod::spanAt(view, event.timeNs, 0);
        if (at < view.size() && (probe.routine == 0 || view.span(at).routine == probe.routine))
            return {lane, int(r), at};
    }
    return {};
}

TimelineData::MarkPosition TimelineData::findInstantBySeq(quint64 seq) const
{
    const quint64 index = lowerBoundSeq(m_instants, seq);
    if (index >= m_instants.endIndex() || m_instants.at(index).seq() != seq)
        return {};
    const TimelineInstant &instant = m_instants.at(index);
    const int lane = laneOfKey(instantKey(instant));
    if (lane < 0)
        return {};
    const TimelineMarkView view = marks(lane, instant.mark());
    const quint32 ref = TimelineStore<TimelineInstant>::refOf(index);
    for (size_t i = TimelineLod::firstMarkFrom(view, 0, instant.timeNs);
         i < view.size() && view.time(i) == instant.timeNs; ++i) {
        if (m_lanes[size_t(lane)].marks[size_t(instant.mark())][i] == ref)
            return {lane, instant.mark(), i};
    }
    return {};
}

TimelineData::RangeCount TimelineData::countInRange(qint64 fromNs, qint64 toNs) const
{
    RangeCount count;
    if (toNs < fromNs)
        std::swap(fromNs, toNs);
    for (int l = 0; l < laneCount(); ++l) {
        const TimelineLane &lane = m_lanes[size_t(l)];
        for (const TimelineRow &row : lane.rows) {
            const TimelineRowView view(m_spans, row, m_nowNs);
            const size_t first = TimelineLod::firstStartingFrom(view, 0, fromNs);
            count.spans += qint64(TimelineLod::firstStartingFrom(view, first, toNs) - first);
        }
        for (int m = 0; m < timelineMarkCount; ++m) {
            const TimelineMarkView view = marks(l, TimelineMark(m));
            const size_t first = TimelineLod::firstMarkFrom(view, 0, fromNs);
            count.instants += qint64(TimelineLod::firstMarkFrom(view, first, toNs) - first);
        }
    }
    return count;
}

quint64 TimelineData::memoryBytes() const
{
    quint64 bytes = m_spans.bytes() + m_instants.bytes();
    bytes += m_lanes.capacity() * sizeof(TimelineLane) + m_keyLanes.capacity() * sizeof(int);
    for (const TimelineLane &lane : m_lanes) {
        bytes += lane.rows.capacity() * sizeof(TimelineRow);
        for (const TimelineRow &row : lane.rows) {
            bytes += row.refs.capacity() * sizeof(quint32);
            bytes += (row.blockStarts.capacity() + row.blockEnds.capacity()) * sizeof(qint64);
        }
        for (const auto &marks : lane.marks)
            bytes += marks.capacity() * sizeof(quint32);
    }
    // Hash nodes: key, value and about as much again for the buckets.
    bytes += quint64(m_running.size()) * 2 * (sizeof(quint64) * 2);
    bytes += quint64(m_jobIndices.size()) * 2 * (sizeof(quint64) + sizeof(quint32));
    bytes += m_jobs.capacity() * sizeof(JobEntry);
    bytes += (m_routines.symbols.capacity() + m_agents.symbols.capacity()) * sizeof(Symbol);
    bytes += quint64(m_routines.indices.size() + m_agents.indices.size()) * 2 * 8;
    return bytes;
}

} // namespace flowscope
