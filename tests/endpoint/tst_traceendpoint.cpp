// GET /api/jobs/{id}/trace?format=chrome over real loopback sockets: the Chrome trace of a job in
// the engine's history, of a job only the journal still holds, and the errors.
#include "endpointfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace EndpointTest;

namespace {

// The complete events ("X") of a trace by routine name, and the lanes' names by tid.
struct ChromeSlices
{
    QMultiHash<QString, QJsonObject> byRoutine;
    QHash<int, QString> lanes;
    QStringList instants;
};

ChromeSlices slicesOf(const QJsonObject &trace)
{
    ChromeSlices slices;
    const QJsonArray events = trace.value(QStringLiteral("traceEvents")).toArray();
    for (const QJsonValue &value : events) {
        const QJsonObject e = value.toObject();
        const QString phase = e.value(QStringLiteral("ph")).toString();
        const QString name = e.value(QStringLiteral("name")).toString();
        if (phase == QLatin1String("X"))
            slices.byRoutine.insert(name, e);
        else if (phase == QLatin1String("i"))
            slices.instants << name;
        else if (phase == QLatin1String("M") && name == QLatin1String("thread_name"))
            slices.lanes.insert(
                e.value(QStringLiteral("tid")).toInt(),
                e.value(QStringLiteral("args")).toObject().value("name").toString());
    }
    return slices;
}

} // namespace

class TestTraceEndpoint : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void chromeTraceOfAFinishedJob();
    void jobOnlyInTheJournal();
    void badRequestsAreRefused();
};

void TestTraceEndpoint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    EngineConfig config = Fixture::defaultConfig();
    config.eventHistory = 100; // small, so that later jobs push earlier ones out
    QString error;
    QVERIFY2(m_fixture.setUp(&error, config), qPrintable(error));
    const Status opened = m_fixture.engine().openJournal(m_dir.filePath(QStringLiteral("j.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.message));
}

void TestTraceEndpoint::cleanupTestCase()
{
    m_fixture.tearDown();
}

void TestTraceEndpoint::chromeTraceOfAFinishedJob()
{
    const QString id = m_fixture.startJob(QStringLiteral("chain"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("completed")));

    const HttpResult r
        = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/trace?format=chrome").arg(id));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArrayLiteral("application/json"));
    QJsonParseError parseError;
    const QJsonObject trace = QJsonDocument::fromJson(r.raw, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(trace.value("otherData").toObject().value("job_id").toString(), id);
    QCOMPARE(trace.value("otherData").toObject().value("source").toString(),
             QStringLiteral("engine"));

    // The chain's two routines, 100 ms each, each on the lane of the agent that ran it.
    const ChromeSlices slices = slicesOf(trace);
    QCOMPARE(slices.byRoutine.size(), 2);
    QHash<QString, QString> agentOf;
    for (const Event &e : m_fixture.engine().trace(JobId::fromString(id))) {
        if (e.type == EventType::RoutineEnded)
            agentOf.insert(e.routine.toString(), e.agent.toString());
    }
    for (const char *routine : {"a", "b"}) {
        const QJsonObject slice = slices.byRoutine.value(routine);
        QCOMPARE(slices.lanes.value(slice.value("tid").toInt()), agentOf.value(routine));
        QVERIFY2(slice.value("dur").toDouble() >= 100'000.0, qPrintable(routine));
    }
    QVERIFY(slices.instants.contains(QStringLiteral("job completed")));

    // Without a format, or with format=json, the Routilux trace as before.
    const HttpResult json = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/trace").arg(id));
    QCOMPARE(json.status, 200);
    QVERIFY(json.json.value(QStringLiteral("events")).toArray().size() >= 6);
    const HttpResult named
        = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/trace?format=json").arg(id));
    QCOMPARE(named.json.value(QStringLiteral("total")), json.json.value(QStringLiteral("total")));
}

void TestTraceEndpoint::jobOnlyInTheJournal()
{
    const QString first = m_fixture.startJob(QStringLiteral("chain"));
    QVERIFY(m_fixture.waitForStatus(first, QStringLiteral("completed")));
    // Later jobs until the first one's events have left the 100-event history.
    const JobId firstId = JobId::fromString(first);
    for (int i = 0; i < 40 && !m_fixture.engine().trace(firstId).isEmpty(); ++i) {
        const QString later = m_fixture.startJob(QStringLiteral("chain"));
        QVERIFY(m_fixture.waitForStatus(later, QStringLiteral("completed")));
    }
    QVERIFY(m_fixture.engine().trace(firstId).isEmpty());

    const HttpResult r
        = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/trace?format=chrome").arg(first));
    QCOMPARE(r.status, 200);
    const QJsonObject trace = QJsonDocument::fromJson(r.raw).object();
    QCOMPARE(trace.value("otherData").toObject().value("source").toString(),
             QStringLiteral("journal"));
    QCOMPARE(trace.value("otherData").toObject().value("flow_id").toString(),
             QStringLiteral("chain"));
    const ChromeSlices slices = slicesOf(trace);
    QCOMPARE(slices.byRoutine.size(), 2);
    QVERIFY(slices.byRoutine.contains(QStringLiteral("a")));
    QVERIFY(slices.byRoutine.contains(QStringLiteral("b")));
}

void TestTraceEndpoint::badRequestsAreRefused()
{
    const QString id = m_fixture.startJob(QStringLiteral("chain"));
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("completed")));
    const HttpResult unknownFormat
        = m_fixture.request("GET", QStringLiteral("/api/jobs/%1/trace?format=xml").arg(id));
    verifyErrorEnvelope(unknownFormat, 400);
    QVERIFY2(unknownFormat.raw.contains("format: unknown trace format 'xml'"),
             unknownFormat.raw.constData());
    const HttpResult limited = m_fixture.request(
        "GET", QStringLiteral("/api/jobs/%1/trace?format=chrome&limit=5").arg(id));
    verifyErrorEnvelope(limited, 400);
    QVERIFY2(limited.raw.contains("limit:"), limited.raw.constData());
    const HttpResult unknownJob = m_fixture.request(
        "GET", QStringLiteral("/api/jobs/00000000-00000001/trace?format=chrome"));
    verifyErrorEnvelope(unknownJob, 404);
    verifyErrorEnvelope(
        m_fixture.request("GET", QStringLiteral("/api/jobs/nojob/trace?format=chrome")), 404);
}

QTEST_GUILESS_MAIN(TestTraceEndpoint)
#include "tst_traceendpoint.moc"
