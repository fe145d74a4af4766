#include "metrics/histogram.h"
#include "metrics/metricscollector.h"

#include <QtTest>

using namespace flowscope;

class TestMetricsCollector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAndErrorRate();
    void routineAndAgentKeys();
    void jobCounters();
    void jobRoutines();
    void metricFields();
    void seriesBucketsAndPercentiles();
    void rangedSummary();
    void rollupsCloseOnlyWhenOver();
    void rollupsMergeBackToTotals();
    void maxJobsEvictsLeastRecentlyActive();
    void unknownKeyIsNotFound();
};

namespace {

constexpr qint64 t0Ms = 1700000000000; // a round 10 s boundary: 1700000000000 % 10000 == 0
constexpr qint64 msNs = 1000000;

struct Builder
{
    std::vector<Event> events;

    Event &add(EventType type, qint64 ms, const char *flow = "f", const char *routine = "r",
               const char *agent = "a", quint64 job = 1)
    {
        Event e;
        e.seq = events.size() + 1;
        e.type = type;
        e.timeNs = ms * msNs;
        e.job = JobId(job);
        e.flow = Symbol::intern(QString::fromUtf8(flow));
        if (*routine)
            e.routine = Symbol::intern(QString::fromUtf8(routine));
        if (*agent)
            e.agent = Symbol::intern(QString::fromUtf8(agent));
        events.push_back(e);
        return events.back();
    }

    // A handler run of durationMs ending at ms.
    Event &run(qint64 ms, double durationMs, const char *flow = "f", const char *routine = "r",
               const char *agent = "a", quint64 job = 1, bool error = false)
    {
        Event &e = add(error ? EventType::RoutineError : EventType::RoutineEnded, ms, flow, routine,
                       agent, job);
        e.durationNs = qint64(durationMs * msNs);
        if (error)
            e.status = EventStatus::Error;
        return e;
    }
};

} // namespace

void TestMetricsCollector::countsAndErrorRate()
{
    MetricsCollector c;
    Builder b;
    for (int i = 0; i < 8; ++i)
        b.run(t0Ms + i * 100, 2.0);
    b.run(t0Ms + 900, 4.0, "f", "r", "a", 1, true);
    b.run(t0Ms + 950, 4.0, "f", "r", "a", 1, true);
    b.add(EventType::SlotCalled, t0Ms);
    b.add(EventType::SlotCalled, t0Ms + 1);
    b.add(EventType::EventEmitted, t0Ms + 2);
    b.add(EventType::Log, t0Ms + 3); // ignored
    c.consume(b.events);

    bool found = false;
    const MetricsSummary s = c.summary(MetricScope::Engine, QString(), &found);
    QVERIFY(found);
    QCOMPARE(s.activations, quint64(10));
    QCOMPARE(s.errors, quint64(2));
    QCOMPARE(s.errorRate(), 0.2);
    QCOMPARE(s.successRate(), 0.8);
    QCOMPARE(s.slotCalls, quint64(2));
    QCOMPARE(s.eventEmits, quint64(1));
    QCOMPARE(s.fromMs, t0Ms);
    QCOMPARE(s.toMs, t0Ms + 950);
    QCOMPARE(s.lastActivationMs, t0Ms + 950);
    QCOMPARE(s.durations.count, quint64(10));
    QCOMPARE(s.durations.minMs, 2.0);
    QCOMPARE(s.durations.maxMs, 4.0);
    QVERIFY(qAbs(s.durations.meanMs - 2.4) < 1e-9);
    QVERIFY(qAbs(s.durations.totalMs - 24.0) < 1e-9);
    QVERIFY(qAbs(s.durations.medianMs - 2.0) < 2.0 * 0.032);
    QCOMPARE(s.durations.p99Ms, 4.0);
    QVERIFY(qAbs(s.throughputPerS() - 10.0 / 0.95) < 1e-9);
    QCOMPARE(s.throughputPerS(2000), 5.0);
}

