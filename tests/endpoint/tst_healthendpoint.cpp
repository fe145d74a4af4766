// The health, alert, metrics and report routes over real loopback sockets, on an engine whose
// agents beat every 100 ms: a routine that sleeps without checking in makes its agent stuck for
// real.
#include "endpoint/endpointthread.h"
#include "endpointfixture.h"
#include "runtime/context.h"
#include "runtime/routineregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace flowscope;
using namespace EndpointTest;

namespace {

constexpr int stuckSleepMs = 600;

// Sleeps without Context::checkpoint(): its agent cannot beat meanwhile.
class SleepRoutine : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {QStringLiteral("out")}; }
    void handle(Context &ctx, const QString &, const QVariant &data) const override
    {
        QThread::msleep(stuckSleepMs);
        ctx.emit(QStringLiteral("out"), data);
    }
};

const QByteArray sleepyFlow = R"({"flow_id":"sleepy","routines":{
    "nap":{"class":"test.Sleep"}},"entry":"nap.in"})";

QJsonObject findAgent(const QJsonArray &agents, const QString &name)
{
    for (const QJsonValue &agent : agents) {
        if (agent[QStringLiteral("name")].toString() == name)
            return agent.toObject();
    }
    return {};
}

} // namespace

class TestHealthEndpoint : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;
    QString runToCompletion(const QString &flowId);

private Q_SLOTS:
    void init();
    void cleanup();

    void agentsAreHealthy();
    void stuckAgentAndItsAlerts();
    void alertsFromTheJournal();
    void alertQueryValidation();
    void jobMetrics();
    void flowAndEngineMetrics();
    void reports();
    void pdfFromTheEndpointThread();
    void wrongMethods();
};

QString TestHealthEndpoint::runToCompletion(const QString &flowId)
{
    const QString id = m_fixture.startJob(flowId);
    if (!id.isEmpty() && !m_fixture.waitForStatus(id, QStringLiteral("completed")))
        qWarning("job %s of %s did not complete", qPrintable(id), qPrintable(flowId));
    return id;
}

void TestHealthEndpoint::init()
{
    EngineConfig config = Fixture::defaultConfig();
    config.heartbeatIntervalMs = 100;
    QString error;
    QVERIFY2(m_fixture.setUp(&error, config), qPrintable(error));
    m_fixture.engine().registry().addClass<SleepRoutine>(QStringLiteral("test.Sleep"));
    const Status status = m_fixture.engine().addFlowJson(sleepyFlow, QStringLiteral("test"));
    QVERIFY2(status.ok(), qPrintable(status.message));
}

void TestHealthEndpoint::cleanup()
{
    m_fixture.tearDown();
}

