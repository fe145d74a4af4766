// The endpoint's REST routes over real loopback sockets: resources, the error envelope, 404 /
// 405 / 400 / 413 / 409, job control, traces, and the endpoint thread.
#include "endpoint/endpointthread.h"
#include "endpoint/guardedserver.h"
#include "endpointfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace flowscope;
using namespace EndpointTest;

class TestHttpEndpoint : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void health();
    void flows();
    void classes();
    void notFoundAndWrongMethod();
    void createJobValidation();
    void oversizedBody();
    void hugeDurationParameter();
    void jobRunsToCompletion();
    void jobListFiltersAndPages();
    void trace();
    void pauseResumeCancel();
    void plainGetOnWebSocketPath();
    void endpointThread();
    void listenFailureIsReported();
    void connectionsSendWithoutDelay();
    void pdfReportNeedsGui();
};

void TestHttpEndpoint::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
}

void TestHttpEndpoint::cleanupTestCase()
{
    m_fixture.tearDown();
}

void TestHttpEndpoint::health()
{
    const HttpResult r = m_fixture.request("GET", QStringLiteral("/api/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
    QVERIFY(!r.json.value(QStringLiteral("version")).toString().isEmpty());
    QVERIFY(r.json.value(QStringLiteral("uptime_s")).toDouble() >= 0);
}

void TestHttpEndpoint::flows()
{
    const HttpResult list = m_fixture.request("GET", QStringLiteral("/api/flows"));
    QCOMPARE(list.status, 200);
    const QJsonArray flows = list.json.value(QStringLiteral("flows")).toArray();
    QCOMPARE(list.json.value(QStringLiteral("total")).toInt(), flows.size());
    QVERIFY(flows.size() >= 2);

    const HttpResult one = m_fixture.request("GET", QStringLiteral("/api/flows/chain"));
    QCOMPARE(one.status, 200);
    const QJsonObject flow = one.json;
    QCOMPARE(flow.value(QStringLiteral("flow_id")).toString(), QStringLiteral("chain"));
    const QJsonObject a = flow.value(QStringLiteral("routines")).toObject().value("a").toObject();
    QCOMPARE(a.value(QStringLiteral("routine_id")).toString(), QStringLiteral("a"));
    QCOMPARE(a.value(QStringLiteral("class_name")).toString(), QStringLiteral("flowscope.Work"));
    QVERIFY(a.value(QStringLiteral("slots")).toArray().contains(QStringLiteral("in")));
    QVERIFY(a.value(QStringLiteral("events")).toArray().contains(QStringLiteral("out")));
    QCOMPARE(a.value(QStringLiteral("config")).toObject().value("duration_ms").toInt(), 100);
    const QJsonArray connections = flow.value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonObject c = connections.first().toObject();
    QCOMPARE(c.value(QStringLiteral("source_routine")).toString(), QStringLiteral("a"));
    QCOMPARE(c.value(QStringLiteral("source_event")).toString(), QStringLiteral("out"));
    QCOMPARE(c.value(QStringLiteral("target_routine")).toString(), QStringLiteral("b"));
    QCOMPARE(c.value(QStringLiteral("target_slot")).toString(), QStringLiteral("in"));
    QVERIFY(!c.value(QStringLiteral("connection_id")).toString().isEmpty());
    QCOMPARE(flow.value(QStringLiteral("entry")).toString(), QStringLiteral("a.in"));
    QVERIFY(flow.contains(QStringLiteral("execution_strategy")));
    QVERIFY(flow.contains(QStringLiteral("max_workers")));
    QVERIFY(flow.value(QStringLiteral("variables")).isObject());

    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/flows/nope")), 404);
}

void TestHttpEndpoint::classes()
{
    const HttpResult r = m_fixture.request("GET", QStringLiteral("/api/classes"));
    QCOMPARE(r.status, 200);
    const QJsonArray classes = r.json.value(QStringLiteral("classes")).toArray();
    QCOMPARE(r.json.value(QStringLiteral("total")).toInt(), classes.size());
    QVERIFY(r.raw.contains("flowscope.Work"));
}

void TestHttpEndpoint::notFoundAndWrongMethod()
{
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/nothing")), 404);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs/xyz")), 404);
    const HttpResult malformed = m_fixture.request("GET", QStringLiteral("/api/jobs/xyz/status"));
    verifyErrorEnvelope(malformed, 404);
    QCOMPARE(malformed.json.value(QStringLiteral("detail")).toString(),
             QStringLiteral("no job 'xyz'"));
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs/00000000-0000ffff")),
                        404);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs/xyz/cancel")), 404);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs/xyz/trace")), 404);

    const HttpResult wrongMethod = m_fixture.request("DELETE", QStringLiteral("/api/jobs"));
    verifyErrorEnvelope(wrongMethod, 405);
    QCOMPARE(wrongMethod.allow, QByteArray("GET, POST"));
    const HttpResult getPause = m_fixture.request("GET", QStringLiteral("/api/jobs/abc/pause"));
    verifyErrorEnvelope(getPause, 405);
    QCOMPARE(getPause.allow, QByteArray("POST"));
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/health")), 405);
}

