// External agents on the real engine: what they report appears next to the engine's own agents
// (agent list, health, events, metrics), their health follows their heartbeats with the same
// thresholds, and control (of the agent or of its job, the debugger's stops included) reaches
// their control state.

#include "events/eventbus.h"
#include "metrics/metricscollector.h"
#include "runtime/externalagent.h"
#include "testflows.h"

#include <QThread>

#include <atomic>
#include <mutex>

using namespace flowscope;
using namespace flowscope::testing;

namespace {

using Kind = ExternalMessage::Kind;

EngineConfig fastBeats()
{
    EngineConfig c;
    c.workers = 1;
    c.heartbeatIntervalMs = 100;
    return c;
}

ExternalMessage msg(Kind kind, const QString &name = {}, const QVariantMap &data = {})
{
    ExternalMessage m;
    m.kind = kind;
    m.name = name;
    m.data = data;
    return m;
}

ExternalMessage registration(const QString &kind = QStringLiteral("probe"), JobId job = {},
                             const QVariantMap &metadata = {})
{
    ExternalMessage m = msg(Kind::Register, kind, metadata);
    m.job = job;
    return m;
}

std::optional<AgentHealth> healthOf(Engine &engine, const QString &agent)
{
    for (const AgentHealth &h : engine.agentHealth()) {
        if (h.agent == agent)
            return h;
    }
    return std::nullopt;
}

std::optional<AgentInfo> infoOf(Engine &engine, const QString &agent)
{
    for (const AgentInfo &a : engine.agents()) {
        if (a.name == agent)
            return a;
    }
    return std::nullopt;
}

// The control changes the engine's listeners hear for one agent, from any thread.
class HeardControls
{
public:
    HeardControls(Engine &engine, const QString &agent)
        : m_engine(engine)
    {
        m_listener = engine.watchAgentControl(
            [this, agent](const QString &name, const AgentControl &control) {
                std::lock_guard lock(m_mutex);
                if (name == agent)
                    m_heard.append(control);
            });
    }
    ~HeardControls() { stop(); }
    void stop()
    {
        if (m_listener)
            m_engine.unwatchAgentControl(m_listener);
        m_listener = 0;
    }
    QVector<AgentControl> heard()
    {
        std::lock_guard lock(m_mutex);
        return m_heard;
    }

private:
    Engine &m_engine;
    int m_listener = 0;
    std::mutex m_mutex;
    QVector<AgentControl> m_heard;
};

// A job that runs until cancelled (a Work routine of an hour with fine steps).
JobId startLongJob(Engine &engine)
{
    const QByteArray json = R"({"flow_id": "long", "routines": {"work": {"class": "flowscope.Work",
        "config": {"duration_ms": 3600000, "steps": 360000}}}, "connections": [],
        "entry": "work.in"})";
    if (const Status s = engine.addFlowJson(json, QStringLiteral("test")); !s.ok())
        qWarning("%s", qPrintable(s.message));
    JobRequest request;
    request.flowId = QStringLiteral("long");
    JobId id;
    if (const Status s = engine.startJob(request, &id); !s.ok())
        qWarning("%s", qPrintable(s.message));
    return id;
}

} // namespace

class TestExternalAgents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportsAppearNextToTheEnginesAgents();
    void healthFollowsTheirHeartbeats();
    void aClosedSocketMakesTheAgentDead();
    void badBatchesChangeNothing();
    void agentControlReachesTheAgent();
    void jobControlReachesTheAgentsOfTheJob();
    void aBreakpointStopsTheAgent();
    void theDebuggerStoppingTheJobHoldsItsAgents();
    void unregisteredAgentsLeaveTheMonitor();
};

