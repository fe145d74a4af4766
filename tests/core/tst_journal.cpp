#include "events/eventbus.h"
#include "journal/journal.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace flowscope;

class TestJournal : public QObject
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
    void retentionRemovesOnlyOldRows();
    void migratesVersionZero();
    void refusesForeignFiles_data();
    void refusesForeignFiles();
    void reopenContinuesIds();
    void failedWriteKeepsGoing();

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("j%1.db").arg(++m_files)); }
};

namespace {

constexpr qint64 dayMs = 86400000;
constexpr qint64 ms = 1000000; // ns

Event makeEvent(quint64 job, qint64 timeNs, EventType type = EventType::RoutineStarted)
{
    Event e;
    e.job = JobId(job);
    e.timeNs = timeNs;
    e.type = type;
    return e;
}

// Runs SQL on a file through a connection of its own (for files the journal must not create).
bool execSql(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("tst-raw");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (ok && !q.exec(s)) {
                qWarning() << s << q.lastError().text();
                ok = false;
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestJournal::eventsRoundTrip()
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

void TestJournal::timeRangeQuery()
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

void TestJournal::alertsAndRollupsRoundTrip()
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

void TestJournal::jobRecordsUpsert()
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

void TestJournal::checkpointsRoundTrip()
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

void TestJournal::attachedBusIsRecorded()
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

void TestJournal::interruptedJobs()
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

void TestJournal::retentionRemovesOnlyOldRows()
{
    Journal journal; // 30 days
    QString error;
    QVERIFY2(journal.open(newPath(), &error), qPrintable(error));
    const qint64 now = 1'700'000'000'000;
    const qint64 cutoff = now - 30 * dayMs;
    std::vector<Event> events;
    for (int i = 0; i < 12000; ++i) // more than one chunk
        events.push_back(makeEvent(1, (cutoff - 1 - i) * ms));
    events.push_back(makeEvent(1, cutoff * ms)); // at the cutoff: kept
    events.push_back(makeEvent(2, (cutoff + 1) * ms));
    journal.appendEvents(events);
    for (qint64 t : {cutoff - 1, cutoff}) {
        Alert a;
        a.timeMs = t;
        a.agent = QStringLiteral("w");
        journal.appendAlert(a);
        MetricsRollup r;
        r.startMs = t;
        r.key = QStringLiteral("k");
        journal.appendRollups({r});
    }
    const auto record = [&](quint64 id, JobStatus status, qint64 at) {
        JobRecord j;
        j.id = JobId(id);
        j.flowId = QStringLiteral("f");
        j.status = status;
        j.createdMs = j.updatedMs = at;
        j.finishedMs = isFinished(status) ? at : 0;
        journal.recordJob(j);
    };
    const auto checkpoint = [&](quint64 job, JobStatus status, qint64 at) {
        JobCheckpoint c;
        c.job = JobId(job);
        c.flowId = QStringLiteral("f");
        c.status = status;
        c.timeMs = at;
        journal.saveCheckpoint(&c);
        return c.id;
    };
    // 10: finished long ago, two checkpoints; 11: running since long ago, two checkpoints;
    // 12: finished recently.
    record(10, JobStatus::Completed, cutoff - 10);
    checkpoint(10, JobStatus::Running, cutoff - 20);
    checkpoint(10, JobStatus::Completed, cutoff - 10);
    record(11, JobStatus::Running, cutoff - 20);
    const quint64 oldRunning = checkpoint(11, JobStatus::Running, cutoff - 20);
    const quint64 lastRunning = checkpoint(11, JobStatus::Running, cutoff - 10);
    record(12, JobStatus::Completed, cutoff + 10);
    const quint64 recent = checkpoint(12, JobStatus::Completed, cutoff + 5);
    journal.flush();

    // 12000 events, 1 alert, 1 rollup, 3 checkpoints, 1 job.
    QCOMPARE(journal.applyRetention(now), qint64(12000 + 1 + 1 + 3 + 1));
    QCOMPARE(journal.events(JobId(1), 0, std::numeric_limits<qint64>::max()).size(), 1);
    QCOMPARE(journal.events(JobId(1), 0, std::numeric_limits<qint64>::max())[0].timeNs,
             cutoff * ms);
    QCOMPARE(journal.events(JobId(2), 0, std::numeric_limits<qint64>::max()).size(), 1);
    QCOMPARE(journal.eventsInRange(0, std::numeric_limits<qint64>::max(), 0, -1).size(), 2);
    QCOMPARE(journal.alerts(0, now).size(), 1);
    QCOMPARE(journal.alerts(0, now)[0].timeMs, cutoff);
    QCOMPARE(int(journal.rollups(MetricScope::Engine, QStringLiteral("k"), 0, now).size()), 1);
    QVERIFY(!journal.job(JobId(10)));
    QCOMPARE(journal.checkpoints(JobId(10)).size(), 0);
    QVERIFY(journal.job(JobId(11)));
    QVERIFY(!journal.checkpoint(oldRunning));
    QVERIFY(journal.checkpoint(lastRunning)); // a running job keeps its last checkpoint
    QVERIFY(journal.job(JobId(12)));
    QVERIFY(journal.checkpoint(recent));
    QCOMPARE(journal.applyRetention(now), qint64(0));
    QCOMPARE(journal.integrityCheck(), QStringLiteral("ok"));
}

void TestJournal::migratesVersionZero()
{
    // Version 0: no rollups table, checkpoints without a reason, an index on events(time_ns)
    // instead of event blocks, no maxima in meta.
    const QString path = newPath();
    QVERIFY(execSql(
        path,
        {QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)"),
         QStringLiteral("INSERT INTO meta VALUES ('application', 'flowscope-journal'),"
                        " ('schema_version', '0')"),
         QStringLiteral("CREATE TABLE names(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
         QStringLiteral("CREATE TABLE events(id INTEGER PRIMARY KEY, seq INTEGER NOT NULL,"
                        " time_ns INTEGER NOT NULL, duration_ns INTEGER NOT NULL DEFAULT 0,"
                        " job INTEGER NOT NULL, activation INTEGER NOT NULL DEFAULT 0,"
                        " parent_activation INTEGER NOT NULL DEFAULT 0, type INTEGER NOT NULL,"
                        " status INTEGER NOT NULL DEFAULT 0, flow INTEGER NOT NULL DEFAULT 0,"
                        " routine INTEGER NOT NULL DEFAULT 0, port INTEGER NOT NULL DEFAULT 0,"
                        " agent INTEGER NOT NULL DEFAULT 0, payload BLOB)"),
         QStringLiteral("CREATE INDEX events_job_time ON events(job, time_ns)"),
         QStringLiteral("CREATE INDEX events_time ON events(time_ns)"),
         QStringLiteral("CREATE TABLE alerts(id INTEGER PRIMARY KEY, alert_id INTEGER NOT NULL,"
                        " time_ms INTEGER NOT NULL, level INTEGER NOT NULL, agent TEXT NOT NULL,"
                        " from_state INTEGER NOT NULL, to_state INTEGER NOT NULL, message TEXT,"
                        " diagnosis TEXT, routine TEXT, last_beat_ms INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE TABLE jobs(id INTEGER PRIMARY KEY, flow_id TEXT NOT NULL,"
                        " flow_dsl BLOB, status TEXT NOT NULL, error TEXT,"
                        " created_ms INTEGER NOT NULL DEFAULT 0,"
                        " updated_ms INTEGER NOT NULL DEFAULT 0,"
                        " finished_ms INTEGER NOT NULL DEFAULT 0,"
                        " last_checkpoint INTEGER NOT NULL DEFAULT 0,"
                        " forked_from INTEGER NOT NULL DEFAULT 0,"
                        " forked_checkpoint INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE TABLE checkpoints(id INTEGER PRIMARY KEY, job INTEGER NOT NULL,"
                        " flow_id TEXT NOT NULL, time_ms INTEGER NOT NULL, status TEXT NOT NULL,"
                        " progress REAL NOT NULL DEFAULT 0, entry_routine TEXT, entry_slot TEXT,"
                        " params BLOB, variables BLOB, routine_variables BLOB, pending BLOB,"
                        " max_pending INTEGER NOT NULL DEFAULT 0,"
                        " activations_done INTEGER NOT NULL DEFAULT 0,"
                        " last_seq INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("INSERT INTO names VALUES (1, 'old.routine')"),
         QStringLiteral("INSERT INTO events(seq, time_ns, job, activation, type, routine)"
                        " VALUES (5, 1000, 7, 321, 6, 1), (6, 2000, 7, 322, 7, 1)"),
         QStringLiteral("INSERT INTO jobs(id, flow_id, status, created_ms, last_checkpoint)"
                        " VALUES (7, 'legacy', 'running', 10, 4)"),
         QStringLiteral("INSERT INTO checkpoints(id, job, flow_id, time_ms, status, progress,"
                        " activations_done) VALUES (4, 7, 'legacy', 20, 'running', 0.5, 9)")}));

    auto opened = std::make_unique<Journal>();
    Journal &journal = *opened;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    const QVector<Event> events = journal.events(JobId(7), 0, 10000);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].seq, quint64(5));
    QCOMPARE(events[0].routine.toString(), QStringLiteral("old.routine"));
    QCOMPARE(events[1].type, EventType::RoutineEnded);
    QCOMPARE(journal.eventsInRange(0, 10000, 0, -1).size(), 2);
    QCOMPARE(journal.eventsInRange(1500, 10000, 0, -1).size(), 1);
    QCOMPARE(journal.maxActivationId(), quint64(322));
    QCOMPARE(journal.maxSequence(), quint64(6));
    QCOMPARE(journal.interruptedJobs().size(), 1);
    QCOMPARE(journal.interruptedJobs()[0].flowId, QStringLiteral("legacy"));
    const std::optional<JobCheckpoint> c = journal.checkpoint(4);
    QVERIFY(c);
    QCOMPARE(c->reason, QString());
    QCOMPARE(c->progress, 0.5);
    QCOMPARE(c->activationsDone, quint64(9));

    // The new layout works: rollups, reasons, ids continuing above the old ones.
    MetricsRollup r;
    r.startMs = 1;
    r.key = QStringLiteral("k");
    journal.appendRollups({r});
    JobCheckpoint next = *c;
    next.reason = QStringLiteral("periodic");
    journal.saveCheckpoint(&next);
    QCOMPARE(next.id, quint64(5));
    Event newer = makeEvent(7, 3000);
    newer.seq = 7;
    journal.appendEvents({newer});
    journal.flush();
    QCOMPARE(journal.lastError(), QString());
    QCOMPARE(int(journal.rollups(MetricScope::Engine, QStringLiteral("k"), 0, 10).size()), 1);
    QCOMPARE(journal.checkpoint(5)->reason, QStringLiteral("periodic"));
    QCOMPARE(journal.events(JobId(7), 0, 10000).size(), 3);
    QCOMPARE(journal.eventsInRange(1500, 10000, 5, -1).size(), 2);
    QCOMPARE(journal.integrityCheck(), QStringLiteral("ok"));
    opened.reset();

    // Reopened, it is a current file.
    Journal again;
    QVERIFY2(again.open(path, &error), qPrintable(error));
    QCOMPARE(again.events(JobId(7), 0, 10000).size(), 3);
}

void TestJournal::refusesForeignFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("newer") << QStringLiteral("newer") << QStringLiteral("newer");
    QTest::newRow("text") << QStringLiteral("text") << QStringLiteral("not an SQLite");
    QTest::newRow("foreign") << QStringLiteral("foreign") << QStringLiteral("not a Flowscope");
    QTest::newRow("meta-other") << QStringLiteral("meta") << QStringLiteral("not a Flowscope");
}

void TestJournal::refusesForeignFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("file.db"));
    if (kind == QLatin1String("text")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are notes, not a database\n");
    } else if (kind == QLatin1String("foreign")) {
        QVERIFY(execSql(path, {QStringLiteral("CREATE TABLE customers(id INTEGER, name TEXT)"),
                               QStringLiteral("INSERT INTO customers VALUES (1, 'ada')")}));
    } else if (kind == QLatin1String("meta")) {
        QVERIFY(execSql(path, {QStringLiteral("CREATE TABLE meta(key TEXT, value TEXT)"),
                               QStringLiteral("INSERT INTO meta VALUES ('application', 'x')")}));
    } else {
        QVERIFY(execSql(path, {QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value)"),
                               QStringLiteral("INSERT INTO meta VALUES ('application',"
                                              " 'flowscope-journal'), ('schema_version', '%1')")
                                   .arg(Journal::schemaVersion + 1),
                               QStringLiteral("CREATE TABLE events(id INTEGER PRIMARY KEY)")}));
    }
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);

    Journal journal;
    QString error;
    QVERIFY(!journal.open(path, &error));
    QVERIFY(!journal.isOpen());
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QCOMPARE(fileBytes(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
    // A journal that is not open accepts calls and does nothing.
    journal.appendEvents({makeEvent(1, 1)});
    journal.flush();
    QCOMPARE(journal.events(JobId(1), 0, 10).size(), 0);
}

void TestJournal::reopenContinuesIds()
{
    const QString path = newPath();
    {
        Journal journal;
        QString error;
        QVERIFY2(journal.open(path, &error), qPrintable(error));
        Event e = makeEvent(1, 10);
        e.activation = 500;
        e.seq = 31;
        journal.appendEvents({e});
        JobCheckpoint c;
        c.job = JobId(1);
        c.flowId = QStringLiteral("f");
        c.pending = {{700, 500, QStringLiteral("r"), QStringLiteral("in"), QVariant()}};
        journal.saveCheckpoint(&c);
        journal.saveCheckpoint(&c);
        QCOMPARE(c.id, quint64(2));
    } // closed without an explicit flush: the destructor commits
    Journal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    QCOMPARE(journal.path(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(journal.maxActivationId(), quint64(700));
    QCOMPARE(journal.maxSequence(), quint64(31));
    JobCheckpoint c;
    c.job = JobId(1);
    c.flowId = QStringLiteral("f");
    journal.saveCheckpoint(&c);
    QCOMPARE(c.id, quint64(3));
    journal.flush();
    QCOMPARE(journal.checkpoints(JobId(1)).size(), 3);
    QCOMPARE(journal.integrityCheck(), QStringLiteral("ok"));
}

void TestJournal::failedWriteKeepsGoing()
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

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
