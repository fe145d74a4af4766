#pragma once

#include "events/event.h"
#include "timelinelane.h"

#include <QHash>
#include <QObject>

#include <limits>
#include <vector>

namespace flowscope {

// What the timeline shows of one engine: its activations as spans and its breakpoint hits,
// errors, pauses and alerts as instants, fed with the same event batches as the event log.
// Records are packed (32 bytes a span, 24 an instant) in arrival order and referred to from the
// lanes by 32-bit refs; regrouping (by agent, routine or job) replays them in O(n) without a sort.
// Bounded: beyond capacity() activations the oldest are dropped, in chunks, and
// droppedUntilNs() tells from where on the picture is complete.
class TimelineData : public QObject
{
    Q_OBJECT
public:
    enum class Grouping { Agent, Routine, Job };

    static constexpr qint64 defaultCapacity = 3'000'000; // ≈ 110 MB
    // The key of the lane for instants that have no agent, routine or job to go to.
    static constexpr quint32 noKey = 0xffffffffu;

    explicit TimelineData(qint64 capacity = defaultCapacity, QObject *parent = nullptr);
    ~TimelineData() override;

    void appendEvents(const QVector<Event> &events);
    void clear();

    Grouping grouping() const { return m_grouping; }
    void setGrouping(Grouping grouping);

    qint64 capacity() const { return m_capacity; }
    qint64 spanCount() const { return m_spans.size(); }
    qint64 instantCount() const { return m_instants.size(); }
    quint64 droppedSpans() const { return m_droppedSpans; }
    // Activations that began before this were dropped (some or all); 0: none dropped yet.
    qint64 droppedUntilNs() const { return m_droppedUntilNs; }
    bool isEmpty() const { return m_spans.isEmpty() && m_instants.isEmpty(); }
    // The earliest moment held and the latest any event told of (running spans reach it).
    qint64 firstNs() const { return isEmpty() ? m_nowNs : m_firstNs; }
    qint64 nowNs() const { return m_nowNs; }
    // The time axis counts from here: the first event ever seen (kept when old ones are dropped).
    qint64 originNs() const { return m_originNs; }

    int laneCount() const { return int(m_lanes.size()); }
    const TimelineLane &lane(int index) const { return m_lanes[size_t(index)]; }
    QString laneLabel(int index) const;
    // The lane of a key in the current grouping; -1 if it has none.
    int laneOfKey(quint32 key) const;
    quint32 keyOf(const TimelineSpan &span) const;

    const TimelineStore<TimelineSpan> &spans() const { return m_spans; }
    const TimelineStore<TimelineInstant> &instants() const { return m_instants; }
    const TimelineSpan &span(quint32 ref) const { return m_spans.byRef(ref); }
    const TimelineInstant &instant(quint32 ref) const { return m_instants.byRef(ref); }
    TimelineRowView row(int lane, int row) const;
    TimelineMarkView marks(int lane, TimelineMark mark) const;

    Symbol routineSymbol(quint16 index) const { return m_routines.symbols[index]; }
    Symbol agentSymbol(quint16 index) const { return m_agents.symbols[index]; }
    JobId jobId(quint32 index) const { return m_jobs[index].id; }
    Symbol jobFlow(quint32 index) const { return m_jobs[index].flow; }
    // The routine's index in span.routine; 0 if no span has it.
    quint16 routineIndexOf(Symbol routine) const { return m_routines.indices.value(routine.id()); }

    struct SpanPosition
    {
        int lane = -1;
        int row = -1;
        size_t pos = 0;
        bool isValid() const { return lane >= 0; }
    };
    struct MarkPosition
    {
        int lane = -1;
        TimelineMark mark = TimelineMark::Error;
        size_t pos = 0;
        bool isValid() const { return lane >= 0; }
    };
    // The span of a routine_started event (or of the end event of a span whose start was lost).
    SpanPosition findSpanBySeq(quint64 seq) const;
    // The span an event belongs to: its own, its activation's while it runs, or the one of its
    // routine on its lane at its time.
    SpanPosition findSpanForEvent(const Event &event) const;
    MarkPosition findInstantBySeq(quint64 seq) const;
    const TimelineSpan &spanAt(const SpanPosition &position) const;

    struct RangeCount
    {
        qint64 spans = 0; // activations that began in the range
        qint64 instants = 0;
    };
    RangeCount countInRange(qint64 fromNs, qint64 toNs) const;

    // Everything the timeline holds, in bytes (records, lanes, name tables).
    quint64 memoryBytes() const;
    // Changes whenever positions in lanes and rows move (dropping, regrouping, clearing), so
    // that whoever keeps a SpanPosition knows to look it up again.
    quint64 generation() const { return m_generation; }

Q_SIGNALS:
    // A batch arrived (at most once per ClientUpdate).
    void appended();
    // Lanes were rebuilt, removed or cleared: lane indices changed.
    void lanesChanged();

private:
    struct JobEntry
    {
        JobId id;
        Symbol flow;
    };
    // Names as small indices; index 0 is "none".
    struct SymbolTable
    {
        std::vector<Symbol> symbols{Symbol()};
        QHash<quint32, quint16> indices;
        quint16 indexOf(Symbol symbol);
    };

    void startSpan(const Event &event);
    void endSpan(const Event &event);
    void closeJob(const Event &event, TimelineStatus status);
    void addInstant(const Event &event, TimelineMark mark);
    quint32 jobIndex(const Event &event);
    void placeSpan(quint64 index);
    void placeInstant(quint64 index);
    quint32 instantKey(const TimelineInstant &instant) const;
    TimelineLane &laneFor(quint32 key);
    void rebuildLanes();
    void dropOldestSpans();
    void summarize(TimelineRow &row) const;
    void dropOldestInstants();
    bool removeEmptyLanes();
    void updateFirstNs();
    SpanPosition positionOf(quint64 index) const;

    qint64 m_capacity;
    qint64 m_instantCapacity;
    Grouping m_grouping = Grouping::Agent;
    TimelineStore<TimelineSpan> m_spans;
    TimelineStore<TimelineInstant> m_instants;
    std::vector<TimelineLane> m_lanes;
    std::vector<int> m_keyLanes; // key -> lane, -1: none
    int m_otherLane = -1;
    QHash<quint64, quint64> m_running; // activation id -> span index
    SymbolTable m_routines;
    SymbolTable m_agents;
    std::vector<JobEntry> m_jobs{JobEntry()};
    QHash<quint64, quint32> m_jobIndices;
    quint64 m_droppedSpans = 0;
    qint64 m_droppedUntilNs = 0;
    qint64 m_firstNs = std::numeric_limits<qint64>::max();
    qint64 m_nowNs = 0;
    qint64 m_originNs = 0;
    bool m_hasOrigin = false;
    quint64 m_generation = 0;
};

} // namespace flowscope
