#include "testflows.h"

#include <QtTest>

using namespace flowscope;
using namespace flowscope::testing;

class TestScriptRoutine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handlerComputesAndEmits();
    void variablesPersistPerJob();
    void exceptionFailsWithLine();
    void noFileOrNetworkAccess();
    void undeclaredEventFails();
    void cancelStopsARunawayHandler();
    void handlerThatRunsAtLoadIsRefused();

private:
    static QByteArray scriptFlow(const QString &handler,
                                 const QString &events = QStringLiteral("[\"out\"]"))
    {
        const QJsonObject config{
            {QStringLiteral("handler"), handler},
            {QStringLiteral("events"), QJsonDocument::fromJson(events.toUtf8()).array()}};
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("flow_id"), QStringLiteral("s")},
                               {QStringLiteral("entry"), QStringLiteral("js.in")},
                               {QStringLiteral("routines"),
                                QJsonObject{{QStringLiteral("js"),
                                             QJsonObject{{QStringLiteral("class"),
                                                          QStringLiteral("flowscope.Script")},
                                                         {QStringLiteral("config"), config}}},
                                            {QStringLiteral("sink"),
                                             QJsonObject{{QStringLiteral("class"),
                                                          QStringLiteral("test.Result")}}}}},
                               {QStringLiteral("connections"),
                                QJsonArray{QJsonObject{
                                    {QStringLiteral("from"), QStringLiteral("js.out")},
                                    {QStringLiteral("to"), QStringLiteral("sink.in")}}}}})
            .toJson();
    }

    static JobInfo run(Engine &engine, const QString &handler, const QVariantMap &params = {})
    {
        engine.removeFlow(QStringLiteral("s"));
        const Status added = engine.addFlowJson(scriptFlow(handler), {});
        if (!added.ok())
            qFatal("%s", qPrintable(added.message));
        const JobId id = startOrFail(engine, QStringLiteral("s"), params);
        if (!engine.waitForJob(id, 10000))
            qFatal("job did not finish");
        return *engine.job(id);
    }
};

void TestScriptRoutine::handlerComputesAndEmits()
{
    Engine engine;
    registerTestRoutines(engine);
    const JobInfo job
        = run(engine,
              QStringLiteral("function (data, ctx, slot) { ctx.setJob('seen', slot + ':' + "
                             "ctx.routine + ':' + ctx.agent.length);"
                             " ctx.emit('out', { doubled: data.x * 2, list: [1, 2, 3] }); }"),
              {{QStringLiteral("x"), 21}});
    QCOMPARE(job.status, JobStatus::Completed);
    const QVariantMap result = job.variables.value(QStringLiteral("result")).toMap();
    QCOMPARE(result.value(QStringLiteral("doubled")).toInt(), 42);
    QCOMPARE(result.value(QStringLiteral("list")).toList().size(), 3);
    QVERIFY(job.variables.value(QStringLiteral("seen"))
                .toString()
                .startsWith(QStringLiteral("in:js:")));
}

void TestScriptRoutine::variablesPersistPerJob()
{
    Engine engine;
    registerTestRoutines(engine);
    const QString handler
        = QStringLiteral("function (d, ctx) { var n = ctx.add('n', 5); ctx.set('name', 'x'); "
                         "ctx.emit('out', { n: n, name: ctx.get('name', '') }); }");
    const JobInfo first = run(engine, handler);
    const JobInfo second = run(engine, handler);
    // Each job starts with fresh routine variables.
    QCOMPARE(
        first.variables.value(QStringLiteral("result")).toMap().value(QStringLiteral("n")).toInt(),
        5);
    QCOMPARE(
        second.variables.value(QStringLiteral("result")).toMap().value(QStringLiteral("n")).toInt(),
        5);
    QCOMPARE(second.variables.value(QStringLiteral("result"))
                 .toMap()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("x"));
}

void TestScriptRoutine::exceptionFailsWithLine()
{
    Engine engine;
    registerTestRoutines(engine);
    const JobInfo job = run(
        engine, QStringLiteral("function (d, ctx) {\n  var a = 1;\n  undefinedThing.call();\n}"));
    QCOMPARE(job.status, JobStatus::Failed);
    QVERIFY2(job.error.contains(QStringLiteral("ReferenceError")), qPrintable(job.error));
    QVERIFY2(job.error.contains(QStringLiteral("line 3")), qPrintable(job.error));
}

void TestScriptRoutine::noFileOrNetworkAccess()
{
    Engine engine;
    registerTestRoutines(engine);
    const JobInfo job
        = run(engine,
              QStringLiteral(
                  "function (d, ctx) { ctx.emit('out', { xhr: typeof XMLHttpRequest, qt: typeof Qt,"
                  " require: typeof require, fetch: typeof fetch, include: typeof include }); }"));
    QCOMPARE(job.status, JobStatus::Completed);
    const QVariantMap result = job.variables.value(QStringLiteral("result")).toMap();
    for (const QString &api :
         {QStringLiteral("xhr"), QStringLiteral("qt"), QStringLiteral("require"),
          QStringLiteral("fetch"), QStringLiteral("include")})
        QCOMPARE(result.value(api).toString(), QStringLiteral("undefined"));
}

void TestScriptRoutine::undeclaredEventFails()
{
    Engine engine;
    registerTestRoutines(engine);
    const JobInfo job
        = run(engine, QStringLiteral("function (d, ctx) { ctx.emit('elsewhere', 1); }"));
    QCOMPARE(job.status, JobStatus::Failed);
    QVERIFY2(job.error.contains(QStringLiteral("'elsewhere'")), qPrintable(job.error));
}

void TestScriptRoutine::cancelStopsARunawayHandler()
{
    EngineConfig config;
    config.workers = 1;
    Engine engine(config);
    registerTestRoutines(engine);
    QVERIFY(engine.addFlowJson(scriptFlow(QStringLiteral("function (d, ctx) { for (;;) {} }")), {})
                .ok());
    const JobId id = startOrFail(engine, QStringLiteral("s"));
    QTRY_VERIFY_WITH_TIMEOUT(engine.agents().first().state == AgentState::Busy, 2000);
    QVERIFY(engine.cancelJob(id).ok());
    // The only agent is free again: the loop was interrupted, not waited for.
    QTRY_COMPARE_WITH_TIMEOUT(engine.agents().first().state, AgentState::Idle, 2000);
    QCOMPARE(statusOf(engine, id), JobStatus::Cancelled);
    QVERIFY(engine.job(id)->error.isEmpty());
    QVERIFY(engine
                .addFlowJson(scriptFlow(QStringLiteral("function (d, ctx) { ctx.emit('out', 1); }"))
                                 .replace("\"s\"", "\"t\""),
                             {})
                .ok());
    const JobId next = startOrFail(engine, QStringLiteral("t"));
    QVERIFY(engine.waitForJob(next, 5000));
    QVERIFY2(statusOf(engine, next) == JobStatus::Completed, qPrintable(engine.job(next)->error));
}

void TestScriptRoutine::handlerThatRunsAtLoadIsRefused()
{
    Engine engine;
    registerTestRoutines(engine);
    QElapsedTimer timer;
    timer.start();
    const Status status = engine.addFlowJson(
        scriptFlow(QStringLiteral("(function () { for (;;) {} })()")), QStringLiteral("loop.json"));
    QCOMPARE(status.kind, Status::Kind::Invalid);
    QVERIFY2(status.message.contains(QStringLiteral("within 1 s")), qPrintable(status.message));
    QVERIFY(timer.elapsed() < 3000);
}

QTEST_GUILESS_MAIN(TestScriptRoutine)
#include "tst_scriptroutine.moc"