void TestExternalAgents::reportsAppearNextToTheEnginesAgents()
{
    Engine engine(fastBeats());
    EventFilter mine;
    mine.agent = Symbol::intern(QStringLiteral("probe-1"));
    const auto events = engine.bus().subscribe(mine, 1000);

    ExternalMessage exit = msg(Kind::Event, QStringLiteral("node_exit"));
    exit.node = QStringLiteral("scan");
    exit.durationMs = 20;
    ExternalMessage progress = msg(Kind::Progress);
    progress.value = 0.5;
    ExternalMessage log = msg(Kind::Log);
    log.message = QStringLiteral("halfway");
    AgentControl control;
    QVERIFY(engine
                .reportExternal(QStringLiteral("probe-1"),
                                {registration(), msg(Kind::Heartbeat), exit, progress,
                                 msg(Kind::Metric, {}, {{QStringLiteral("latency_ms"), 12.5}}),
                                 msg(Kind::Variables, {}, {{QStringLiteral("found"), 3}}), log},
                                &control)
                .ok());
    QVERIFY(!control.paused && !control.cancelled);
    QVERIFY(control.version > 0);

    const std::optional<AgentInfo> info = infoOf(engine, QStringLiteral("probe-1"));
    QVERIFY(info);
    QVERIFY(info->external);
    QCOMPARE(info->completed, quint64(1));
    QCOMPARE(info->currentRoutine, QStringLiteral("scan"));
    QVERIFY(infoOf(engine, QStringLiteral("worker-1"))); // the engine's own are still there

    const std::optional<AgentHealth> health = healthOf(engine, QStringLiteral("probe-1"));
    QVERIFY(health);
    QVERIFY(health->external);
    QCOMPARE(health->state, HealthState::Healthy);
    QCOMPARE(health->beats, quint64(1));

    const std::optional<ExternalAgentInfo> external
        = engine.externalAgent(QStringLiteral("probe-1"));
    QVERIFY(external);
    QCOMPARE(external->kind, QStringLiteral("probe"));
    QCOMPARE(external->progress, 0.5);
    QCOMPARE(external->variables.value(QStringLiteral("found")).toInt(), 3);

    // Register, the heartbeat (one per interval), node_exit, progress, metric, variables and
    // log: one event each, with its name.
    const std::vector<Event> seen = events->takeAll();
    QVector<EventType> types;
    for (const Event &e : seen)
        types.append(e.type);
    QCOMPARE(types,
             (QVector<EventType>{EventType::Log, EventType::Heartbeat, EventType::RoutineEnded,
                                 EventType::Progress, EventType::Metric, EventType::EventEmitted,
                                 EventType::Log}));
    QCOMPARE(seen[2].durationNs, qint64(20'000'000));
    QCOMPARE(seen[2].routine.toString(), QStringLiteral("scan"));

    // Metrics per agent, as for the engine's agents (drained by the engine thread).
    QTRY_COMPARE_WITH_TIMEOUT(
        engine.metrics(MetricScope::Agent, QStringLiteral("probe-1")).activations, quint64(1),
        2000);
    const MetricsSummary metrics = engine.metrics(MetricScope::Agent, QStringLiteral("probe-1"));
    QCOMPARE(metrics.durations.maxMs, 20.0);
    QTRY_COMPARE_WITH_TIMEOUT(engine.metrics(MetricScope::Agent, QStringLiteral("probe-1"))
                                  .fields.value(QStringLiteral("latency_ms"))
                                  .max,
                              12.5, 2000);
    engine.bus().unsubscribe(events);
}

void TestExternalAgents::healthFollowsTheirHeartbeats()
{
    Engine engine(fastBeats());
    const QString name = QStringLiteral("probe-2");
    QVERIFY(engine.reportExternal(name, {registration()}).ok());
    // Silent: DEGRADED at 110 ms, CRITICAL at 200 ms, FAILED at 300 ms, as for the engine's own.
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(engine, name)->state, HealthState::Failed, 2000);
    QCOMPARE(healthOf(engine, name)->diagnosis, QStringLiteral("silent"));
    QVector<Alert> alerts;
    for (const Alert &a : engine.alerts()) {
        if (a.agent == name)
            alerts.prepend(a);
    }
    QCOMPARE(alerts.size(), 3);
    QCOMPARE(alerts[0].to, HealthState::Degraded);
    QCOMPARE(alerts[1].to, HealthState::Critical);
    QCOMPARE(alerts[2].to, HealthState::Failed);
    QVERIFY(alerts[2].timeMs - alerts[0].timeMs >= 150);

    // A heartbeat brings it back, with a recovery alert.
    QVERIFY(engine.reportExternal(name, {msg(Kind::Heartbeat)}).ok());
    QCOMPARE(healthOf(engine, name)->state, HealthState::Healthy);
    QCOMPARE(engine.alerts(1).value(0).to, HealthState::Healthy);

    // Beating on time keeps it healthy.
    for (int i = 0; i < 6; ++i) {
        QThread::msleep(50);
        QVERIFY(engine.reportExternal(name, {msg(Kind::Heartbeat)}).ok());
    }
    QCOMPARE(healthOf(engine, name)->state, HealthState::Healthy);
}