void TestHttpEndpoint::createJobValidation()
{
    const HttpResult broken
        = m_fixture.request("POST", QStringLiteral("/api/jobs"), "{\"flow_id\": \"chain\"");
    verifyErrorEnvelope(broken, 400);
    QVERIFY2(broken.json.value(QStringLiteral("detail"))
                 .toString()
                 .startsWith(QStringLiteral("body is not valid JSON at offset ")),
             broken.raw.constData());

    const HttpResult missing = m_fixture.request("POST", QStringLiteral("/api/jobs"), "{}");
    verifyErrorEnvelope(missing, 400);
    QCOMPARE(missing.json.value(QStringLiteral("detail")).toString(),
             QStringLiteral("flow_id: required string"));

    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs"), "[1,2]"), 400);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs"),
                                          R"({"flow_id":"chain","entry_params":3})"),
                        400);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs"),
                                          R"({"flow_id":"chain","timeout":"soon"})"),
                        400);
    // Found by tests/fuzz/fuzz_apihandlers: the job's deadline in milliseconds overflowed.
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs"),
                                          R"({"flow_id":"chain","timeout":1e300})"),
                        400);
    verifyErrorEnvelope(
        m_fixture.request("POST", QStringLiteral("/api/jobs"), R"({"flow_id":"nope"})"), 404);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs?status=sleeping")), 400);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs?limit=0")), 400);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs?offset=-1")), 400);
}

void TestHttpEndpoint::oversizedBody()
{
    QByteArray body = R"({"flow_id":"chain","entry_params":{"pad":")";
    body.append(QByteArray(1024 * 1024, 'x'));
    body.append("\"}}");
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs"), body), 413);
}

void TestHttpEndpoint::hugeDurationParameter()
{
    // Found by tests/fuzz/fuzz_apihandlers: a duration from the job's parameters was cast to
    // qint64 beyond its range (undefined behaviour; on x86 the job ended at once). It is clamped
    // now, so such a job works until it is cancelled.
    QVERIFY(m_fixture.engine()
                .addFlowJson(R"({"flow_id": "sized", "routines": {"w": {"class": "flowscope.Work",
                                 "config": {"duration_ms": "$ms", "steps": 2}}}})",
                             QStringLiteral("test"))
                .ok());
    const HttpResult created = m_fixture.request(
        "POST", QStringLiteral("/api/jobs"), R"({"flow_id":"sized","entry_params":{"ms":1e300}})");
    QCOMPARE(created.status, 201);
    const QString id = created.json.value(QStringLiteral("job_id")).toString();
    QTest::qWait(300);
    QCOMPARE(m_fixture.jobStatus(id), QStringLiteral("running"));
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(id)).status, 200);
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("cancelled")));
    QVERIFY(m_fixture.engine().removeFlow(QStringLiteral("sized")).ok());
}

void TestHttpEndpoint::jobRunsToCompletion()
{
    const HttpResult created
        = m_fixture.request("POST", QStringLiteral("/api/jobs"),
                            R"({"flow_id":"chain","entry_params":{"n":7},"timeout":30})");
    QCOMPARE(created.status, 201);
    const QJsonObject job = created.json;
    const QString id = job.value(QStringLiteral("job_id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(job.value(QStringLiteral("flow_id")).toString(), QStringLiteral("chain"));
    for (const char *key : {"status", "progress", "created_at", "started_at", "completed_at",
                            "error", "entry_routine_id"}) {
        QVERIFY2(job.contains(QLatin1String(key)), key);
    }
    QVERIFY(job.value(QStringLiteral("created_at")).toString().endsWith(QLatin1Char('Z')));

    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("completed")));
    const HttpResult done = m_fixture.request("GET", QStringLiteral("/api/jobs/%1").arg(id));
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QVERIFY(done.json.value(QStringLiteral("completed_at")).isString());
    QVERIFY(done.json.value(QStringLiteral("error")).isNull());
    QCOMPARE(done.json.value(QStringLiteral("progress")).toDouble(), 1.0);

    const HttpResult status
        = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/status").arg(id));
    QCOMPARE(status.json.value(QStringLiteral("job_id")).toString(), id);
    QVERIFY(status.json.contains(QStringLiteral("progress")));
    QVERIFY(status.json.contains(QStringLiteral("error")));

    // A finished job cannot be resumed.
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/resume").arg(id)),
                        409);
}

