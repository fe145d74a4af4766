// The console's event store and what filters it: storage and read-back, the capacity, the
// numbers a filter formats, and the matcher against the text the log shows.
#include "eventchunk.h"
#include "eventfiltertask.h"
#include "eventmatcher.h"
#include "eventrowlist.h"
#include "eventstore.h"
#include "eventtext.h"
#include "searchformat.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace flowscope;

namespace {

Event makeEvent(quint64 seq, int variant)
{
    static const char *routines[] = {"probe", "collect", "Planner", "merge_results"};
    static const char *agents[] = {"worker-1", "worker-2", "planner"};
    static const char *ports[] = {"in", "out", "done"};
    Event e;
    e.seq = seq;
    e.timeNs = 1733300000000000000LL + qint64(seq) * 1234567;
    e.type = EventType(variant % eventTypeCount);
    e.status = EventStatus(variant % 5 == 0 ? 1 : variant % 7 == 0 ? 2 : 0);
    e.job = JobId(0xabcd000000000000ULL + quint64(variant % 5));
    e.flow = Symbol::intern(variant % 5 < 3 ? QStringLiteral("etl") : QStringLiteral("scan"));
    e.routine = Symbol::intern(QString::fromLatin1(routines[variant % 4]));
    e.agent = Symbol::intern(QString::fromLatin1(agents[variant % 3]));
    e.port = Symbol::intern(QString::fromLatin1(ports[variant % 3]));
    e.activation = seq * 3;
    e.parentActivation = seq * 3 - 1;
    if (variant % 3 == 0)
        e.durationNs = qint64(variant) * 98765 % 20000000000LL + 1;
    if (variant % 4 == 1) {
        e.payload = QVariantMap{{QStringLiteral("host"), QStringLiteral("10.0.%1.7").arg(variant)},
                                {QStringLiteral("Count"), variant}};
    }
    return e;
}

QVector<Event> makeEvents(quint64 firstSeq, int count)
{
    QVector<Event> events;
    for (int i = 0; i < count; ++i)
        events.append(makeEvent(firstSeq + quint64(i), int(firstSeq) + i));
    return events;
}

void compareEvents(const Event &a, const Event &b)
{
    QCOMPARE(a.seq, b.seq);
    QCOMPARE(a.timeNs, b.timeNs);
    QCOMPARE(a.durationNs, b.durationNs);
    QCOMPARE(a.job, b.job);
    QCOMPARE(a.activation, b.activation);
    QCOMPARE(a.parentActivation, b.parentActivation);
    QCOMPARE(a.flow, b.flow);
    QCOMPARE(a.routine, b.routine);
    QCOMPARE(a.port, b.port);
    QCOMPARE(a.agent, b.agent);
    QCOMPARE(a.type, b.type);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.payload.value(), b.payload.value());
}

