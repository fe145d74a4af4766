// GET /metrics over a real loopback socket, after an etl job ran to completion: the families and
// their values, the histogram's invariants, and promtool's verdict on the text.
#include "endpoint/prometheusexporter.h"
#include "endpointfixture.h"
#include "metrics/histogram.h"
#include "metrics/metricscollector.h"

#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace EndpointTest;

namespace {

// "name{labels}" → value, comments skipped.
QMap<QString, double> samples(const QByteArray &text)
{
    QMap<QString, double> out;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        const QByteArray value = line.mid(space + 1);
        out.insert(QString::fromUtf8(line.left(space)),
                   value == "+Inf" ? qInf() : value.toDouble());
    }
    return out;
}

// Empty when promtool accepts the text, else its complaint; null when it is not installed.
QString promtoolComplaint(const QByteArray &text)
{
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty())
        return QString();
    QProcess process;
    process.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!process.waitForStarted())
        return QStringLiteral("promtool did not start");
    process.write(text);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return QStringLiteral("promtool did not finish");
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return QStringLiteral("");
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

} // namespace

class TestPrometheus : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;
    QByteArray m_body;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void contentType();
    void familiesAndValues();
    void histogramIsCumulative();
    void promtoolAccepts();
    void labelValuesAreEscaped();
    void histogramCountAtOrBelow();
    void wrongMethod();
    void perSubscriberCounts();
    void journalFamilies(); // last: opens a journal on the shared engine
};

// One engine for every test: an etl job (shortened through its variables) runs to completion.
void TestPrometheus::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
    Engine &engine = m_fixture.engine();
    engine.addDemoFlows();
    JobRequest request;
    request.flowId = QStringLiteral("etl");
    request.params = {{QStringLiteral("batches"), 3},
                      {QStringLiteral("ingest_ms"), 60},
                      {QStringLiteral("process_ms"), 5}};
    JobId id;
    const Status status = engine.startJob(request, &id);
    QVERIFY2(status.ok(), qPrintable(status.message));
    QVERIFY(waitUntil(
        [&] {
            const auto info = engine.job(id);
            return info && info->status == JobStatus::Completed;
        },
        20000));
    // The collector is fed from the bus: wait until the last routine's activation is counted.
    QVERIFY(waitUntil([&] {
        m_body = m_fixture.request("GET", QStringLiteral("/metrics")).raw;
        return samples(m_body).value(
                   QStringLiteral("flowscope_activations_total{flow=\"etl\",routine=\"load\"}"))
               > 0;
    }));
}

void TestPrometheus::cleanupTestCase()
{
    m_fixture.tearDown();
}

