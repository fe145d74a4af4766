// The endpoint over real loopback sockets: REST routes, error envelope, job control, traces, the
// job monitor WebSocket and the endpoint thread.
#include "endpoint/endpointthread.h"
#include "endpoint/httpendpoint.h"
#include "runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace flowscope;

namespace {

const QByteArray chainFlow = R"({"flow_id":"chain","routines":{
    "a":{"class":"flowscope.Work","config":{"duration_ms":100}},
    "b":{"class":"flowscope.Work","config":{"duration_ms":100}}},
    "connections":[{"from":"a.out","to":"b.in"}],"entry":"a.in"})";

// Long enough to pause, resume and cancel while it runs.
const QByteArray slowFlow = R"({"flow_id":"slow","routines":{
    "a":{"class":"flowscope.Work","config":{"duration_ms":600}},
    "b":{"class":"flowscope.Work","config":{"duration_ms":600}},
    "c":{"class":"flowscope.Work","config":{"duration_ms":600}},
    "d":{"class":"flowscope.Work","config":{"duration_ms":600}}},
    "connections":[{"from":"a.out","to":"b.in"},{"from":"b.out","to":"c.in"},
                   {"from":"c.out","to":"d.in"}],"entry":"a.in"})";

struct HttpResult {
    int status = 0;
    QJsonObject json;
    QByteArray raw;
    QByteArray allow;
};

// A Routilux client reading one WebSocket monitor: every frame, decoded.
struct MonitorClient {
    QWebSocket socket;
    QList<QJsonObject> messages;

    MonitorClient() {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) {
                             messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
    }
    QList<QJsonObject> events() const {
        QList<QJsonObject> all;
        for (const QJsonObject &m : messages) {
            const QJsonArray list = m.value(QStringLiteral("events")).toArray();
            for (const QJsonValue &e : list)
                all.append(e.toObject());
        }
        return all;
    }
    bool sawType(const QString &type) const {
        const QList<QJsonObject> all = events();
        return std::any_of(all.begin(), all.end(), [&](const QJsonObject &e) {
            return e.value(QStringLiteral("type")).toString() == type;
        });
    }
};

} // namespace

class TestHttpEndpoint : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<HttpEndpoint> m_endpoint;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;

    QUrl url(const QString &path, const QString &scheme = QStringLiteral("http")) const {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(m_port).arg(path));
    }

    HttpResult request(const QByteArray &verb, const QString &path, const QByteArray &body = {}) {
        QNetworkRequest req(url(path));
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(req, verb, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000))
            qWarning("request %s %s timed out", verb.constData(), qPrintable(path));
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.raw = reply->readAll();
        result.json = QJsonDocument::fromJson(result.raw).object();
        result.allow = reply->rawHeader("Allow");
        return result;
    }

    QString startJob(const QString &flowId) {
        const HttpResult r =
            request("POST", QStringLiteral("/api/jobs"),
                    QJsonDocument(QJsonObject{{QStringLiteral("flow_id"), flowId}}).toJson());
        if (r.status != 201)
            qWarning("start job: %d %s", r.status, r.raw.constData());
        return r.json.value(QStringLiteral("job_id")).toString();
    }

    QString jobStatus(const QString &id) {
        return request("GET", QStringLiteral("/api/jobs/%1/status").arg(id))
            .json.value(QStringLiteral("status"))
            .toString();
    }

    // Polls over HTTP; the endpoint lives in this thread, so waiting must spin the event loop.
    bool waitForStatus(const QString &id, const QString &status, int timeoutMs = 10000) {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            if (jobStatus(id) == status)
                return true;
            QTest::qWait(20);
        }
        return false;
    }

    static void verifyErrorEnvelope(const HttpResult &r, int status) {
        QCOMPARE(r.status, status);
        const QString detail = r.json.value(QStringLiteral("detail")).toString();
        QVERIFY2(!detail.isEmpty(), r.raw.constData());
        const QJsonObject error = r.json.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), status);
        QCOMPARE(error.value(QStringLiteral("message")).toString(), detail);
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void health();
    void flows();
    void classes();
    void notFoundAndWrongMethod();
    void createJobValidation();
    void oversizedBody();
    void jobRunsToCompletion();
    void jobListFiltersAndPages();
    void trace();
    void pauseResumeCancel();
    void monitorStreamsEveryEventToEachClient();
    void monitorRefusesUnknownJobAndPath();
    void plainGetOnWebSocketPath();
    void endpointThread();
    void listenFailureIsReported();
};

