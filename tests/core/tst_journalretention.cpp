// Retention: rows older than the journal's retention go, the rest stay, and a running job keeps
// its last checkpoint.
#include "journalfixture.h"

#include <QtTest>

using namespace flowscope;
using namespace flowscope::testing;

class TestJournalRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retentionRemovesOnlyOldRows();
    void retentionFollowsTheConfiguredDays();

private:
    JournalFiles m_files;
    QString newPath() { return m_files.newPath(); }
};

void TestJournalRetention::retentionRemovesOnlyOldRows()
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

void TestJournalRetention::retentionFollowsTheConfiguredDays()
{
    Journal::Config config;
    config.retentionDays = 1;
    Journal journal(config);
    QString error;
    QVERIFY2(journal.open(newPath(), &error), qPrintable(error));
    const qint64 now = 1'700'000'000'000;
    journal.appendEvents(
        {makeEvent(1, (now - 2 * dayMs) * ms), makeEvent(1, (now - dayMs / 2) * ms)});
    Alert old;
    old.timeMs = now - dayMs - 1;
    old.agent = QStringLiteral("w");
    journal.appendAlert(old);
    journal.flush();

    QCOMPARE(journal.applyRetention(now), qint64(2)); // the two-day-old event and the alert
    const QVector<Event> kept = journal.events(JobId(1), 0, std::numeric_limits<qint64>::max());
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().timeNs, (now - dayMs / 2) * ms);
    QVERIFY(journal.alerts(0, now).isEmpty());
}

QTEST_GUILESS_MAIN(TestJournalRetention)
#include "tst_journalretention.moc"