void TestMetricsCollector::routineAndAgentKeys()
{
    MetricsCollector c;
    Builder b;
    b.run(t0Ms, 1, "scan", "plan", "worker-1");
    b.run(t0Ms, 1, "scan", "probe", "worker-1");
    b.run(t0Ms, 1, "scan", "probe", "worker-2");
    b.run(t0Ms, 1, "etl", "probe", "worker-2", 2, true);
    c.consume(b.events);

    QCOMPARE(c.keys(MetricScope::Flow),
             (QStringList{QStringLiteral("etl"), QStringLiteral("scan")}));
    QCOMPARE(c.keys(MetricScope::Routine),
             (QStringList{QStringLiteral("etl/probe"), QStringLiteral("scan/plan"),
                          QStringLiteral("scan/probe")}));
    QCOMPARE(c.keys(MetricScope::Agent),
             (QStringList{QStringLiteral("worker-1"), QStringLiteral("worker-2")}));
    QCOMPARE(c.keys(MetricScope::Job), (QStringList{JobId(1).toString(), JobId(2).toString()}));
    QCOMPARE(c.keys(MetricScope::Engine), QStringList{QString()});

    QCOMPARE(c.summary(MetricScope::Routine, QStringLiteral("scan/probe")).activations, quint64(2));
    QCOMPARE(c.summary(MetricScope::Routine, QStringLiteral("etl/probe")).errors, quint64(1));
    QCOMPARE(c.summary(MetricScope::Agent, QStringLiteral("worker-2")).activations, quint64(2));
    QCOMPARE(c.summary(MetricScope::Agent, QStringLiteral("worker-2")).errors, quint64(1));
    QCOMPARE(c.summary(MetricScope::Flow, QStringLiteral("scan")).activations, quint64(3));
    QCOMPARE(c.summary(MetricScope::Job, JobId(1).toString()).activations, quint64(3));
    const MetricsSummary r = c.summary(MetricScope::Routine, QStringLiteral("scan/plan"));
    QCOMPARE(r.scope, MetricScope::Routine);
    QCOMPARE(r.key, QStringLiteral("scan/plan"));
}

void TestMetricsCollector::jobCounters()
{
    MetricsCollector c;
    Builder b;
    b.add(EventType::JobStarted, t0Ms, "scan", "", "", 1);
    b.add(EventType::JobStarted, t0Ms, "scan", "", "", 2);
    b.add(EventType::JobStarted, t0Ms, "etl", "", "", 3);
    b.add(EventType::JobStarted, t0Ms, "etl", "", "", 4);
    b.add(EventType::JobCompleted, t0Ms + 5, "scan", "", "", 1);
    b.add(EventType::JobFailed, t0Ms + 5, "scan", "", "", 2);
    b.add(EventType::JobCancelled, t0Ms + 5, "etl", "", "", 3);
    c.consume(b.events);
    const MetricsSummary e = c.summary(MetricScope::Engine, QString());
    QCOMPARE(e.jobsStarted, quint64(4));
    QCOMPARE(e.jobsCompleted, quint64(1));
    QCOMPARE(e.jobsFailed, quint64(1));
    QCOMPARE(e.jobsCancelled, quint64(1));
    QCOMPARE(e.activations, quint64(0));
    const MetricsSummary scan = c.summary(MetricScope::Flow, QStringLiteral("scan"));
    QCOMPARE(scan.jobsStarted, quint64(2));
    QCOMPARE(scan.jobsFailed, quint64(1));
    QCOMPARE(c.summary(MetricScope::Job, JobId(3).toString()).jobsCancelled, quint64(1));
    QVERIFY(c.keys(MetricScope::Routine).isEmpty());
}

