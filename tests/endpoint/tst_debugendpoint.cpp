// The debugger over the endpoint's REST routes, on real loopback sockets: breakpoints of jobs and
// flows, the session, stepping (both spellings of the step routes), frames, variables, evaluate.
#include "debugfixture.h"

#include <QSignalSpy>

#include <algorithm>

using namespace flowscope;
using namespace EndpointTest;

class TestDebugEndpoint : public QObject
{
    Q_OBJECT

private:
    DebugFixture m_fixture;
    HttpResult get(const QString &path) { return m_fixture.get(path); }
    HttpResult post(const QString &path, const QJsonObject &body = {})
    {
        return m_fixture.post(path, body);
    }
    QString flowBreakpoint(const QString &routine) { return m_fixture.flowBreakpoint(routine); }
    QJsonObject waitStopped(const QString &job) { return m_fixture.waitStopped(job); }
    QJsonObject jobVariables(const QString &job) { return m_fixture.jobVariables(job); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.setUpDebug(&error), qPrintable(error));
    }
    void cleanup() { m_fixture.reset(); }
    void cleanupTestCase() { m_fixture.tearDown(); }

    void flowBreakpointStopsAndShowsFrames();
    void settingAVariableChangesTheResult();
    void stepRoutesInBothSpellings();
    void jobBreakpointOnARunningJob();
    void pauseAndConflicts();
    void badRequestsAndUnknownThings();
    void disableAndDeleteBreakpoints();
};