void TestPrometheus::contentType()
{
    const HttpResult r = m_fixture.request("GET", QStringLiteral("/metrics"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    QVERIFY(r.raw.endsWith('\n'));
}

void TestPrometheus::familiesAndValues()
{
    for (const char *family :
         {"flowscope_events_published_total", "flowscope_events_dropped_total",
          "flowscope_event_subscribers", "flowscope_jobs", "flowscope_activations_total",
          "flowscope_activation_errors_total", "flowscope_activation_duration_seconds",
          "flowscope_agent_up", "flowscope_agent_health_state",
          "flowscope_agent_heartbeat_age_seconds", "flowscope_agent_activations_total"}) {
        QVERIFY2(m_body.contains(QByteArray("# HELP ") + family + ' '), family);
        QVERIFY2(m_body.contains(QByteArray("# TYPE ") + family + ' '), family);
    }
    QVERIFY2(!m_body.contains("flowscope_journal_"), "no journal is open");

    const QMap<QString, double> s = samples(m_body);
    QVERIFY(s.value(QStringLiteral("flowscope_events_published_total")) > 0);
    QCOMPARE(s.value(QStringLiteral("flowscope_jobs{status=\"completed\"}"), -1.0), 1.0);
    for (const char *status : {"pending", "running", "paused", "failed", "cancelled"}) {
        const QString name
            = QStringLiteral("flowscope_jobs{status=\"%1\"}").arg(QLatin1String(status));
        QCOMPARE(s.value(name, -1.0), 0.0);
    }
    for (const char *routine : {"ingest", "parse", "process", "validate", "load"}) {
        const QString labels
            = QStringLiteral("{flow=\"etl\",routine=\"%1\"}").arg(QLatin1String(routine));
        QVERIFY2(s.value(QStringLiteral("flowscope_activations_total") + labels) > 0, routine);
        QCOMPARE(s.value(QStringLiteral("flowscope_activation_errors_total") + labels, -1.0), 0.0);
    }
    QCOMPARE(s.value(QStringLiteral("flowscope_agent_up{agent=\"worker-1\"}"), -1.0), 1.0);
    QCOMPARE(s.value(QStringLiteral(
                         "flowscope_agent_health_state{agent=\"worker-1\",state=\"healthy\"}"),
                     -1.0),
             1.0);
    QCOMPARE(
        s.value(QStringLiteral("flowscope_agent_health_state{agent=\"worker-1\",state=\"failed\"}"),
                -1.0),
        0.0);
    QVERIFY(
        s.value(QStringLiteral("flowscope_agent_heartbeat_age_seconds{agent=\"worker-1\"}"), -1.0)
        >= 0);
    QVERIFY(s.value(QStringLiteral("flowscope_agent_activations_total{agent=\"processor\"}")) > 0);
}

void TestPrometheus::histogramIsCumulative()
{
    const QString prefix = QStringLiteral(
        "flowscope_activation_duration_seconds_bucket{flow=\"etl\",routine=\"process\",le=\"");
    double previous = 0;
    for (double bound : PrometheusExporter::durationBounds()) {
        const QString name = prefix + QString::number(bound, 'g', 15) + QStringLiteral("\"}");
        const double count = samples(m_body).value(name, -1);
        QVERIFY2(count >= previous, qPrintable(name));
        previous = count;
    }
    const QMap<QString, double> s = samples(m_body);
    const double inf = s.value(prefix + QStringLiteral("+Inf\"}"), -1);
    QVERIFY(inf >= previous);
    const QString labels = QStringLiteral("{flow=\"etl\",routine=\"process\"}");
    QCOMPARE(s.value(QStringLiteral("flowscope_activation_duration_seconds_count") + labels, -1),
             inf);
    QCOMPARE(inf, s.value(QStringLiteral("flowscope_activations_total") + labels));
    // 3 batches x 5 steps of 5 ms each: well over 10 ms, well under a minute.
    const double sum
        = s.value(QStringLiteral("flowscope_activation_duration_seconds_sum") + labels);
    QVERIFY2(sum > 0.01 && sum < 60, qPrintable(QString::number(sum)));
    QCOMPARE(s.value(prefix + QStringLiteral("60\"}")), inf);
    QCOMPARE(s.value(prefix + QStringLiteral("0.0001\"}"), -1), 0.0);
}

void TestPrometheus::promtoolAccepts()
{
    const QString complaint = promtoolComplaint(m_body);
    if (complaint.isNull())
        QSKIP("promtool not found on PATH: install Debian's prometheus package "
              "(tools/flowscope-dev)");
    QVERIFY2(complaint.isEmpty(), qPrintable(complaint));
}

// Flow, routine and agent names are identifiers; the escaping itself is checked directly.
void TestPrometheus::labelValuesAreEscaped()
{
    QCOMPARE(PrometheusExporter::escapeLabelValue(QStringLiteral("plain-name_1.x")),
             QStringLiteral("plain-name_1.x"));
    QCOMPARE(PrometheusExporter::escapeLabelValue(QStringLiteral("a\"b\\c\nd")),
             QStringLiteral("a\\\"b\\\\c\\nd"));
    QCOMPARE(PrometheusExporter::escapeLabelValue(QStringLiteral("\u00e9t\u00e9")),
             QStringLiteral("\u00e9t\u00e9"));
}

void TestPrometheus::histogramCountAtOrBelow()
{
    Histogram h;
    QCOMPARE(h.countAtOrBelow(100), quint64(0));
    for (qint64 v : {3, 10, 31, 1000, 1'000'000, 50'000'000})
        h.record(v);
    QCOMPARE(h.countAtOrBelow(2), quint64(0));
    QCOMPARE(h.countAtOrBelow(3), quint64(1));
    QCOMPARE(h.countAtOrBelow(31), quint64(3));
    QCOMPARE(h.countAtOrBelow(999), quint64(3));
    QCOMPARE(h.countAtOrBelow(1100), quint64(4));
    QCOMPARE(h.countAtOrBelow(49'000'000), quint64(5));
    QCOMPARE(h.countAtOrBelow(50'000'000), quint64(6));

    const MetricsCollector &metrics = m_fixture.engine().metrics();
    QVERIFY(metrics.durations(MetricScope::Routine, QStringLiteral("etl/process")).count() > 0);
    QCOMPARE(metrics.durations(MetricScope::Routine, QStringLiteral("no/such")).count(),
             quint64(0));
}

void TestPrometheus::wrongMethod()
{
    const HttpResult r = m_fixture.request("POST", QStringLiteral("/metrics"));
    verifyErrorEnvelope(r, 405);
    QCOMPARE(r.allow, QByteArray("GET"));
}

void TestPrometheus::perSubscriberCounts()
{
    // An event stream that reads everything, while a job runs.
    QTcpSocket stream;
    QByteArray received;
    connect(&stream, &QTcpSocket::readyRead, &stream, [&] { received += stream.readAll(); });
    stream.connectToHost(QStringLiteral("127.0.0.1"), m_fixture.port());
    QVERIFY(stream.waitForConnected(5000));
    stream.write("GET /api/events/stream HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(waitUntil([&] { return received.contains("event: connected"); }));
    QVERIFY(!m_fixture.startJob(QStringLiteral("chain")).isEmpty());

    QByteArray body;
    QString sentKey;
    QVERIFY(waitUntil([&] {
        body = m_fixture.request("GET", QStringLiteral("/metrics")).raw;
        const QMap<QString, double> s = samples(body);
        for (auto it = s.begin(); it != s.end(); ++it) {
            if (it.key().startsWith(
                    QStringLiteral("flowscope_subscriber_events_sent_total{kind=\"sse\""))
                && it.value() > 0)
                sentKey = it.key();
        }
        return !sentKey.isEmpty();
    }));
    QString droppedKey = sentKey;
    droppedKey.replace(QStringLiteral("_sent_"), QStringLiteral("_dropped_"));
    QCOMPARE(samples(body).value(droppedKey, -1.0), 0.0);
    const QString complaint = promtoolComplaint(body);
    QVERIFY2(complaint.isNull() || complaint.isEmpty(), qPrintable(complaint));
}

void TestPrometheus::journalFamilies()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Status opened = m_fixture.engine().openJournal(dir.filePath(QStringLiteral("j.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    const QByteArray body = m_fixture.request("GET", QStringLiteral("/metrics")).raw;
    for (const char *family :
         {"flowscope_journal_events_written_total", "flowscope_journal_events_dropped_total"}) {
        QVERIFY2(body.contains(QByteArray("# TYPE ") + family + " counter\n"), family);
        QVERIFY2(samples(body).value(QString::fromLatin1(family), -1) >= 0, family);
    }
    QCOMPARE(samples(body).value(QStringLiteral("flowscope_journal_events_dropped_total")), 0.0);
    const QString complaint = promtoolComplaint(body);
    QVERIFY2(complaint.isNull() || complaint.isEmpty(), qPrintable(complaint));
}

QTEST_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
