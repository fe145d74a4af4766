// Writing to the journal and reading back: events, alerts, rollups, jobs and checkpoints survive
// the round trip, the bus is recorded from several threads, queries select by job and time, and a
// failed write is reported without stopping the writer.
#include "events/eventbus.h"
#include "journalfixture.h"

#include <QtTest>

#include <thread>

using namespace flowscope;
using namespace flowscope::testing;

class TestJournalWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsRoundTrip();
    void timeRangeQuery();
    void alertsAndRollupsRoundTrip();
    void jobRecordsUpsert();
    void checkpointsRoundTrip();
    void attachedBusIsRecorded();
    void interruptedJobs();
    void failedWriteKeepsGoing();

private:
    JournalFiles m_files;
    QString newPath() { return m_files.newPath(); }
};

void TestJournalWriter::eventsRoundTrip()
{
    Journal journal;
    QString error;
    QVERIFY2(journal.open(newPath(), &error), qPrintable(error));
    QCOMPARE(journal.integrityCheck(), QStringLiteral("ok"));

    const QVariantMap payload{
        {QStringLiteral("message"), QStringLiteral("täst")},
        {QStringLiteral("count"), 42},
        {QStringLiteral("ratio"), 0.25},
        {QStringLiteral("ok"), true},
        {QStringLiteral("list"), QVariantList{1, QStringLiteral("x")}},
        {QStringLiteral("nested"), QVariantMap{{QStringLiteral("a"), QStringLiteral("b")}}}};
    Event full
        = makeEvent(0x1234567800000001ULL, 1'700'000'000'000'000'000, EventType::RoutineEnded);
    full.seq = 77;
    full.durationNs = 12345;
    full.activation = 9000000000ULL;
    full.parentActivation = 8999999999ULL;
    full.flow = Symbol::intern(QStringLiteral("flow.rt"));
    full.routine = Symbol::intern(QStringLiteral("routine.rt"));
    full.port = Symbol::intern(QStringLiteral("port.rt"));
    full.agent = Symbol::intern(QStringLiteral("agent.rt"));
    full.status = EventStatus::Error;
    full.payload = payload;
    Event bare = makeEvent(full.job.value(), full.timeNs + 1, EventType::Log);
    bare.seq = 78;
    Event scalar = makeEvent(full.job.value(), full.timeNs + 2, EventType::Progress);
    scalar.seq = 79;
    scalar.payload = QVariant(0.5);
    journal.appendEvents({full, bare, scalar});
    journal.flush();
    QCOMPARE(journal.writtenEvents(), quint64(3));
    QCOMPARE(journal.lastError(), QString());

    const QVector<Event> read = journal.events(full.job, 0, std::numeric_limits<qint64>::max());
    QCOMPARE(read.size(), 3);
    const Event &e = read[0];
    QCOMPARE(e.seq, quint64(77));
    QCOMPARE(e.timeNs, full.timeNs);
    QCOMPARE(e.durationNs, qint64(12345));
    QCOMPARE(e.job, full.job);
    QCOMPARE(e.activation, full.activation);
    QCOMPARE(e.parentActivation, full.parentActivation);
    QCOMPARE(e.type, EventType::RoutineEnded);
    QCOMPARE(e.status, EventStatus::Error);
    QCOMPARE(e.flow.toString(), QStringLiteral("flow.rt"));
    QCOMPARE(e.routine, full.routine);
    QCOMPARE(e.port, full.port);
    QCOMPARE(e.agent, full.agent);
    const QVariantMap back = e.payload.toMap();
    QCOMPARE(back.value(QStringLiteral("message")).toString(), QStringLiteral("täst"));
    QCOMPARE(back.value(QStringLiteral("count")).toInt(), 42);
    QCOMPARE(back.value(QStringLiteral("ratio")).toDouble(), 0.25);
    QCOMPARE(back.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(back.value(QStringLiteral("list")).toList().size(), 2);
    QCOMPARE(back.value(QStringLiteral("list")).toList().at(1).toString(), QStringLiteral("x"));
    QCOMPARE(back.value(QStringLiteral("nested")).toMap().value(QStringLiteral("a")).toString(),
             QStringLiteral("b"));
    QCOMPARE(back.size(), payload.size());
    QVERIFY(!read[1].payload.isValid());
    QVERIFY(read[1].flow.isNull());
    QCOMPARE(read[2].payload.value().toDouble(), 0.5);
    QCOMPARE(journal.maxSequence(), quint64(79));
    QCOMPARE(journal.maxActivationId(), quint64(9000000000ULL));
}

void TestJournalWriter::timeRangeQuery()
{
    Journal journal;
    QString error;
    QVERIFY2(journal.open(newPath(), &error), qPrintable(error));
    std::vector<Event> batch;
    quint64 seq = 0;
    for (int i = 1; i <= 10; ++i) {
        for (quint64 job : {1, 2}) {
            Event e = makeEvent(job, i * 100 * ms);
            e.seq = ++seq;
            e.activation = quint64(i);
            batch.push_back(e);
        }
    }
    journal.appendEvents(batch);
    journal.flush();

    // [200 ms, 500 ms): 200, 300, 400 of job 1 only, oldest first.
    QVector<Event> r = journal.events(JobId(1), 200 * ms, 500 * ms);
    QCOMPARE(r.size(), 3);
    QCOMPARE(r[0].timeNs, 200 * ms);
    QCOMPARE(r[2].timeNs, 400 * ms);
    for (const Event &e : r)
        QCOMPARE(e.job, JobId(1));
    r = journal.events(JobId(1), 200 * ms, 500 * ms, 2);
    QCOMPARE(r.size(), 2);
    QCOMPARE(r[1].timeNs, 300 * ms);
    QCOMPARE(journal.events(JobId(1), 200 * ms, 200 * ms).size(), 0);
    QCOMPARE(journal.events(JobId(1), 200 * ms + 1, 300 * ms + 1).size(), 1);
    QCOMPARE(journal.events(JobId(3), 0, 2000 * ms).size(), 0);

    // Every job, after a sequence number: paging by seq sees each event once.
    r = journal.eventsInRange(100 * ms, 1100 * ms, 0, 5);
    QCOMPARE(r.size(), 5);
    QCOMPARE(r[0].seq, quint64(1));
    QCOMPARE(r[4].seq, quint64(5));
    r = journal.eventsInRange(100 * ms, 1100 * ms, r.last().seq, -1);
    QCOMPARE(r.size(), 15);
    QCOMPARE(r.last().seq, quint64(20));
    QCOMPARE(journal.eventsInRange(300 * ms, 400 * ms, 0, -1).size(), 2);
}

void TestJournalWriter::alertsAndRollupsRoundTrip()
{
    Journal journal;
    QString error;
    QVERIFY2(journal.open(newPath(), &error), qPrintable(error));
    for (int i = 0; i < 3; ++i) {
        Alert a;
        a.id = quint64(10 + i);
        a.timeMs = 1000 + i;
        a.level = AlertLevel::Critical;
        a.agent = QStringLiteral("worker-%1").arg(i);
        a.from = HealthState::Degraded;
        a.to = HealthState::Failed;
        a.message = QStringLiteral("worker-%1 is stuck").arg(i);
        a.diagnosis = QStringLiteral("stuck");
        a.routine = QStringLiteral("scan");
        a.lastBeatMs = 900 + i;
        journal.appendAlert(a);
    }
    MetricsRollup r;
    r.startMs = 60000;
    r.spanMs = 10000;
    r.scope = MetricScope::Routine;
    r.key = QStringLiteral("etl/load");
    r.activations = 100;
    r.errors = 3;
    r.slotCalls = 110;
    r.eventEmits = 7;
    r.jobsStarted = 2;
    r.jobsCompleted = 1;
    r.jobsFailed = 1;
    r.jobsCancelled = 4;
    r.histogram = QByteArray("\x01\x00\x02\xff", 4);
    r.fields = {{QStringLiteral("tokens"),
                 QVariantMap{{QStringLiteral("count"), 3}, {QStringLiteral("sum"), 12.5}}}};
    MetricsRollup other = r;
    other.key = QStringLiteral("etl/other");
    MetricsRollup later = r;
    later.startMs = 70000;
    journal.appendRollups({r, other, later});
    journal.flush();

    QVector<Alert> alerts = journal.alerts(0, 5000);
    QCOMPARE(alerts.size(), 3);
    QCOMPARE(alerts[0].id, quint64(12)); // newest first
    QCOMPARE(alerts[0].timeMs, qint64(1002));
    QCOMPARE(alerts[0].level, AlertLevel::Critical);
    QCOMPARE(alerts[0].agent, QStringLiteral("worker-2"));
    QCOMPARE(alerts[0].from, HealthState::Degraded);
    QCOMPARE(alerts[0].to, HealthState::Failed);
    QCOMPARE(alerts[0].message, QStringLiteral("worker-2 is stuck"));
    QCOMPARE(alerts[0].diagnosis, QStringLiteral("stuck"));
    QCOMPARE(alerts[0].routine, QStringLiteral("scan"));
    QCOMPARE(alerts[0].lastBeatMs, qint64(902));
    QCOMPARE(journal.alerts(0, 5000, 1).size(), 1);
    QCOMPARE(journal.alerts(1001, 1002).size(), 1);

    std::vector<MetricsRollup> rollups
        = journal.rollups(MetricScope::Routine, QStringLiteral("etl/load"), 0, 100000);
    QCOMPARE(int(rollups.size()), 2);
    const MetricsRollup &b = rollups[0];
    QCOMPARE(b.startMs, qint64(60000));
    QCOMPARE(b.spanMs, 10000);
    QCOMPARE(b.scope, MetricScope::Routine);
    QCOMPARE(b.key, QStringLiteral("etl/load"));
    QCOMPARE(b.activations, quint64(100));
    QCOMPARE(b.errors, quint64(3));
    QCOMPARE(b.slotCalls, quint64(110));
    QCOMPARE(b.eventEmits, quint64(7));
    QCOMPARE(b.jobsStarted, quint64(2));
    QCOMPARE(b.jobsCompleted, quint64(1));
    QCOMPARE(b.jobsFailed, quint64(1));
    QCOMPARE(b.jobsCancelled, quint64(4));
    QCOMPARE(b.histogram, r.histogram);
    QCOMPARE(
        b.fields.value(QStringLiteral("tokens")).toMap().value(QStringLiteral("sum")).toDouble(),
        12.5);
    QCOMPARE(rollups[1].startMs, qint64(70000));
    QCOMPARE(int(journal.rollups(MetricScope::Routine, QStringLiteral("etl/load"), 60001, 100000)
                     .size()),
             1);
    QCOMPARE(int(journal.rollups(MetricScope::Flow, QStringLiteral("etl/load"), 0, 100000).size()),
             0);
}

void TestJournalWriter::jobRecordsUpsert()
{
    Journal journal;
    QString error;
    QVERIFY2(journal.open(newPath(), &error), qPrintable(error));
    JobRecord j;
    j.id = JobId(0xabcdef0100000002ULL);
    j.flowId = QStringLiteral("etl");
    j.flowDsl = QByteArrayLiteral("{\"flow_id\":\"etl\"}");
    j.status = JobStatus::Running;
    j.createdMs = 100;
    j.updatedMs = 100;
    j.lastCheckpoint = 5;
    j.forkedFrom = JobId(7);
    j.forkedCheckpoint = 3;
    journal.recordJob(j);
    j.status = JobStatus::Failed;
    j.error = QStringLiteral("boom");
    j.updatedMs = 200;
    j.finishedMs = 200;
    j.lastCheckpoint = 0; // a writer that knows of no checkpoint does not erase the last one
    journal.recordJob(j);
    journal.flush();
    const std::optional<JobRecord> r = journal.job(j.id);
    QVERIFY(r);
    QCOMPARE(r->id, j.id);
    QCOMPARE(r->flowId, QStringLiteral("etl"));
    QCOMPARE(r->flowDsl, j.flowDsl);
    QCOMPARE(r->status, JobStatus::Failed);
    QCOMPARE(r->error, QStringLiteral("boom"));
    QCOMPARE(r->createdMs, qint64(100));
    QCOMPARE(r->updatedMs, qint64(200));
    QCOMPARE(r->finishedMs, qint64(200));
    QCOMPARE(r->lastCheckpoint, quint64(5));
    QCOMPARE(r->forkedFrom, JobId(7));
    QCOMPARE(r->forkedCheckpoint, quint64(3));
    QVERIFY(!journal.job(JobId(99)));
}

void TestJournalWriter::checkpointsRoundTrip()
{
    Journal journal;
    QString error;
    QVERIFY2(journal.open(newPath(), &error), qPrintable(error));
    JobCheckpoint c;
    c.job = JobId(42);
    c.flowId = QStringLiteral("scan");
    c.timeMs = 5000;
    c.reason = QStringLiteral("pause");
    c.status = JobStatus::Paused;
    c.progress = 0.4;
    c.entryRoutine = QStringLiteral("start");
    c.entrySlot = QStringLiteral("in");
    c.params = {{QStringLiteral("n"), 3}};
    c.variables = {{QStringLiteral("seen"), QVariantList{1, 2}}};
    c.routineVariables[QStringLiteral("join")] = {{QStringLiteral("arrived"), 2}};
    c.routineVariables[QStringLiteral("fan")] = {{QStringLiteral("sent"), QStringLiteral("x")}};
    c.pending = {{101, 100, QStringLiteral("work"), QStringLiteral("in"),
                  QVariantMap{{QStringLiteral("file"), QStringLiteral("a.txt")},
                              {QStringLiteral("size"), 12}}},
                 {102, 100, QStringLiteral("work"), QStringLiteral("in"), QVariant()}};
    c.activationsDone = 17;
    c.lastSeq = 999;
    journal.saveCheckpoint(&c);
    QCOMPARE(c.id, quint64(1)); // assigned at once, not when written
    JobCheckpoint second = c;
    second.reason = QStringLiteral("completion");
    second.status = JobStatus::Completed;
    second.pending.clear();
    journal.saveCheckpoint(&second);
    QCOMPARE(second.id, quint64(2));
    journal.flush();

    const QVector<JobCheckpoint> all = journal.checkpoints(JobId(42));
    QCOMPARE(all.size(), 2);
    const JobCheckpoint &r = all[0];
    QCOMPARE(r.id, quint64(1));
    QCOMPARE(r.job, JobId(42));
    QCOMPARE(r.flowId, QStringLiteral("scan"));
    QCOMPARE(r.timeMs, qint64(5000));
    QCOMPARE(r.reason, QStringLiteral("pause"));
    QCOMPARE(r.status, JobStatus::Paused);
    QCOMPARE(r.progress, 0.4);
    QCOMPARE(r.entryRoutine, QStringLiteral("start"));
    QCOMPARE(r.entrySlot, QStringLiteral("in"));
    QCOMPARE(r.params.value(QStringLiteral("n")).toInt(), 3);
    QCOMPARE(r.variables.value(QStringLiteral("seen")).toList().size(), 2);
    QCOMPARE(r.routineVariables.size(), 2);
    QCOMPARE(
        r.routineVariables.value(QStringLiteral("join")).value(QStringLiteral("arrived")).toInt(),
        2);
    QCOMPARE(r.routineVariables.value(QStringLiteral("fan")).value(QStringLiteral("sent")),
             QVariant(QStringLiteral("x")));
    QCOMPARE(r.pending.size(), 2);
    QCOMPARE(r.pending[0].id, quint64(101));
    QCOMPARE(r.pending[0].parent, quint64(100));
    QCOMPARE(r.pending[0].routine, QStringLiteral("work"));
    QCOMPARE(r.pending[0].slot, QStringLiteral("in"));
    const QVariantMap data = r.pending[0].data.toMap();
    QCOMPARE(data.value(QStringLiteral("file")).toString(), QStringLiteral("a.txt"));
    QCOMPARE(data.value(QStringLiteral("size")).toInt(), 12);
    QVERIFY(!r.pending[1].data.isValid());
    QCOMPARE(r.activationsDone, quint64(17));
    QCOMPARE(r.lastSeq, quint64(999));
    QCOMPARE(all[1].reason, QStringLiteral("completion"));
    QCOMPARE(all[1].pending.size(), 0);

    const std::optional<JobCheckpoint> one = journal.checkpoint(2);
    QVERIFY(one);
    QCOMPARE(one->status, JobStatus::Completed);
    QVERIFY(!journal.checkpoint(3));
    // The job's record was made and points at its last checkpoint.
    QCOMPARE(journal.job(JobId(42))->lastCheckpoint, quint64(2));
    QCOMPARE(journal.maxActivationId(), quint64(102));
}

void TestJournalWriter::attachedBusIsRecorded()
{
    Journal::Config config;
    config.maxBatch = 1000; // several transactions
    Journal journal(config);
    QString error;
    QVERIFY2(journal.open(newPath(), &error), qPrintable(error));
    EventBus bus(0);
    journal.attach(&bus);
    const Symbol routine = Symbol::intern(QStringLiteral("bus.routine"));
    constexpr int perThread = 25000;
    std::vector<std::thread> producers;
    for (int t = 0; t < 2; ++t) {
        producers.emplace_back([&bus, routine, t] {
            auto sink = bus.createSink();
            for (int i = 0; i < perThread; ++i) {
                Event e;
                e.type = EventType::RoutineStarted;
                e.job = JobId(quint64(t + 1));
                e.routine = routine;
                e.activation = quint64(i + 1);
                sink->emit(std::move(e));
            }
        });
    }
    for (auto &t : producers)
        t.join();
    journal.flush();
    QCOMPARE(bus.publishedCount(), quint64(2 * perThread));
    QCOMPARE(journal.droppedEvents(), quint64(0));
    QCOMPARE(journal.writtenEvents(), quint64(2 * perThread));
    const QVector<Event> all = journal.eventsInRange(0, std::numeric_limits<qint64>::max(), 0, -1);
    QCOMPARE(all.size(), 2 * perThread);
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all[i].seq == all[i - 1].seq + 1);
    QCOMPARE(journal.events(JobId(2), 0, std::numeric_limits<qint64>::max()).size(), perThread);
    QCOMPARE(journal.maxSequence(), quint64(2 * perThread));

    journal.detach();
    QCOMPARE(bus.subscriberCount(), 0);
    std::vector<Event> after{makeEvent(1, 1)};
    bus.publish(after);
    journal.flush();
    QCOMPARE(journal.writtenEvents(), quint64(2 * perThread));
}

