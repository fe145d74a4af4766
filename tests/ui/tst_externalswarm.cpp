// The demo swarm of external Python agents (examples/python/demo_swarm.py) against a real
// headless engine: the engine sees them register and stay healthy, their events and metrics in
// the job they work for, and pause, resume and cancel of the job or of one agent reach them, by
// polling over HTTP or pushed over the agent WebSocket.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

namespace {

struct Reply
{
    int status = 0;
    QJsonObject body;
};

Reply http(QNetworkAccessManager &network, const QByteArray &verb, const QString &url,
           const QByteArray &body = {})
{
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
}

// Runs demo_swarm.py; its standard output is one JSON object per line.
class Swarm
{
public:
    Swarm(const QString &url, const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.setWorkingDirectory(QStringLiteral(FLOWSCOPE_EXAMPLES));
        m_process.start(QStringLiteral(PYTHON3),
                        QStringList{QStringLiteral("demo_swarm.py"), QStringLiteral("--url"), url}
                            + arguments);
    }
    ~Swarm()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    // The lines printed so far.
    QVector<QJsonObject> lines()
    {
        while (m_process.canReadLine())
            m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
        return m_lines;
    }
    std::optional<QJsonObject> line(const QString &event, const QString &agent = {},
                                    const QString &command = {})
    {
        for (const QJsonObject &o : lines()) {
            if (o.value(QStringLiteral("event")).toString() == event
                && (agent.isEmpty() || o.value(QStringLiteral("agent")).toString() == agent)
                && (command.isEmpty() || o.value(QStringLiteral("command")).toString() == command))
                return o;
        }
        return std::nullopt;
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QVector<QJsonObject> m_lines;
};

QString stateOf(const QJsonObject &agent)
{
    return agent.value(QStringLiteral("state")).toString();
}

} // namespace

class TestExternalSwarm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void theEngineSeesTheSwarmAndItsJobControlReachesIt();
    void oneAgentIsPausedStoppedAtABreakpointAndCancelled();
    void overTheWebSocketPauseAndCancelArePushed();

private:
    QJsonObject external(const QString &name)
    {
        return http(m_network, "GET", m_base + QStringLiteral("/api/external-agents/") + name).body;
    }
    double progressOf(const QString &name)
    {
        return external(name).value(QStringLiteral("progress")).toDouble();
    }
    // Cancels the job; every agent of the swarm leaves as cancelled and the swarm exits with 0.
    void cancelJobAndSeeEveryoneLeave(Swarm &swarm, const QString &job, const QStringList &everyone)
    {
        QCOMPARE(
            http(m_network, "POST", m_base + QStringLiteral("/api/jobs/%1/cancel").arg(job)).status,
            200);
        QVERIFY(swarm.process().waitForFinished(10000));
        QCOMPARE(swarm.process().exitCode(), 0);
        for (const QString &name : everyone) {
            const std::optional<QJsonObject> done = swarm.line(QStringLiteral("done"), name);
            QVERIFY2(done, qPrintable(name));
            QCOMPARE(done->value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
            const QJsonObject agent = external(name);
            QCOMPARE(stateOf(agent), QStringLiteral("cancelled"));
            QVERIFY(!agent.value(QStringLiteral("registered")).toBool());
        }
    }

    QProcess m_engine;
    QString m_base;
    QNetworkAccessManager m_network;
};

void TestExternalSwarm::initTestCase()
{
    m_engine.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_engine.start(QStringLiteral(FLOWSCOPE_BINARY),
                   {QStringLiteral("--headless"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--demo"),
                    QStringLiteral("--heartbeat-interval"), QStringLiteral("200")});
    QVERIFY2(m_engine.waitForStarted(10000), qPrintable(m_engine.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_engine.canReadLine(), 10000);
    const QString line = QString::fromUtf8(m_engine.readLine()).trimmed();
    m_base = line.section(QLatin1Char(' '), -1);
    QVERIFY2(m_base.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(line));
}

void TestExternalSwarm::cleanupTestCase()
{
    m_engine.terminate();
    QVERIFY(m_engine.waitForFinished(10000));
    QCOMPARE(m_engine.exitCode(), 0);
}

void TestExternalSwarm::theEngineSeesTheSwarmAndItsJobControlReachesIt()
{
    Swarm swarm(m_base,
                {QStringLiteral("--flow"), QStringLiteral("scan_swarm"), QStringLiteral("--probes"),
                 QStringLiteral("3"), QStringLiteral("--steps"), QStringLiteral("2000"),
                 QStringLiteral("--step-ms"), QStringLiteral("20")});
    QTRY_VERIFY_WITH_TIMEOUT(swarm.line(QStringLiteral("started")), 15000);
    const QString job
        = swarm.line(QStringLiteral("started"))->value(QStringLiteral("job_id")).toString();
    QVERIFY(!job.isEmpty());
    const QStringList probes{QStringLiteral("py-probe-1"), QStringLiteral("py-probe-2"),
                             QStringLiteral("py-probe-3")};
    const QStringList everyone = QStringList{QStringLiteral("py-planner")} + probes;

    // Registered, working for the job, reporting progress, healthy next to the engine's agents.
    for (const QString &name : probes)
        QTRY_VERIFY_WITH_TIMEOUT(progressOf(name) > 0.01, 10000);
    for (const QString &name : everyone) {
        const QJsonObject agent = external(name);
        QCOMPARE(agent.value(QStringLiteral("job_id")).toString(), job);
        QVERIFY(agent.value(QStringLiteral("registered")).toBool());
    }
    const QJsonObject agents = http(m_network, "GET", m_base + QStringLiteral("/api/agents")).body;
    QStringList healthyExternal;
    for (const QJsonValue &value : agents.value(QStringLiteral("agents")).toArray()) {
        const QJsonObject agent = value.toObject();
        if (agent.value(QStringLiteral("external")).toBool()
            && stateOf(agent) == QLatin1String("healthy"))
            healthyExternal.append(agent.value(QStringLiteral("name")).toString());
    }
    for (const QString &name : everyone)
        QVERIFY2(healthyExternal.contains(name),
                 qPrintable(healthyExternal.join(QLatin1Char(' '))));

    // Their events are in the job's trace under their names, their metrics in the job's.
    const QJsonArray trace
        = http(m_network, "GET", m_base + QStringLiteral("/api/jobs/%1/trace").arg(job))
              .body.value(QStringLiteral("events"))
              .toArray();
    QSet<QString> seen;
    for (const QJsonValue &value : trace) {
        const QJsonObject e = value.toObject();
        seen.insert(e.value(QStringLiteral("agent")).toString() + QLatin1Char('/')
                    + e.value(QStringLiteral("type")).toString());
    }
    for (const QString &name : probes) {
        QVERIFY2(seen.contains(name + QStringLiteral("/progress")), qPrintable(name));
        QVERIFY2(seen.contains(name + QStringLiteral("/metric")), qPrintable(name));
        QVERIFY2(seen.contains(name + QStringLiteral("/routine_started")), qPrintable(name));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        http(m_network, "GET", m_base + QStringLiteral("/api/jobs/%1/metrics").arg(job))
                .body.value(QStringLiteral("routine_metrics"))
                .toObject()
                .value(QStringLiteral("scan"))
                .toObject()
                .value(QStringLiteral("fields"))
                .toObject()
                .value(QStringLiteral("latency_ms"))
                .toObject()
                .value(QStringLiteral("count"))
                .toInt()
            > 0,
        5000);

    // Pausing the job stops every agent at a checkpoint: they say so, and progress stands still.
    QElapsedTimer reach;
    reach.start();
    QCOMPARE(http(m_network, "POST", m_base + QStringLiteral("/api/jobs/%1/pause").arg(job)).status,
             200);
    for (const QString &name : everyone)
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(external(name)), QStringLiteral("paused"), 5000);
    qInfo("the job's pause reached its %d external agents in %lld ms", int(everyone.size()),
          reach.elapsed());
    QMap<QString, double> stopped;
    for (const QString &name : probes)
        stopped.insert(name, progressOf(name));
    QTest::qWait(800);
    for (const QString &name : probes)
        QCOMPARE(progressOf(name), stopped.value(name));

    // Resuming lets them go on.
    QCOMPARE(
        http(m_network, "POST", m_base + QStringLiteral("/api/jobs/%1/resume").arg(job)).status,
        200);
    for (const QString &name : probes)
        QTRY_VERIFY_WITH_TIMEOUT(progressOf(name) > stopped.value(name), 5000);

    // Cancelling the job ends them: each leaves as cancelled, and the swarm exits.
    cancelJobAndSeeEveryoneLeave(swarm, job, everyone);
}

void TestExternalSwarm::oneAgentIsPausedStoppedAtABreakpointAndCancelled()
{
    Swarm swarm(m_base, {QStringLiteral("--prefix"), QStringLiteral("b-"),
                         QStringLiteral("--probes"), QStringLiteral("2"), QStringLiteral("--steps"),
                         QStringLiteral("150"), QStringLiteral("--step-ms"), QStringLiteral("20")});
    const QString first = QStringLiteral("b-probe-1");
    const QString second = QStringLiteral("b-probe-2");
    QTRY_VERIFY_WITH_TIMEOUT(progressOf(first) > 0 && progressOf(second) > 0, 15000);

    // Pausing one agent leaves the other running.
    QCOMPARE(
        http(m_network, "POST", m_base + QStringLiteral("/api/agents/%1/pause").arg(first)).status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(external(first)), QStringLiteral("paused"), 5000);
    const double held = progressOf(first);
    const double other = progressOf(second);
    QTest::qWait(500);
    QCOMPARE(progressOf(first), held);
    QVERIFY(progressOf(second) > other);
    QCOMPARE(
        http(m_network, "POST", m_base + QStringLiteral("/api/agents/%1/pause").arg(first)).status,
        409);

    // A breakpoint on the other's "step" checkpoint stops it there.
    Reply set
        = http(m_network, "PUT", m_base + QStringLiteral("/api/agents/%1/breakpoints").arg(second),
               R"({"checkpoints": ["step"]})");
    QCOMPARE(set.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(external(second)
                                  .value(QStringLiteral("control"))
                                  .toObject()
                                  .value(QStringLiteral("reason"))
                                  .toString(),
                              QStringLiteral("breakpoint step"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(external(second)), QStringLiteral("paused"), 5000);
    QCOMPARE(external(second).value(QStringLiteral("last_checkpoint")).toString(),
             QStringLiteral("step"));
    QCOMPARE(http(m_network, "PUT",
                  m_base + QStringLiteral("/api/agents/%1/breakpoints").arg(second),
                  R"({"checkpoints": []})")
                 .status,
             200);
    QCOMPARE(http(m_network, "POST", m_base + QStringLiteral("/api/agents/%1/resume").arg(second))
                 .status,
             200);

    // Cancelling the paused one releases it to end; the other finishes its work.
    QCOMPARE(
        http(m_network, "POST", m_base + QStringLiteral("/api/agents/%1/cancel").arg(first)).status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(swarm.line(QStringLiteral("done"), first), 5000);
    QCOMPARE(swarm.line(QStringLiteral("done"), first)->value(QStringLiteral("state")).toString(),
             QStringLiteral("cancelled"));
    QVERIFY(swarm.process().waitForFinished(20000));
    QCOMPARE(swarm.line(QStringLiteral("done"), second)->value(QStringLiteral("state")).toString(),
             QStringLiteral("completed"));
    QCOMPARE(stateOf(external(second)), QStringLiteral("completed"));
    QCOMPARE(external(second).value(QStringLiteral("progress")).toDouble(), 1.0);

    // Bad input is refused with its place.
    const Reply bad
        = http(m_network, "POST", m_base + QStringLiteral("/api/ingest"),
               R"({"agent": "b-probe-2", "events": [{"type": "progress", "value": 7}]})");
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.body.value(QStringLiteral("detail")).toString(),
             QStringLiteral("events[0].value: expected a number from 0 to 1"));
}

void TestExternalSwarm::overTheWebSocketPauseAndCancelArePushed()
{
    Swarm swarm(m_base,
                {QStringLiteral("--websocket"), QStringLiteral("--prefix"), QStringLiteral("ws-"),
                 QStringLiteral("--flow"), QStringLiteral("scan_swarm"), QStringLiteral("--probes"),
                 QStringLiteral("2"), QStringLiteral("--steps"), QStringLiteral("2000"),
                 QStringLiteral("--step-ms"), QStringLiteral("20")});
    QTRY_VERIFY_WITH_TIMEOUT(swarm.line(QStringLiteral("started")), 15000);
    const QJsonObject started = *swarm.line(QStringLiteral("started"));
    QCOMPARE(started.value(QStringLiteral("transport")).toString(), QStringLiteral("websocket"));
    const QString job = started.value(QStringLiteral("job_id")).toString();
    const QStringList probes{QStringLiteral("ws-probe-1"), QStringLiteral("ws-probe-2")};
    const QStringList everyone = QStringList{QStringLiteral("ws-planner")} + probes;
    for (const QString &name : probes)
        QTRY_VERIFY_WITH_TIMEOUT(progressOf(name) > 0.01, 10000);
    for (const QString &name : everyone)
        QVERIFY2(external(name).value(QStringLiteral("connected")).toBool(), qPrintable(name));

    // Every agent hears the pause and stops at a checkpoint.
    QCOMPARE(http(m_network, "POST", m_base + QStringLiteral("/api/jobs/%1/pause").arg(job)).status,
             200);
    for (const QString &name : everyone) {
        QTRY_VERIFY_WITH_TIMEOUT(
            swarm.line(QStringLiteral("control"), name, QStringLiteral("pause")), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(external(name)), QStringLiteral("paused"), 5000);
    }
    // Pushed, not polled: an answer to a heartbeat that crossed the push on its way may carry the
    // news first, but not for every agent.
    const auto pushed = [&](const QString &command) {
        int count = 0;
        for (const QString &name : everyone) {
            count += swarm.line(QStringLiteral("control"), name, command)
                         ->value(QStringLiteral("pushed"))
                         .toBool();
        }
        return count;
    };
    QVERIFY(pushed(QStringLiteral("pause")) > 0);

    // Cancelling the paused job ends them all, and closes their sockets.
    cancelJobAndSeeEveryoneLeave(swarm, job, everyone);
    if (QTest::currentTestFailed())
        return;
    for (const QString &name : everyone) {
        QVERIFY2(swarm.line(QStringLiteral("control"), name, QStringLiteral("cancel")),
                 qPrintable(name));
        QTRY_VERIFY_WITH_TIMEOUT(!external(name).value(QStringLiteral("connected")).toBool(), 5000);
    }
    QVERIFY(pushed(QStringLiteral("cancel")) > 0);
}

QTEST_GUILESS_MAIN(TestExternalSwarm)
#include "tst_externalswarm.moc"