void TestExternalAgents::aClosedSocketMakesTheAgentDead()
{
    Engine engine(fastBeats());
    const QString name = QStringLiteral("socket-agent");
    QVERIFY(engine
                .reportExternal(name, {registration(QStringLiteral("probe"), {},
                                                    {{QStringLiteral("transport"),
                                                      QStringLiteral("websocket")}})})
                .ok());
    engine.setExternalAgentConnected(name, true);
    QVERIFY(engine.externalAgent(name)->connected);
    engine.setExternalAgentConnected(name, false);
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(engine, name)->state, HealthState::Failed, 2000);
    QCOMPARE(healthOf(engine, name)->diagnosis, QStringLiteral("dead"));
}

void TestExternalAgents::badBatchesChangeNothing()
{
    Engine engine(fastBeats());
    Status s = engine.reportExternal(QStringLiteral("nobody"), {msg(Kind::Heartbeat)});
    QCOMPARE(s.kind, Status::Kind::NotFound);
    QVERIFY2(s.message.contains(QStringLiteral("events[0]")), qPrintable(s.message));
    QVERIFY(s.message.contains(QStringLiteral("register")));

    s = engine.reportExternal(QStringLiteral("worker-1"), {registration()});
    QCOMPARE(s.kind, Status::Kind::Conflict);
    QVERIFY2(s.message.contains(QStringLiteral("engine's own")), qPrintable(s.message));

    s = engine.reportExternal(QStringLiteral("probe-3"),
                              {registration(QStringLiteral("probe"), JobId(0x1234))});
    QCOMPARE(s.kind, Status::Kind::NotFound);
    QVERIFY2(s.message.contains(QStringLiteral("job_id")), qPrintable(s.message));

    // All or nothing: a batch whose third message is refused leaves no trace of the first two.
    QVariantMap tooMany;
    for (int i = 0; i <= 1000; ++i)
        tooMany.insert(QStringLiteral("v%1").arg(i), i);
    s = engine.reportExternal(QStringLiteral("probe-3"), {registration(), msg(Kind::Heartbeat),
                                                          msg(Kind::Variables, {}, tooMany)});
    QCOMPARE(s.kind, Status::Kind::Invalid);
    QVERIFY2(s.message.startsWith(QStringLiteral("events[2]")), qPrintable(s.message));
    QVERIFY(!engine.externalAgent(QStringLiteral("probe-3")));
    QVERIFY(!healthOf(engine, QStringLiteral("probe-3")));

    QCOMPARE(engine.pauseAgent(QStringLiteral("worker-1")).kind, Status::Kind::Conflict);
    QCOMPARE(engine.pauseAgent(QStringLiteral("nobody")).kind, Status::Kind::NotFound);
}

void TestExternalAgents::agentControlReachesTheAgent()
{
    Engine engine(fastBeats());
    const QString name = QStringLiteral("probe-4");
    HeardControls listener(engine, name);
    AgentControl control;
    QVERIFY(engine.reportExternal(name, {registration()}, &control).ok());
    const quint64 first = control.version;

    QVERIFY(engine.pauseAgent(name).ok());
    QCOMPARE(engine.pauseAgent(name).kind, Status::Kind::Conflict);
    QVERIFY(engine.reportExternal(name, {msg(Kind::Heartbeat)}, &control).ok());
    QVERIFY(control.paused);
    QVERIFY(control.version > first);
    QCOMPARE(control.reason, QStringLiteral("agent paused"));
    QCOMPARE(infoOf(engine, name)->state, AgentState::Waiting);

    QVERIFY(engine.resumeAgent(name).ok());
    QVERIFY(!engine.externalAgent(name)->control.paused);
    QVERIFY(engine.cancelAgent(name).ok());
    QVERIFY(engine.externalAgent(name)->control.cancelled);
    QCOMPARE(engine.pauseAgent(name).kind, Status::Kind::Conflict);

    listener.stop();
    QVERIFY(engine.pauseAgent(name).kind == Status::Kind::Conflict);
    const QVector<AgentControl> heard = listener.heard();
    QCOMPARE(heard.size(), 3);
    QVERIFY(heard[0].paused);
    QVERIFY(!heard[1].paused);
    QVERIFY(heard[2].cancelled);
    QVERIFY(heard[0].version < heard[1].version && heard[1].version < heard[2].version);
}

