#include "events/eventbus.h"
#include "testflows.h"

#include <QtTest>

using namespace flowscope;
using namespace flowscope::testing;

// Breakpoints, stops and stepping on the real engine (the rules are in docs/debugging.md).
class TestDebugger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void breakpointStopsOnlyThatJob();
    void callStackFollowsTheCausalChain();
    void settingVariablesChangesTheResult();
    void stepOverRunsTheSubtree();
    void stepIntoStopsAtTheFirstChild();
    void stepIntoWithoutChildrenActsAsStepOver();
    void stepOutRunsTheCallersSubtree();
    void stepLeavesOtherActivationsParked();
    void conditionAndHitCount();
    void logpointLogsWithoutStopping();
    void badConditionIsRefused();
    void runawayConditionIsInterrupted();
    void eventBreakpointStopsBeforeTheTargets();
    void evaluateInFrames();
    void requestsOnARunningJobConflict();
    void continueAndCancelWhileStopped();
    void disabledAndRemovedBreakpoints();

private:
    // r0 fans out to branch a (a1 -> a2) and branch b (b1 -> b2); every routine is test.Path.
    static QByteArray branchFlow()
    {
        return R"({"flow_id": "branches", "entry": "r0.in",
            "routines": {"r0": {"class": "flowscope.FanOut", "config": {"events": ["a", "b"]}},
                         "a1": {"class": "test.Path"}, "a2": {"class": "test.Path"},
                         "b1": {"class": "test.Path"}, "b2": {"class": "test.Path"}},
            "connections": [{"from": "r0.a", "to": "a1.in"}, {"from": "a1.out", "to": "a2.in"},
                            {"from": "r0.b", "to": "b1.in"}, {"from": "b1.out", "to": "b2.in"}]})";
    }
    static QByteArray fanFlow()
    {
        return R"({"flow_id": "fan", "entry": "fan.in",
            "routines": {"fan": {"class": "flowscope.FanOut", "config": {"count": "$n"}},
                         "work": {"class": "test.Path"}, "join": {"class": "flowscope.Join"},
                         "result": {"class": "test.Result"}},
            "connections": [{"from": "fan.out", "to": "work.in"}, {"from": "work.out", "to": "join.in"},
                            {"from": "join.out", "to": "result.in"}],
            "variables": {"n": 4}})";
    }
    static Breakpoint flowBreakpoint(const QString &flow, const QString &routine,
                                     Breakpoint::Kind kind = Breakpoint::Kind::Routine,
                                     const QString &port = {})
    {
        Breakpoint bp;
        bp.flowId = flow;
        bp.routine = routine;
        bp.kind = kind;
        bp.port = port;
        return bp;
    }
    // Where a test depends on which activation an agent takes first: with one agent, the order
    // is the order of the queue.
    static EngineConfig oneAgent()
    {
        EngineConfig config;
        config.workers = 1;
        return config;
    }
    static DebugSession waitStopped(Engine &engine, JobId id)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5000) {
            const auto session = engine.debugSession(id);
            if (session && session->stopped)
                return *session;
            QTest::qWait(5);
        }
        return {};
    }
    static QString stoppedRoutine(Engine &engine, JobId id)
    {
        return waitStopped(engine, id).routine;
    }
};

void TestDebugger::breakpointStopsOnlyThatJob()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 5), {}).ok());
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("other"), 5), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("chain"), QStringLiteral("r2"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    QCOMPARE(bp.id, QStringLiteral("bp-1"));

    const JobId stopped = startOrFail(engine, QStringLiteral("chain"));
    const JobId other = startOrFail(engine, QStringLiteral("other"));
    const DebugSession session = waitStopped(engine, stopped);
    QVERIFY(session.stopped);
    QCOMPARE(session.routine, QStringLiteral("r2"));
    QCOMPARE(session.reason, QStringLiteral("breakpoint"));
    QCOMPARE(session.breakpointId, bp.id);
    QCOMPARE(statusOf(engine, stopped), JobStatus::Paused);
    // Before the activation ran: r0 and r1 are done (r1's agent may still be counting it), r2
    // is not.
    QTRY_COMPARE_WITH_TIMEOUT(engine.job(stopped)->activationsDone, quint64(2), 2000);
    QVERIFY(engine.waitForJob(other, 5000)); // the other flow's job runs on
    QCOMPARE(statusOf(engine, other), JobStatus::Completed);
    QCOMPARE(engine.breakpoint(bp.id)->hits, quint64(1));
    bool announced = false;
    for (const Event &e : engine.trace(stopped)) {
        if (e.type == EventType::BreakpointHit) {
            announced = true;
            QCOMPARE(e.routine.toString(), QStringLiteral("r2"));
            QCOMPARE(e.payload.toMap().value(QStringLiteral("breakpoint_id")).toString(), bp.id);
        }
    }
    QVERIFY(announced);
    // A job started later stops there too: the breakpoint belongs to the flow.
    const JobId later = startOrFail(engine, QStringLiteral("chain"));
    QCOMPARE(stoppedRoutine(engine, later), QStringLiteral("r2"));
}