void TestDebugEndpoint::flowBreakpointStopsAndShowsFrames()
{
    const HttpResult created = post(QStringLiteral("/api/flows/dchain/breakpoints"),
                                    {{QStringLiteral("type"), QStringLiteral("routine")},
                                     {QStringLiteral("routine_id"), QStringLiteral("b")}});
    QCOMPARE(created.status, 201);
    const QJsonObject bp = created.json;
    const QString bpId = bp.value(QStringLiteral("breakpoint_id")).toString();
    QVERIFY(!bpId.isEmpty());
    QCOMPARE(bp.value(QStringLiteral("type")).toString(), QStringLiteral("routine"));
    QCOMPARE(bp.value(QStringLiteral("routine_id")).toString(), QStringLiteral("b"));
    QCOMPARE(bp.value(QStringLiteral("flow_id")).toString(), QStringLiteral("dchain"));
    QVERIFY(bp.value(QStringLiteral("job_id")).isNull());
    QVERIFY(bp.value(QStringLiteral("enabled")).toBool());
    QCOMPARE(bp.value(QStringLiteral("hit_count")).toInt(), 0);
    QVERIFY(bp.contains(QStringLiteral("condition")) && bp.contains(QStringLiteral("last_error")));
    const HttpResult listed = get(QStringLiteral("/api/flows/dchain/breakpoints"));
    QCOMPARE(listed.status, 200);
    QCOMPARE(listed.json.value(QStringLiteral("total")).toInt(), 1);

    const QString job = m_fixture.startJob(QStringLiteral("dchain"));
    const QJsonObject session = waitStopped(job);
    QVERIFY2(!session.isEmpty(), "the job did not stop");
    QCOMPARE(session.value(QStringLiteral("job_id")).toString(), job);
    QCOMPARE(session.value(QStringLiteral("flow_id")).toString(), QStringLiteral("dchain"));
    QCOMPARE(session.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
    QVERIFY(session.value(QStringLiteral("paused")).toBool());
    QCOMPARE(session.value(QStringLiteral("reason")).toString(), QStringLiteral("breakpoint"));
    QCOMPARE(session.value(QStringLiteral("breakpoint_id")).toString(), bpId);
    QCOMPARE(session.value(QStringLiteral("routine_id")).toString(), QStringLiteral("b"));
    QCOMPARE(session.value(QStringLiteral("slot")).toString(), QStringLiteral("in"));
    QVERIFY(session.value(QStringLiteral("activation_id")).toDouble() > 0);

    // The job's list holds its flow's breakpoint, counted once.
    const HttpResult jobList = get(QStringLiteral("/api/jobs/%1/breakpoints").arg(job));
    QCOMPARE(jobList.status, 200);
    QCOMPARE(jobList.json.value(QStringLiteral("total")).toInt(), 1);
    const QJsonObject listedBp
        = jobList.json.value(QStringLiteral("breakpoints")).toArray().first().toObject();
    QCOMPARE(listedBp.value(QStringLiteral("breakpoint_id")).toString(), bpId);
    QCOMPARE(listedBp.value(QStringLiteral("hit_count")).toInt(), 1);

    const HttpResult stack = get(QStringLiteral("/api/jobs/%1/debug/call-stack").arg(job));
    QCOMPARE(stack.status, 200);
    const QJsonArray frames = stack.json.value(QStringLiteral("frames")).toArray();
    QCOMPARE(stack.json.value(QStringLiteral("total")).toInt(), 2);
    QCOMPARE(routinesOf(frames), (QStringList{"b", "a"}));
    const QJsonObject f0 = frames.at(0).toObject();
    const QJsonObject f1 = frames.at(1).toObject();
    QCOMPARE(f0.value(QStringLiteral("index")).toInt(), 0);
    QCOMPARE(f1.value(QStringLiteral("index")).toInt(), 1);
    QCOMPARE(f0.value(QStringLiteral("activation_id")),
             session.value(QStringLiteral("activation_id")));
    QCOMPARE(f0.value(QStringLiteral("parent_activation_id")),
             f1.value(QStringLiteral("activation_id")));
    QVERIFY(f1.value(QStringLiteral("parent_activation_id")).isNull());
    QCOMPARE(f0.value(QStringLiteral("data")).toObject().value(QStringLiteral("n")).toInt(), 1);
    QCOMPARE(f0.value(QStringLiteral("slot")).toString(), QStringLiteral("in"));
    QVERIFY(f0.value(QStringLiteral("known")).toBool());

    const HttpResult vars = get(QStringLiteral("/api/jobs/%1/debug/variables").arg(job));
    QCOMPARE(vars.status, 200);
    QCOMPARE(vars.json.value(QStringLiteral("job_id")).toString(), job);
    QCOMPARE(vars.json.value(QStringLiteral("frame")).toInt(), 0);
    QCOMPARE(vars.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("n")).toInt(),
             1);
    QVERIFY(vars.json.value(QStringLiteral("routine_variables")).isObject());
    QVERIFY(vars.json.value(QStringLiteral("job_variables")).isObject());
    const HttpResult vars1 = get(QStringLiteral("/api/jobs/%1/debug/variables?frame=1").arg(job));
    QCOMPARE(vars1.status, 200);
    QCOMPARE(vars1.json.value(QStringLiteral("frame")).toInt(), 1);
    QVERIFY(!vars1.json.value(QStringLiteral("data")).toObject().contains(QStringLiteral("n")));

    const HttpResult eval = post(QStringLiteral("/api/jobs/%1/debug/evaluate").arg(job),
                                 {{QStringLiteral("expression"), QStringLiteral("data.n * 2")}});
    QCOMPARE(eval.status, 200);
    QCOMPARE(eval.json.value(QStringLiteral("result")).toInt(), 2);
    QCOMPARE(eval.json.value(QStringLiteral("type")).toString(), QStringLiteral("number"));
    QVERIFY(eval.json.value(QStringLiteral("error")).isNull());
    const HttpResult inCaller = post(QStringLiteral("/api/jobs/%1/debug/evaluate").arg(job),
                                     {{QStringLiteral("expression"), QStringLiteral("routine")},
                                      {QStringLiteral("frame_index"), 1}});
    QCOMPARE(inCaller.json.value(QStringLiteral("result")).toString(), QStringLiteral("a"));
    const HttpResult thrown
        = post(QStringLiteral("/api/jobs/%1/debug/evaluate").arg(job),
               {{QStringLiteral("expression"), QStringLiteral("nosuch.thing")}});
    QCOMPARE(thrown.status, 200); // the expression failed, not the request
    QCOMPARE(thrown.json.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
    QVERIFY(thrown.json.value(QStringLiteral("error"))
                .toString()
                .contains(QStringLiteral("ReferenceError")));

    const HttpResult resumed = post(QStringLiteral("/api/jobs/%1/debug/resume").arg(job));
    QCOMPARE(resumed.status, 200);
    QCOMPARE(resumed.json.value(QStringLiteral("job_id")).toString(), job);
    QVERIFY(!resumed.json.value(QStringLiteral("stopped")).toBool());
    QVERIFY(m_fixture.waitForStatus(job, QStringLiteral("completed")));
    QCOMPARE(jobVariables(job).value(QStringLiteral("result")).toInt(), 10);
    // The session still answers for a finished job: it tells the state.
    const HttpResult after = get(QStringLiteral("/api/jobs/%1/debug/session").arg(job));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QVERIFY(!after.json.value(QStringLiteral("paused")).toBool());
    QVERIFY(!after.json.value(QStringLiteral("stopped")).toBool());
}

void TestDebugEndpoint::settingAVariableChangesTheResult()
{
    QVERIFY(!flowBreakpoint(QStringLiteral("b")).isEmpty());
    const QString job = m_fixture.startJob(QStringLiteral("dchain"));
    QVERIFY(!waitStopped(job).isEmpty());
    const HttpResult set = m_fixture.request(
        "PUT", QStringLiteral("/api/jobs/%1/debug/variables/n").arg(job),
        json({{QStringLiteral("value"), 7}, {QStringLiteral("scope"), "data"}}));
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("n")).toInt(),
             7);
    const HttpResult setJob = m_fixture.request(
        "PUT", QStringLiteral("/api/jobs/%1/debug/variables/note").arg(job),
        json({{QStringLiteral("value"), "hi"}, {QStringLiteral("scope"), "job"}}));
    QCOMPARE(setJob.status, 200);
    QCOMPARE(setJob.json.value(QStringLiteral("job_variables"))
                 .toObject()
                 .value(QStringLiteral("note"))
                 .toString(),
             QStringLiteral("hi"));
    // No scope and no such name anywhere: 404 from the engine.
    const HttpResult missing
        = m_fixture.request("PUT", QStringLiteral("/api/jobs/%1/debug/variables/nothing").arg(job),
                            json({{QStringLiteral("value"), 1}}));
    verifyErrorEnvelope(missing, 404);
    QCOMPARE(post(QStringLiteral("/api/jobs/%1/debug/resume").arg(job)).status, 200);
    QVERIFY(m_fixture.waitForStatus(job, QStringLiteral("completed")));
    const QJsonObject vars = jobVariables(job);
    QCOMPARE(vars.value(QStringLiteral("result")).toInt(), 70);
    QCOMPARE(vars.value(QStringLiteral("note")).toString(), QStringLiteral("hi"));
    QVERIFY(vars.value(QStringLiteral("done")).toBool());
}

