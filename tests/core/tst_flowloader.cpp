#include "flow/flowloader.h"
#include "routines/builtinroutines.h"
#include "runtime/routineregistry.h"

#include <QtTest>

using namespace flowscope;

class TestFlowLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerBuiltinRoutines(m_registry); }
    void acceptsTheDslShape();
    void acceptsRoutiluxLongConnections();
    void infersEntryFromTheOnlySource();
    void refusesBadInput_data();
    void refusesBadInput();
    void reportsJsonSyntaxErrorPosition();
    void roundTripsThroughDsl();

private:
    QVector<FlowIssue> issuesFor(const QByteArray &json)
    {
        QVector<FlowIssue> issues;
        const auto flow = FlowLoader(m_registry).parse(json, QStringLiteral("bad.json"), &issues);
        if (flow)
            return {};
        return issues;
    }
    RoutineRegistry m_registry;
};

void TestFlowLoader::acceptsTheDslShape()
{
    const QByteArray json = R"({
        "flow_id": "f", "entry": "a.in",
        "routines": {
            "a": {"class": "flowscope.Work", "config": {"duration_ms": 10, "steps": 2}, "agent": "worker-x"},
            "b": {"class": "flowscope.FanOut", "config": {"count": "$n"}},
            "c": {"class": "flowscope.Join"}
        },
        "connections": [{"from": "a.out", "to": "b.in"}, {"from": "b.out", "to": "c.in"}],
        "execution": {"max_workers": 4, "timeout": 30},
        "variables": {"n": 3}
    })";
    QVector<FlowIssue> issues;
    const auto flow = FlowLoader(m_registry).parse(json, QStringLiteral("ok.json"), &issues);
    QVERIFY2(flow, qPrintable(FlowLoader::describe(issues)));
    QCOMPARE(flow->flowId, QStringLiteral("f"));
    QCOMPARE(flow->routines.size(), 3);
    QCOMPARE(flow->routine(QStringLiteral("a"))->agent, QStringLiteral("worker-x"));
    QCOMPARE(flow->routine(QStringLiteral("a"))->slotNames, QStringList{QStringLiteral("in")});
    QCOMPARE(flow->connections.size(), 2);
    QCOMPARE(flow->maxWorkers, 4);
    QCOMPARE(flow->timeoutSeconds, 30.0);
    QCOMPARE(flow->entryRoutine, QStringLiteral("a"));
    QCOMPARE(flow->entrySlot, QStringLiteral("in"));
    QCOMPARE(flow->variables.value(QLatin1String("n")).toInt(), 3);
}

void TestFlowLoader::acceptsRoutiluxLongConnections()
{
    const QByteArray json = R"({"flow_id": "f", "routines": {"a": {"class_name": "flowscope.Work"},
        "b": {"class": "flowscope.Work"}}, "connections": [{"source_routine": "a",
        "source_event": "out", "target_routine": "b", "target_slot": "in"}]})";
    QVector<FlowIssue> issues;
    const auto flow = FlowLoader(m_registry).parse(json, {}, &issues);
    QVERIFY2(flow, qPrintable(FlowLoader::describe(issues)));
    QCOMPARE(flow->connections.first().toRoutine, QStringLiteral("b"));
}

void TestFlowLoader::infersEntryFromTheOnlySource()
{
    const QByteArray json = R"({"flow_id": "f", "routines": {"a": {"class": "flowscope.Work"},
        "b": {"class": "flowscope.Work"}}, "connections": [{"from": "a.out", "to": "b.in"}]})";
    const auto flow = FlowLoader(m_registry).parse(json, {}, nullptr);
    QVERIFY(flow);
    QCOMPARE(flow->entryRoutine + QLatin1Char('.') + flow->entrySlot, QStringLiteral("a.in"));
}

