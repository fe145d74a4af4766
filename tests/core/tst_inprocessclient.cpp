#include "client/inprocessclient.h"
#include "testflows.h"

#include <QSignalSpy>
#include <QtTest>

using namespace flowscope;
using namespace flowscope::testing;

// The client delivers answers and batched updates in the caller's thread, never one per event.
class TestInProcessClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flowsAndJobsArriveAsBatches();
    void failuresAreReported();
    void debuggingThroughTheClient();
};

void TestInProcessClient::flowsAndJobsArriveAsBatches()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 20), {}).ok());
    InProcessClient client(&engine);
    QSignalSpy flows(&client, &EngineClient::flowsChanged);
    QVERIFY(flows.wait(2000));
    QCOMPARE(flows.last().first().value<QVector<FlowDefinition>>().size(), 1);

    QSignalSpy started(&client, &EngineClient::jobStarted);
    QVector<Event> events;
    QHash<JobId, JobInfo> jobs;
    int updates = 0;
    connect(&client, &EngineClient::updateReceived, this, [&](const ClientUpdate &update) {
        QCOMPARE(QThread::currentThread(), thread());
        ++updates;
        events += update.events;
        for (const JobInfo &job : update.jobs)
            jobs.insert(job.id, job);
    });
    for (int i = 0; i < 50; ++i)
        client.startJob(QStringLiteral("chain"), {}, {});
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 50, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        jobs.size() == 50
            && std::all_of(jobs.begin(), jobs.end(),
                           [](const JobInfo &j) { return j.status == JobStatus::Completed; }),
        5000);
    // 50 jobs x 20 routines: thousands of events arrive in a handful of batches.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::count_if(events.begin(), events.end(),
                      [](const Event &e) { return e.type == EventType::JobCompleted; })
            == 50,
        5000);
    QVERIFY(events.size() >= 50 * 20 * 3);
    QVERIFY2(
        updates < events.size() / 20,
        qPrintable(QStringLiteral("%1 updates for %2 events").arg(updates).arg(events.size())));
    for (int i = 1; i < events.size(); ++i)
        QVERIFY(events[i].seq > events[i - 1].seq);
}

void TestInProcessClient::failuresAreReported()
{
    Engine engine;
    InProcessClient client(&engine);
    QSignalSpy failed(&client, &EngineClient::requestFailed);
    client.startJob(QStringLiteral("missing"), {}, {});
    QVERIFY(failed.wait(2000));
    QVERIFY(failed.last().at(1).toString().contains(QStringLiteral("no flow 'missing'")));
    client.addFlowJson("{", QStringLiteral("typed.json"));
    QVERIFY(failed.wait(2000));
    QVERIFY(
        failed.last().at(1).toString().startsWith(QStringLiteral("typed.json: not valid JSON")));
}

void TestInProcessClient::debuggingThroughTheClient()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 4), {}).ok());
    InProcessClient client(&engine);
    QSignalSpy breakpoints(&client, &EngineClient::breakpointsChanged);
    Breakpoint bp;
    bp.flowId = QStringLiteral("chain");
    bp.routine = QStringLiteral("r2");
    client.addBreakpoint(bp);
    QVERIFY(breakpoints.wait(2000));
    const auto list = breakpoints.last().first().value<QVector<Breakpoint>>();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().routine, QStringLiteral("r2"));

    QSignalSpy started(&client, &EngineClient::jobStarted);
    client.startJob(QStringLiteral("chain"), {}, {});
    QVERIFY(started.wait(2000));
    const JobId job = started.last().first().value<JobId>();
    QSignalSpy states(&client, &EngineClient::debugStateReceived);
    DebugState state;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            client.refreshDebugState(job, 0);
            if (!states.wait(500))
                return false;
            state = states.last().first().value<DebugState>();
            return state.session.stopped;
        }(),
        5000);
    QCOMPARE(state.session.routine, QStringLiteral("r2"));
    QCOMPARE(state.frames.size(), 3);
    QCOMPARE(state.variables.data.toMap().value(QStringLiteral("path")).toStringList(),
             (QStringList{"r0", "r1"}));

    QSignalSpy evaluated(&client, &EngineClient::evaluated);
    client.evaluate(job, QStringLiteral("data.path.join('+')"), 0, 7);
    QVERIFY(evaluated.wait(2000));
    QCOMPARE(evaluated.last().at(0).toInt(), 7);
    QCOMPARE(evaluated.last().at(1).value<EvaluationResult>().value.toString(),
             QStringLiteral("r0+r1"));

    client.step(job, StepMode::Into); // over would run r2's whole subtree: the rest of the chain
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            client.refreshDebugState(job, 0);
            if (!states.wait(500))
                return false;
            state = states.last().first().value<DebugState>();
            return state.session.stopped && state.session.routine == QLatin1String("r3");
        }(),
        5000);
    QCOMPARE(state.session.reason, QStringLiteral("step"));
}

QTEST_GUILESS_MAIN(TestInProcessClient)
#include "tst_inprocessclient.moc"