// What the log's text filter promises: some column's text contains the needle, ignoring case.
bool shownTextContains(const Event &e, const QString &needle)
{
    EventText text;
    for (int c = 0; c < int(EventColumn::Count); ++c) {
        if (text.column(e, EventColumn(c)).contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

class TestEventStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBackEveryField()
    {
        EventStore store(1000000);
        const QVector<Event> events = makeEvents(1, 200000); // several chunks
        store.append(events);
        QCOMPARE(store.size(), quint64(events.size()));
        QVERIFY(store.chunks().size() > 1);
        for (int i = 0; i < events.size(); i += 997)
            compareEvents(store.event(quint64(i)), events.at(i));
        compareEvents(store.event(store.endIndex() - 1), events.constLast());
        QCOMPARE(store.indexOfSeq(12345), std::optional<quint64>(12344));
        QCOMPARE(store.indexOfSeq(999999999), std::nullopt);
    }

    void keepsUnusualSequenceNumbers()
    {
        // A gap wider than a chunk's 32-bit offsets, and numbers starting over (a restarted
        // engine): each starts a chunk of its own, and every event reads back.
        EventStore store(1000);
        QVector<Event> events = makeEvents(10, 5);
        events += makeEvents(10 + (quint64(1) << 33), 5);
        events += makeEvents(1, 5);
        store.append(events);
        QCOMPARE(store.size(), quint64(15));
        QCOMPARE(int(store.chunks().size()), 3);
        for (int i = 0; i < events.size(); ++i)
            compareEvents(store.event(quint64(i)), events.at(i));
        QCOMPARE(store.indexOfSeq(10 + (quint64(1) << 33) + 2), std::optional<quint64>(7));
        QCOMPARE(store.indexOfSeq(3), std::optional<quint64>(12)); // the newest run wins
    }

    void dropsWholeOldestChunksPastItsCapacity()
    {
        EventStore store(1000); // chunks of 62 events
        store.append(makeEvents(1, 1000));
        store.trim();
        QCOMPARE(store.size(), quint64(1000));
        QCOMPARE(store.droppedCount(), quint64(0));
        store.append(makeEvents(1001, 1));
        QCOMPARE(store.size(), quint64(1001)); // until trimmed
        const quint64 first = store.firstIndexAfterTrim();
        const int chunkRows = store.chunks().front()->size();
        QCOMPARE(first, quint64(chunkRows));
        store.trim();
        QCOMPARE(store.firstIndex(), first);
        QCOMPARE(store.droppedCount(), quint64(chunkRows));
        QVERIFY(store.size() <= store.capacity());
        QCOMPARE(store.event(store.firstIndex()).seq, quint64(chunkRows) + 1);
        QCOMPARE(store.indexOfSeq(1), std::nullopt);
    }

    void snapshotsOutliveDropsAndNewJobs()
    {
        EventStore store(200);
        store.append(makeEvents(1, 200));
        const EventStoreSnapshot snapshot = store.snapshot();
        const size_t jobsBefore = snapshot.jobs->size();
        Event other = makeEvent(201, 1);
        other.job = JobId(0x77);
        QVector<Event> more = makeEvents(202, 400);
        more.prepend(other);
        store.append(more);
        store.trim();
        QVERIFY(store.firstIndex() > snapshot.firstIndex);
        QCOMPARE(snapshot.jobs->size(), jobsBefore); // the snapshot's table did not grow
        int rows = 0;
        for (const EventStoreSnapshot::Part &part : snapshot.parts) {
            for (int row = 0; row < part.rows; ++row, ++rows)
                QCOMPARE(snapshot.event(part, row).seq, quint64(rows + 1));
        }
        QCOMPARE(rows, 200);
    }

    void holdsAnEventInUnder64Bytes()
    {
        // Payload contents excluded (they are the payloads' own), their handles included.
        EventStore store(10000000);
        QVector<Event> events = makeEvents(1, 300000);
        store.append(events);
        const double perEvent = double(store.memoryUsage()) / double(store.size());
        QVERIFY2(perEvent <= 64.0, qPrintable(QString::number(perEvent)));
        QVERIFY(perEvent >= EventChunk::bytesPerEvent);
    }

    void rowListFindsRowsAndIndices()
    {
        EventRowList rows;
        rows.appendBlock(0, {1, 5, 9});
        rows.append(100, 103);
        rows.append(100, 150);
        rows.appendBlock(200, {0, 65535});
        QCOMPARE(rows.size(), quint64(7));
        const quint64 expected[] = {1, 5, 9, 103, 150, 200, 65735};
        for (quint64 row = 0; row < 7; ++row) {
            QCOMPARE(rows.indexAt(row), expected[row]);
            QCOMPARE(rows.rowOf(expected[row]), std::optional<quint64>(row));
        }
        QCOMPARE(rows.rowOf(6), std::nullopt);
        QCOMPARE(rows.lowerBound(6), quint64(2));
        QCOMPARE(rows.lowerBound(151), quint64(5));
        QCOMPARE(rows.lowerBound(70000), quint64(7));
        QCOMPARE(rows.dropBefore(100), quint64(3)); // the chunk at 0 went
        QCOMPARE(rows.size(), quint64(4));
        QCOMPARE(rows.indexAt(0), quint64(103));
        QCOMPARE(rows.rowOf(65735), std::optional<quint64>(3));
    }

    void formatsNumbersAsTheLogShowsThem()
    {
        EventText text;
        QRandomGenerator random(42);
        QVector<qint64> durations
            = {1,       50,           149,          150,           250,           1250,
               1350,    1450,         999949,       999950,        1000000,       1050000,
               1250000, 9999949999LL, 9999950000LL, 10000000000LL, 10005000000LL, 12345678901234LL};
        for (int i = 0; i < 20000; ++i)
            durations.append(qint64(random.bounded(1, 1 << 30)) * (i % 3 == 0 ? 1 : 50));
        for (qint64 ns = 1; ns < 100000000; ns = ns * 3 + 50)
            durations.append(ns);
        char buffer[SearchFormat::durationCapacity];
        for (qint64 ns : durations) {
            const QString shown = EventText::duration(ns);
            const QString number
                = QString::fromLatin1(buffer, SearchFormat::durationNumber(ns, buffer));
            const QString expected
                = EventText::durationTemplate(SearchFormat::durationUnit(ns)).arg(number);
            QVERIFY2(
                shown == expected,
                qPrintable(QStringLiteral("%1 ns: %2 against %3").arg(ns).arg(shown, expected)));
        }
        char clock[SearchFormat::clockLength];
        for (qint64 t : {qint64(0), qint64(1733300000123456789LL), qint64(-5000000)}) {
            SearchFormat::clock(t, text.utcOffsetMs(), clock);
            QCOMPARE(QString::fromLatin1(clock, SearchFormat::clockLength), text.time(t));
        }
        char digits[SearchFormat::decimalCapacity];
        for (quint64 v : {quint64(0), quint64(7), quint64(18446744073709551615ULL)})
            QCOMPARE(QByteArray(digits, SearchFormat::decimal(v, digits)), QByteArray::number(v));
    }

    void matcherAgreesWithTheTextShown_data()
    {
        QTest::addColumn<QString>("needle");
        for (const char *needle :
             {"probe",    "PROBE", "plan",     "merge_res", "routine_", "error", "ms",
              "µs",       " s",    "s",        ".",         ":",        "1",     "12",
              "3.",       ".5 ms", ":0",       "10.0.3",    "host=10",  "HOST",  "count=",
              "abcd0000", "-0000", "worker-2", "don",       "zzz"}) {
            QTest::newRow(needle) << QString::fromUtf8(needle);
        }
    }

    void matcherAgreesWithTheTextShown()
    {
        QFETCH(QString, needle);
        EventStore store(16000); // chunks of 1,000: sealed ones get their payload text made
        const QVector<Event> events = makeEvents(1, 3000);
        store.append(events);
        EventLogFilter filter;
        filter.text = needle;
        EventText text;
        const EventMatcher matcher(filter, store, text.utcOffsetMs());
        const EventFilterResult result = EventFilterTask::run(store.snapshot(), matcher);
        QSet<quint64> matched;
        for (const EventFilterResult::Block &block : result.blocks) {
            for (quint16 offset : block.offsets)
                matched.insert(block.chunkFirstIndex + offset);
        }
        int expectedCount = 0;
        for (int i = 0; i < events.size(); ++i) {
            const bool expected = shownTextContains(events.at(i), needle);
            expectedCount += expected;
            QVERIFY2(matched.contains(quint64(i)) == expected,
                     qPrintable(QStringLiteral("event %1: %2").arg(i).arg(expected)));
        }
        QCOMPARE(matched.size(), expectedCount);
    }

    void matcherCombinesFieldsAndText()
    {
        EventStore store(100000);
        const QVector<Event> events = makeEvents(1, 2000);
        store.append(events);
        EventLogFilter filter;
        filter.typeMask = eventTypeBit(EventType::RoutineEnded) | eventTypeBit(EventType::Log);
        filter.agent = Symbol::intern(QStringLiteral("worker-2"));
        filter.text = QStringLiteral("coll");
        const EventMatcher matcher(filter, store, 0);
        const EventFilterResult result = EventFilterTask::run(store.snapshot(), matcher);
        int matched = 0;
        for (const EventFilterResult::Block &block : result.blocks)
            matched += int(block.offsets.size());
        int expected = 0;
        for (const Event &e : events) {
            expected += filter.matchesFields(e) && shownTextContains(e, QStringLiteral("coll"));
        }
        QVERIFY(expected > 0);
        QCOMPARE(matched, expected);
    }
};

QTEST_MAIN(TestEventStore)
#include "tst_eventstore.moc"