void TestHttpEndpoint::jobListFiltersAndPages()
{
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids.append(m_fixture.startJob(QStringLiteral("chain")));
    for (const QString &id : std::as_const(ids))
        QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("completed")));

    const HttpResult all = m_fixture.request("GET", QStringLiteral("/api/jobs?flow_id=chain"));
    QCOMPARE(all.status, 200);
    const int total = all.json.value(QStringLiteral("total")).toInt();
    QVERIFY(total >= 3);
    QCOMPARE(all.json.value(QStringLiteral("jobs")).toArray().size(), total);
    QCOMPARE(all.json.value(QStringLiteral("limit")).toInt(), 100);
    QCOMPARE(all.json.value(QStringLiteral("offset")).toInt(), 0);

    const HttpResult page = m_fixture.request(
        "GET", QStringLiteral("/api/jobs?flow_id=chain&status=completed&limit=2&offset=1"));
    QCOMPARE(page.status, 200);
    const QJsonArray jobs = page.json.value(QStringLiteral("jobs")).toArray();
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(page.json.value(QStringLiteral("total")).toInt(), total);
    QCOMPARE(page.json.value(QStringLiteral("limit")).toInt(), 2);
    QCOMPARE(page.json.value(QStringLiteral("offset")).toInt(), 1);
    // Page 2 starts where page 1 of the full list has its second job (newest first).
    QCOMPARE(jobs.first().toObject().value("job_id"),
             all.json.value(QStringLiteral("jobs")).toArray().at(1).toObject().value("job_id"));
    for (const QJsonValue &j : jobs)
        QCOMPARE(j.toObject().value("status").toString(), QStringLiteral("completed"));

    const HttpResult none = m_fixture.request("GET", QStringLiteral("/api/jobs?flow_id=nope"));
    QCOMPARE(none.json.value(QStringLiteral("total")).toInt(), 0);
    const HttpResult running
        = m_fixture.request("GET", QStringLiteral("/api/jobs?flow_id=chain&status=running"));
    QCOMPARE(running.json.value(QStringLiteral("total")).toInt(), 0);
}

void TestHttpEndpoint::trace()
{
    const QString id = m_fixture.startJob(QStringLiteral("chain"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("completed")));

    const HttpResult r = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/trace").arg(id));
    QCOMPARE(r.status, 200);
    const QJsonArray events = r.json.value(QStringLiteral("events")).toArray();
    QCOMPARE(r.json.value(QStringLiteral("total")).toInt(), events.size());
    QSet<QString> seen;
    double lastId = 0;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        QCOMPARE(e.value(QStringLiteral("job_id")).toString(), id);
        QVERIFY(e.value(QStringLiteral("event_id")).toDouble() > lastId);
        lastId = e.value(QStringLiteral("event_id")).toDouble();
        QVERIFY(e.contains(QStringLiteral("timestamp")));
        QVERIFY(e.contains(QStringLiteral("status")));
        QVERIFY(e.contains(QStringLiteral("duration")));
        seen.insert(e.value(QStringLiteral("event_type")).toString() + QLatin1Char(':')
                    + e.value(QStringLiteral("routine_id")).toString());
    }
    for (const char *expected :
         {"routine_started:a", "routine_ended:a", "routine_started:b", "routine_ended:b"}) {
        QVERIFY2(seen.contains(QLatin1String(expected)), expected);
    }
    QVERIFY(events.last().toObject().value("event_type").toString()
            == QStringLiteral("job_completed"));

    const HttpResult limited
        = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/trace?limit=2").arg(id));
    QCOMPARE(limited.json.value(QStringLiteral("events")).toArray().size(), 2);
    QCOMPARE(limited.json.value(QStringLiteral("total")).toInt(), events.size());
    verifyErrorEnvelope(
        m_fixture.request("GET", QStringLiteral("/api/jobs/%1/trace?limit=x").arg(id)), 400);
}