void TestJournalWriter::interruptedJobs()
{
    Journal journal;
    QString error;
    QVERIFY2(journal.open(newPath(), &error), qPrintable(error));
    const JobStatus statuses[] = {JobStatus::Pending,   JobStatus::Running, JobStatus::Paused,
                                  JobStatus::Completed, JobStatus::Failed,  JobStatus::Cancelled};
    for (int i = 0; i < 6; ++i) {
        JobRecord j;
        j.id = JobId(quint64(i + 1));
        j.flowId = QStringLiteral("f");
        j.status = statuses[i];
        j.createdMs = i;
        journal.recordJob(j);
    }
    // A job that ran and then finished is not interrupted.
    JobRecord done;
    done.id = JobId(2);
    done.flowId = QStringLiteral("f");
    done.status = JobStatus::Completed;
    done.createdMs = 1;
    journal.recordJob(done);
    journal.flush();
    const QVector<JobRecord> jobs = journal.interruptedJobs();
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs[0].id, JobId(1));
    QCOMPARE(jobs[0].status, JobStatus::Pending);
    QCOMPARE(jobs[1].id, JobId(3));
    QCOMPARE(jobs[1].status, JobStatus::Paused);
}

void TestJournalWriter::failedWriteKeepsGoing()
{
    // Two journals on one file hand out the same checkpoint id: the second insert fails, is
    // reported, and what follows it is still written.
    const QString path = newPath();
    Journal first;
    Journal second;
    QString error;
    QVERIFY2(first.open(path, &error), qPrintable(error));
    QVERIFY2(second.open(path, &error), qPrintable(error));
    JobCheckpoint c;
    c.job = JobId(1);
    c.flowId = QStringLiteral("f");
    first.saveCheckpoint(&c);
    first.flush();
    second.saveCheckpoint(&c);
    QCOMPARE(c.id, quint64(1));
    second.appendEvents({makeEvent(1, 5), makeEvent(1, 6)});
    second.flush();
    QVERIFY(second.lastError().contains(QLatin1String("UNIQUE")));
    QCOMPARE(second.writtenEvents(), quint64(2));
    QCOMPARE(first.events(JobId(1), 0, 10).size(), 2);
    QCOMPARE(first.lastError(), QString());
}

QTEST_GUILESS_MAIN(TestJournalWriter)
#include "tst_journalwriter.moc"
