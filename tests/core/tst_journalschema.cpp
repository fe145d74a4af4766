// The journal file: a new one gets the current schema, an older one is migrated in place, a
// file that is not a journal (or of a newer schema) is refused and left untouched, and a reopened
// file continues its ids.
#include "journalfixture.h"

#include <QtTest>

using namespace flowscope;
using namespace flowscope::testing;

class TestJournalSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migratesVersionZero();
    void refusesForeignFiles_data();
    void refusesForeignFiles();
    void reopenContinuesIds();

private:
    JournalFiles m_files;
    QString newPath() { return m_files.newPath(); }
};

void TestJournalSchema::migratesVersionZero()
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

void TestJournalSchema::refusesForeignFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("newer") << QStringLiteral("newer") << QStringLiteral("newer");
    QTest::newRow("text") << QStringLiteral("text") << QStringLiteral("not an SQLite");
    QTest::newRow("foreign") << QStringLiteral("foreign") << QStringLiteral("not a Flowscope");
    QTest::newRow("meta-other") << QStringLiteral("meta") << QStringLiteral("not a Flowscope");
}

void TestJournalSchema::refusesForeignFiles()
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

void TestJournalSchema::reopenContinuesIds()
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

QTEST_GUILESS_MAIN(TestJournalSchema)
#include "tst_journalschema.moc"