void TestMetricsCollector::jobRoutines()
{
    MetricsCollector c;
    Builder b;
    b.run(t0Ms, 1, "scan", "plan", "w", 7);
    b.run(t0Ms, 3, "scan", "probe", "w", 7);
    b.run(t0Ms, 5, "scan", "probe", "w", 7, true);
    b.run(t0Ms, 5, "scan", "probe", "w", 8); // another job
    c.consume(b.events);
    const QVector<MetricsSummary> routines = c.jobRoutines(JobId(7));
    QCOMPARE(routines.size(), 2);
    QCOMPARE(routines[0].key, QStringLiteral("plan"));
    QCOMPARE(routines[0].activations, quint64(1));
    QCOMPARE(routines[1].key, QStringLiteral("probe"));
    QCOMPARE(routines[1].activations, quint64(2));
    QCOMPARE(routines[1].errors, quint64(1));
    QCOMPARE(routines[1].durations.maxMs, 5.0);
    QVERIFY(c.jobRoutines(JobId(99)).isEmpty());
}

void TestMetricsCollector::metricFields()
{
    MetricsCollector c;
    Builder b;
    b.add(EventType::Metric, t0Ms, "scan", "probe", "w1").payload
        = QVariantMap{{QStringLiteral("tokens"), 100}, {QStringLiteral("files"), 2.5}};
    b.add(EventType::Metric, t0Ms + 10, "scan", "probe", "w2").payload = QVariantMap{
        {QStringLiteral("tokens"), 300}, {QStringLiteral("note"), QStringLiteral("x")}};
    c.consume(b.events);
    for (const auto &[scope, key] : {std::pair{MetricScope::Engine, QString()},
                                     std::pair{MetricScope::Flow, QStringLiteral("scan")},
                                     std::pair{MetricScope::Routine, QStringLiteral("scan/probe")},
                                     std::pair{MetricScope::Job, JobId(1).toString()}}) {
        const MetricsSummary s = c.summary(scope, key);
        QVERIFY2(s.fields.contains(QStringLiteral("tokens")), qPrintable(key));
        const FieldStats tokens = s.fields.value(QStringLiteral("tokens"));
        QCOMPARE(tokens.count, quint64(2));
        QCOMPARE(tokens.sum, 400.0);
        QCOMPARE(tokens.mean(), 200.0);
        QCOMPARE(tokens.min, 100.0);
        QCOMPARE(tokens.max, 300.0);
        QCOMPARE(s.fields.value(QStringLiteral("files")).sum, 2.5);
        QVERIFY(!s.fields.contains(QStringLiteral("note"))); // not a number
        QCOMPARE(s.activations, quint64(0));
    }
    const MetricsSummary w1 = c.summary(MetricScope::Agent, QStringLiteral("w1"));
    QCOMPARE(w1.fields.value(QStringLiteral("tokens")).sum, 100.0);
    QCOMPARE(c.jobRoutines(JobId(1)).value(0).fields.value(QStringLiteral("tokens")).count,
             quint64(2));
}

void TestMetricsCollector::seriesBucketsAndPercentiles()
{
    MetricsCollector c;
    Builder b;
    // Second 0: 10 runs of 1..10 ms; second 1: none; second 2: 4 runs of 100 ms, one failing;
    // second 3: 2 runs of 7 ms. Delivered out of order.
    b.run(t0Ms + 3500, 7);
    for (int i = 1; i <= 10; ++i)
        b.run(t0Ms + i * 50, i);
    for (int i = 0; i < 4; ++i)
        b.run(t0Ms + 2000 + i * 100, 100, "f", "r", "a", 1, i == 3);
    b.run(t0Ms + 3999, 7);
    c.consume(b.events);

    const QVector<MetricsPoint> points
        = c.series(MetricScope::Engine, QString(), t0Ms, t0Ms + 4000, 1000);
    QCOMPARE(points.size(), 4);
    QCOMPARE(points[0].startMs, t0Ms);
    QCOMPARE(points[0].spanMs, 1000);
    QCOMPARE(points[0].activations, quint64(10));
    QCOMPARE(points[0].throughputPerS, 10.0);
    QVERIFY(points[0].p50Ms >= 5.0 && points[0].p50Ms <= 5.0 * 1.032);
    QVERIFY(points[0].p95Ms >= 10.0 * 0.99 && points[0].p95Ms <= 10.0);
    QCOMPARE(points[0].maxMs, 10.0);
    QCOMPARE(points[1].activations, quint64(0));
    QCOMPARE(points[1].maxMs, 0.0);
    QCOMPARE(points[2].activations, quint64(4));
    QCOMPARE(points[2].errors, quint64(1));
    QCOMPARE(points[2].p99Ms, 100.0);
    QCOMPARE(points[3].activations, quint64(2));

    // Two-second steps merge seconds; the routine scope has its own series.
    const QVector<MetricsPoint> wide
        = c.series(MetricScope::Routine, QStringLiteral("f/r"), t0Ms, t0Ms + 4000, 2000);
    QCOMPARE(wide.size(), 2);
    QCOMPARE(wide[0].activations, quint64(10));
    QCOMPARE(wide[0].throughputPerS, 5.0);
    QCOMPARE(wide[1].activations, quint64(6));
    QCOMPARE(wide[1].maxMs, 100.0);
    QCOMPARE(wide[1].p50Ms, 100.0);
    QVERIFY(c.series(MetricScope::Agent, QStringLiteral("a"), t0Ms, t0Ms + 4000, 1000).isEmpty());
}

