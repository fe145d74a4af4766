#include "timelinedata.h"
#include "timelinelod.h"

#include <QSignalSpy>
#include <QtTest>

using namespace flowscope;

namespace {

constexpr qint64 epochNs = 1'733'300'000'000'000'000;
constexpr qint64 ms = 1'000'000;

// Events as an engine numbers them.
class EventMaker
{
public:
    Event make(EventType type, qint64 timeMs, const char *agent, const char *routine,
               quint64 activation, quint64 job = 1)
    {
        Event e;
        e.seq = ++m_seq;
        e.type = type;
        e.timeNs = epochNs + timeMs * ms;
        e.agent = agent ? Symbol::intern(QString::fromLatin1(agent)) : Symbol();
        e.routine = routine ? Symbol::intern(QString::fromLatin1(routine)) : Symbol();
        e.flow = Symbol::intern(QStringLiteral("flow"));
        e.job = JobId(job);
        e.activation = activation;
        return e;
    }
    Event start(qint64 t, const char *agent, const char *routine, quint64 activation,
                quint64 job = 1)
    {
        return make(EventType::RoutineStarted, t, agent, routine, activation, job);
    }
    Event end(qint64 t, const char *agent, const char *routine, quint64 activation,
              qint64 durationMs, quint64 job = 1)
    {
        Event e = make(EventType::RoutineEnded, t, agent, routine, activation, job);
        e.durationNs = durationMs * ms;
        return e;
    }
    quint64 lastSeq() const { return m_seq; }

private:
    quint64 m_seq = 0;
};

// Every row of every lane: sorted by start, spans not overlapping.
bool rowsAreOrdered(const TimelineData &data)
{
    for (int l = 0; l < data.laneCount(); ++l) {
        for (int r = 0; r < int(data.lane(l).rows.size()); ++r) {
            const TimelineRowView row = data.row(l, r);
            for (size_t i = 1; i < row.size(); ++i) {
                if (row.start(i) < row.end(i - 1) || row.span(i).seq() <= row.span(i - 1).seq())
                    return false;
            }
        }
    }
    return true;
}

QStringList laneLabels(const TimelineData &data)
{
    QStringList labels;
    for (int l = 0; l < data.laneCount(); ++l)
        labels << data.laneLabel(l);
    return labels;
}

} // namespace

class TestTimelineData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairsStartsAndEndsByActivation();
    void aRunningActivationReachesNow();
    void anEndWithoutItsStartIsPlacedFromItsDuration();
    void errorsBreakpointsPausesAndAlertsBecomeInstants();
    void aFinishedJobEndsItsRunningActivations();
    void lanesSwitchBetweenAgentsRoutinesAndJobs();
    void outOfOrderArrivalKeepsRowsOrdered();
    void theOldestAreDroppedBeyondTheCapacity();
    void findsTheSpanOfAnEvent();
    void countsWhatBeganInARange();
    void blockSummariesSkipOnlyWhatAPlainSearchSkips();
    void staysCompact();
    void clearForgetsEverything();
};

void TestTimelineData::pairsStartsAndEndsByActivation()
{
    EventMaker m;
    TimelineData data;
    QSignalSpy appended(&data, &TimelineData::appended);
    const Event s1 = m.start(100, "worker-1", "fetch", 1);
    const Event s2 = m.start(150, "worker-2", "parse", 2);
    data.appendEvents(
        {s1, s2, m.end(300, "worker-1", "fetch", 1, 200), m.end(400, "worker-2", "parse", 2, 250)});
    QCOMPARE(appended.count(), 1); // one signal per batch
    QCOMPARE(data.spanCount(), 2);
    QCOMPARE(laneLabels(data),
             (QStringList{QStringLiteral("worker-1"), QStringLiteral("worker-2")}));
    const TimelineSpan &fetch = data.spanAt(data.findSpanBySeq(s1.seq));
    QCOMPARE(fetch.startNs, epochNs + 100 * ms);
    QCOMPARE(fetch.endNs, epochNs + 300 * ms);
    QCOMPARE(fetch.status(), TimelineStatus::Ok);
    QCOMPARE(data.routineSymbol(fetch.routine).toString(), QStringLiteral("fetch"));
    QCOMPARE(data.agentSymbol(fetch.agent).toString(), QStringLiteral("worker-1"));
    QCOMPARE(data.jobId(fetch.job), JobId(1));
    QCOMPARE(data.jobFlow(fetch.job).toString(), QStringLiteral("flow"));
    const TimelineSpan &parse = data.spanAt(data.findSpanBySeq(s2.seq));
    QCOMPARE(parse.endNs - parse.startNs, 250 * ms);
    QCOMPARE(data.firstNs(), epochNs + 100 * ms);
    QCOMPARE(data.nowNs(), epochNs + 400 * ms);
    QCOMPARE(data.originNs(), epochNs + 100 * ms);
}