void TestDebugEndpoint::stepRoutesInBothSpellings()
{
    QVERIFY(!flowBreakpoint(QStringLiteral("a")).isEmpty());
    const auto stoppedAt = [this](const QString &job) {
        return waitStopped(job).value(QStringLiteral("routine_id")).toString();
    };
    // Into a, then into b (both spellings): the job stops at each child.
    for (const QString &into : {QStringLiteral("step-into"), QStringLiteral("step_into")}) {
        const QString job = m_fixture.startJob(QStringLiteral("dchain"));
        QCOMPARE(stoppedAt(job), QStringLiteral("a"));
        const HttpResult stepped = post(QStringLiteral("/api/jobs/%1/debug/%2").arg(job, into));
        QCOMPARE(stepped.status, 200);
        QCOMPARE(stepped.json.value(QStringLiteral("job_id")).toString(), job);
        QVERIFY(stepped.json.contains(QStringLiteral("status")));
        const QJsonObject atB = waitStopped(job);
        QCOMPARE(atB.value(QStringLiteral("routine_id")).toString(), QStringLiteral("b"));
        QCOMPARE(atB.value(QStringLiteral("reason")).toString(), QStringLiteral("step"));
        QCOMPARE(post(QStringLiteral("/api/jobs/%1/debug/%2").arg(job, into)).status, 200);
        QCOMPARE(stoppedAt(job), QStringLiteral("c"));
        QCOMPARE(post(QStringLiteral("/api/jobs/%1/debug/resume").arg(job)).status, 200);
        QVERIFY(m_fixture.waitForStatus(job, QStringLiteral("completed")));
    }
    // Over a: a's subtree (b and c) runs and nothing is left, so the job completes.
    for (const QString &over : {QStringLiteral("step-over"), QStringLiteral("step_over")}) {
        const QString job = m_fixture.startJob(QStringLiteral("dchain"));
        QCOMPARE(stoppedAt(job), QStringLiteral("a"));
        QCOMPARE(post(QStringLiteral("/api/jobs/%1/debug/%2").arg(job, over)).status, 200);
        QVERIFY2(m_fixture.waitForStatus(job, QStringLiteral("completed")), qPrintable(over));
        QCOMPARE(jobVariables(job).value(QStringLiteral("result")).toInt(), 10);
    }
    // Out of b: its caller a's subtree finishes, and the job with it.
    for (const QString &out : {QStringLiteral("step-out"), QStringLiteral("step_out")}) {
        const QString job = m_fixture.startJob(QStringLiteral("dchain"));
        QCOMPARE(stoppedAt(job), QStringLiteral("a"));
        QCOMPARE(post(QStringLiteral("/api/jobs/%1/debug/step-into").arg(job)).status, 200);
        QCOMPARE(stoppedAt(job), QStringLiteral("b"));
        QCOMPARE(post(QStringLiteral("/api/jobs/%1/debug/%2").arg(job, out)).status, 200);
        QVERIFY2(m_fixture.waitForStatus(job, QStringLiteral("completed")), qPrintable(out));
        QVERIFY(jobVariables(job).value(QStringLiteral("done")).toBool());
    }
}