void TestDebugger::callStackFollowsTheCausalChain()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 5), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("chain"), QStringLiteral("r3"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("chain"), {{QStringLiteral("seed"), 7}});
    QCOMPARE(stoppedRoutine(engine, id), QStringLiteral("r3"));
    QVector<StackFrame> frames;
    QVERIFY(engine.callStack(id, &frames).ok());
    QStringList routines;
    for (const StackFrame &f : frames)
        routines << f.routine;
    QCOMPARE(routines, (QStringList{"r3", "r2", "r1", "r0"}));
    // Each frame's parent is the next frame, as the trace recorded it.
    QHash<quint64, quint64> parentInTrace;
    for (const Event &e : engine.trace(id)) {
        if (e.type == EventType::SlotCalled)
            parentInTrace.insert(e.activation, e.parentActivation);
    }
    for (int i = 0; i + 1 < frames.size(); ++i) {
        QCOMPARE(frames[i].parent, frames[i + 1].activation);
        QCOMPARE(parentInTrace.value(frames[i].activation), frames[i + 1].activation);
    }
    QCOMPARE(frames.last().parent, quint64(0));
    QCOMPARE(frames[0].data.toMap().value(QStringLiteral("path")).toStringList(),
             (QStringList{"r0", "r1", "r2"}));
    QCOMPARE(frames[3].data.toMap().value(QStringLiteral("seed")).toInt(), 7);
}

void TestDebugger::settingVariablesChangesTheResult()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 4), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("chain"), QStringLiteral("r2"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("chain"));
    QVERIFY(waitStopped(engine, id).stopped);
    FrameVariables vars;
    QVERIFY(engine.variables(id, 0, &vars).ok());
    QCOMPARE(vars.data.toMap().value(QStringLiteral("path")).toStringList(),
             (QStringList{"r0", "r1"}));
    // Rewrite the input the stopped activation will run with, and a job variable.
    QVERIFY(engine.setVariable(id, {}, QStringLiteral("path"), QStringList{"edited"}).ok());
    QVERIFY(engine.setVariable(id, QStringLiteral("job"), QStringLiteral("note"), 42).ok());
    QCOMPARE(engine.setVariable(id, {}, QStringLiteral("nothing"), 1).kind, Status::Kind::NotFound);
    QVERIFY(engine.resumeJob(id).ok());
    QVERIFY(engine.waitForJob(id, 5000));
    const JobInfo job = *engine.job(id);
    QCOMPARE(job.status, JobStatus::Completed);
    QCOMPARE(job.variables.value(QStringLiteral("last_path")).toStringList(),
             (QStringList{"edited", "r2", "r3"}));
    QCOMPARE(job.variables.value(QStringLiteral("note")).toInt(), 42);
}