void TestHttpEndpoint::pauseResumeCancel()
{
    const QString id = m_fixture.startJob(QStringLiteral("slow"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("running")));

    const HttpResult paused
        = m_fixture.request("POST", QStringLiteral("/api/jobs/%1/pause").arg(id));
    QCOMPARE(paused.status, 200);
    QCOMPARE(paused.json.value(QStringLiteral("job_id")).toString(), id);
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("paused")));

    const HttpResult resumed
        = m_fixture.request("POST", QStringLiteral("/api/jobs/%1/resume").arg(id));
    QCOMPARE(resumed.status, 200);
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("running")));
    // Resuming a job that is not paused is a state conflict.
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/resume").arg(id)),
                        409);

    const HttpResult cancelled
        = m_fixture.request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(id));
    QCOMPARE(cancelled.status, 200);
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("cancelled")));

    // Cancel must also release a paused job (the Swarm Observability bug).
    const QString second = m_fixture.startJob(QStringLiteral("slow"));
    QVERIFY(m_fixture.waitForStatus(second, QStringLiteral("running")));
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/pause").arg(second)).status,
             200);
    QVERIFY(m_fixture.waitForStatus(second, QStringLiteral("paused")));
    QCOMPARE(m_fixture.request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(second)).status,
             200);
    QVERIFY(m_fixture.waitForStatus(second, QStringLiteral("cancelled")));
}

void TestHttpEndpoint::plainGetOnWebSocketPath()
{
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/ws/jobs/xyz/monitor")), 400);
}

void TestHttpEndpoint::endpointThread()
{
    EndpointThread thread(&m_fixture.engine());
    QSignalSpy listening(&thread, &EndpointThread::listening);
    QSignalSpy failed(&thread, &EndpointThread::failed);
    thread.start(QHostAddress::LocalHost, 0);
    QVERIFY(listening.wait(5000));
    QCOMPARE(failed.size(), 0);
    const quint16 port = listening.first().first().value<quint16>();
    QVERIFY(port != 0);

    const QUrl health(QStringLiteral("http://127.0.0.1:%1/api/health").arg(port));
    std::unique_ptr<QNetworkReply> reply(m_fixture.network().get(QNetworkRequest(health)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value("status").toString(),
             QStringLiteral("healthy"));

    thread.stop();
    QVERIFY(!thread.isRunning());
    thread.stop(); // twice is harmless

    // Nothing listens any more.
    QNetworkRequest again(health);
    again.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    std::unique_ptr<QNetworkReply> refused(m_fixture.network().get(again));
    QSignalSpy refusedDone(refused.get(), &QNetworkReply::finished);
    QVERIFY(refusedDone.wait(5000));
    QVERIFY(refused->error() != QNetworkReply::NoError);
}

void TestHttpEndpoint::connectionsSendWithoutDelay()
{
    // Answers and frames are written whole: none may wait behind the acknowledgement of the one
    // before, which Nagle's algorithm would make them do.
    GuardedServer<QTcpServer> server(1 << 20);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(server.waitForNewConnection(5000));
    std::unique_ptr<QTcpSocket> accepted(server.nextPendingConnection());
    QVERIFY(accepted);
    QCOMPARE(accepted->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
}

void TestHttpEndpoint::listenFailureIsReported()
{
    HttpEndpoint second(&m_fixture.engine());
    QString error;
    QCOMPARE(second.listen(QHostAddress::LocalHost, m_fixture.port(), &error), quint16(0));
    QVERIFY(!error.isEmpty());

    EndpointThread thread(&m_fixture.engine());
    QSignalSpy failed(&thread, &EndpointThread::failed);
    thread.start(QHostAddress::LocalHost, m_fixture.port());
    QVERIFY(failed.wait(5000));
    QVERIFY(!failed.first().first().toString().isEmpty());
}

void TestHttpEndpoint::pdfReportNeedsGui()
{
    // A QCoreApplication here, as in a program embedding the engine: PDF says what to do.
    const HttpResult pdf
        = m_fixture.request("GET", QStringLiteral("/api/reports/health?format=pdf"));
    verifyErrorEnvelope(pdf, 501);
    QVERIFY2(
        pdf.json[QStringLiteral("detail")].toString().contains(QStringLiteral("QGuiApplication")),
        pdf.raw.constData());
    QCOMPARE(m_fixture.request("GET", QStringLiteral("/api/reports/health?format=html")).status,
             200);
}

QTEST_GUILESS_MAIN(TestHttpEndpoint)
#include "tst_httpendpoint.moc"
