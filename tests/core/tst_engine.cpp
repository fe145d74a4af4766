#include "events/eventbus.h"
#include "testflows.h"

#include <QtTest>

using namespace flowscope;
using namespace flowscope::testing;

class TestEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chainRunsInOrder();
    void fanOutAndJoin();
    void errorFailsTheJob();
    void pauseAndResume();
    void cancelWhileRunning();
    void cancelWhilePaused();
    void progressIsReported();
    void jobsAreIsolated();
    void namedAgentsRunTheirRoutines();
    void timeoutFailsTheJob();
    void finishedJobsLeaveMemory();
    void tenThousandJobsStayBounded();
    void badRequestsAreRefused();
    void controlConflictsAreReported();

private:
    static QByteArray workChain(const QString &id, int length, int ms)
    {
        return chainFlow(
            id, length, QStringLiteral("flowscope.Work"),
            QJsonObject{{QStringLiteral("duration_ms"), ms}, {QStringLiteral("steps"), 10}});
    }
    static QByteArray fanJoinFlow()
    {
        return R"({"flow_id": "fanjoin", "entry": "fan.in",
            "routines": {"fan": {"class": "flowscope.FanOut", "config": {"count": "$n"}},
                         "work": {"class": "test.Path"},
                         "join": {"class": "flowscope.Join"},
                         "result": {"class": "test.Result"}},
            "connections": [{"from": "fan.out", "to": "work.in"}, {"from": "work.out", "to": "join.in"},
                            {"from": "join.out", "to": "result.in"}],
            "variables": {"n": 4}})";
    }
};

void TestEngine::chainRunsInOrder()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 6), {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("chain"));
    QVERIFY(engine.waitForJob(id, 10000));
    const JobInfo job = *engine.job(id);
    QCOMPARE(job.status, JobStatus::Completed);
    QCOMPARE(job.progress, 1.0);
    QCOMPARE(job.activationsDone, quint64(6));
    QCOMPARE(job.variables.value(QStringLiteral("last_path")).toStringList(),
             (QStringList{"r0", "r1", "r2", "r3", "r4", "r5"}));

    // The trace tells the same story: each routine started after its parent emitted, and each
    // activation's parent is the one before it.
    QVector<Event> started;
    quint64 lastSeq = 0;
    for (const Event &e : engine.trace(id)) {
        QVERIFY(e.seq > lastSeq);
        lastSeq = e.seq;
        if (e.type == EventType::RoutineStarted)
            started.push_back(e);
    }
    QCOMPARE(started.size(), 6);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(started[i].routine.toString(), QStringLiteral("r%1").arg(i));
        QCOMPARE(started[i].port.toString(), QStringLiteral("in"));
        if (i > 0) {
            QCOMPARE(started[i].parentActivation, started[i - 1].activation);
            QVERIFY(started[i].timeNs >= started[i - 1].timeNs);
        }
    }
    const QVector<Event> trace = engine.trace(id);
    QCOMPARE(trace.first().type, EventType::JobStarted);
    QCOMPARE(trace.last().type, EventType::JobCompleted);
}

void TestEngine::fanOutAndJoin()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(fanJoinFlow(), {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("fanjoin"), {{QStringLiteral("n"), 5}});
    QVERIFY(engine.waitForJob(id, 10000));
    const JobInfo job = *engine.job(id);
    QCOMPARE(job.status, JobStatus::Completed);
    const QVariantMap result = job.variables.value(QStringLiteral("result")).toMap();
    QCOMPARE(result.value(QStringLiteral("count")).toInt(), 5);
    const QVariantList items = result.value(QStringLiteral("items")).toList();
    QCOMPARE(items.size(), 5);
    QSet<int> indexes;
    for (const QVariant &item : items)
        indexes.insert(item.toMap().value(QStringLiteral("index")).toInt());
    QCOMPARE(indexes, (QSet<int>{0, 1, 2, 3, 4}));
    QCOMPARE(job.activationsDone, quint64(1 + 5 + 5 + 1));
}