void TestDebugEndpoint::jobBreakpointOnARunningJob()
{
    // slow: a -> b -> c -> d, 600 ms each, so c is far enough ahead to set a breakpoint on.
    const QString job = m_fixture.startJob(QStringLiteral("slow"));
    const QString other = m_fixture.startJob(QStringLiteral("slow"));
    const HttpResult created = post(QStringLiteral("/api/jobs/%1/breakpoints").arg(job),
                                    {{QStringLiteral("type"), QStringLiteral("slot")},
                                     {QStringLiteral("routine_id"), QStringLiteral("c")},
                                     {QStringLiteral("slot_name"), QStringLiteral("in")}});
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value(QStringLiteral("job_id")).toString(), job);
    QCOMPARE(created.json.value(QStringLiteral("flow_id")).toString(), QStringLiteral("slow"));
    QCOMPARE(created.json.value(QStringLiteral("type")).toString(), QStringLiteral("slot"));
    QCOMPARE(created.json.value(QStringLiteral("slot_name")).toString(), QStringLiteral("in"));
    const QString bpId = created.json.value(QStringLiteral("breakpoint_id")).toString();
    QCOMPARE(get(QStringLiteral("/api/jobs/%1/breakpoints").arg(job))
                 .json.value(QStringLiteral("total"))
                 .toInt(),
             1);
    // Scoped to the job: neither the other job nor the flow lists it.
    QCOMPARE(get(QStringLiteral("/api/jobs/%1/breakpoints").arg(other))
                 .json.value(QStringLiteral("total"))
                 .toInt(),
             0);
    QCOMPARE(get(QStringLiteral("/api/flows/slow/breakpoints"))
                 .json.value(QStringLiteral("total"))
                 .toInt(),
             0);
    verifyErrorEnvelope(
        m_fixture.request("DELETE", QStringLiteral("/api/jobs/%1/breakpoints/%2").arg(other, bpId)),
        404);

    const QJsonObject session = waitStopped(job);
    QCOMPARE(session.value(QStringLiteral("routine_id")).toString(), QStringLiteral("c"));
    QCOMPARE(session.value(QStringLiteral("breakpoint_id")).toString(), bpId);
    QCOMPARE(get(QStringLiteral("/api/jobs/%1/debug/call-stack").arg(job))
                 .json.value(QStringLiteral("total"))
                 .toInt(),
             3);
    const HttpResult removed
        = m_fixture.request("DELETE", QStringLiteral("/api/jobs/%1/breakpoints/%2").arg(job, bpId));
    QCOMPARE(removed.status, 200);
    QVERIFY(removed.json.value(QStringLiteral("deleted")).toBool());
    QCOMPARE(removed.json.value(QStringLiteral("breakpoint_id")).toString(), bpId);
    QCOMPARE(post(QStringLiteral("/api/jobs/%1/debug/resume").arg(job)).status, 200);
    QVERIFY(m_fixture.waitForStatus(other, QStringLiteral("completed")));
    QVERIFY(m_fixture.waitForStatus(job, QStringLiteral("completed")));
}

