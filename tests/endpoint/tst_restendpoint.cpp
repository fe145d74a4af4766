// Flows created, validated, exported and deleted over HTTP; a job's full state and its log pages;
// every failure of these routes in the one error envelope, 405 with Allow and 413.
#include "endpointfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace flowscope;
using namespace EndpointTest;

namespace {

// Three log lines per job; b keeps a routine variable; the job stops at a breakpoint when asked.
const QByteArray loggingFlow = R"({"flow_id": "logging", "entry": "a.in",
    "routines": {
      "a": {"class": "flowscope.Script", "config": {"handler":
            "function (d, ctx) { ctx.log('one'); ctx.log('two'); ctx.emit('out', {n: 1}); }"}},
      "b": {"class": "flowscope.Script", "config": {"events": [], "handler":
            "function (d, ctx) { ctx.set('seen', d.n); ctx.log('three'); }"}}},
    "connections": [{"from": "a.out", "to": "b.in"}]})";

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList issuePaths(const QJsonObject &json)
{
    QStringList paths;
    const QJsonArray issues = json.value(QStringLiteral("issues")).toArray();
    for (const QJsonValue &issue : issues)
        paths.append(issue.toObject().value(QStringLiteral("path")).toString());
    return paths;
}

} // namespace

class TestRestEndpoint : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void createsAFlowFromEachBodyForm();
    void refusesABadFlowNamingWhere();
    void refusesATakenFlowId();
    void validatesWithoutRegistering();
    void exportedFlowLoadsBack();
    void deleteRefusesWhileJobsRun();
    void jobStateShowsRoutinesAndPendingWork();
    void jobLogsArePaged();
    void errorsShareTheEnvelope();
    void controlRoutesNeedAControlToken();
};

void TestRestEndpoint::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
}

void TestRestEndpoint::cleanupTestCase()
{
    m_fixture.tearDown();
}

void TestRestEndpoint::createsAFlowFromEachBodyForm()
{
    // The DSL dict itself.
    HttpResult r = m_fixture.request("POST", QStringLiteral("/api/flows"), loggingFlow);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value("flow_id").toString(), QStringLiteral("logging"));
    QCOMPARE(r.json.value("entry").toString(), QStringLiteral("a.in"));
    QCOMPARE(r.json.value("routines").toObject().keys(), (QStringList{"a", "b"}));
    QVERIFY(m_fixture.engine().flow(QStringLiteral("logging")));

    // Routilux's envelope with dsl_dict, the id given outside.
    QJsonObject dsl = QJsonDocument::fromJson(EndpointTest::chainFlow).object();
    dsl.remove(QStringLiteral("flow_id"));
    r = m_fixture.request(
        "POST", QStringLiteral("/api/flows"),
        compact({{"flow_id", "from_dict"}, {"dsl_dict", dsl}, {"max_workers", 3}}));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value("flow_id").toString(), QStringLiteral("from_dict"));
    QCOMPARE(r.json.value("max_workers").toInt(), 3);
    QCOMPARE(r.json.value("connections").toArray().size(), 1);

    // The flow as JSON text.
    dsl.insert(QStringLiteral("flow_id"), QStringLiteral("from_text"));
    r = m_fixture.request(
        "POST", QStringLiteral("/api/flows"),
        compact({{"dsl", QString::fromUtf8(QJsonDocument(dsl).toJson(QJsonDocument::Indented))}}));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value("flow_id").toString(), QStringLiteral("from_text"));

    // The flow as YAML text, as Routilux's clients write it.
    const QString yaml = QStringLiteral(R"(flow_id: from_yaml
entry: a.in
routines:
  a:
    class: flowscope.Work
    config: {duration_ms: 10, steps: 2}
  b:
    class: flowscope.Work
    config:
      duration_ms: 10
connections:
  - from: a.out
    to: b.in
)");
    r = m_fixture.request("POST", QStringLiteral("/api/flows"),
                          compact({{"dsl", yaml}, {"max_workers", 2}}));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value("flow_id").toString(), QStringLiteral("from_yaml"));
    QCOMPARE(r.json.value("max_workers").toInt(), 2);
    QCOMPARE(r.json.value("routines").toObject().value("a").toObject().value("config"),
             QJsonValue(QJsonObject{{"duration_ms", 10}, {"steps", 2}}));
    QCOMPARE(r.json.value("connections").toArray().size(), 1);

    // A YAML body, said so by its Content-Type.
    QString body = yaml;
    body.replace(QStringLiteral("from_yaml"), QStringLiteral("yaml_body"));
    r = m_fixture.request("POST", QStringLiteral("/api/flows"), body.toUtf8(),
                          {{"Content-Type", "application/yaml"}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value("flow_id").toString(), QStringLiteral("yaml_body"));

    // A job runs on a flow made over HTTP.
    for (const QString &flow : {QStringLiteral("from_text"), QStringLiteral("yaml_body")}) {
        const QString id = m_fixture.startJob(flow);
        QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("completed")));
    }
}