void TestEngine::errorFailsTheJob()
{
    Engine engine;
    registerTestRoutines(engine);
    const QByteArray flow = R"({"flow_id": "broken", "entry": "a.in",
        "routines": {"a": {"class": "test.Path"},
                     "boom": {"class": "flowscope.Fail", "config": {"message": "disk on fire"}},
                     "after": {"class": "test.Result"}},
        "connections": [{"from": "a.out", "to": "boom.in"}, {"from": "boom.out", "to": "after.in"}]})";
    QVERIFY(engine.addFlowJson(flow, {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("broken"));
    QVERIFY(engine.waitForJob(id, 10000));
    const JobInfo job = *engine.job(id);
    QCOMPARE(job.status, JobStatus::Failed);
    QVERIFY2(job.error.contains(QStringLiteral("boom"))
                 && job.error.contains(QStringLiteral("disk on fire")),
             qPrintable(job.error));
    QVERIFY(!job.variables.contains(QStringLiteral("result")));
    bool routineError = false;
    for (const Event &e : engine.trace(id)) {
        if (e.type == EventType::RoutineError) {
            routineError = true;
            QCOMPARE(e.routine.toString(), QStringLiteral("boom"));
            QCOMPARE(e.status, EventStatus::Error);
            QCOMPARE(e.payload.toMap().value(QStringLiteral("message")).toString(),
                     QStringLiteral("disk on fire"));
        }
    }
    QVERIFY(routineError);
    // The job's last word is job_failed (a handler still finishing on another agent may end
    // after it), and nothing downstream of the failure ever started.
    QStringList jobEvents;
    for (const Event &e : engine.trace(id)) {
        if (e.routine.isNull())
            jobEvents << eventTypeName(e.type);
        QVERIFY(!(e.type == EventType::RoutineStarted
                  && e.routine.toString() == QLatin1String("after")));
    }
    QCOMPARE(jobEvents, (QStringList{"job_started", "job_failed"}));
}

void TestEngine::pauseAndResume()
{
    Engine engine;
    QVERIFY(engine.addFlowJson(workChain(QStringLiteral("slow"), 3, 300), {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("slow"));
    QTRY_VERIFY_WITH_TIMEOUT(
        engine.agents().size() > 0 && statusOf(engine, id) == JobStatus::Running, 2000);
    QTest::qWait(100);
    QVERIFY(engine.pauseJob(id).ok());
    QCOMPARE(statusOf(engine, id), JobStatus::Paused);
    const quint64 doneAtPause = engine.job(id)->activationsDone;
    QTest::qWait(700); // longer than any activation: nothing may finish while paused
    QCOMPARE(statusOf(engine, id), JobStatus::Paused);
    QCOMPARE(engine.job(id)->activationsDone, doneAtPause);
    QVERIFY(engine.resumeJob(id).ok());
    QVERIFY(engine.waitForJob(id, 10000));
    QCOMPARE(statusOf(engine, id), JobStatus::Completed);
    QCOMPARE(engine.job(id)->activationsDone, quint64(3));
    QStringList order;
    for (const Event &e : engine.trace(id)) {
        if (e.routine.isNull())
            order << eventTypeName(e.type);
    }
    QCOMPARE(order, (QStringList{"job_started", "job_paused", "job_resumed", "job_completed"}));
}

void TestEngine::cancelWhileRunning()
{
    Engine engine;
    QVERIFY(engine.addFlowJson(workChain(QStringLiteral("slow"), 3, 2000), {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("slow"));
    QTest::qWait(100);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(engine.cancelJob(id).ok());
    QCOMPARE(statusOf(engine, id), JobStatus::Cancelled);
    // The running Work handler sees the cancel at its next checkpoint, within milliseconds.
    QTRY_COMPARE_WITH_TIMEOUT(engine.job(id)->activationsPending, quint64(0), 1000);
    QVERIFY(timer.elapsed() < 1000);
    // The handler that was running when the cancel came ends after it, marked cancelled.
    const QVector<Event> trace = engine.trace(id);
    const auto cancelled = std::find_if(trace.begin(), trace.end(), [](const Event &e) {
        return e.type == EventType::JobCancelled;
    });
    QVERIFY(cancelled != trace.end());
    for (auto it = cancelled + 1; it != trace.end(); ++it) {
        QCOMPARE(it->type, EventType::RoutineEnded);
        QCOMPARE(it->status, EventStatus::Cancelled);
    }
}

void TestEngine::cancelWhilePaused()
{
    EngineConfig config;
    config.workers = 1;
    Engine engine(config);
    QVERIFY(engine.addFlowJson(workChain(QStringLiteral("slow"), 3, 500), {}).ok());
    QVERIFY(engine.addFlowJson(workChain(QStringLiteral("quick"), 2, 10), {}).ok());
    const JobId slow = startOrFail(engine, QStringLiteral("slow"));
    QTest::qWait(50);
    QVERIFY(engine.pauseJob(slow).ok());
    // A paused job stops at once when cancelled, without a resume...
    QVERIFY(engine.cancelJob(slow).ok());
    QCOMPARE(statusOf(engine, slow), JobStatus::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(engine.job(slow)->activationsPending, quint64(0), 1000);
    // ...and its only agent is free again for other work.
    const JobId quick = startOrFail(engine, QStringLiteral("quick"));
    QVERIFY(engine.waitForJob(quick, 5000));
    QCOMPARE(statusOf(engine, quick), JobStatus::Completed);
}

void TestEngine::progressIsReported()
{
    Engine engine;
    const QByteArray flow = R"({"flow_id": "p", "routines": {"w": {"class": "flowscope.Work",
        "config": {"duration_ms": 200, "steps": 4, "job_progress": true}}}})";
    QVERIFY(engine.addFlowJson(flow, {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("p"));
    QVERIFY(engine.waitForJob(id, 5000));
    QList<double> progress;
    for (const Event &e : engine.trace(id)) {
        if (e.type == EventType::Progress)
            progress << e.payload.toMap().value(QStringLiteral("progress")).toDouble();
    }
    QCOMPARE(progress, (QList<double>{0.25, 0.5, 0.75, 1.0}));
    QCOMPARE(engine.job(id)->progress, 1.0);
}

void TestEngine::jobsAreIsolated()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(workChain(QStringLiteral("slow"), 2, 300), {}).ok());
    QVERIFY(engine.addFlowJson(fanJoinFlow(), {}).ok());
    const JobId a = startOrFail(engine, QStringLiteral("slow"));
    const JobId b = startOrFail(engine, QStringLiteral("slow"));
    QTest::qWait(50);
    QVERIFY(engine.pauseJob(a).ok());
    QVERIFY(engine.waitForJob(b, 5000)); // the other job of the same flow runs on
    QCOMPARE(statusOf(engine, b), JobStatus::Completed);
    QCOMPARE(statusOf(engine, a), JobStatus::Paused);
    QVERIFY(engine.cancelJob(a).ok());

    // Two joins at once keep separate state.
    const JobId x = startOrFail(engine, QStringLiteral("fanjoin"), {{QStringLiteral("n"), 3}});
    const JobId y = startOrFail(engine, QStringLiteral("fanjoin"), {{QStringLiteral("n"), 7}});
    QVERIFY(engine.waitForJob(x, 5000) && engine.waitForJob(y, 5000));
    QCOMPARE(engine.job(x)
                 ->variables.value(QStringLiteral("result"))
                 .toMap()
                 .value(QStringLiteral("items"))
                 .toList()
                 .size(),
             3);
    QCOMPARE(engine.job(y)
                 ->variables.value(QStringLiteral("result"))
                 .toMap()
                 .value(QStringLiteral("items"))
                 .toList()
                 .size(),
             7);
}

void TestEngine::namedAgentsRunTheirRoutines()
{
    Engine engine;
    registerTestRoutines(engine);
    const QByteArray flow = R"({"flow_id": "bound", "entry": "a.in",
        "routines": {"a": {"class": "test.Path", "agent": "planner"},
                     "b": {"class": "test.Path", "agent": "probe-sql"},
                     "c": {"class": "test.Path"}},
        "connections": [{"from": "a.out", "to": "b.in"}, {"from": "b.out", "to": "c.in"}]})";
    QVERIFY(engine.addFlowJson(flow, {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("bound"));
    QVERIFY(engine.waitForJob(id, 5000));
    QHash<QString, QString> agentOf;
    for (const Event &e : engine.trace(id)) {
        if (e.type == EventType::RoutineStarted)
            agentOf.insert(e.routine.toString(), e.agent.toString());
    }
    QCOMPARE(agentOf.value(QStringLiteral("a")), QStringLiteral("planner"));
    QCOMPARE(agentOf.value(QStringLiteral("b")), QStringLiteral("probe-sql"));
    QVERIFY(agentOf.value(QStringLiteral("c")).startsWith(QStringLiteral("worker-")));
    QStringList names;
    for (const AgentInfo &agent : engine.agents())
        names << agent.name;
    QVERIFY(names.contains(QStringLiteral("planner"))
            && names.contains(QStringLiteral("probe-sql")));
}

void TestEngine::timeoutFailsTheJob()
{
    Engine engine;
    const QByteArray flow = R"({"flow_id": "t", "execution": {"timeout": 0.2},
        "routines": {"w": {"class": "flowscope.Work", "config": {"duration_ms": 5000}}}})";
    QVERIFY(engine.addFlowJson(flow, {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("t"));
    QVERIFY(engine.waitForJob(id, 3000));
    QCOMPARE(statusOf(engine, id), JobStatus::Failed);
    QVERIFY2(engine.job(id)->error.contains(QStringLiteral("timed out")),
             qPrintable(engine.job(id)->error));
}

void TestEngine::finishedJobsLeaveMemory()
{
    EngineConfig config;
    config.maxFinishedJobs = 3;
    Engine engine(config);
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("c"), 2), {}).ok());
    QVector<JobId> ids;
    for (int i = 0; i < 5; ++i) {
        ids << startOrFail(engine, QStringLiteral("c"));
        QVERIFY(engine.waitForJob(ids.last(), 5000));
    }
    quint64 version = 0;
    engine.jobsChangedSince(0, &version);
    engine.applyRetention();
    QCOMPARE(engine.jobs().size(), 3);
    QVERIFY(!engine.job(ids[0]) && !engine.job(ids[1]));
    QVERIFY(engine.job(ids[4]));
    int removed = 0;
    for (const JobInfo &info : engine.jobsChangedSince(version, nullptr))
        removed += info.removed ? 1 : 0;
    QCOMPARE(removed, 2);
}