void TestTimelineData::aRunningActivationReachesNow()
{
    EventMaker m;
    TimelineData data;
    const Event start = m.start(100, "worker-1", "slow", 7);
    data.appendEvents({start});
    const TimelineData::SpanPosition position = data.findSpanBySeq(start.seq);
    QVERIFY(data.spanAt(position).isRunning());
    QCOMPARE(data.spanAt(position).status(), TimelineStatus::Running);
    // Any later event moves "now", and the running span with it.
    data.appendEvents({m.make(EventType::Log, 900, "worker-2", "other", 0)});
    QCOMPARE(data.row(position.lane, position.row).end(position.pos), epochNs + 900 * ms);
    // A start on the same agent while it runs gets a row of its own (never overlapped).
    data.appendEvents({m.start(950, "worker-1", "fast", 8), m.end(960, "worker-1", "fast", 8, 10)});
    QCOMPARE(data.lane(position.lane).rows.size(), size_t(2));
    data.appendEvents({m.end(1000, "worker-1", "slow", 7, 900)});
    QVERIFY(!data.spanAt(position).isRunning());
    QCOMPARE(data.spanAt(position).endNs, epochNs + 1000 * ms);
}

void TestTimelineData::anEndWithoutItsStartIsPlacedFromItsDuration()
{
    EventMaker m;
    TimelineData data;
    Event end = m.end(500, "worker-1", "late", 3, 120);
    end.type = EventType::RoutineError;
    end.status = EventStatus::Error;
    data.appendEvents({end});
    const TimelineData::SpanPosition position = data.findSpanBySeq(end.seq);
    QVERIFY(position.isValid());
    QCOMPARE(data.spanAt(position).startNs, epochNs + 380 * ms);
    QCOMPARE(data.spanAt(position).endNs, epochNs + 500 * ms);
    QCOMPARE(data.spanAt(position).status(), TimelineStatus::Error);
}

void TestTimelineData::errorsBreakpointsPausesAndAlertsBecomeInstants()
{
    EventMaker m;
    TimelineData data;
    Event error = m.make(EventType::RoutineError, 200, "worker-1", "parse", 1);
    error.status = EventStatus::Error;
    const Event breakpoint = m.make(EventType::BreakpointHit, 300, "worker-1", "parse", 2);
    const Event pause = m.make(EventType::JobPaused, 310, nullptr, nullptr, 0);
    const Event alert = m.make(EventType::Alert, 320, "worker-2", nullptr, 0, 0);
    const Event ignored = m.make(EventType::EventEmitted, 330, "worker-1", "parse", 2);
    data.appendEvents(
        {m.start(100, "worker-1", "parse", 1), error, breakpoint, pause, alert, ignored});
    QCOMPARE(data.instantCount(), 4);
    const auto markOf = [&data](const Event &e) { return data.findInstantBySeq(e.seq); };
    QCOMPARE(markOf(error).mark, TimelineMark::Error);
    QCOMPARE(markOf(breakpoint).mark, TimelineMark::Breakpoint);
    QCOMPARE(markOf(pause).mark, TimelineMark::Pause);
    QCOMPARE(markOf(alert).mark, TimelineMark::Alert);
    QVERIFY(!markOf(ignored).isValid());
    // By agent, the pause (a job's, no agent) goes to "Other"; by job, to its job's lane.
    QCOMPARE(data.laneLabel(markOf(pause).lane), QStringLiteral("Other"));
    QCOMPARE(data.laneLabel(markOf(alert).lane), QStringLiteral("worker-2"));
    data.setGrouping(TimelineData::Grouping::Job);
    QCOMPARE(markOf(pause).lane, markOf(breakpoint).lane);
    QCOMPARE(data.laneLabel(markOf(alert).lane), QStringLiteral("Other")); // alerts have no job
    QCOMPARE(data.instantCount(), 4);
}