void TestMetricsCollector::rangedSummary()
{
    MetricsCollector::Config config;
    config.seriesSeconds = 10;
    MetricsCollector c(config);
    Builder b;
    for (int s = 0; s < 20; ++s)
        b.run(t0Ms + s * 1000 + 500, 1 + s);
    c.consume(b.events);
    // Only the last 10 seconds are kept in memory.
    const MetricsSummary last = c.summary(MetricScope::Engine, QString(), t0Ms, t0Ms + 20000);
    QCOMPARE(last.activations, quint64(10));
    QCOMPARE(last.fromMs, t0Ms + 10500);
    QCOMPARE(last.durations.minMs, 11.0);
    const MetricsSummary two
        = c.summary(MetricScope::Flow, QStringLiteral("f"), t0Ms + 15000, t0Ms + 17000);
    QCOMPARE(two.activations, quint64(2));
    QCOMPARE(two.durations.maxMs, 17.0);
    QCOMPARE(c.summary(MetricScope::Engine, QString()).activations, quint64(20));
}

void TestMetricsCollector::rollupsCloseOnlyWhenOver()
{
    MetricsCollector c; // 10 s rollups
    Builder b;
    b.run(t0Ms + 1000, 2, "scan", "probe", "w1");
    b.run(t0Ms + 9999, 4, "scan", "probe", "w1");
    c.consume(b.events);
    QVERIFY(c.takeRollups(t0Ms + 5000).empty());
    QVERIFY(c.takeRollups(t0Ms + 9999).empty());

    std::vector<MetricsRollup> rollups = c.takeRollups(t0Ms + 10000);
    // Engine, flow, routine and agent: no job rollups.
    QCOMPARE(rollups.size(), size_t(4));
    for (const MetricsRollup &r : rollups) {
        QCOMPARE(r.startMs, t0Ms);
        QCOMPARE(r.spanMs, 10000);
        QCOMPARE(r.activations, quint64(2));
        QVERIFY(r.scope != MetricScope::Job);
        Histogram h;
        QVERIFY(Histogram::fromBytes(r.histogram, &h));
        QCOMPARE(h.count(), quint64(2));
    }
    QVERIFY(c.takeRollups(t0Ms + 20000).empty()); // handed out once

    // An event past the end of an interval closes it without a clock.
    Builder more;
    more.run(t0Ms + 12000, 1);
    more.run(t0Ms + 25000, 1);
    c.consume(more.events);
    rollups = c.takeRollups(0);
    QVERIFY(!rollups.empty());
    for (const MetricsRollup &r : rollups)
        QCOMPARE(r.startMs, t0Ms + 10000);
}