void TestHealthEndpoint::agentsAreHealthy()
{
    HttpResult r;
    QVERIFY(waitUntil([&] {
        r = m_fixture.request("GET", QStringLiteral("/api/agents"));
        return r.status == 200
               && findAgent(r.json[QStringLiteral("agents")].toArray(),
                            QStringLiteral("worker-2"))[QStringLiteral("beats")]
                          .toInt()
                      > 0;
    }));
    QCOMPARE(r.json[QStringLiteral("total")].toInt(), 2);
    QCOMPARE(r.json[QStringLiteral("heartbeat_interval_ms")].toInt(), 100);
    QCOMPARE(r.json[QStringLiteral("failed_after_ms")].toInt(), 300);
    QCOMPARE(r.json[QStringLiteral("overall")].toString(), QStringLiteral("healthy"));
    const QJsonArray agents = r.json[QStringLiteral("agents")].toArray();
    for (const QString &name : {QStringLiteral("worker-1"), QStringLiteral("worker-2")}) {
        const QJsonObject agent = findAgent(agents, name);
        QVERIFY2(!agent.isEmpty(), qPrintable(name));
        QCOMPARE(agent[QStringLiteral("state")].toString(), QStringLiteral("healthy"));
        QCOMPARE(agent[QStringLiteral("external")].toBool(), false);
        QVERIFY(agent[QStringLiteral("diagnosis")].isNull());
        QVERIFY(agent[QStringLiteral("heartbeat_age_ms")].toDouble() >= 0);
        QVERIFY(QDateTime::fromString(agent[QStringLiteral("last_heartbeat")].toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        QCOMPARE(agent[QStringLiteral("metadata")][QStringLiteral("pid")].toInteger(),
                 QCoreApplication::applicationPid());
    }

    const HttpResult one = m_fixture.request("GET", QStringLiteral("/api/agents/worker-1"));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json[QStringLiteral("name")].toString(), QStringLiteral("worker-1"));
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/agents/nobody")), 404);
}

void TestHealthEndpoint::stuckAgentAndItsAlerts()
{
    const QString job = m_fixture.startJob(QStringLiteral("sleepy"));
    QVERIFY(!job.isEmpty());
    // Critical at 200 ms, failed at 300 ms without a beat; it beats again after 600 ms.
    QJsonObject stuck;
    QVERIFY(waitUntil(
        [&] {
            const QJsonArray agents = m_fixture.request("GET", QStringLiteral("/api/agents"))
                                          .json[QStringLiteral("agents")]
                                          .toArray();
            for (const QJsonValue &agent : agents) {
                const QString state = agent[QStringLiteral("state")].toString();
                if (state == QLatin1String("critical") || state == QLatin1String("failed")) {
                    stuck = agent.toObject();
                    return true;
                }
            }
            return false;
        },
        stuckSleepMs));
    QCOMPARE(stuck[QStringLiteral("diagnosis")].toString(), QStringLiteral("stuck"));
    QCOMPARE(stuck[QStringLiteral("stuck_routine")].toString(), QStringLiteral("nap"));
    QVERIFY(stuck[QStringLiteral("stuck_for_ms")].toDouble() > 0);
    const QString name = stuck[QStringLiteral("name")].toString();
    QVERIFY(m_fixture.waitForStatus(job, QStringLiteral("completed")));

    const HttpResult r = m_fixture.request("GET", QStringLiteral("/api/alerts"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json[QStringLiteral("source")].toString(), QStringLiteral("memory"));
    bool warning = false;
    bool critical = false;
    for (const QJsonValue &alert : r.json[QStringLiteral("alerts")].toArray()) {
        if (alert[QStringLiteral("agent")].toString() != name)
            continue;
        QVERIFY(alert[QStringLiteral("alert_id")].toDouble() > 0);
        QVERIFY(!alert[QStringLiteral("message")].toString().isEmpty());
        const QString level = alert[QStringLiteral("level")].toString();
        if (level == QLatin1String("warning"))
            warning = true;
        if (level == QLatin1String("critical")) {
            critical = true;
            QCOMPARE(alert[QStringLiteral("diagnosis")].toString(), QStringLiteral("stuck"));
            QCOMPARE(alert[QStringLiteral("routine")].toString(), QStringLiteral("nap"));
        }
    }
    QVERIFY2(warning && critical, r.raw.constData());

    const HttpResult onlyCritical
        = m_fixture.request("GET", QStringLiteral("/api/alerts?level=critical&limit=1"));
    QCOMPARE(onlyCritical.status, 200);
    const QJsonArray list = onlyCritical.json[QStringLiteral("alerts")].toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0][QStringLiteral("level")].toString(), QStringLiteral("critical"));
    QVERIFY(onlyCritical.json[QStringLiteral("total")].toInt() >= 1);

    // A range in the future holds nothing.
    const qint64 later = QDateTime::currentMSecsSinceEpoch() + 60000;
    const HttpResult none
        = m_fixture.request("GET", QStringLiteral("/api/alerts?since=%1").arg(later));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json[QStringLiteral("total")].toInt(), 0);
    QCOMPARE(none.json[QStringLiteral("source")].toString(), QStringLiteral("memory"));
}