void TestTimelineData::aFinishedJobEndsItsRunningActivations()
{
    EventMaker m;
    TimelineData data;
    const Event a = m.start(100, "worker-1", "work", 1, 10);
    const Event b = m.start(100, "worker-2", "work", 2, 11);
    data.appendEvents({a, b, m.make(EventType::JobCancelled, 250, nullptr, nullptr, 0, 10),
                       m.make(EventType::JobFailed, 260, nullptr, nullptr, 0, 11)});
    const TimelineSpan &cancelled = data.spanAt(data.findSpanBySeq(a.seq));
    QCOMPARE(cancelled.status(), TimelineStatus::Cancelled);
    QCOMPARE(cancelled.endNs, epochNs + 250 * ms);
    const TimelineSpan &failed = data.spanAt(data.findSpanBySeq(b.seq));
    QCOMPARE(failed.status(), TimelineStatus::Error);
    QCOMPARE(failed.endNs, epochNs + 260 * ms);
    QCOMPARE(data.instantCount(), 1); // the job's failure
}

void TestTimelineData::lanesSwitchBetweenAgentsRoutinesAndJobs()
{
    EventMaker m;
    TimelineData data;
    QSignalSpy lanes(&data, &TimelineData::lanesChanged);
    // Two agents run "work" at the same time for job 1; "sum" runs after, for job 2.
    data.appendEvents({m.start(0, "worker-1", "work", 1), m.start(5, "worker-2", "work", 2),
                       m.end(50, "worker-1", "work", 1, 50), m.end(55, "worker-2", "work", 2, 50),
                       m.start(60, "worker-1", "sum", 3, 2),
                       m.end(70, "worker-1", "sum", 3, 10, 2)});
    QCOMPARE(laneLabels(data),
             (QStringList{QStringLiteral("worker-1"), QStringLiteral("worker-2")}));
    QCOMPARE(data.lane(0).rows.size(), size_t(1)); // an agent runs one activation at a time
    lanes.clear();
    data.setGrouping(TimelineData::Grouping::Routine);
    QCOMPARE(lanes.count(), 1);
    QCOMPARE(laneLabels(data), (QStringList{QStringLiteral("work"), QStringLiteral("sum")}));
    QCOMPARE(data.lane(0).rows.size(), size_t(2)); // two at once: two rows
    data.setGrouping(TimelineData::Grouping::Job);
    QCOMPARE(laneLabels(data), (QStringList{QStringLiteral("flow · %1").arg(JobId(1).toString()),
                                            QStringLiteral("flow · %1").arg(JobId(2).toString())}));
    QCOMPARE(data.spanCount(), 3);
    QVERIFY(rowsAreOrdered(data));
    data.setGrouping(TimelineData::Grouping::Agent);
    QCOMPARE(laneLabels(data),
             (QStringList{QStringLiteral("worker-1"), QStringLiteral("worker-2")}));
}

void TestTimelineData::outOfOrderArrivalKeepsRowsOrdered()
{
    // Each agent's events arrive in order, but agents' batches overtake one another, as they do
    // when each agent flushes its own buffer.
    EventMaker m;
    TimelineData data;
    QVector<Event> a, b;
    for (int i = 0; i < 200; ++i) {
        a << m.start(i * 10, "worker-1", i % 2 ? "x" : "y", 1000 + i)
          << m.end(i * 10 + 6, "worker-1", i % 2 ? "x" : "y", 1000 + i, 6);
        b << m.start(i * 10 + 3, "worker-2", i % 3 ? "x" : "y", 5000 + i)
          << m.end(i * 10 + 11, "worker-2", i % 3 ? "x" : "y", 5000 + i, 8);
    }
    for (int chunk = 0; chunk < 400; chunk += 40) {
        data.appendEvents(b.mid(chunk, 40));
        data.appendEvents(a.mid(chunk, 40));
    }
    QCOMPARE(data.spanCount(), 400);
    for (const auto grouping : {TimelineData::Grouping::Agent, TimelineData::Grouping::Routine,
                                TimelineData::Grouping::Job}) {
        data.setGrouping(grouping);
        QVERIFY(rowsAreOrdered(data));
        qint64 spans = 0;
        for (int l = 0; l < data.laneCount(); ++l) {
            for (const TimelineRow &row : data.lane(l).rows)
                spans += qint64(row.size());
        }
        QCOMPARE(spans, 400);
    }
}