void TestRestEndpoint::refusesABadFlowNamingWhere()
{
    const QByteArray badClass = R"({"flow_id": "bad", "routines": {
        "a": {"class": "flowscope.Nope"},
        "b": {"class": "flowscope.Work", "config": {"duration_ms": "long"}}},
        "connections": [{"from": "a.out", "to": "c.in"}]})";
    HttpResult r = m_fixture.request("POST", QStringLiteral("/api/flows"), badClass);
    verifyErrorEnvelope(r, 400);
    const QString detail = r.json.value("detail").toString();
    QVERIFY2(detail.contains(QStringLiteral("routines.a.class")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("unknown class 'flowscope.Nope'")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("routines.b.config.duration_ms")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("no routine 'c'")), qPrintable(detail));
    const QStringList paths = issuePaths(r.json);
    QVERIFY2(paths.contains(QStringLiteral("connections[0].to")), qPrintable(paths.join(',')));
    QVERIFY(!m_fixture.engine().flow(QStringLiteral("bad")));

    // Text that is neither: told where, in the language it looks like.
    r = m_fixture.request("POST", QStringLiteral("/api/flows"), R"({"dsl": "{\"flow_id\": "})");
    verifyErrorEnvelope(r, 400);
    QVERIFY2(r.json.value("detail").toString().startsWith(QStringLiteral("dsl: not valid JSON")),
             r.raw.constData());
    r = m_fixture.request("POST", QStringLiteral("/api/flows"),
                          R"({"dsl": "flow_id: x\nroutines: [a\n"})");
    verifyErrorEnvelope(r, 400);
    QVERIFY2(r.json.value("detail").toString().startsWith(
                 QStringLiteral("dsl: not valid YAML: line 3, column 1:")),
             r.raw.constData());
    r = m_fixture.request("POST", QStringLiteral("/api/flows"), "flow_id: [x",
                          {{"Content-Type", "application/yaml; charset=utf-8"}});
    verifyErrorEnvelope(r, 400);
    QVERIFY2(r.json.value("detail").toString().startsWith(QStringLiteral("body: not valid YAML")),
             r.raw.constData());
    // What JSON cannot hold is refused, not guessed at.
    r = m_fixture.request("POST", QStringLiteral("/api/flows"),
                          R"({"dsl": "base: &b {class: flowscope.Work}\nroutines: {a: *b}"})");
    verifyErrorEnvelope(r, 400);
    QVERIFY2(r.json.value("detail").toString().contains(QStringLiteral("aliases (*b)")),
             r.raw.constData());
    r = m_fixture.request("POST", QStringLiteral("/api/flows"), R"({"dsl": "- a\n- b\n"})");
    verifyErrorEnvelope(r, 400);
    QCOMPARE(r.json.value("detail").toString(),
             QStringLiteral("dsl: must be a mapping (the flow)"));
    r = m_fixture.request("POST", QStringLiteral("/api/flows"), R"({"dsl_dict": [1]})");
    verifyErrorEnvelope(r, 400);
    QVERIFY(r.json.value("detail").toString().startsWith(QStringLiteral("dsl_dict:")));
    r = m_fixture.request("POST", QStringLiteral("/api/flows"),
                          R"({"dsl_dict": {"flow_id": "a"}, "flow_id": "b"})");
    verifyErrorEnvelope(r, 400);
    QVERIFY(r.json.value("detail").toString().startsWith(QStringLiteral("flow_id:")));
    r = m_fixture.request("POST", QStringLiteral("/api/flows"), "[1, 2]");
    verifyErrorEnvelope(r, 400);
}