void TestHttpEndpoint::initTestCase() {
    EngineConfig config;
    config.workers = 2;
    m_engine = std::make_unique<Engine>(config);
    QString flowId;
    Status s = m_engine->addFlowJson(chainFlow, QStringLiteral("test"), &flowId);
    QVERIFY2(s.ok(), qPrintable(s.message));
    s = m_engine->addFlowJson(slowFlow, QStringLiteral("test"), &flowId);
    QVERIFY2(s.ok(), qPrintable(s.message));

    m_endpoint = std::make_unique<HttpEndpoint>(m_engine.get());
    QString error;
    m_port = m_endpoint->listen(QHostAddress::LocalHost, 0, &error);
    QVERIFY2(m_port != 0, qPrintable(error));
    QCOMPARE(m_endpoint->port(), m_port);
}

void TestHttpEndpoint::cleanupTestCase() {
    m_endpoint.reset();
    m_engine.reset();
}

void TestHttpEndpoint::health() {
    const HttpResult r = request("GET", QStringLiteral("/api/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
    QVERIFY(!r.json.value(QStringLiteral("version")).toString().isEmpty());
    QVERIFY(r.json.value(QStringLiteral("uptime_s")).toDouble() >= 0);
}

void TestHttpEndpoint::flows() {
    const HttpResult list = request("GET", QStringLiteral("/api/flows"));
    QCOMPARE(list.status, 200);
    const QJsonArray flows = list.json.value(QStringLiteral("flows")).toArray();
    QCOMPARE(list.json.value(QStringLiteral("total")).toInt(), flows.size());
    QVERIFY(flows.size() >= 2);

    const HttpResult one = request("GET", QStringLiteral("/api/flows/chain"));
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

    verifyErrorEnvelope(request("GET", QStringLiteral("/api/flows/nope")), 404);
}

void TestHttpEndpoint::classes() {
    const HttpResult r = request("GET", QStringLiteral("/api/classes"));
    QCOMPARE(r.status, 200);
    const QJsonArray classes = r.json.value(QStringLiteral("classes")).toArray();
    QCOMPARE(r.json.value(QStringLiteral("total")).toInt(), classes.size());
    QVERIFY(r.raw.contains("flowscope.Work"));
}

void TestHttpEndpoint::notFoundAndWrongMethod() {
    verifyErrorEnvelope(request("GET", QStringLiteral("/api/nothing")), 404);
    verifyErrorEnvelope(request("GET", QStringLiteral("/api/jobs/xyz")), 404);
    const HttpResult malformed = request("GET", QStringLiteral("/api/jobs/xyz/status"));
    verifyErrorEnvelope(malformed, 404);
    QCOMPARE(malformed.json.value(QStringLiteral("detail")).toString(),
             QStringLiteral("no job 'xyz'"));
    verifyErrorEnvelope(request("GET", QStringLiteral("/api/jobs/00000000-0000ffff")), 404);
    verifyErrorEnvelope(request("POST", QStringLiteral("/api/jobs/xyz/cancel")), 404);
    verifyErrorEnvelope(request("GET", QStringLiteral("/api/jobs/xyz/trace")), 404);

    const HttpResult wrongMethod = request("DELETE", QStringLiteral("/api/jobs"));
    verifyErrorEnvelope(wrongMethod, 405);
    QCOMPARE(wrongMethod.allow, QByteArray("GET, POST"));
    const HttpResult getPause = request("GET", QStringLiteral("/api/jobs/abc/pause"));
    verifyErrorEnvelope(getPause, 405);
    QCOMPARE(getPause.allow, QByteArray("POST"));
    verifyErrorEnvelope(request("POST", QStringLiteral("/api/health")), 405);
}

void TestHttpEndpoint::createJobValidation() {
    const HttpResult broken =
        request("POST", QStringLiteral("/api/jobs"), "{\"flow_id\": \"chain\"");
    verifyErrorEnvelope(broken, 400);
    QVERIFY2(broken.json.value(QStringLiteral("detail"))
                 .toString()
                 .startsWith(QStringLiteral("body is not valid JSON at offset ")),
             broken.raw.constData());

    const HttpResult missing = request("POST", QStringLiteral("/api/jobs"), "{}");
    verifyErrorEnvelope(missing, 400);
    QCOMPARE(missing.json.value(QStringLiteral("detail")).toString(),
             QStringLiteral("flow_id: required string"));

    verifyErrorEnvelope(request("POST", QStringLiteral("/api/jobs"), "[1,2]"), 400);
    verifyErrorEnvelope(
        request("POST", QStringLiteral("/api/jobs"), R"({"flow_id":"chain","entry_params":3})"),
        400);
    verifyErrorEnvelope(
        request("POST", QStringLiteral("/api/jobs"), R"({"flow_id":"chain","timeout":"soon"})"),
        400);
    verifyErrorEnvelope(request("POST", QStringLiteral("/api/jobs"), R"({"flow_id":"nope"})"), 404);
    verifyErrorEnvelope(request("GET", QStringLiteral("/api/jobs?status=sleeping")), 400);
    verifyErrorEnvelope(request("GET", QStringLiteral("/api/jobs?limit=0")), 400);
    verifyErrorEnvelope(request("GET", QStringLiteral("/api/jobs?offset=-1")), 400);
}

void TestHttpEndpoint::oversizedBody() {
    QByteArray body = R"({"flow_id":"chain","entry_params":{"pad":")";
    body.append(QByteArray(1024 * 1024, 'x'));
    body.append("\"}}");
    verifyErrorEnvelope(request("POST", QStringLiteral("/api/jobs"), body), 413);
}

void TestHttpEndpoint::jobRunsToCompletion() {
    const HttpResult created =
        request("POST", QStringLiteral("/api/jobs"),
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

    QVERIFY(waitForStatus(id, QStringLiteral("completed")));
    const HttpResult done = request("GET", QStringLiteral("/api/jobs/%1").arg(id));
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QVERIFY(done.json.value(QStringLiteral("completed_at")).isString());
    QVERIFY(done.json.value(QStringLiteral("error")).isNull());
    QCOMPARE(done.json.value(QStringLiteral("progress")).toDouble(), 1.0);

    const HttpResult status = request("GET", QStringLiteral("/api/jobs/%1/status").arg(id));
    QCOMPARE(status.json.value(QStringLiteral("job_id")).toString(), id);
    QVERIFY(status.json.contains(QStringLiteral("progress")));
    QVERIFY(status.json.contains(QStringLiteral("error")));

    // A finished job cannot be resumed.
    verifyErrorEnvelope(request("POST", QStringLiteral("/api/jobs/%1/resume").arg(id)), 409);
}

void TestHttpEndpoint::jobListFiltersAndPages() {
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids.append(startJob(QStringLiteral("chain")));
    for (const QString &id : std::as_const(ids))
        QVERIFY(waitForStatus(id, QStringLiteral("completed")));

    const HttpResult all = request("GET", QStringLiteral("/api/jobs?flow_id=chain"));
    QCOMPARE(all.status, 200);
    const int total = all.json.value(QStringLiteral("total")).toInt();
    QVERIFY(total >= 3);
    QCOMPARE(all.json.value(QStringLiteral("jobs")).toArray().size(), total);
    QCOMPARE(all.json.value(QStringLiteral("limit")).toInt(), 100);
    QCOMPARE(all.json.value(QStringLiteral("offset")).toInt(), 0);

    const HttpResult page =
        request("GET", QStringLiteral("/api/jobs?flow_id=chain&status=completed&limit=2&offset=1"));
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

    const HttpResult none = request("GET", QStringLiteral("/api/jobs?flow_id=nope"));
    QCOMPARE(none.json.value(QStringLiteral("total")).toInt(), 0);
    const HttpResult running =
        request("GET", QStringLiteral("/api/jobs?flow_id=chain&status=running"));
    QCOMPARE(running.json.value(QStringLiteral("total")).toInt(), 0);
}

void TestHttpEndpoint::trace() {
    const QString id = startJob(QStringLiteral("chain"));
    QVERIFY(waitForStatus(id, QStringLiteral("completed")));

    const HttpResult r = request("GET", QStringLiteral("/api/jobs/%1/trace").arg(id));
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
        seen.insert(e.value(QStringLiteral("event_type")).toString() + QLatin1Char(':') +
                    e.value(QStringLiteral("routine_id")).toString());
    }
    for (const char *expected :
         {"routine_started:a", "routine_ended:a", "routine_started:b", "routine_ended:b"}) {
        QVERIFY2(seen.contains(QLatin1String(expected)), expected);
    }
    QVERIFY(events.last().toObject().value("event_type").toString() ==
            QStringLiteral("job_completed"));

    const HttpResult limited = request("GET", QStringLiteral("/api/jobs/%1/trace?limit=2").arg(id));
    QCOMPARE(limited.json.value(QStringLiteral("events")).toArray().size(), 2);
    QCOMPARE(limited.json.value(QStringLiteral("total")).toInt(), events.size());
    verifyErrorEnvelope(request("GET", QStringLiteral("/api/jobs/%1/trace?limit=x").arg(id)), 400);
}

void TestHttpEndpoint::pauseResumeCancel() {
    const QString id = startJob(QStringLiteral("slow"));
    QVERIFY(waitForStatus(id, QStringLiteral("running")));

    const HttpResult paused = request("POST", QStringLiteral("/api/jobs/%1/pause").arg(id));
    QCOMPARE(paused.status, 200);
    QCOMPARE(paused.json.value(QStringLiteral("job_id")).toString(), id);
    QVERIFY(waitForStatus(id, QStringLiteral("paused")));

    const HttpResult resumed = request("POST", QStringLiteral("/api/jobs/%1/resume").arg(id));
    QCOMPARE(resumed.status, 200);
    QVERIFY(waitForStatus(id, QStringLiteral("running")));
    // Resuming a job that is not paused is a state conflict.
    verifyErrorEnvelope(request("POST", QStringLiteral("/api/jobs/%1/resume").arg(id)), 409);

    const HttpResult cancelled = request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(id));
    QCOMPARE(cancelled.status, 200);
    QVERIFY(waitForStatus(id, QStringLiteral("cancelled")));

    // Cancel must also release a paused job (the Swarm Observability bug).
    const QString second = startJob(QStringLiteral("slow"));
    QVERIFY(waitForStatus(second, QStringLiteral("running")));
    QCOMPARE(request("POST", QStringLiteral("/api/jobs/%1/pause").arg(second)).status, 200);
    QVERIFY(waitForStatus(second, QStringLiteral("paused")));
    QCOMPARE(request("POST", QStringLiteral("/api/jobs/%1/cancel").arg(second)).status, 200);
    QVERIFY(waitForStatus(second, QStringLiteral("cancelled")));
}