void TestDebugger::stepOverRunsTheSubtree()
{
    Engine engine(oneAgent());
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(branchFlow(), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("branches"), QStringLiteral("a1"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("branches"));
    QCOMPARE(stoppedRoutine(engine, id), QStringLiteral("a1"));
    QVERIFY(engine.step(id, StepMode::Over).ok());
    // a1 and everything it caused (a2) ran; the job stops at the next activation outside: b1.
    const DebugSession next = waitStopped(engine, id);
    QCOMPARE(next.routine, QStringLiteral("b1"));
    QCOMPARE(next.reason, QStringLiteral("step"));
    QStringList ran;
    for (const Event &e : engine.trace(id)) {
        if (e.type == EventType::RoutineEnded)
            ran << e.routine.toString();
    }
    QCOMPARE(ran, (QStringList{"r0", "a1", "a2"}));
}

void TestDebugger::stepIntoStopsAtTheFirstChild()
{
    Engine engine(oneAgent());
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(branchFlow(), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("branches"), QStringLiteral("a1"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("branches"));
    const DebugSession at = waitStopped(engine, id);
    QCOMPARE(at.routine, QStringLiteral("a1"));
    QVERIFY(engine.step(id, StepMode::Into).ok());
    const DebugSession next = waitStopped(engine, id);
    QCOMPARE(next.routine, QStringLiteral("a2")); // a1's child, although b1 waited longer
    QVector<StackFrame> frames;
    QVERIFY(engine.callStack(id, &frames).ok());
    QCOMPARE(frames[1].activation, at.activation);
}

void TestDebugger::stepIntoWithoutChildrenActsAsStepOver()
{
    Engine engine(oneAgent());
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(branchFlow(), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("branches"), QStringLiteral("a2"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("branches"));
    QCOMPARE(stoppedRoutine(engine, id), QStringLiteral("a2"));
    QVERIFY(engine.step(id, StepMode::Into).ok());              // a2 emits to nothing
    QCOMPARE(stoppedRoutine(engine, id), QStringLiteral("b2")); // b1 ran before a2 was reached
}

void TestDebugger::stepOutRunsTheCallersSubtree()
{
    // One agent, so that the order in which the branches reach it is fixed.
    EngineConfig config;
    config.workers = 1;
    Engine engine(config);
    registerTestRoutines(engine);
    const QByteArray flow = R"({"flow_id": "out", "entry": "r0.in",
        "routines": {"r0": {"class": "flowscope.FanOut", "config": {"events": ["a", "b"]}},
                     "a1": {"class": "flowscope.FanOut", "config": {"count": 2}},
                     "a2": {"class": "test.Path"}, "b1": {"class": "test.Path"},
                     "b2": {"class": "test.Path"}},
        "connections": [{"from": "r0.a", "to": "a1.in"}, {"from": "a1.out", "to": "a2.in"},
                        {"from": "r0.b", "to": "b1.in"}, {"from": "b1.out", "to": "b2.in"}]})";
    QVERIFY(engine.addFlowJson(flow, {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("out"), QStringLiteral("a2"));
    bp.hitCondition = QStringLiteral("== 1");
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("out"));
    QCOMPARE(stoppedRoutine(engine, id), QStringLiteral("a2"));
    // Out of the first a2: its caller a1's subtree (both a2) finishes; b2 is outside it.
    QVERIFY(engine.step(id, StepMode::Out).ok());
    QCOMPARE(stoppedRoutine(engine, id), QStringLiteral("b2"));
    int a2Runs = 0;
    for (const Event &e : engine.trace(id))
        a2Runs += e.type == EventType::RoutineEnded && e.routine.toString() == QLatin1String("a2");
    QCOMPARE(a2Runs, 2);
    // Out of b2: its caller b1's subtree is b2 alone, and nothing is left outside it.
    QVERIFY(engine.step(id, StepMode::Out).ok());
    QVERIFY(engine.waitForJob(id, 5000));
    QCOMPARE(statusOf(engine, id), JobStatus::Completed);
}

void TestDebugger::stepLeavesOtherActivationsParked()
{
    EngineConfig config;
    config.workers = 3;
    Engine engine(config);
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(fanFlow(), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("fan"), QStringLiteral("fan"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("fan"));
    const DebugSession atFan = waitStopped(engine, id);
    QCOMPARE(atFan.routine, QStringLiteral("fan"));
    // Into the fan-out: it runs alone, and the job stops at the first of its four children.
    QVERIFY(engine.step(id, StepMode::Into).ok());
    const DebugSession first = waitStopped(engine, id);
    QCOMPARE(first.routine, QStringLiteral("work"));
    // With three agents free, stepping over one work activation runs only that one: its
    // siblings stay parked, and the job stops at the next of them.
    QVERIFY(engine.step(id, StepMode::Over).ok());
    const DebugSession second = waitStopped(engine, id);
    QCOMPARE(second.routine, QStringLiteral("work"));
    QVERIFY(second.activation != first.activation);
    int worksDone = 0;
    for (const Event &e : engine.trace(id))
        worksDone
            += e.type == EventType::RoutineEnded && e.routine.toString() == QLatin1String("work");
    QCOMPARE(worksDone, 1);
    QCOMPARE(engine.job(id)->activationsPending, quint64(3));
    QVERIFY(engine.resumeJob(id).ok());
    QVERIFY(engine.waitForJob(id, 5000));
    QCOMPARE(engine.job(id)
                 ->variables.value(QStringLiteral("result"))
                 .toMap()
                 .value(QStringLiteral("items"))
                 .toList()
                 .size(),
             4);
}

void TestDebugger::conditionAndHitCount()
{
    Engine engine(oneAgent());
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(fanFlow(), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("fan"), QStringLiteral("work"),
                                   Breakpoint::Kind::Slot, QStringLiteral("in"));
    bp.condition = QStringLiteral("data.index % 2 == 1 && job.n == 6 && routine == 'work'");
    bp.hitCondition = QStringLiteral("== 2"); // the second odd index: 3
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("fan"), {{QStringLiteral("n"), 6}});
    QVERIFY(waitStopped(engine, id).stopped);
    FrameVariables vars;
    QVERIFY(engine.variables(id, 0, &vars).ok());
    QCOMPARE(vars.data.toMap().value(QStringLiteral("index")).toInt(), 3);
    QCOMPARE(engine.breakpoint(bp.id)->hits, quint64(2));
    QVERIFY(engine.resumeJob(id).ok());
    QVERIFY(engine.waitForJob(id, 5000)); // "== 2" does not act on the third odd index
    QCOMPARE(engine.breakpoint(bp.id)->hits, quint64(3));
    QCOMPARE(statusOf(engine, id), JobStatus::Completed);
}

void TestDebugger::logpointLogsWithoutStopping()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(fanFlow(), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("fan"), QStringLiteral("work"));
    bp.logMessage = QStringLiteral("item {data.index} of {data.count} on {routine}");
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("fan"), {{QStringLiteral("n"), 3}});
    QVERIFY(engine.waitForJob(id, 5000));
    QCOMPARE(statusOf(engine, id), JobStatus::Completed);
    QStringList messages;
    for (const Event &e : engine.trace(id)) {
        if (e.type == EventType::Log)
            messages << e.payload.toMap().value(QStringLiteral("message")).toString();
    }
    messages.sort();
    QCOMPARE(messages,
             (QStringList{"item 0 of 3 on work", "item 1 of 3 on work", "item 2 of 3 on work"}));
}