void TestFlowLoader::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("routine");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("not an object") << QByteArray("[1]") << QString() << QString() << "JSON object";
    QTest::newRow("no flow_id") << QByteArray(R"({"routines": {"a": {"class": "flowscope.Work"}}})")
                                << QString() << "flow_id"
                                << "required";
    QTest::newRow("no routines") << QByteArray(R"({"flow_id": "f"})") << QString() << "routines"
                                 << "required";
    QTest::newRow("unknown class")
        << QByteArray(R"({"flow_id": "f", "routines": {"a": {"class": "no.Such"}}})") << "a"
        << "routines.a.class"
        << "unknown class 'no.Such'";
    QTest::newRow("config type") << QByteArray(
        R"({"flow_id": "f", "routines": {"w": {"class": "flowscope.Work", "config": {"duration_ms": "slow"}}}})")
                                 << "w"
                                 << "routines.w.config.duration_ms"
                                 << "type number";
    QTest::newRow("unknown config field") << QByteArray(
        R"({"flow_id": "f", "routines": {"w": {"class": "flowscope.Work", "config": {"duraton_ms": 5}}}})")
                                          << "w"
                                          << "routines.w.config.duraton_ms"
                                          << "no config field 'duraton_ms'";
    QTest::newRow("config value") << QByteArray(
        R"({"flow_id": "f", "routines": {"w": {"class": "flowscope.Fail", "config": {"probability": 3}}}})")
                                  << "w"
                                  << "routines.w.config.probability"
                                  << "between 0 and 1";
    QTest::newRow("script syntax") << QByteArray(
        R"({"flow_id": "f", "routines": {"s": {"class": "flowscope.Script", "config": {"handler": "function (d, ctx) { ctx.emit('out', d }"}}}})")
                                   << "s"
                                   << "routines.s.config.handler"
                                   << "SyntaxError";
    QTest::newRow("missing routine in connection") << QByteArray(
        R"({"flow_id": "f", "routines": {"a": {"class": "flowscope.Work"}}, "connections": [{"from": "a.out", "to": "zz.in"}]})")
                                                   << QString() << "connections[0].to"
                                                   << "no routine 'zz'";
    QTest::newRow("missing event") << QByteArray(
        R"({"flow_id": "f", "routines": {"a": {"class": "flowscope.Work"}, "b": {"class": "flowscope.Work"}}, "connections": [{"from": "a.done", "to": "b.in"}]})")
                                   << "a"
                                   << "connections[0].from"
                                   << "no event 'done'";
    QTest::newRow("missing slot") << QByteArray(
        R"({"flow_id": "f", "routines": {"a": {"class": "flowscope.Work"}, "b": {"class": "flowscope.Work"}}, "connections": [{"from": "a.out", "to": "b.input"}]})")
                                  << "b"
                                  << "connections[0].to"
                                  << "no slot 'input'";
    QTest::newRow("bad entry") << QByteArray(
        R"({"flow_id": "f", "entry": "a.go", "routines": {"a": {"class": "flowscope.Work"}}})")
                               << "a"
                               << "entry"
                               << "no slot 'go'";
    QTest::newRow("typo at top level") << QByteArray(
        R"({"flow_id": "f", "routines": {"a": {"class": "flowscope.Work"}}, "conections": []})")
                                       << QString() << "conections"
                                       << "unknown field";
    // A double beyond qint64 must not be cast to one (undefined behaviour: UBSan aborts), and a
    // timeout that large would overflow the job's deadline in milliseconds.
    QTest::newRow("integer beyond range") << QByteArray(
        R"({"flow_id": "f", "routines": {"w": {"class": "flowscope.Work", "config": {"steps": 1e300}}}})")
                                          << "w"
                                          << "routines.w.config.steps"
                                          << "type integer";
    QTest::newRow("timeout beyond range") << QByteArray(
        R"({"flow_id": "f", "routines": {"a": {"class": "flowscope.Work"}}, "execution": {"timeout": 1e300}})")
                                          << QString() << "execution.timeout"
                                          << "<= 1000000000";
    // A port with a dot connects in the long form, but "routine.port" cannot name it: the flow
    // would not load again from its own toDsl().
    QTest::newRow("event name with a dot") << QByteArray(
        R"({"flow_id": "f", "routines": {"a": {"class": "flowscope.FanOut", "config": {"events": ["x.y"]}}, "b": {"class": "flowscope.Work"}}, "connections": [{"source_routine": "a", "source_event": "x.y", "target_routine": "b", "target_slot": "in"}]})")
                                           << "a"
                                           << "routines.a.config"
                                           << "cannot contain '.'";
    QTest::newRow("negative timeout") << QByteArray(
        R"({"flow_id": "f", "routines": {"a": {"class": "flowscope.Work"}}, "execution": {"timeout": -1}})")
                                      << QString() << "execution.timeout"
                                      << ">= 0";
}

void TestFlowLoader::refusesBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, routine);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const QVector<FlowIssue> issues = issuesFor(json);
    QVERIFY2(!issues.isEmpty(), "the flow should have been refused");
    bool found = false;
    for (const FlowIssue &issue : issues) {
        QCOMPARE(issue.source, QStringLiteral("bad.json"));
        if (issue.routine == routine && issue.field == field && issue.message.contains(message))
            found = true;
    }
    QVERIFY2(found, qPrintable(FlowLoader::describe(issues)));
    QVERIFY(FlowLoader::describe(issues).startsWith(QStringLiteral("bad.json: ")));
}

void TestFlowLoader::reportsJsonSyntaxErrorPosition()
{
    const QVector<FlowIssue> issues = issuesFor("{\n  \"flow_id\": \"f\",\n  \"routines\": {\n}");
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().message.contains(QStringLiteral("line 4")),
             qPrintable(issues.first().message));
}

void TestFlowLoader::roundTripsThroughDsl()
{
    QFile demo(QStringLiteral(":/flows/scan_swarm.json"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    FlowLoader loader(m_registry);
    QVector<FlowIssue> issues;
    const auto flow = loader.parse(demo.readAll(), demo.fileName(), &issues);
    QVERIFY2(flow, qPrintable(FlowLoader::describe(issues)));
    const auto again = loader.fromDsl(flow->toDsl(), {}, &issues);
    QVERIFY2(again, qPrintable(FlowLoader::describe(issues)));
    QCOMPARE(again->routines.size(), flow->routines.size());
    QCOMPARE(again->connections.size(), flow->connections.size());
    QCOMPARE(again->entryRoutine, flow->entryRoutine);
    QCOMPARE(again->variables, flow->variables);
}

QTEST_GUILESS_MAIN(TestFlowLoader)
#include "tst_flowloader.moc"