void TestHealthEndpoint::alertsFromTheJournal()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Status opened = m_fixture.engine().openJournal(dir.filePath(QStringLiteral("j.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    const QString job = m_fixture.startJob(QStringLiteral("sleepy"));
    QVERIFY(m_fixture.waitForStatus(job, QStringLiteral("completed")));

    const QString since
        = QDateTime::fromMSecsSinceEpoch(startMs - 1000, Qt::UTC).toString(Qt::ISODateWithMs);
    HttpResult r;
    QVERIFY(waitUntil([&] {
        r = m_fixture.request("GET", QStringLiteral("/api/alerts?level=critical&since=") + since);
        return r.json[QStringLiteral("total")].toInt() > 0;
    }));
    QCOMPARE(r.json[QStringLiteral("source")].toString(), QStringLiteral("journal"));
    const QJsonObject alert = r.json[QStringLiteral("alerts")][0].toObject();
    QCOMPARE(alert[QStringLiteral("diagnosis")].toString(), QStringLiteral("stuck"));
    QCOMPARE(alert[QStringLiteral("routine")].toString(), QStringLiteral("nap"));
    const QDateTime time
        = QDateTime::fromString(alert[QStringLiteral("time")].toString(), Qt::ISODateWithMs);
    QVERIFY(time.toMSecsSinceEpoch() >= startMs);
    const HttpResult before
        = m_fixture.request("GET", QStringLiteral("/api/alerts?until=%1").arg(startMs - 1000));
    QCOMPARE(before.status, 200);
    QCOMPARE(before.json[QStringLiteral("source")].toString(), QStringLiteral("journal"));
    QCOMPARE(before.json[QStringLiteral("total")].toInt(), 0);
}

void TestHealthEndpoint::alertQueryValidation()
{
    for (const char *query : {"level=loud", "limit=0", "limit=x", "since=yesterday",
                              "since=2030-01-01T00:00:00Z&until=2029-01-01T00:00:00Z"}) {
        const HttpResult r
            = m_fixture.request("GET", QStringLiteral("/api/alerts?") + QString::fromLatin1(query));
        verifyErrorEnvelope(r, 400);
    }
    const HttpResult level = m_fixture.request("GET", QStringLiteral("/api/alerts?level=loud"));
    QVERIFY2(level.json[QStringLiteral("detail")].toString().startsWith(QStringLiteral("level:")),
             level.raw.constData());
    const HttpResult iso = m_fixture.request(
        "GET", QStringLiteral("/api/alerts?since=2020-01-01T00:00:00.000Z&until=2020-01-02"));
    QCOMPARE(iso.status, 200);
}

void TestHealthEndpoint::jobMetrics()
{
    const QString id = runToCompletion(QStringLiteral("chain"));
    QVERIFY(!id.isEmpty());
    const QString path = QStringLiteral("/api/jobs/%1/metrics").arg(id);
    HttpResult r;
    // Metrics follow the event stream, behind the job's status: wait until both routines ran.
    QVERIFY(waitUntil([&] {
        r = m_fixture.request("GET", path);
        const QJsonObject routines = r.json[QStringLiteral("routine_metrics")].toObject();
        return routines.size() == 2
               && routines[QStringLiteral("a")][QStringLiteral("execution_count")].toInt() > 0
               && routines[QStringLiteral("b")][QStringLiteral("execution_count")].toInt() > 0;
    }));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json[QStringLiteral("job_id")].toString(), id);
    QCOMPARE(r.json[QStringLiteral("flow_id")].toString(), QStringLiteral("chain"));
    QCOMPARE(r.json[QStringLiteral("status")].toString(), QStringLiteral("completed"));
    QVERIFY(r.json[QStringLiteral("duration")].toDouble() >= 0.2);
    QVERIFY(!r.json[QStringLiteral("start_time")].isNull());
    QVERIFY(!r.json[QStringLiteral("end_time")].isNull());
    QVERIFY(r.json[QStringLiteral("total_events")].toInt() > 0);
    QCOMPARE(r.json[QStringLiteral("total_slot_calls")].toInt(), 1); // a.out -> b.in
    QCOMPARE(r.json[QStringLiteral("total_event_emits")].toInt(), 2);
    QCOMPARE(r.json[QStringLiteral("errors")].toArray().size(), 0);
    QCOMPARE(r.json[QStringLiteral("success_rate")].toDouble(), 1.0);
    QVERIFY(r.json[QStringLiteral("percentiles")][QStringLiteral("p50")].toDouble() >= 50);
    for (const QString &routine : {QStringLiteral("a"), QStringLiteral("b")}) {
        const QJsonObject m = r.json[QStringLiteral("routine_metrics")][routine].toObject();
        QVERIFY2(m[QStringLiteral("execution_count")].toInt() > 0, qPrintable(routine));
        QCOMPARE(m[QStringLiteral("error_count")].toInt(), 0);
        // Durations in seconds (Routilux), percentiles in ms.
        QVERIFY(m[QStringLiteral("avg_duration")].toDouble() > 0.05);
        QVERIFY(m[QStringLiteral("avg_duration")].toDouble() < 5);
        const QJsonObject p = m[QStringLiteral("percentiles")].toObject();
        QVERIFY(p[QStringLiteral("p50")].toDouble() >= 50);
        QVERIFY(p[QStringLiteral("p99")].toDouble() >= p[QStringLiteral("p50")].toDouble());
        QVERIFY(!m[QStringLiteral("last_execution")].isNull());
    }

    const qint64 from = QDateTime::currentMSecsSinceEpoch() - 60000;
    const HttpResult ranged
        = m_fixture.request("GET", path + QStringLiteral("?from=%1&step=5000").arg(from));
    QCOMPARE(ranged.status, 200);
    QVERIFY(ranged.json[QStringLiteral("series")].isArray());

    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs/zz/metrics")), 404);
    verifyErrorEnvelope(m_fixture.request("GET", path + QStringLiteral("?from=soon")), 400);
    verifyErrorEnvelope(m_fixture.request("GET", path + QStringLiteral("?to=1000")), 400);
    verifyErrorEnvelope(
        m_fixture.request("GET", path + QStringLiteral("?from=%1&step=10").arg(from)), 400);
}

void TestHealthEndpoint::flowAndEngineMetrics()
{
    QVERIFY(!runToCompletion(QStringLiteral("chain")).isEmpty());
    HttpResult r;
    QVERIFY(waitUntil([&] {
        r = m_fixture.request("GET", QStringLiteral("/api/flows/chain/metrics"));
        return r.json[QStringLiteral("activations")].toInt() >= 2;
    }));
    QCOMPARE(r.json[QStringLiteral("flow_id")].toString(), QStringLiteral("chain"));
    QCOMPARE(r.json[QStringLiteral("jobs")][QStringLiteral("completed")].toInt(), 1);
    QCOMPARE(r.json[QStringLiteral("jobs")][QStringLiteral("running")].toInt(), 0);
    const QJsonObject routines = r.json[QStringLiteral("routine_metrics")].toObject();
    QVERIFY2(routines.contains(QStringLiteral("a")) && routines.contains(QStringLiteral("b")),
             r.raw.constData());
    QVERIFY(routines[QStringLiteral("a")][QStringLiteral("execution_count")].toInt() > 0);

    const qint64 from = QDateTime::currentMSecsSinceEpoch() - 30000;
    const HttpResult ranged = m_fixture.request(
        "GET", QStringLiteral("/api/flows/chain/metrics?from=%1&step=1000").arg(from));
    QCOMPARE(ranged.status, 200);
    qint64 seriesActivations = 0;
    for (const QJsonValue &point : ranged.json[QStringLiteral("series")].toArray())
        seriesActivations += point[QStringLiteral("activations")].toInteger();
    QCOMPARE(seriesActivations, 2);

    // A registered flow without jobs has zero metrics; an unknown flow is a 404.
    const HttpResult idle = m_fixture.request("GET", QStringLiteral("/api/flows/slow/metrics"));
    QCOMPARE(idle.status, 200);
    QCOMPARE(idle.json[QStringLiteral("activations")].toInt(), 0);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/flows/nope/metrics")), 404);

    const HttpResult summary = m_fixture.request("GET", QStringLiteral("/api/metrics/summary"));
    QCOMPARE(summary.status, 200);
    QCOMPARE(summary.json[QStringLiteral("scope")].toString(), QStringLiteral("engine"));
    QVERIFY(summary.json[QStringLiteral("activations")].toInt() >= 2);
    QVERIFY(summary.json[QStringLiteral("routine_metrics")].toObject().contains(
        QStringLiteral("chain/a")));
}

void TestHealthEndpoint::reports()
{
    QVERIFY(!runToCompletion(QStringLiteral("chain")).isEmpty());
    const HttpResult j
        = m_fixture.request("GET", QStringLiteral("/api/reports/health?format=json"));
    QCOMPARE(j.status, 200);
    QVERIFY2(j.contentType.startsWith("application/json"), j.contentType.constData());
    QJsonParseError parseError;
    const QJsonObject report = QJsonDocument::fromJson(j.raw, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray agents = report[QStringLiteral("agents")].toArray();
    QCOMPARE(agents.size(), 2);
    QVERIFY(!findAgent(agents, QStringLiteral("worker-1")).isEmpty());
    QCOMPARE(report[QStringLiteral("heartbeat_interval_ms")].toInt(), 100);

    const HttpResult md = m_fixture.request("GET", QStringLiteral("/api/reports/health?format=md"));
    QCOMPARE(md.status, 200);
    QVERIFY2(md.contentType.startsWith("text/markdown"), md.contentType.constData());
    QVERIFY(md.raw.contains("worker-1") && md.raw.contains("worker-2"));

    const HttpResult html
        = m_fixture.request("GET", QStringLiteral("/api/reports/health?format=html"));
    QCOMPARE(html.status, 200);
    QVERIFY2(html.contentType.startsWith("text/html"), html.contentType.constData());
    QVERIFY(html.raw.contains("worker-2"));

    // QTEST_MAIN made a QGuiApplication (QtGui is linked), on the offscreen platform.
    const HttpResult pdf
        = m_fixture.request("GET", QStringLiteral("/api/reports/health?format=pdf"));
    QCOMPARE(pdf.status, 200);
    QVERIFY2(pdf.contentType.startsWith("application/pdf"), pdf.contentType.constData());
    QVERIFY(pdf.raw.startsWith("%PDF"));

    const HttpResult bad
        = m_fixture.request("GET", QStringLiteral("/api/reports/health?format=doc"));
    verifyErrorEnvelope(bad, 400);
    const QString detail = bad.json[QStringLiteral("detail")].toString();
    for (const char *format : {"md", "json", "html", "pdf"})
        QVERIFY2(detail.contains(QLatin1String(format)), qPrintable(detail));
}

void TestHealthEndpoint::pdfFromTheEndpointThread()
{
    // As in the console: HTTP is served from a thread of its own, the PDF is laid out in this one.
    EndpointThread thread(&m_fixture.engine());
    QSignalSpy listening(&thread, &EndpointThread::listening);
    thread.start(QHostAddress::LocalHost, 0);
    QVERIFY(listening.wait(5000));
    const quint16 port = listening.first().first().value<quint16>();
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/api/reports/health?format=pdf").arg(port));
    std::unique_ptr<QNetworkReply> reply(m_fixture.network().get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().startsWith("%PDF"));
    thread.stop();
}

void TestHealthEndpoint::wrongMethods()
{
    const HttpResult agents = m_fixture.request("DELETE", QStringLiteral("/api/agents"));
    verifyErrorEnvelope(agents, 405);
    QCOMPARE(agents.allow, QByteArray("GET"));
    const HttpResult report = m_fixture.request("POST", QStringLiteral("/api/reports/health"));
    verifyErrorEnvelope(report, 405);
    QCOMPARE(report.allow, QByteArray("GET"));
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/alerts")), 405);
    verifyErrorEnvelope(m_fixture.request("POST", QStringLiteral("/api/jobs/x/metrics")), 405);
    for (const char *path :
         {"/api/agents/worker-1", "/api/metrics/summary", "/api/flows/chain/metrics"}) {
        verifyErrorEnvelope(m_fixture.request("DELETE", QString::fromLatin1(path)), 405);
    }
}

QTEST_MAIN(TestHealthEndpoint)
#include "tst_healthendpoint.moc"