void TestDebugger::badConditionIsRefused()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(fanFlow(), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("fan"), QStringLiteral("work"));
    bp.condition = QStringLiteral("data.index ==");
    const Status status = engine.addBreakpoint(&bp);
    QCOMPARE(status.kind, Status::Kind::Invalid);
    QVERIFY2(status.message.contains(QStringLiteral("SyntaxError")), qPrintable(status.message));
    bp.condition.clear();
    bp.hitCondition = QStringLiteral("sometimes");
    QCOMPARE(engine.addBreakpoint(&bp).kind, Status::Kind::Invalid);
    Breakpoint nowhere = flowBreakpoint(QStringLiteral("fan"), QStringLiteral("work"),
                                        Breakpoint::Kind::Slot, QStringLiteral("nope"));
    const Status badSlot = engine.addBreakpoint(&nowhere);
    QVERIFY2(badSlot.message.contains(QStringLiteral("slots: in")), qPrintable(badSlot.message));
    Breakpoint noFlow = flowBreakpoint(QStringLiteral("missing"), QStringLiteral("x"));
    QCOMPARE(engine.addBreakpoint(&noFlow).kind, Status::Kind::NotFound);
}

void TestDebugger::runawayConditionIsInterrupted()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 3), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("chain"), QStringLiteral("r1"));
    bp.condition = QStringLiteral("(function () { while (true) {} })()");
    QVERIFY(engine.addBreakpoint(&bp).ok());
    QElapsedTimer timer;
    timer.start();
    const JobId id = startOrFail(engine, QStringLiteral("chain"));
    QVERIFY(engine.waitForJob(id, 5000));
    // The job is not harmed: the condition was cut off and the breakpoint did not act.
    QCOMPARE(statusOf(engine, id), JobStatus::Completed);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(engine.breakpoint(bp.id)->lastError.contains(QStringLiteral("interrupted")),
             qPrintable(engine.breakpoint(bp.id)->lastError));
    bool reported = false;
    for (const Event &e : engine.trace(id))
        reported |= e.type == EventType::Log
                    && e.payload.toMap().value(QStringLiteral("breakpoint_id")).toString() == bp.id;
    QVERIFY(reported);
}