void TestDebugEndpoint::pauseAndConflicts()
{
    const QString job = m_fixture.startJob(QStringLiteral("slow"));
    QVERIFY(!job.isEmpty());
    // Running: nothing to inspect or step, and nothing to continue.
    const QString base = QStringLiteral("/api/jobs/%1/debug/").arg(job);
    const HttpResult stack = get(base + QStringLiteral("call-stack"));
    verifyErrorEnvelope(stack, 409);
    QVERIFY2(
        stack.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("running")),
        stack.raw.constData());
    verifyErrorEnvelope(get(base + QStringLiteral("variables")), 409);
    verifyErrorEnvelope(post(base + QStringLiteral("evaluate"), {{"expression", "1"}}), 409);
    verifyErrorEnvelope(post(base + QStringLiteral("step-over")), 409);
    verifyErrorEnvelope(post(base + QStringLiteral("step_into")), 409);
    verifyErrorEnvelope(post(base + QStringLiteral("resume")), 409);
    verifyErrorEnvelope(m_fixture.request("PUT", base + QStringLiteral("variables/x"),
                                          json({{QStringLiteral("value"), 1}})),
                        409);
    const HttpResult running = get(base + QStringLiteral("session"));
    QCOMPARE(running.status, 200);
    QCOMPARE(running.json.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QVERIFY(!running.json.value(QStringLiteral("stopped")).toBool());

    // Pause stops the job before its next activation: then it can be inspected.
    const HttpResult paused = post(base + QStringLiteral("pause"));
    QCOMPARE(paused.status, 200);
    QVERIFY(paused.json.value(QStringLiteral("paused")).toBool());
    verifyErrorEnvelope(post(base + QStringLiteral("pause")), 409);
    // The running Work handler waits in its checkpoint: paused, but not stopped before an
    // activation, so there are no frames to show yet.
    const HttpResult session = get(base + QStringLiteral("session"));
    QCOMPARE(session.json.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
    QCOMPARE(session.json.value(QStringLiteral("reason")).toString(), QStringLiteral("pause"));
    QVERIFY(!session.json.value(QStringLiteral("stopped")).toBool());
    const HttpResult pausedStack = get(base + QStringLiteral("call-stack"));
    verifyErrorEnvelope(pausedStack, 409);
    QVERIFY2(pausedStack.json.value(QStringLiteral("detail"))
                 .toString()
                 .contains(QStringLiteral("not stopped")),
             pausedStack.raw.constData());
    QCOMPARE(post(base + QStringLiteral("resume")).status, 200);
    QVERIFY(m_fixture.waitForStatus(job, QStringLiteral("completed")));

    // Completed: 409 as well.
    verifyErrorEnvelope(post(base + QStringLiteral("step_over")), 409);
    const HttpResult done = get(base + QStringLiteral("call-stack"));
    verifyErrorEnvelope(done, 409);
    QVERIFY2(
        done.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("completed")),
        done.raw.constData());
}