void TestRestEndpoint::refusesATakenFlowId()
{
    const HttpResult r = m_fixture.request("POST", QStringLiteral("/api/flows"), chainFlow);
    verifyErrorEnvelope(r, 409);
    QVERIFY2(r.json.value("detail").toString().contains(QStringLiteral("'chain'")),
             r.raw.constData());
}

void TestRestEndpoint::validatesWithoutRegistering()
{
    const QByteArray unreachable = R"({"flow_id": "dry", "entry": "a.in", "routines": {
        "a": {"class": "flowscope.Work"}, "lonely": {"class": "flowscope.Work"}}})";
    HttpResult r = m_fixture.request("POST", QStringLiteral("/api/flows/validate"), unreachable);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("valid").toBool(), true);
    QCOMPARE(issuePaths(r.json), QStringList{QStringLiteral("routines.lonely")});
    QCOMPARE(r.json.value("issues").toArray().first().toObject().value("severity").toString(),
             QStringLiteral("warning"));
    QVERIFY(!m_fixture.engine().flow(QStringLiteral("dry")));

    const QByteArray broken = R"({"flow_id": "dry", "routines": {"a": {"class": "flowscope.Work",
        "config": {"steps": 1.5}}}, "entry": "a.nowhere"})";
    r = m_fixture.request("POST", QStringLiteral("/api/flows/validate"), broken);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("valid").toBool(), false);
    const QStringList paths = issuePaths(r.json);
    QVERIFY2(paths.contains(QStringLiteral("routines.a.config.steps")),
             qPrintable(paths.join(',')));
    QVERIFY2(paths.contains(QStringLiteral("entry")), qPrintable(paths.join(',')));

    r = m_fixture.request("POST", QStringLiteral("/api/flows/chain/validate"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("valid").toBool(), true);
    QCOMPARE(r.json.value("issues").toArray().size(), 0);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/flows/nope/validate")), 404);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/flows/validate"), "{"), 400);
}

void TestRestEndpoint::exportedFlowLoadsBack()
{
    HttpResult exported = m_fixture.request("GET", QStringLiteral("/api/flows/chain/export"));
    QCOMPARE(exported.status, 200);
    QVERIFY(exported.contentType.startsWith("application/json"));
    QCOMPARE(exported.json.value("flow_id").toString(), QStringLiteral("chain"));

    // Loadable as it is: under another id, it makes the same flow.
    QJsonObject dsl = exported.json;
    dsl.insert(QStringLiteral("flow_id"), QStringLiteral("chain_copy"));
    const HttpResult created
        = m_fixture.request("POST", QStringLiteral("/api/flows"), compact(dsl));
    QCOMPARE(created.status, 201);
    const HttpResult original = m_fixture.request("GET", QStringLiteral("/api/flows/chain"));
    for (const char *key : {"routines", "connections", "entry", "variables"})
        QCOMPARE(created.json.value(key), original.json.value(key));

    const HttpResult yaml
        = m_fixture.request("GET", QStringLiteral("/api/flows/chain/export?format=yaml"));
    QCOMPARE(yaml.status, 200);
    QVERIFY(yaml.contentType.startsWith("application/yaml"));
    QVERIFY2(yaml.raw.startsWith("flow_id: \"chain\"\n")
                 || yaml.raw.contains("\nflow_id: \"chain\"\n"),
             yaml.raw.constData());
    QVERIFY2(yaml.raw.contains("connections:\n  - from: \"a.out\"\n    to: \"b.in\"\n"),
             yaml.raw.constData());
    QVERIFY2(yaml.raw.contains("  a:\n    class: \"flowscope.Work\"\n"), yaml.raw.constData());

    // The YAML export loads back too, as a YAML body, and makes the same flow.
    QByteArray yamlCopy = yaml.raw;
    yamlCopy.replace("flow_id: \"chain\"", "flow_id: \"chain_yaml\"");
    const HttpResult fromYaml = m_fixture.request("POST", QStringLiteral("/api/flows"), yamlCopy,
                                                  {{"Content-Type", "application/yaml"}});
    QCOMPARE(fromYaml.status, 201);
    QCOMPARE(fromYaml.json.value("flow_id").toString(), QStringLiteral("chain_yaml"));
    for (const char *key : {"routines", "connections", "entry", "variables"})
        QCOMPARE(fromYaml.json.value(key), original.json.value(key));

    const HttpResult dslText = m_fixture.request("GET", QStringLiteral("/api/flows/chain/dsl"));
    QCOMPARE(dslText.status, 200);
    QCOMPARE(dslText.json.value("format").toString(), QStringLiteral("yaml"));
    QCOMPARE(dslText.json.value("dsl").toString(), QString::fromUtf8(yaml.raw));

    verifyErrorEnvelope(
        m_fixture.request("GET", QStringLiteral("/api/flows/chain/export?format=xml")), 400);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/flows/nope/export")), 404);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/flows/nope/dsl")), 404);
}