void TestDebugger::eventBreakpointStopsBeforeTheTargets()
{
    Engine engine(oneAgent());
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(branchFlow(), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("branches"), QStringLiteral("r0"),
                                   Breakpoint::Kind::Event, QStringLiteral("b"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("branches"));
    const DebugSession session = waitStopped(engine, id);
    QCOMPARE(session.reason, QStringLiteral("breakpoint"));
    QCOMPARE(session.breakpointId, bp.id);
    QCOMPARE(engine.job(id)->activationsDone, quint64(1)); // only r0 ran
}

void TestDebugger::evaluateInFrames()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 4), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("chain"), QStringLiteral("r2"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("chain"), {{QStringLiteral("x"), 20}});
    QVERIFY(waitStopped(engine, id).stopped);
    EvaluationResult result;
    QVERIFY(engine.evaluate(id, QStringLiteral("data.path.length * 10 + job.x"), 0, &result).ok());
    QCOMPARE(result.type, QStringLiteral("number"));
    QCOMPARE(result.value.toInt(), 40);
    QVERIFY(engine.evaluate(id, QStringLiteral("routine + ':' + data.x"), 2, &result).ok());
    QCOMPARE(result.value.toString(), QStringLiteral("r0:20"));
    QVERIFY(engine.evaluate(id, QStringLiteral("nosuch.thing"), 0, &result).ok());
    QCOMPARE(result.type, QStringLiteral("error"));
    QVERIFY(result.error.contains(QStringLiteral("ReferenceError")));
    QCOMPARE(engine.evaluate(id, QStringLiteral("1"), 9, &result).kind, Status::Kind::Invalid);
}

void TestDebugger::requestsOnARunningJobConflict()
{
    Engine engine;
    const QByteArray flow = R"({"flow_id": "slow", "routines": {"w": {"class": "flowscope.Work",
        "config": {"duration_ms": 2000}}}})";
    QVERIFY(engine.addFlowJson(flow, {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("slow"));
    QVector<StackFrame> frames;
    const Status status = engine.callStack(id, &frames);
    QCOMPARE(status.kind, Status::Kind::Conflict);
    QVERIFY2(status.message.contains(QStringLiteral("running")), qPrintable(status.message));
    QCOMPARE(engine.step(id, StepMode::Over).kind, Status::Kind::Conflict);
    QCOMPARE(engine.setVariable(id, {}, QStringLiteral("x"), 1).kind, Status::Kind::Conflict);
    QCOMPARE(engine.step(JobId(99), StepMode::Over).kind, Status::Kind::NotFound);
    QVERIFY(engine.cancelJob(id).ok());
}

void TestDebugger::continueAndCancelWhileStopped()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(fanFlow(), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("fan"), QStringLiteral("work"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("fan"));
    const DebugSession first = waitStopped(engine, id);
    QVERIFY(engine.resumeJob(id).ok()); // continue: to the next hit, not the same one again
    const DebugSession second = waitStopped(engine, id);
    QVERIFY(second.activation != first.activation);
    QVERIFY(engine.cancelJob(id).ok());
    QVERIFY(engine.waitForJob(id, 5000));
    QCOMPARE(statusOf(engine, id), JobStatus::Cancelled);
    // Parked activations are dropped at once, queued ones when an agent reaches them.
    QTRY_COMPARE_WITH_TIMEOUT(engine.job(id)->activationsPending, quint64(0), 2000);
}

void TestDebugger::disabledAndRemovedBreakpoints()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 3), {}).ok());
    Breakpoint bp = flowBreakpoint(QStringLiteral("chain"), QStringLiteral("r1"));
    QVERIFY(engine.addBreakpoint(&bp).ok());
    QVERIFY(engine.setBreakpointEnabled(bp.id, false).ok());
    const JobId a = startOrFail(engine, QStringLiteral("chain"));
    QVERIFY(engine.waitForJob(a, 5000));
    QCOMPARE(statusOf(engine, a), JobStatus::Completed);
    QCOMPARE(engine.breakpoints(a).size(), 1);
    QVERIFY(!engine.breakpoints(a).first().enabled);
    QVERIFY(engine.removeBreakpoint(bp.id).ok());
    QCOMPARE(engine.removeBreakpoint(bp.id).kind, Status::Kind::NotFound);
    QVERIFY(engine.flowBreakpoints(QStringLiteral("chain")).isEmpty());
}

QTEST_GUILESS_MAIN(TestDebugger)
#include "tst_debugger.moc"