void TestDebugEndpoint::badRequestsAndUnknownThings()
{
    const QString flowBps = QStringLiteral("/api/flows/dchain/breakpoints");
    const HttpResult badCondition
        = post(flowBps, {{QStringLiteral("routine_id"), QStringLiteral("b")},
                         {QStringLiteral("condition"), QStringLiteral("data.n ==")}});
    verifyErrorEnvelope(badCondition, 400);
    QVERIFY2(badCondition.json.value(QStringLiteral("detail"))
                 .toString()
                 .contains(QStringLiteral("SyntaxError")),
             badCondition.raw.constData());
    const auto detailOf = [&](const QJsonObject &body) {
        const HttpResult r = post(flowBps, body);
        verifyErrorEnvelope(r, 400);
        return r.json.value(QStringLiteral("detail")).toString();
    };
    QVERIFY(detailOf({{QStringLiteral("type"), QStringLiteral("line")},
                      {QStringLiteral("routine_id"), QStringLiteral("b")}})
                .startsWith(QStringLiteral("type:")));
    QVERIFY(detailOf({{QStringLiteral("type"), QStringLiteral("routine")}})
                .startsWith(QStringLiteral("routine_id:")));
    QVERIFY(detailOf({{QStringLiteral("type"), QStringLiteral("slot")},
                      {QStringLiteral("routine_id"), QStringLiteral("b")}})
                .startsWith(QStringLiteral("slot_name:")));
    QVERIFY(detailOf({{QStringLiteral("routine_id"), QStringLiteral("zz")}})
                .contains(QStringLiteral("no routine 'zz'")));
    QVERIFY(detailOf({{QStringLiteral("routine_id"), QStringLiteral("b")},
                      {QStringLiteral("hit_condition"), QStringLiteral("sometimes")}})
                .length()
            > 0);
    QVERIFY(detailOf({{QStringLiteral("routine_id"), QStringLiteral("b")},
                      {QStringLiteral("enabled"), QStringLiteral("yes")}})
                .startsWith(QStringLiteral("enabled:")));
    const HttpResult notJson = m_fixture.request("POST", flowBps, "{\"routine_id\":");
    verifyErrorEnvelope(notJson, 400);
    QVERIFY(
        notJson.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("JSON")));
    QCOMPARE(get(flowBps).json.value(QStringLiteral("total")).toInt(), 0); // nothing was added

    // Unknown job, flow and breakpoint: 404.
    const QString bpId = flowBreakpoint(QStringLiteral("b"));
    verifyErrorEnvelope(get(QStringLiteral("/api/jobs/zz/debug/session")), 404);
    verifyErrorEnvelope(get(QStringLiteral("/api/jobs/zz/breakpoints")), 404);
    verifyErrorEnvelope(post(QStringLiteral("/api/jobs/zz/breakpoints"),
                             {{QStringLiteral("routine_id"), QStringLiteral("b")}}),
                        404);
    verifyErrorEnvelope(get(QStringLiteral("/api/jobs/zz/debug/call-stack")), 404);
    verifyErrorEnvelope(post(QStringLiteral("/api/jobs/zz/debug/step_over")), 404);
    verifyErrorEnvelope(post(QStringLiteral("/api/jobs/zz/debug/evaluate"), {{"expression", "1"}}),
                        404);
    verifyErrorEnvelope(get(QStringLiteral("/api/flows/nope/breakpoints")), 404);
    verifyErrorEnvelope(post(QStringLiteral("/api/flows/nope/breakpoints"),
                             {{QStringLiteral("routine_id"), QStringLiteral("b")}}),
                        404);
    verifyErrorEnvelope(m_fixture.request("PUT", flowBps + QStringLiteral("/bp-999?enabled=false")),
                        404);
    verifyErrorEnvelope(m_fixture.request("DELETE", flowBps + QStringLiteral("/bp-999")), 404);
    verifyErrorEnvelope(
        m_fixture.request("DELETE", QStringLiteral("/api/flows/slow/breakpoints/") + bpId),
        404); // another flow's

    // Malformed queries and bodies on a stopped job: 400 saying what.
    const QString job = m_fixture.startJob(QStringLiteral("dchain"));
    QVERIFY(!waitStopped(job).isEmpty());
    const QString base = QStringLiteral("/api/jobs/%1/debug/").arg(job);
    verifyErrorEnvelope(get(base + QStringLiteral("variables?frame=-1")), 400);
    verifyErrorEnvelope(get(base + QStringLiteral("variables?frame=9")), 400);
    verifyErrorEnvelope(m_fixture.request("PUT", base + QStringLiteral("variables/n"),
                                          json({{QStringLiteral("scope"), "data"}})),
                        400);
    verifyErrorEnvelope(m_fixture.request("PUT", base + QStringLiteral("variables/n"),
                                          json({{QStringLiteral("value"), 1},
                                                {QStringLiteral("scope"), "global"}})),
                        400);
    verifyErrorEnvelope(post(base + QStringLiteral("evaluate"), {{"frame_index", 0}}), 400);
    verifyErrorEnvelope(
        post(base + QStringLiteral("evaluate"), {{"expression", "1"}, {"frame_index", "x"}}), 400);
    verifyErrorEnvelope(m_fixture.request("PUT", flowBps + QStringLiteral("/") + bpId), 400);
    verifyErrorEnvelope(
        m_fixture.request("PUT", flowBps + QStringLiteral("/%1?enabled=maybe").arg(bpId)), 400);

    // Wrong methods: 405 with Allow, from the route table.
    const HttpResult wrong = get(base + QStringLiteral("step-over"));
    verifyErrorEnvelope(wrong, 405);
    QCOMPARE(wrong.allow, QByteArray("POST"));
    const HttpResult wrongBp = post(flowBps + QStringLiteral("/") + bpId);
    verifyErrorEnvelope(wrongBp, 405);
    QCOMPARE(wrongBp.allow, QByteArray("DELETE, PUT"));
    QCOMPARE(m_fixture.request("DELETE", base + QStringLiteral("session")).status, 405);
}