void TestExternalAgents::jobControlReachesTheAgentsOfTheJob()
{
    Engine engine(fastBeats());
    const JobId job = startLongJob(engine);
    QVERIFY(!job.isNull());
    QVERIFY(
        engine
            .reportExternal(QStringLiteral("in-job"), {registration(QStringLiteral("probe"), job)})
            .ok());
    QVERIFY(engine.reportExternal(QStringLiteral("free"), {registration()}).ok());

    QVERIFY(engine.pauseJob(job).ok());
    AgentControl control = engine.externalAgent(QStringLiteral("in-job"))->control;
    QVERIFY(control.paused);
    QCOMPARE(control.reason, QStringLiteral("job %1 paused").arg(job.toString()));
    QVERIFY(!engine.externalAgent(QStringLiteral("free"))->control.paused);

    // An agent joining a paused job starts paused.
    AgentControl late;
    QVERIFY(engine
                .reportExternal(QStringLiteral("late"),
                                {registration(QStringLiteral("probe"), job)}, &late)
                .ok());
    QVERIFY(late.paused);

    QVERIFY(engine.resumeJob(job).ok());
    QVERIFY(!engine.externalAgent(QStringLiteral("in-job"))->control.paused);
    QVERIFY(!engine.externalAgent(QStringLiteral("late"))->control.paused);

    QVERIFY(engine.cancelJob(job).ok());
    control = engine.externalAgent(QStringLiteral("in-job"))->control;
    QVERIFY(control.cancelled);
    QCOMPARE(control.reason, QStringLiteral("job %1 cancelled").arg(job.toString()));
    QVERIFY(!engine.externalAgent(QStringLiteral("free"))->control.cancelled);
    // Their events belong to the job's trace.
    QVERIFY(engine.waitForJob(job, 5000));
    bool sawAgent = false;
    for (const Event &e : engine.trace(job))
        sawAgent = sawAgent || e.agent.toString() == QLatin1String("in-job");
    QVERIFY(sawAgent);
}

void TestExternalAgents::aBreakpointStopsTheAgent()
{
    Engine engine(fastBeats());
    const QString name = QStringLiteral("probe-5");
    EventFilter hits;
    hits.typeMask = eventTypeBit(EventType::BreakpointHit);
    const auto events = engine.bus().subscribe(hits, 100);
    QVERIFY(engine.reportExternal(name, {registration()}).ok());
    QVERIFY(engine.setAgentBreakpoints(name, {QStringLiteral("step")}).ok());
    AgentControl control;
    QVERIFY(engine.reportExternal(name, {msg(Kind::Heartbeat)}, &control).ok());
    QCOMPARE(control.breakpoints, QStringList{QStringLiteral("step")});
    QVERIFY(!control.paused);

    ExternalMessage stopped = msg(Kind::Heartbeat);
    stopped.state = QStringLiteral("paused");
    stopped.breakpoint = QStringLiteral("step");
    QVERIFY(engine.reportExternal(name, {stopped}, &control).ok());
    QVERIFY(control.paused);
    QCOMPARE(control.reason, QStringLiteral("breakpoint step"));
    const std::vector<Event> seen = events->takeAll();
    QCOMPARE(seen.size(), size_t(1));
    QCOMPARE(seen[0].agent.toString(), name);
    QCOMPARE(seen[0].payload.toMap().value(QStringLiteral("breakpoint")).toString(),
             QStringLiteral("step"));

    QVERIFY(engine.resumeAgent(name).ok());
    QVERIFY(!engine.externalAgent(name)->control.paused);
    engine.bus().unsubscribe(events);
}