void TestTimelineData::theOldestAreDroppedBeyondTheCapacity()
{
    EventMaker m;
    TimelineData data(1000);
    QVector<Event> batch;
    quint64 firstSeq = 0;
    for (int i = 0; i < 5000; ++i) {
        const Event start = m.start(i, i % 2 ? "worker-1" : "worker-2", "r", i + 1, i / 100 + 1);
        if (i == 0)
            firstSeq = start.seq;
        batch << start << m.end(i + 1, i % 2 ? "worker-1" : "worker-2", "r", i + 1, 1, i / 100 + 1);
        if (batch.size() >= 300) {
            data.appendEvents(batch);
            batch.clear();
        }
    }
    data.appendEvents(batch);
    QVERIFY(data.spanCount() <= 1000);
    QVERIFY(data.spanCount() >= 1000 - 1000 / 16);
    QCOMPARE(data.droppedSpans(), quint64(5000 - data.spanCount()));
    QVERIFY(!data.findSpanBySeq(firstSeq).isValid());
    QVERIFY(data.findSpanBySeq(m.lastSeq() - 1).isValid());
    // The picture is complete from the last dropped start on.
    QVERIFY(data.droppedUntilNs() > epochNs);
    QVERIFY(data.droppedUntilNs() <= data.firstNs() + ms);
    QVERIFY(rowsAreOrdered(data));
    data.setGrouping(TimelineData::Grouping::Job);
    // Jobs whose activations are all gone have no lane any more.
    QVERIFY(data.laneCount() <= 11);
    QVERIFY(rowsAreOrdered(data));
}

void TestTimelineData::findsTheSpanOfAnEvent()
{
    EventMaker m;
    TimelineData data;
    const Event start = m.start(100, "worker-1", "fetch", 1);
    const Event emitted = m.make(EventType::EventEmitted, 150, "worker-1", "fetch", 1);
    const Event end = m.end(200, "worker-1", "fetch", 1, 100);
    const Event other = m.start(300, "worker-1", "store", 2);
    data.appendEvents({start, emitted, end, other});
    const TimelineData::SpanPosition own = data.findSpanBySeq(start.seq);
    QVERIFY(own.isValid());
    const auto same = [&](const TimelineData::SpanPosition &p) {
        return p.lane == own.lane && p.row == own.row && p.pos == own.pos;
    };
    QVERIFY(same(data.findSpanForEvent(start)));
    QVERIFY(same(data.findSpanForEvent(emitted)));
    QVERIFY(same(data.findSpanForEvent(end)));
    // While running, an event of the activation finds it through the activation.
    const Event log = m.make(EventType::Log, 350, "worker-1", "store", 2);
    QCOMPARE(data.spanAt(data.findSpanForEvent(log)).seq(), other.seq);
    // An event outside every activation finds none.
    QVERIFY(!data.findSpanForEvent(m.make(EventType::Log, 250, "worker-1", "fetch", 0)).isValid());
    QVERIFY(!data.findSpanForEvent(m.make(EventType::JobStarted, 50, nullptr, nullptr, 0, 0))
                 .isValid());
}

void TestTimelineData::countsWhatBeganInARange()
{
    EventMaker m;
    TimelineData data;
    QVector<Event> events;
    for (int i = 0; i < 30; ++i) {
        events << m.start(i * 100, "worker-1", "r", i + 1)
               << m.end(i * 100 + 50, "worker-1", "r", i + 1, 50);
    }
    events << m.make(EventType::BreakpointHit, 1010, "worker-1", "r", 11);
    data.appendEvents(events);
    const auto count = data.countInRange(epochNs + 1000 * ms, epochNs + 2000 * ms);
    QCOMPARE(count.spans, qint64(10));
    QCOMPARE(count.instants, qint64(1));
    QCOMPARE(data.countInRange(epochNs + 2000 * ms, epochNs + 1000 * ms).spans, qint64(10));
}