void TestMetricsCollector::rollupsMergeBackToTotals()
{
    MetricsCollector c;
    Builder b;
    for (int i = 0; i < 300; ++i) {
        b.run(t0Ms + i * 173, 0.5 + (i % 17), "scan", i % 2 ? "plan" : "probe", i % 3 ? "w1" : "w2",
              1 + i / 50, i % 11 == 0);
        if (i % 5 == 0) {
            b.add(EventType::Metric, t0Ms + i * 173, "scan", "probe", "w1").payload
                = QVariantMap{{QStringLiteral("tokens"), i}};
        }
        if (i % 50 == 0)
            b.add(EventType::JobStarted, t0Ms + i * 173, "scan", "", "", 1 + i / 50);
    }
    c.consume(b.events);
    std::vector<MetricsRollup> rollups = c.takeRollups(t0Ms + 10000);
    const std::vector<MetricsRollup> rest = c.takeRollups(t0Ms + 3600000);
    rollups.insert(rollups.end(), rest.begin(), rest.end());

    for (const auto &[scope, key] : {std::pair{MetricScope::Engine, QString()},
                                     std::pair{MetricScope::Flow, QStringLiteral("scan")},
                                     std::pair{MetricScope::Routine, QStringLiteral("scan/probe")},
                                     std::pair{MetricScope::Agent, QStringLiteral("w2")}}) {
        const MetricsSummary total = c.summary(scope, key);
        const MetricsSummary merged = MetricsCollector::mergeRollups(scope, key, rollups);
        QCOMPARE(merged.scope, scope);
        QCOMPARE(merged.key, key);
        QCOMPARE(merged.activations, total.activations);
        QCOMPARE(merged.errors, total.errors);
        QCOMPARE(merged.jobsStarted, total.jobsStarted);
        QCOMPARE(merged.durations.count, total.durations.count);
        QCOMPARE(merged.durations.minMs, total.durations.minMs);
        QCOMPARE(merged.durations.maxMs, total.durations.maxMs);
        QCOMPARE(merged.durations.p95Ms, total.durations.p95Ms);
        QVERIFY(qAbs(merged.durations.meanMs - total.durations.meanMs) < 1e-9);
        QCOMPARE(merged.fields.keys(), total.fields.keys());
        QCOMPARE(merged.fields.value(QStringLiteral("tokens")).sum,
                 total.fields.value(QStringLiteral("tokens")).sum);
        QVERIFY(merged.fromMs <= total.fromMs && merged.toMs >= total.toMs);
    }
    QVERIFY(c.summary(MetricScope::Engine, QString()).jobsStarted == 6);
}

void TestMetricsCollector::maxJobsEvictsLeastRecentlyActive()
{
    MetricsCollector::Config config;
    config.maxJobs = 3;
    MetricsCollector c(config);
    for (quint64 job = 1; job <= 4; ++job) {
        Builder b;
        b.run(t0Ms, 1, "f", "r", "a", job);
        c.consume(b.events);
    }
    {
        Builder b; // job 2 becomes the most recent
        b.run(t0Ms, 1, "f", "r", "a", 2);
        c.consume(b.events);
    }
    {
        Builder b;
        b.run(t0Ms, 1, "f", "r", "a", 5);
        c.consume(b.events);
    }
    QCOMPARE(c.keys(MetricScope::Job),
             (QStringList{JobId(2).toString(), JobId(4).toString(), JobId(5).toString()}));
    bool found = true;
    c.summary(MetricScope::Job, JobId(1).toString(), &found);
    QVERIFY(!found);
    QVERIFY(c.jobRoutines(JobId(3)).isEmpty());
    QCOMPARE(c.summary(MetricScope::Job, JobId(2).toString()).activations, quint64(2));
    // Other scopes keep everything.
    QCOMPARE(c.summary(MetricScope::Engine, QString()).activations, quint64(6));
}

void TestMetricsCollector::unknownKeyIsNotFound()
{
    MetricsCollector c;
    bool found = true;
    c.summary(MetricScope::Engine, QString(), &found);
    QVERIFY(!found);
    c.summary(MetricScope::Routine, QStringLiteral("nope/nope"), &found);
    QVERIFY(!found);
    QVERIFY(c.keys(MetricScope::Engine).isEmpty());
    QVERIFY(c.series(MetricScope::Flow, QStringLiteral("x"), 0, 1000, 1000).isEmpty());
}

QTEST_APPLESS_MAIN(TestMetricsCollector)
#include "tst_metricscollector.moc"