void TestDebugEndpoint::disableAndDeleteBreakpoints()
{
    const QString bpId = flowBreakpoint(QStringLiteral("b"));
    const QString path = QStringLiteral("/api/flows/dchain/breakpoints/%1").arg(bpId);
    const HttpResult off = m_fixture.request("PUT", path + QStringLiteral("?enabled=false"));
    QCOMPARE(off.status, 200);
    QCOMPARE(off.json.value(QStringLiteral("breakpoint_id")).toString(), bpId);
    QVERIFY(!off.json.value(QStringLiteral("enabled")).toBool());
    // A new job runs through.
    const QString job = m_fixture.startJob(QStringLiteral("dchain"));
    QVERIFY(m_fixture.waitForStatus(job, QStringLiteral("completed")));
    QCOMPARE(jobVariables(job).value(QStringLiteral("result")).toInt(), 10);

    // Enabled again through a job's route (the job sees its flow's breakpoints).
    const HttpResult on = m_fixture.request(
        "PUT", QStringLiteral("/api/jobs/%1/breakpoints/%2?enabled=true").arg(job, bpId));
    QCOMPARE(on.status, 200);
    QVERIFY(on.json.value(QStringLiteral("enabled")).toBool());
    const QString stopping = m_fixture.startJob(QStringLiteral("dchain"));
    QCOMPARE(waitStopped(stopping).value(QStringLiteral("routine_id")).toString(),
             QStringLiteral("b"));
    QCOMPARE(post(QStringLiteral("/api/jobs/%1/debug/resume").arg(stopping)).status, 200);
    QVERIFY(m_fixture.waitForStatus(stopping, QStringLiteral("completed")));

    const HttpResult deleted = m_fixture.request("DELETE", path);
    QCOMPARE(deleted.status, 200);
    QVERIFY(deleted.json.value(QStringLiteral("deleted")).toBool());
    QCOMPARE(deleted.json.value(QStringLiteral("breakpoint_id")).toString(), bpId);
    QCOMPARE(get(QStringLiteral("/api/flows/dchain/breakpoints"))
                 .json.value(QStringLiteral("total"))
                 .toInt(),
             0);
    verifyErrorEnvelope(m_fixture.request("DELETE", path), 404);
    const QString free = m_fixture.startJob(QStringLiteral("dchain"));
    QVERIFY(m_fixture.waitForStatus(free, QStringLiteral("completed")));
}

QTEST_GUILESS_MAIN(TestDebugEndpoint)
#include "tst_debugendpoint.moc"