// The same row read through its block summaries and as a plain list of spans.
struct PlainRow
{
    std::vector<std::pair<qint64, qint64>> spans;
    size_t size() const { return spans.size(); }
    qint64 start(size_t i) const { return spans[i].first; }
    qint64 end(size_t i) const { return spans[i].second; }
};

void TestTimelineData::blockSummariesSkipOnlyWhatAPlainSearchSkips()
{
    EventMaker m;
    TimelineData data(6000); // drops shift the blocks: the summaries must follow
    QVector<Event> batch;
    qint64 t = 0;
    for (int i = 0; i < 20'000; ++i) {
        const qint64 length = 1 + (qint64(i) * 7919) % 23;
        batch << m.start(t, "worker-1", "r", i + 1)
              << m.end(t + length, "worker-1", "r", i + 1, length);
        t += length + (i % 5 == 0 ? 40 : 1);
        if (batch.size() >= 1000) {
            data.appendEvents(batch);
            batch.clear();
        }
    }
    batch << m.start(t, "worker-1", "r", 999'999); // running: the last block stays open
    data.appendEvents(batch);
    QVERIFY(data.droppedSpans() > 0);
    QCOMPARE(data.lane(0).rows.size(), size_t(1));
    const TimelineRow &stored = data.lane(0).rows[0];
    QVERIFY(stored.blockEnds.size() >= stored.size() / TimelineRow::blockSize - 1);
    const TimelineRowView row = data.row(0, 0);
    PlainRow plain;
    for (size_t i = 0; i < row.size(); ++i)
        plain.spans.push_back({row.start(i), row.end(i)});
    const qint64 first = row.start(0);
    const qint64 last = row.end(row.size() - 1);
    for (qint64 probe = first - 10; probe <= last + 10; probe += (last - first) / 997) {
        for (const size_t from : {size_t(0), row.size() / 3}) {
            QCOMPARE(TimelineLod::firstEndingFrom(row, from, probe),
                     TimelineLod::firstEndingFrom(plain, from, probe));
            QCOMPARE(TimelineLod::firstStartingFrom(row, from, probe),
                     TimelineLod::firstStartingFrom(plain, from, probe));
        }
    }
    for (const double nsPerPixel : {1e10, 1e8, 1e6, 1e4}) {
        const TimelineViewport viewport(first + (last - first) / 3, nsPerPixel);
        std::vector<TimelinePrimitive> viaBlocks, viaSpans;
        TimelineLod::foldSpans(row, viewport, 1000, 3, &viaBlocks);
        TimelineLod::foldSpans(plain, viewport, 1000, 3, &viaSpans);
        QCOMPARE(viaBlocks.size(), viaSpans.size());
        for (size_t i = 0; i < viaBlocks.size(); ++i) {
            QCOMPARE(viaBlocks[i].first, viaSpans[i].first);
            QCOMPARE(viaBlocks[i].count, viaSpans[i].count);
        }
    }
}

void TestTimelineData::staysCompact()
{
    EventMaker m;
    TimelineData data;
    QVector<Event> batch;
    for (int i = 0; i < 200'000; ++i) {
        const char *agent = i % 4 == 0 ? "a" : i % 4 == 1 ? "b" : i % 4 == 2 ? "c" : "d";
        batch << m.start(i, agent, i % 7 ? "x" : "y", i + 1, i / 50 + 1)
              << m.end(i + 1, agent, i % 7 ? "x" : "y", i + 1, 1, i / 50 + 1);
        if (batch.size() >= 20'000) {
            data.appendEvents(batch);
            batch.clear();
        }
    }
    const double perActivation = double(data.memoryBytes()) / double(data.spanCount());
    QVERIFY2(perActivation < 48, qPrintable(QString::number(perActivation)));
}

void TestTimelineData::clearForgetsEverything()
{
    EventMaker m;
    TimelineData data;
    data.appendEvents({m.start(1, "w", "r", 1)});
    data.clear();
    QVERIFY(data.isEmpty());
    QCOMPARE(data.laneCount(), 0);
    QVERIFY(!data.findSpanBySeq(1).isValid());
    data.appendEvents({m.start(5, "w", "r", 2)});
    QCOMPARE(data.firstNs(), epochNs + 5 * ms);
}

QTEST_MAIN(TestTimelineData)
#include "tst_timelinedata.moc"