void TestExternalAgents::theDebuggerStoppingTheJobHoldsItsAgents()
{
    Engine engine(fastBeats());
    const QByteArray json = R"({"flow_id": "stops", "entry": "a.in", "routines": {
        "a": {"class": "flowscope.Work", "config": {"duration_ms": 400, "steps": 1}},
        "b": {"class": "flowscope.Work", "config": {"duration_ms": 20, "steps": 1}},
        "c": {"class": "flowscope.Work", "config": {"duration_ms": 20, "steps": 1}}},
        "connections": [{"from": "a.out", "to": "b.in"}, {"from": "b.out", "to": "c.in"}]})";
    QVERIFY(engine.addFlowJson(json, QStringLiteral("test")).ok());
    Breakpoint bp;
    bp.flowId = QStringLiteral("stops");
    bp.routine = QStringLiteral("b");
    QVERIFY(engine.addBreakpoint(&bp).ok());
    JobRequest request;
    request.flowId = QStringLiteral("stops");
    JobId job;
    QVERIFY(engine.startJob(request, &job).ok());

    const QString name = QStringLiteral("helper-of-job");
    HeardControls listener(engine, name);
    QVERIFY(engine.reportExternal(name, {registration(QStringLiteral("probe"), job)}).ok());
    QVERIFY(!engine.externalAgent(name)->control.paused); // a still runs
    const auto stopped = [&] {
        const std::optional<DebugSession> session = engine.debugSession(job);
        return session && session->stopped;
    };

    // Stopped at the breakpoint before b: the agent is held, and told why.
    QTRY_VERIFY_WITH_TIMEOUT(stopped(), 5000);
    AgentControl control = engine.externalAgent(name)->control;
    QVERIFY(control.paused);
    QCOMPARE(control.reason,
             QStringLiteral("job %1 stopped at breakpoint %2").arg(job.toString(), bp.id));

    // Stepping into b lets it go on until the job stops again, before c (which b caused).
    QVERIFY(engine.step(job, StepMode::Into).ok());
    QTRY_VERIFY_WITH_TIMEOUT(stopped() && engine.debugSession(job)->routine == QLatin1String("c"),
                             5000);
    control = engine.externalAgent(name)->control;
    QVERIFY(control.paused);
    QCOMPARE(control.reason, QStringLiteral("job %1 stopped after a step").arg(job.toString()));

    // Continuing releases it; the job completes without cancelling it.
    QVERIFY(engine.resumeJob(job).ok());
    QVERIFY(!engine.externalAgent(name)->control.paused);
    QVERIFY(engine.waitForJob(job, 5000));
    QCOMPARE(engine.job(job)->status, JobStatus::Completed);
    QVERIFY(!engine.externalAgent(name)->control.cancelled);

    // Each change was pushed to the agent's listeners, in order.
    QStringList reasons;
    for (const AgentControl &c : listener.heard())
        reasons.append(QStringLiteral("%1 %2").arg(c.paused ? "held" : "free", c.reason));
    const QString id = job.toString();
    QCOMPARE(reasons,
             (QStringList{QStringLiteral("held job %1 stopped at breakpoint %2").arg(id, bp.id),
                          QStringLiteral("free job %1 step_into").arg(id),
                          QStringLiteral("held job %1 stopped after a step").arg(id),
                          QStringLiteral("free job %1 resumed").arg(id)}));
}

void TestExternalAgents::unregisteredAgentsLeaveTheMonitor()
{
    Engine engine(fastBeats());
    const QString name = QStringLiteral("probe-6");
    ExternalMessage bye = msg(Kind::Unregister);
    bye.state = QStringLiteral("completed");
    QVERIFY(engine.reportExternal(name, {registration(), bye}).ok());
    QVERIFY(!healthOf(engine, name)); // left cleanly: no alert, no health record
    QThread::msleep(400);
    for (const Alert &a : engine.alerts())
        QVERIFY(a.agent != name);
    QCOMPARE(infoOf(engine, name)->state, AgentState::Stopped);
    QCOMPARE(engine.reportExternal(name, {msg(Kind::Heartbeat)}).kind, Status::Kind::NotFound);
    // It may come back.
    QVERIFY(engine.reportExternal(name, {registration()}).ok());
    QVERIFY(engine.externalAgent(name)->registered);
}

QTEST_GUILESS_MAIN(TestExternalAgents)
#include "tst_externalagents.moc"