void TestRestEndpoint::deleteRefusesWhileJobsRun()
{
    QJsonObject dsl = QJsonDocument::fromJson(EndpointTest::slowFlow).object();
    dsl.insert(QStringLiteral("flow_id"), QStringLiteral("doomed"));
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/flows"), compact(dsl)).status, 201);
    const QString id = m_fixture.startJob(QStringLiteral("doomed"));
    QVERIFY(!id.isEmpty());

    HttpResult r = m_fixture.request("DELETE", QStringLiteral("/api/flows/doomed"));
    verifyErrorEnvelope(r, 409);
    QVERIFY2(r.json.value("detail").toString().contains(id), r.raw.constData());
    QVERIFY(m_fixture.engine().flow(QStringLiteral("doomed")));

    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(id)).status, 200);
    // As Routilux answers: 204, nothing in the body.
    r = m_fixture.request("DELETE", QStringLiteral("/api/flows/doomed"));
    QCOMPARE(r.status, 204);
    QVERIFY2(r.raw.isEmpty(), r.raw.constData());
    QVERIFY(!m_fixture.engine().flow(QStringLiteral("doomed")));
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/flows/doomed")), 404);
    verifyErrorEnvelope(m_fixture.request("DELETE", QStringLiteral("/api/flows/doomed")), 404);
    // The job's record outlives its flow.
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/jobs/%1").arg(id)).status, 200);
}

void TestRestEndpoint::jobStateShowsRoutinesAndPendingWork()
{
    // Paused in its second routine: b waits in its checkpoint (or, paused between a and b, its
    // activation is parked); nothing else is pending.
    const QString id = m_fixture.startJob(QStringLiteral("slow"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("running")));
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.engine().job(JobId::fromString(id))->activationsDone >= 1,
                             5000);
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/pause").arg(id)).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.request("GET", QStringLiteral("/api/jobs/%1/state").arg(id))
                                  .json.value("pending_activations")
                                  .toArray()
                                  .size(),
                              1, 5000);
    HttpResult r = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/state").arg(id));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("job_id").toString(), id);
    QCOMPARE(r.json.value("status").toString(), QStringLiteral("paused"));
    const QJsonObject pending = r.json.value("pending_activations").toArray().first().toObject();
    QCOMPARE(pending.value("routine_id").toString(), QStringLiteral("b"));
    const QString where = pending.value("state").toString();
    QVERIFY2(where == QLatin1String("waiting") || where == QLatin1String("parked"),
             qPrintable(where));
    const QJsonObject routines = r.json.value("routine_states").toObject();
    QCOMPARE(routines.keys(), (QStringList{"a", "b", "c", "d"}));
    QCOMPARE(routines.value("a").toObject().value("status").toString(),
             QStringLiteral("completed"));
    QCOMPARE(routines.value("a").toObject().value("execution_count").toInt(), 1);
    QCOMPARE(routines.value("b").toObject().value("status").toString(),
             where == QLatin1String("waiting") ? QStringLiteral("running")
                                               : QStringLiteral("pending"));
    QCOMPARE(routines.value("b").toObject().value("pending").toInt(), 1);
    QCOMPARE(routines.value("c").toObject().value("status").toString(), QStringLiteral("pending"));
    QCOMPARE(routines.value("d").toObject().value("execution_count").toInt(), 0);
    const QJsonArray history = r.json.value("execution_history").toArray();
    QCOMPARE(history.size(), 1); // a emitted "out" once
    QCOMPARE(history.first().toObject().value("routine_id").toString(), QStringLiteral("a"));
    QCOMPARE(history.first().toObject().value("event_name").toString(), QStringLiteral("out"));
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(id)).status, 200);

    // Routine variables of a finished job.
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/flows"), loggingFlow).status, 409);
    const QString logged = m_fixture.startJob(QStringLiteral("logging"));
    QVERIFY(m_fixture.waitForStatus(logged, QStringLiteral("completed")));
    r = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/state").arg(logged));
    const QJsonObject b = r.json.value("routine_states").toObject().value("b").toObject();
    QCOMPARE(b.value("variables").toObject().value("seen").toInt(), 1);
    QCOMPARE(b.value("status").toString(), QStringLiteral("completed"));
    QCOMPARE(r.json.value("pending_activations").toArray().size(), 0);

    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs/zz/state")), 404);
}

