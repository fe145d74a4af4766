// Agent health, alerts and metrics on the real engine: agents beat from their own threads, a
// handler that never checks in makes its agent look stuck, and metrics follow the event stream.

#include "events/eventbus.h"
#include "metrics/metricscollector.h"
#include "testflows.h"

#include <QThread>

using namespace flowscope;
using namespace flowscope::testing;

namespace {

// Busy for "ms" milliseconds; checks in every 10 ms only when "checkIn" is set.
class BusyRoutine : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {}; }
    void handle(Context &ctx, const QString &, const QVariant &data) const override
    {
        const QVariantMap args = data.toMap();
        const int ms = args.value(QStringLiteral("ms")).toInt();
        const bool checkIn = args.value(QStringLiteral("checkIn")).toBool();
        for (int elapsed = 0; elapsed < ms; elapsed += 10) {
            QThread::msleep(10);
            if (checkIn && !ctx.checkpoint())
                return;
        }
        ctx.reportMetrics({{QStringLiteral("tokens"), 7}, {QStringLiteral("bytes"), 1000}});
    }
};

EngineConfig fastBeats()
{
    EngineConfig c;
    c.workers = 1;
    c.heartbeatIntervalMs = 100;
    return c;
}

QString onlyFlow(Engine &engine)
{
    engine.registry().addClass<BusyRoutine>(QStringLiteral("test.Busy"));
    const QByteArray json = R"({"flow_id": "busy", "routines": {"grind": {"class": "test.Busy"}},
                                "connections": [], "entry": "grind.in"})";
    QString id;
    const Status s = engine.addFlowJson(json, QStringLiteral("test"), &id);
    if (!s.ok())
        qWarning("%s", qPrintable(s.message));
    return id;
}

AgentHealth healthOf(Engine &engine, const QString &agent)
{
    for (const AgentHealth &h : engine.agentHealth()) {
        if (h.agent == agent)
            return h;
    }
    return {};
}

} // namespace

class TestEngineHealth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idleAgentsStayHealthy();
    void handlerWithoutCheckpointsLooksStuck();
    void handlerThatChecksInStaysHealthy();
    void metricsFollowTheEvents();
};

void TestEngineHealth::idleAgentsStayHealthy()
{
    Engine engine(fastBeats());
    QThread::msleep(450); // past the FAILED deadline of an agent that would not beat
    const AgentHealth worker = healthOf(engine, QStringLiteral("worker-1"));
    QCOMPARE(worker.state, HealthState::Healthy);
    QVERIFY(worker.beats >= 3);
    QVERIFY(worker.beatAgeMs <= 150);
    QCOMPARE(worker.metadata.value(QStringLiteral("pid")).toLongLong(),
             QCoreApplication::applicationPid());
    QCOMPARE(worker.metadata.value(QStringLiteral("state")).toString(), QStringLiteral("idle"));
    QVERIFY(engine.alerts().isEmpty());
}

void TestEngineHealth::handlerWithoutCheckpointsLooksStuck()
{
    Engine engine(fastBeats());
    auto alerts
        = engine.bus().subscribe(EventFilter{eventTypeBit(EventType::Alert), {}, {}, {}, {}}, 100);
    const JobId id = startOrFail(engine, onlyFlow(engine), {{QStringLiteral("ms"), 700}});

    QTRY_COMPARE_WITH_TIMEOUT(healthOf(engine, QStringLiteral("worker-1")).state,
                              HealthState::Failed, 1000);
    const AgentHealth stuck = healthOf(engine, QStringLiteral("worker-1"));
    QCOMPARE(stuck.diagnosis, QStringLiteral("stuck"));
    QCOMPARE(stuck.stuckRoutine, QStringLiteral("grind"));
    QVERIFY(stuck.stuckForMs >= 250);

    QVERIFY(engine.waitForJob(id, 5000));
    // The handler returned: the agent beats again and recovers.
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(engine, QStringLiteral("worker-1")).state,
                              HealthState::Healthy, 1000);
    const QVector<Alert> log = engine.alerts(); // newest first
    QVERIFY(log.size() >= 4);
    QCOMPARE(log[0].to, HealthState::Healthy);
    QCOMPARE(log[0].level, AlertLevel::Info);
    QCOMPARE(log[1].to, HealthState::Failed);
    QCOMPARE(log[1].level, AlertLevel::Critical);
    QVERIFY(log[1].message.contains(QLatin1String("grind")));
    QCOMPARE(log[2].to, HealthState::Critical);
    QCOMPARE(log[3].to, HealthState::Degraded);
    QCOMPARE(log[3].level, AlertLevel::Warning);
    // FAILED is declared at 3 x the interval after the last beat, not later than 50 ms past it.
    QVERIFY(log[1].timeMs - log[1].lastBeatMs <= 350);

    // Each alert is an event as well.
    QTRY_VERIFY(alerts->pendingCount() >= 4);
    const std::vector<Event> events = alerts->takeAll();
    QCOMPARE(events.front().agent.toString(), QStringLiteral("worker-1"));
    QCOMPARE(events.front().payload.toMap().value(QStringLiteral("to")).toString(),
             QStringLiteral("degraded"));
    engine.bus().unsubscribe(alerts);
}

void TestEngineHealth::handlerThatChecksInStaysHealthy()
{
    Engine engine(fastBeats());
    const JobId id = startOrFail(engine, onlyFlow(engine),
                                 {{QStringLiteral("ms"), 600}, {QStringLiteral("checkIn"), true}});
    QVERIFY(engine.waitForJob(id, 5000));
    QCOMPARE(engine.job(id)->status, JobStatus::Completed);
    QVERIFY2(engine.alerts().isEmpty(), qPrintable(engine.alerts().value(0).message));
}

void TestEngineHealth::metricsFollowTheEvents()
{
    Engine engine(fastBeats());
    const QString flow = onlyFlow(engine);
    for (int i = 0; i < 3; ++i) {
        const JobId id = startOrFail(engine, flow, {{QStringLiteral("ms"), 20}});
        QVERIFY(engine.waitForJob(id, 5000));
    }
    // The engine thread drains the event stream into the metrics every 50 ms.
    QTRY_COMPARE(engine.metrics(MetricScope::Routine, QStringLiteral("busy/grind")).activations,
                 quint64(3));
    const MetricsSummary grind = engine.metrics(MetricScope::Routine, QStringLiteral("busy/grind"));
    QCOMPARE(grind.errors, quint64(0));
    QVERIFY(grind.durations.minMs >= 19);
    QVERIFY(grind.durations.p99Ms >= grind.durations.medianMs);
    QCOMPARE(grind.fields.value(QStringLiteral("tokens")).sum, 21.0);
    QCOMPARE(grind.fields.value(QStringLiteral("bytes")).mean(), 1000.0);
    const MetricsSummary all = engine.metrics(MetricScope::Engine, QString());
    QCOMPARE(all.jobsCompleted, quint64(3));
    QCOMPARE(engine.metrics(MetricScope::Agent, QStringLiteral("worker-1")).activations,
             quint64(3));
}

QTEST_GUILESS_MAIN(TestEngineHealth)
#include "tst_enginehealth.moc"
