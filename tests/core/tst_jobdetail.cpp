// The engine calls behind the flow and job-state routes: addFlow that refuses a taken id,
// removeIdleFlow that waits for a flow's jobs, and jobDetail (routine variables and the
// activations still to run, with where each waits).
#include "testflows.h"

#include <QtTest>

#include <algorithm>

using namespace flowscope;
using namespace flowscope::testing;

namespace {

QByteArray workChain(const QString &id, int length, int ms)
{
    return chainFlow(
        id, length, QStringLiteral("flowscope.Work"),
        QJsonObject{{QStringLiteral("duration_ms"), ms}, {QStringLiteral("steps"), 10}});
}

FlowDefinition parsed(Engine &engine, const QByteArray &json)
{
    QVector<FlowIssue> issues;
    const std::optional<FlowDefinition> flow = engine.loader().parse(json, {}, &issues);
    if (!flow)
        qFatal("%s", qPrintable(FlowLoader::describe(issues)));
    return *flow;
}

} // namespace

class TestJobDetail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusingAddKeepsTheFirstFlow();
    void removeIdleFlowWaitsForItsJobs();
    void detailOfAPausedJobListsItsWaitingWork();
    void detailKeepsRoutineVariables();
};

void TestJobDetail::refusingAddKeepsTheFirstFlow()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlow(parsed(engine, chainFlow(QStringLiteral("f"), 2))).ok());
    const Status refused = engine.addFlow(parsed(engine, chainFlow(QStringLiteral("f"), 5)),
                                          Engine::FlowExists::Refuse);
    QCOMPARE(refused.kind, Status::Kind::Conflict);
    QVERIFY2(refused.message.contains(QStringLiteral("'f'")), qPrintable(refused.message));
    QCOMPARE(engine.flow(QStringLiteral("f"))->routines.size(), 2);
    // Replace stays the default.
    QVERIFY(engine.addFlow(parsed(engine, chainFlow(QStringLiteral("f"), 5))).ok());
    QCOMPARE(engine.flow(QStringLiteral("f"))->routines.size(), 5);
}

void TestJobDetail::removeIdleFlowWaitsForItsJobs()
{
    Engine engine;
    QVERIFY(engine.addFlowJson(workChain(QStringLiteral("slow"), 3, 300), {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("slow"));
    Status status = engine.removeIdleFlow(QStringLiteral("slow"));
    QCOMPARE(status.kind, Status::Kind::Conflict);
    QVERIFY2(status.message.contains(id.toString()), qPrintable(status.message));
    QVERIFY(engine.flow(QStringLiteral("slow")));

    QVERIFY(engine.cancelJob(id).ok());
    QVERIFY(engine.waitForJob(id, 5000));
    QVERIFY(engine.removeIdleFlow(QStringLiteral("slow")).ok());
    QVERIFY(!engine.flow(QStringLiteral("slow")));
    QCOMPARE(engine.removeIdleFlow(QStringLiteral("slow")).kind, Status::Kind::NotFound);
    QVERIFY(engine.job(id)); // the job outlives its flow
}

void TestJobDetail::detailOfAPausedJobListsItsWaitingWork()
{
    EngineConfig config;
    config.workers = 2;
    Engine engine(config);
    const QByteArray fan = R"({"flow_id": "fan", "entry": "fan.in",
        "routines": {"fan": {"class": "flowscope.FanOut", "config": {"count": 4}},
                     "work": {"class": "flowscope.Work",
                              "config": {"duration_ms": 400, "steps": 20}}},
        "connections": [{"from": "fan.out", "to": "work.in"}]})";
    QVERIFY(engine.addFlowJson(fan, {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("fan"));
    QTRY_VERIFY_WITH_TIMEOUT(engine.job(id)->activationsDone >= 1, 5000); // fan has run
    QVERIFY(engine.pauseJob(id).ok());
    // Settled once every outstanding activation is parked or waits in a checkpoint.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const std::optional<JobDetail> d = engine.jobDetail(id);
            return d && quint64(d->waiting.size()) == d->info.activationsPending
                   && d->runningHandlers == 0;
        }(),
        5000);
    const JobDetail detail = *engine.jobDetail(id);
    QCOMPARE(detail.info.status, JobStatus::Paused);
    QCOMPARE(detail.routines, (QStringList{QStringLiteral("fan"), QStringLiteral("work")}));
    QCOMPARE(detail.waiting.size(), 4);
    int waitingInHandler = 0;
    int stopped = 0;
    for (const WaitingActivation &a : detail.waiting) {
        QCOMPARE(a.routine, QStringLiteral("work"));
        QCOMPARE(a.slot, QStringLiteral("in"));
        QVERIFY(a.parent != 0); // caused by fan's activation
        // Agents blocked in a checkpoint leave the rest queued; the first one picked up after the
        // pause is where the job stops, the others are parked. No journal: none is held.
        QVERIFY2(a.place != WaitingActivation::Place::Held, qPrintable(waitingPlaceName(a.place)));
        stopped += a.place == WaitingActivation::Place::Stopped;
        waitingInHandler += a.place == WaitingActivation::Place::Waiting;
    }
    QVERIFY(waitingInHandler >= 1 && waitingInHandler <= config.workers);
    QVERIFY(stopped <= 1);
    QCOMPARE(detail.stopReason.isEmpty(), stopped == 0);
    QVERIFY(std::is_sorted(detail.waiting.begin(), detail.waiting.end(),
                           [](const auto &a, const auto &b) { return a.id < b.id; }));

    QVERIFY(engine.cancelJob(id).ok());
    QVERIFY(engine.waitForJob(id, 5000));
    QTRY_VERIFY_WITH_TIMEOUT(engine.jobDetail(id)->waiting.isEmpty(), 5000);
    QVERIFY(!engine.jobDetail(JobId()));
}

void TestJobDetail::detailKeepsRoutineVariables()
{
    Engine engine;
    const QByteArray counting = R"({"flow_id": "count", "entry": "a.in",
        "routines": {"a": {"class": "flowscope.Script", "config": {"events": [],
            "handler": "function (d, ctx) { ctx.set('seen', 3); ctx.setJob('done', true); }"}}}})";
    QVERIFY(engine.addFlowJson(counting, {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("count"));
    QVERIFY(engine.waitForJob(id, 5000));
    const JobDetail detail = *engine.jobDetail(id);
    QCOMPARE(detail.info.status, JobStatus::Completed);
    QCOMPARE(
        detail.routineVariables.value(QStringLiteral("a")).value(QStringLiteral("seen")).toInt(),
        3);
    QCOMPARE(detail.info.variables.value(QStringLiteral("done")).toBool(), true);
    QVERIFY(detail.waiting.isEmpty());
    QCOMPARE(detail.runningHandlers, 0);
}

QTEST_GUILESS_MAIN(TestJobDetail)
#include "tst_jobdetail.moc"