void TestRestEndpoint::jobLogsArePaged()
{
    const QString id = m_fixture.startJob(QStringLiteral("logging"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("completed")));
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture.request("GET", QStringLiteral("/api/jobs/%1/logs").arg(id))
                                  .json.value("total")
                                  .toInt(),
                              3, 5000);
    HttpResult r = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/logs").arg(id));
    QStringList messages;
    for (const QJsonValue &log : r.json.value("logs").toArray())
        messages.append(log.toObject().value("message").toString());
    QCOMPARE(messages, (QStringList{"one", "two", "three"}));
    QCOMPARE(r.json.value("logs").toArray().at(2).toObject().value("routine_id").toString(),
             QStringLiteral("b"));

    r = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/logs?limit=1&offset=1").arg(id));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("total").toInt(), 3);
    QCOMPARE(r.json.value("limit").toInt(), 1);
    QCOMPARE(r.json.value("offset").toInt(), 1);
    QCOMPARE(r.json.value("logs").toArray().size(), 1);
    QCOMPARE(r.json.value("logs").toArray().first().toObject().value("message").toString(),
             QStringLiteral("two"));
    r = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/logs?level=error").arg(id));
    QCOMPARE(r.json.value("total").toInt(), 0);

    r = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/logs?limit=0").arg(id));
    verifyErrorEnvelope(r, 400);
    QVERIFY(r.json.value("detail").toString().startsWith(QStringLiteral("limit:")));
    verifyErrorEnvelope(
        m_fixture.request("GET", QStringLiteral("/api/jobs/%1/logs?offset=-1").arg(id)), 400);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs/zz/logs")), 404);
}

void TestRestEndpoint::errorsShareTheEnvelope()
{
    // 405 with Allow on each new path.
    struct Case
    {
        const char *verb;
        QString path;
        QByteArray allow;
    };
    const QList<Case> cases{
        {"PUT", QStringLiteral("/api/flows"), "GET, POST"},
        {"PATCH", QStringLiteral("/api/flows/chain"), "DELETE, GET"},
        {"GET", QStringLiteral("/api/flows/chain/validate"), "POST"},
        {"POST", QStringLiteral("/api/flows/chain/export"), "GET"},
        {"DELETE", QStringLiteral("/api/jobs/x/state"), "GET"},
        {"POST", QStringLiteral("/api/jobs/x/logs"), "GET"},
        {"POST", QStringLiteral("/api/openapi.json"), "GET"},
    };
    for (const Case &c : cases) {
        const HttpResult r = m_fixture.request(c.verb, c.path);
        verifyErrorEnvelope(r, 405);
        QCOMPARE(r.allow, c.allow);
    }
    // 413 on both flow bodies.
    const QByteArray huge = "{\"flow_id\": \"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}";
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/flows"), huge), 413);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/flows/validate"), huge),
                        413);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/flows"), ""), 400);
}

void TestRestEndpoint::controlRoutesNeedAControlToken()
{
    AccessPolicy policy;
    policy.setReadToken("watch");
    policy.setControlToken("drive");
    m_fixture.endpoint().setAccessPolicy(policy);
    const QString create = QStringLiteral("/api/flows?token=%1");
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/flows"), loggingFlow), 401);
    verifyErrorEnvelope(m_fixture.request("POST", create.arg("watch"), loggingFlow), 403);
    verifyErrorEnvelope(m_fixture.request("DELETE", QStringLiteral("/api/flows/chain?token=watch")),
                        403);
    // Watching and checking are reads.
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/flows/validate?token=watch"), chainFlow)
                 .status,
             200);
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/openapi.json?token=watch")).status, 200);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs/zz/state?token=watch")),
                        404);
    QCOMPARE(m_fixture.request("POST", create.arg("drive"), loggingFlow).status, 409);
    m_fixture.endpoint().setAccessPolicy(AccessPolicy());
}

QTEST_GUILESS_MAIN(TestRestEndpoint)
#include "tst_restendpoint.moc"
