#include "eventlogmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace flowscope;

namespace {
Event makeEvent(quint64 seq, EventType type, const char *routine, const char *agent = "agent-1")
{
    Event event;
    event.seq = seq;
    event.timeNs = qint64(seq) * 1000000;
    event.type = type;
    event.job = JobId(0x1234);
    event.routine = Symbol::intern(QString::fromLatin1(routine));
    event.agent = Symbol::intern(QString::fromLatin1(agent));
    event.port = Symbol::intern(QString::fromLatin1("in"));
    return event;
}

QVector<Event> makeBatch(quint64 firstSeq, int count)
{
    QVector<Event> batch;
    for (int i = 0; i < count; ++i) {
        const quint64 seq = firstSeq + quint64(i);
        const EventType type = seq % 2 ? EventType::RoutineStarted : EventType::RoutineEnded;
        batch.append(makeEvent(seq, type, seq % 3 ? "probe" : "collect"));
    }
    return batch;
}

QString cell(const EventLogModel &model, int row, EventColumn column)
{
    return model.index(row, int(column)).data().toString();
}
} // namespace

class TestEventLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEveryColumn()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Event event = makeEvent(7, EventType::RoutineEnded, "probe");
        event.durationNs = 2500000;
        event.payload = QVariantMap{{QStringLiteral("host"), QStringLiteral("10.0.0.1")}};
        model.appendEvents({event});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, EventColumn::Seq), QStringLiteral("7"));
        QCOMPARE(cell(model, 0, EventColumn::Type), eventTypeName(EventType::RoutineEnded));
        QCOMPARE(cell(model, 0, EventColumn::Routine), QStringLiteral("probe"));
        QCOMPARE(cell(model, 0, EventColumn::Port), QStringLiteral("in"));
        QCOMPARE(cell(model, 0, EventColumn::Agent), QStringLiteral("agent-1"));
        QCOMPARE(cell(model, 0, EventColumn::Job), JobId(0x1234).toString());
        QCOMPARE(cell(model, 0, EventColumn::Duration), QStringLiteral("2.5 ms"));
        QCOMPARE(cell(model, 0, EventColumn::Payload), QStringLiteral("host=10.0.0.1"));
    }

    void oneInsertPerBatch()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendEvents(makeBatch(1, 500));
        model.appendEvents(makeBatch(501, 500));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowCount(), 1000);
    }

    void dropsOldestWhenFull()
    {
        EventLogModel model(100); // drops in chunks of 16 events
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy dropped(&model, &EventLogModel::oldestDropped);
        model.appendEvents(makeBatch(1, 80));
        model.appendEvents(makeBatch(81, 70));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(dropped.count(), 1);
        // Whole chunks of the oldest go until the rest fits.
        QCOMPARE(model.storedCount(), quint64(150 - 64));
        QCOMPARE(model.droppedCount(), quint64(64));
        QCOMPARE(dropped.at(0).at(0).toULongLong(), 64ULL);
        QCOMPARE(model.rowCount(), 86);
        QCOMPARE(cell(model, 0, EventColumn::Seq), QStringLiteral("65"));
        QCOMPARE(cell(model, 85, EventColumn::Seq), QStringLiteral("150"));

        // A batch larger than the capacity keeps its newest events.
        model.appendEvents(makeBatch(151, 250));
        QVERIFY(model.storedCount() <= 100);
        QCOMPARE(model.rowCount(), int(model.storedCount()));
        QCOMPARE(cell(model, model.rowCount() - 1, EventColumn::Seq), QStringLiteral("400"));
        QCOMPARE(cell(model, 0, EventColumn::Seq), QString::number(401 - model.rowCount()));
    }

    void filtersByTypeAndAppendsOnlyMatches()
    {
        EventLogModel model(1000);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEvents(makeBatch(1, 100));
        EventLogFilter filter;
        filter.typeMask = eventTypeBit(EventType::RoutineStarted);
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 50);
        model.appendEvents(makeBatch(101, 10));
        QCOMPARE(model.rowCount(), 55);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(cell(model, row, EventColumn::Type), eventTypeName(EventType::RoutineStarted));
        model.setFilter({});
        QCOMPARE(model.rowCount(), 110);
    }

    void filtersByRoutineAgentAndText()
    {
        EventLogModel model(1000);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy names(&model, &EventLogModel::namesChanged);
        model.appendEvents(makeBatch(1, 30));
        model.appendEvents({makeEvent(31, EventType::Log, "probe", "agent-2")});
        QCOMPARE(names.count(), 2);
        QCOMPARE(model.routineNames(),
                 QStringList({QStringLiteral("collect"), QStringLiteral("probe")}));
        QCOMPARE(model.agentNames(),
                 QStringList({QStringLiteral("agent-1"), QStringLiteral("agent-2")}));

        EventLogFilter byRoutine;
        byRoutine.routine = Symbol::intern(QString::fromLatin1("collect"));
        model.setFilter(byRoutine);
        QCOMPARE(model.rowCount(), 10);

        EventLogFilter byAgent;
        byAgent.agent = Symbol::intern(QString::fromLatin1("agent-2"));
        model.setFilter(byAgent);
        QCOMPARE(model.rowCount(), 1);

        EventLogFilter byText;
        byText.text = QStringLiteral("COLL"); // case-insensitive, any column
        model.setFilter(byText);
        QCOMPARE(model.rowCount(), 10);
        byText.text = QStringLiteral("log");
        model.setFilter(byText);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, EventColumn::Seq), QStringLiteral("31"));
        byText.text = QStringLiteral("nothing like this");
        model.setFilter(byText);
        QCOMPARE(model.rowCount(), 0);
    }

    void filteredRowsLeaveWithTheirEvents()
    {
        EventLogModel model(32); // chunks of 16
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        EventLogFilter filter;
        filter.typeMask = eventTypeBit(EventType::RoutineStarted); // odd seqs
        model.setFilter(filter);
        model.appendEvents(makeBatch(1, 32));
        QCOMPARE(model.rowCount(), 16);
        model.appendEvents(makeBatch(33, 4)); // drops seqs 1..16
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(cell(model, 0, EventColumn::Seq), QStringLiteral("17"));
        QCOMPARE(cell(model, 9, EventColumn::Seq), QStringLiteral("35"));
        QCOMPARE(model.rowForSeq(35), 9);
        QCOMPARE(model.rowForSeq(34), -1); // filtered out
        QCOMPARE(model.rowForSeq(3), -1);  // dropped
        QCOMPARE(model.seqAt(1), quint64(19));
    }

    void filtersManyEventsInPoolThreads()
    {
        const quint64 count = EventLogModel::synchronousFilterLimit * 4;
        EventLogModel model(count * 2); // no model tester: it reads every cell at each reset
        model.appendEvents(makeBatch(1, int(count)));
        QSignalSpy filtering(&model, &EventLogModel::filteringChanged);

        EventLogFilter byRoutine;
        byRoutine.routine = Symbol::intern(QString::fromLatin1("collect")); // every third
        model.setFilter(byRoutine);
        QVERIFY(model.isFiltering());
        QCOMPARE(model.rowCount(), int(count)); // still the old rows
        QCOMPARE(model.requestedFilter(), byRoutine);
        // Events that come while the pool threads scan are matched when the answer comes.
        model.appendEvents(makeBatch(count + 1, 30));

        QTRY_VERIFY(!model.isFiltering());
        QCOMPARE(model.filter(), byRoutine);
        QCOMPARE(filtering.count(), 2);
        QCOMPARE(model.rowCount(), int((count + 30) / 3));
        for (int row = 0; row < model.rowCount(); row += 1111)
            QCOMPARE(cell(model, row, EventColumn::Routine), QStringLiteral("collect"));
        const quint64 lastCollect = (count + 30) / 3 * 3; // makeBatch: collect when seq % 3 == 0
        QCOMPARE(cell(model, model.rowCount() - 1, EventColumn::Seq), QString::number(lastCollect));

        // A newer filter voids the one still running.
        EventLogFilter byText;
        byText.text = QStringLiteral("probe");
        model.setFilter(byText);
        byText.text = QStringLiteral("collect");
        model.setFilter(byText);
        QTRY_VERIFY(!model.isFiltering());
        QCOMPARE(model.filter().text, QStringLiteral("collect"));
        QCOMPARE(model.rowCount(), int((count + 30) / 3));

        model.setFilter({}); // no scan needed
        QVERIFY(!model.isFiltering());
        QCOMPARE(model.rowCount(), int(count + 30));
    }
};

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