void TestHttpEndpoint::monitorStreamsEveryEventToEachClient() {
    const QString id = startJob(QStringLiteral("chain"));
    QVERIFY(!id.isEmpty());
    const QUrl monitorUrl =
        url(QStringLiteral("/api/ws/jobs/%1/monitor").arg(id), QStringLiteral("ws"));
    MonitorClient first;
    MonitorClient second;
    QSignalSpy firstConnected(&first.socket, &QWebSocket::connected);
    QSignalSpy secondConnected(&second.socket, &QWebSocket::connected);
    first.socket.open(monitorUrl);
    second.socket.open(monitorUrl);
    QVERIFY(firstConnected.wait(5000) || firstConnected.size() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(secondConnected.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->monitorCount(), 2, 5000);

    QTRY_VERIFY_WITH_TIMEOUT(first.sawType(QStringLiteral("job_completed")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(second.sawType(QStringLiteral("job_completed")), 10000);

    for (MonitorClient *client : {&first, &second}) {
        const QJsonObject hello = client->messages.first();
        QCOMPARE(hello.value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QCOMPARE(hello.value(QStringLiteral("job_id")).toString(), id);
        QVERIFY(hello.contains(QStringLiteral("status")));
        for (int i = 1; i < client->messages.size(); ++i) {
            QCOMPARE(client->messages.at(i).value("type").toString(), QStringLiteral("events"));
            QCOMPARE(client->messages.at(i).value("dropped").toInt(), 0);
        }
    }

    // Each client has every event of the job exactly once, in order: the same as the trace.
    const auto sequences = [](const MonitorClient &client) {
        QList<qint64> seqs;
        const QList<QJsonObject> events = client.events();
        for (const QJsonObject &e : events)
            seqs.append(e.value(QStringLiteral("seq")).toInteger());
        return seqs;
    };
    const QList<qint64> firstSeqs = sequences(first);
    const QList<qint64> secondSeqs = sequences(second);
    QCOMPARE(firstSeqs, secondSeqs);
    for (int i = 1; i < firstSeqs.size(); ++i)
        QVERIFY(firstSeqs.at(i) > firstSeqs.at(i - 1));
    QList<qint64> traceSeqs;
    const QVector<Event> trace = m_engine->trace(JobId::fromString(id));
    for (const Event &e : trace)
        traceSeqs.append(qint64(e.seq));
    QCOMPARE(firstSeqs, traceSeqs);
    QCOMPARE(first.events().last().value("type").toString(), QStringLiteral("job_completed"));
    QVERIFY(first.sawType(QStringLiteral("job_started")));

    // Closing unsubscribes.
    first.socket.close();
    second.socket.close();
    QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->monitorCount(), 0, 5000);
}

void TestHttpEndpoint::monitorRefusesUnknownJobAndPath() {
    for (const QString &path :
         {QStringLiteral("/api/ws/jobs/00000000-0000ffff/monitor"),
          QStringLiteral("/api/ws/jobs/xyz/monitor"),
          QStringLiteral("/api/ws/flows/chain/elsewhere"), QStringLiteral("/elsewhere")}) {
        QWebSocket socket;
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(url(path, QStringLiteral("ws")));
        QVERIFY2(disconnected.wait(5000) || disconnected.size() == 1, qPrintable(path));
        QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY2(!socket.closeReason().isEmpty(), qPrintable(path));
    }
}

void TestHttpEndpoint::plainGetOnWebSocketPath() {
    verifyErrorEnvelope(request("GET", QStringLiteral("/api/ws/jobs/xyz/monitor")), 400);
}

void TestHttpEndpoint::endpointThread() {
    EndpointThread thread(m_engine.get());
    QSignalSpy listening(&thread, &EndpointThread::listening);
    QSignalSpy failed(&thread, &EndpointThread::failed);
    thread.start(QHostAddress::LocalHost, 0);
    QVERIFY(listening.wait(5000));
    QCOMPARE(failed.size(), 0);
    const quint16 port = listening.first().first().value<quint16>();
    QVERIFY(port != 0);

    const QUrl health(QStringLiteral("http://127.0.0.1:%1/api/health").arg(port));
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(health)));
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
    std::unique_ptr<QNetworkReply> refused(m_network.get(again));
    QSignalSpy refusedDone(refused.get(), &QNetworkReply::finished);
    QVERIFY(refusedDone.wait(5000));
    QVERIFY(refused->error() != QNetworkReply::NoError);
}

void TestHttpEndpoint::listenFailureIsReported() {
    HttpEndpoint second(m_engine.get());
    QString error;
    QCOMPARE(second.listen(QHostAddress::LocalHost, m_port, &error), quint16(0));
    QVERIFY(!error.isEmpty());

    EndpointThread thread(m_engine.get());
    QSignalSpy failed(&thread, &EndpointThread::failed);
    thread.start(QHostAddress::LocalHost, m_port);
    QVERIFY(failed.wait(5000));
    QVERIFY(!failed.first().first().toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestHttpEndpoint)
#include "tst_httpendpoint.moc"