void TestEngine::tenThousandJobsStayBounded()
{
    // The engine this replaces kept every job forever (314 MB after 10,000 jobs).
    EngineConfig config;
    config.maxFinishedJobs = 100;
    Engine engine(config);
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("c"), 2), {}).ok());
    QVector<JobId> ids;
    for (int i = 0; i < 10000; ++i)
        ids << startOrFail(engine, QStringLiteral("c"));
    // Retention runs every second meanwhile: a job already gone has finished.
    for (JobId id : ids)
        QVERIFY(engine.waitForJob(id, 10000) || !engine.job(id));
    engine.applyRetention();
    const QVector<JobInfo> kept = engine.jobs();
    QCOMPARE(kept.size(), 100);
    // The newest are the ones kept.
    QVERIFY(engine.job(ids.last()) && !engine.job(ids.first()));
}

void TestEngine::badRequestsAreRefused()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("c"), 2), {}).ok());
    JobId id;
    JobRequest request;
    request.flowId = QStringLiteral("nope");
    QCOMPARE(engine.startJob(request, &id).kind, Status::Kind::NotFound);
    request.flowId = QStringLiteral("c");
    request.entryRoutine = QStringLiteral("zz");
    QCOMPARE(engine.startJob(request, &id).kind, Status::Kind::Invalid);
    request.entryRoutine = QStringLiteral("r1");
    request.entrySlot = QStringLiteral("nope");
    const Status bad = engine.startJob(request, &id);
    QCOMPARE(bad.kind, Status::Kind::Invalid);
    QVERIFY2(bad.message.contains(QStringLiteral("slots: in")), qPrintable(bad.message));
    request.entrySlot.clear(); // a routine with a single slot needs none named
    QVERIFY(engine.startJob(request, &id).ok());
    QCOMPARE(engine.pauseJob(JobId(42)).kind, Status::Kind::NotFound);
    const Status broken = engine.addFlowJson("{\"flow_id\": 1}", QStringLiteral("x.json"));
    QCOMPARE(broken.kind, Status::Kind::Invalid);
    QVERIFY(broken.message.startsWith(QStringLiteral("x.json: field 'flow_id'")));
}

void TestEngine::controlConflictsAreReported()
{
    Engine engine;
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("c"), 1), {}).ok());
    const JobId id = startOrFail(engine, QStringLiteral("c"));
    QVERIFY(engine.waitForJob(id, 5000));
    QCOMPARE(engine.pauseJob(id).kind, Status::Kind::Conflict);
    QCOMPARE(engine.resumeJob(id).kind, Status::Kind::Conflict);
    const Status cancel = engine.cancelJob(id);
    QCOMPARE(cancel.kind, Status::Kind::Conflict);
    QVERIFY(cancel.message.contains(QStringLiteral("already completed")));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
