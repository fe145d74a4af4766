#include "report/healthreport.h"
#include "report/htmlreport.h"
#include "report/markdownreport.h"
#include "report/reportformat.h"
#include "report/reporttext.h"
#include "report/reportwriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

using namespace flowscope;

class TestHealthReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overallAndUnhealthy();
    void formatNames();
    void markdownHasAgentsStatesAndBars();
    void jsonHasTheValues();
    void htmlEscapesStrings();
    void pdfIsAPdf();
    void pdfTextHasAgentNames();
    void writeIsAtomicFile();
};

namespace {

constexpr qint64 nowMs = 1700000000000;
const QString oddName = QStringLiteral("<b>&");

AgentHealth agent(const QString &name, HealthState state, qint64 ageMs, quint64 beats)
{
    AgentHealth a;
    a.agent = name;
    a.state = state;
    a.stateSinceMs = nowMs - 500;
    a.registeredMs = nowMs - 3600000;
    a.lastBeatMs = nowMs - ageMs;
    a.beatAgeMs = ageMs;
    a.beats = beats;
    a.metadata = {{QStringLiteral("pid"), 4242}, {QStringLiteral("host"), QStringLiteral("box")}};
    return a;
}

MetricsSummary routine(const QString &key, quint64 count, quint64 errors, double p50, double p95,
                       double p99, double max)
{
    MetricsSummary s;
    s.scope = MetricScope::Routine;
    s.key = key;
    s.activations = count;
    s.errors = errors;
    s.durations.count = count;
    s.durations.medianMs = p50;
    s.durations.p95Ms = p95;
    s.durations.p99Ms = p99;
    s.durations.maxMs = max;
    return s;
}

HealthReport sampleReport()
{
    HealthReport r;
    r.title = QStringLiteral("scan-engine");
    r.generatedMs = nowMs;
    r.engineStartedMs = nowMs - 3723000; // 1 h 02 min 03 s
    r.heartbeatIntervalMs = 1000;        // FAILED after 3 s
    r.agents << agent(QStringLiteral("stuck-worker"), HealthState::Critical, 2100, 40)
             << agent(QStringLiteral("alpha"), HealthState::Healthy, 200, 3600)
             << agent(QStringLiteral("dead-worker"), HealthState::Failed, 5000, 12)
             << agent(oddName, HealthState::Degraded, 1200, 99);
    r.agents[0].diagnosis = QStringLiteral("stuck");
    r.agents[0].stuckRoutine = QStringLiteral("probe");
    r.agents[0].stuckForMs = 2100;
    r.agents[2].diagnosis = QStringLiteral("dead");

    Alert older;
    older.id = 1;
    older.timeMs = nowMs - 4000;
    older.level = AlertLevel::Warning;
    older.agent = QStringLiteral("dead-worker");
    older.to = HealthState::Degraded;
    older.message = QStringLiteral("dead-worker is late");
    Alert newer = older;
    newer.id = 2;
    newer.timeMs = nowMs - 2000;
    newer.level = AlertLevel::Critical;
    newer.from = HealthState::Degraded;
    newer.to = HealthState::Failed;
    newer.diagnosis = QStringLiteral("dead");
    newer.message = QStringLiteral("dead-worker's thread is gone");
    r.alerts << older << newer;

    r.engine.activations = 1000;
    r.engine.errors = 25;
    r.engine.fromMs = nowMs - 100000;
    r.engine.toMs = nowMs;
    r.engine.jobsStarted = 12;
    r.engine.jobsCompleted = 10;
    r.engine.jobsFailed = 1;
    r.engine.durations.count = 1000;
    r.engine.durations.medianMs = 3.5;
    r.engine.durations.p95Ms = 41;
    r.engine.durations.p99Ms = 88;
    r.engine.durations.maxMs = 120;
    r.engine.fields.insert(QStringLiteral("tokens"), FieldStats{4, 1000, 100, 400});
    r.routines << routine(QStringLiteral("scan/probe"), 600, 20, 5, 45, 90, 120)
               << routine(QStringLiteral("scan/plan"), 400, 5, 1.25, 2.5, 3, 4);
    r.jobsByStatus.insert(QStringLiteral("running"), 1);
    r.update();
    return r;
}

QString lineWith(const QString &text, const QString &needle)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.contains(needle))
            return line;
    }
    return QString();
}

} // namespace

void TestHealthReport::overallAndUnhealthy()
{
    QCOMPARE(overallHealth({}), HealthState::Healthy);
    const HealthReport r = sampleReport();
    QCOMPARE(r.overall, HealthState::Failed);
    QCOMPARE(r.agents.first().agent, oddName); // '<' sorts before letters
    QCOMPARE(r.alerts.first().id, quint64(2)); // newest first
    QCOMPARE(r.routines.first().key, QStringLiteral("scan/plan"));
    QCOMPARE(r.uptimeMs(), qint64(3723000));
    QCOMPARE(r.failedThresholdMs(), 3000);
    const QVector<AgentHealth> bad = unhealthyAgents(r.agents);
    QCOMPARE(bad.size(), 3);
    QCOMPARE(bad[0].agent, QStringLiteral("dead-worker"));
    QCOMPARE(bad[1].agent, QStringLiteral("stuck-worker"));
    QCOMPARE(bad[2].agent, oddName);

    HealthReport one;
    one.agents << agent(QStringLiteral("x"), HealthState::Degraded, 1500, 1);
    one.update();
    QCOMPARE(one.overall, HealthState::Degraded);
}

void TestHealthReport::formatNames()
{
    ReportFormat f;
    QVERIFY(reportFormatFromName(u"md", &f) && f == ReportFormat::Markdown);
    QVERIFY(reportFormatFromName(u"Markdown", &f) && f == ReportFormat::Markdown);
    QVERIFY(reportFormatFromName(u"json", &f) && f == ReportFormat::Json);
    QVERIFY(reportFormatFromName(u"HTML", &f) && f == ReportFormat::Html);
    QVERIFY(reportFormatFromName(u"pdf", &f) && f == ReportFormat::Pdf);
    QVERIFY(!reportFormatFromName(u"docx", &f));
    QCOMPARE(reportFormatName(ReportFormat::Markdown), QStringLiteral("markdown"));
    QCOMPARE(reportFileSuffix(ReportFormat::Markdown), QStringLiteral("md"));
    QCOMPARE(reportMimeType(ReportFormat::Pdf), QStringLiteral("application/pdf"));
    QCOMPARE(reportMimeType(ReportFormat::Json), QStringLiteral("application/json"));
    QCOMPARE(reportFileSuffix(ReportFormat::Html), QStringLiteral("html"));
    QCOMPARE(reportFormatNames().size(), 4);
}

void TestHealthReport::markdownHasAgentsStatesAndBars()
{
    const HealthReport r = sampleReport();
    QByteArray bytes;
    QVERIFY(ReportWriter::render(r, ReportFormat::Markdown, &bytes));
    const QString md = QString::fromUtf8(bytes);
    QVERIFY(md.startsWith(QStringLiteral("# Health report: scan-engine")));
    QVERIFY(md.contains(QStringLiteral("**Overall: FAILED**")));
    // Heartbeat age against 3 s: 0.2 s → 1 cell, 1.2 s → 4, 2.1 s → 7, 5 s → full.
    const struct
    {
        QString name;
        QString state;
        int filled;
    } expected[] = {
        {QStringLiteral("| alpha |"), QStringLiteral("HEALTHY"), 1},
        {QStringLiteral("| \\<b\\>& |"), QStringLiteral("DEGRADED"), 4},
        {QStringLiteral("| stuck-worker |"), QStringLiteral("CRITICAL"), 7},
        {QStringLiteral("| dead-worker |"), QStringLiteral("FAILED"), 10},
    };
    for (const auto &e : expected) {
        const QString line = lineWith(md, e.name);
        QVERIFY2(!line.isEmpty(), qPrintable(e.name));
        QVERIFY2(line.contains(e.state), qPrintable(line));
        const QString bar
            = QString(e.filled, QChar(0x2588)) + QString(10 - e.filled, QChar(0x2591));
        QVERIFY2(line.contains(bar), qPrintable(line));
    }
    QVERIFY(!md.contains(oddName)); // escaped
    // Unhealthy agents in detail: diagnosis, stuck routine, last beat age.
    const QString detail = md.mid(md.indexOf(QStringLiteral("## Unhealthy agents in detail")));
    QVERIFY(detail.size() < md.size());
    const QString stuck = lineWith(detail, QStringLiteral("| stuck-worker |"));
    QVERIFY2(stuck.contains(QStringLiteral("| stuck |")) && stuck.contains(QStringLiteral("probe"))
                 && stuck.contains(QStringLiteral("2.1 s")),
             qPrintable(stuck));
    QVERIFY(lineWith(detail, QStringLiteral("| dead-worker |")).contains(QStringLiteral("dead")));
    QVERIFY(lineWith(detail, QStringLiteral("| dead-worker |")).contains(QStringLiteral("5.0 s")));
    QVERIFY(md.indexOf(QStringLiteral("thread is gone")) < md.indexOf(QStringLiteral("is late")));
    QVERIFY(md.contains(QStringLiteral("uptime 1 h 02 min")));
    // Metrics and routines.
    QVERIFY(md.contains(QStringLiteral("| 1000 | 25 | 2.5 % |")));
    const QString probe = lineWith(md, QStringLiteral("| scan/probe |"));
    QCOMPARE(probe, QStringLiteral("| scan/probe | 600 | 20 | 5.00 | 45.0 | 90.0 | 120.0 |"));
    QVERIFY(lineWith(md, QStringLiteral("| tokens |")).contains(QStringLiteral("| 250 |")));
}

void TestHealthReport::jsonHasTheValues()
{
    const HealthReport r = sampleReport();
    QByteArray bytes;
    QVERIFY(ReportWriter::render(r, ReportFormat::Json, &bytes));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject o = doc.object();
    QCOMPARE(o.value(QStringLiteral("overall")).toString(), QStringLiteral("failed"));
    QCOMPARE(o.value(QStringLiteral("title")).toString(), QStringLiteral("scan-engine"));
    const QDateTime generated = QDateTime::fromString(
        o.value(QStringLiteral("generated_at")).toString(), Qt::ISODateWithMs);
    QCOMPARE(generated.toMSecsSinceEpoch(), nowMs);
    QCOMPARE(o.value(QStringLiteral("uptime_s")).toDouble(), 3723.0);
    QCOMPARE(o.value(QStringLiteral("failed_after_ms")).toInt(), 3000);

    const QJsonArray agents = o.value(QStringLiteral("agents")).toArray();
    QCOMPARE(agents.size(), 4);
    QJsonObject dead, stuck;
    for (const QJsonValue &v : agents) {
        const QJsonObject a = v.toObject();
        if (a.value(QStringLiteral("name")).toString() == QLatin1String("dead-worker"))
            dead = a;
        if (a.value(QStringLiteral("name")).toString() == QLatin1String("stuck-worker"))
            stuck = a;
    }
    QCOMPARE(dead.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(dead.value(QStringLiteral("last_beat_age_ms")).toInteger(), 5000);
    QCOMPARE(dead.value(QStringLiteral("beats")).toInteger(), 12);
    QCOMPARE(dead.value(QStringLiteral("diagnosis")).toString(), QStringLiteral("dead"));
    QCOMPARE(dead.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("pid")).toInt(),
             4242);
    QCOMPARE(stuck.value(QStringLiteral("stuck_routine")).toString(), QStringLiteral("probe"));
    QCOMPARE(agents.first().toObject().value(QStringLiteral("name")).toString(), oddName);
    QCOMPARE(o.value(QStringLiteral("unhealthy_agents")).toArray().first().toString(),
             QStringLiteral("dead-worker"));

    const QJsonArray alerts = o.value(QStringLiteral("alerts")).toArray();
    QCOMPARE(alerts.size(), 2);
    QCOMPARE(alerts[0].toObject().value(QStringLiteral("level")).toString(),
             QStringLiteral("critical"));
    QCOMPARE(alerts[0].toObject().value(QStringLiteral("to")).toString(), QStringLiteral("failed"));

    const QJsonObject metrics = o.value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("activations")).toInteger(), 1000);
    QCOMPARE(metrics.value(QStringLiteral("error_rate")).toDouble(), 0.025);
    QCOMPARE(metrics.value(QStringLiteral("throughput_per_s")).toDouble(), 10.0);
    QCOMPARE(metrics.value(QStringLiteral("durations_ms"))
                 .toObject()
                 .value(QStringLiteral("p99"))
                 .toDouble(),
             88.0);
    QCOMPARE(metrics.value(QStringLiteral("fields"))
                 .toObject()
                 .value(QStringLiteral("tokens"))
                 .toObject()
                 .value(QStringLiteral("mean"))
                 .toDouble(),
             250.0);
    const QJsonArray routines = o.value(QStringLiteral("routines")).toArray();
    QCOMPARE(routines.size(), 2);
    QCOMPARE(routines[1].toObject().value(QStringLiteral("routine")).toString(),
             QStringLiteral("scan/probe"));
    QCOMPARE(routines[1].toObject().value(QStringLiteral("p95_ms")).toDouble(), 45.0);
    QCOMPARE(o.value(QStringLiteral("jobs")).toObject().value(QStringLiteral("running")).toInt(),
             1);
}

void TestHealthReport::htmlEscapesStrings()
{
    HealthReport r = sampleReport();
    r.title = QStringLiteral("eng<script>");
    r.alerts[0].message = QStringLiteral("a \"quoted\" <i>message</i>");
    r.routines[0].key = QStringLiteral("f/<r>");
    QByteArray bytes;
    QVERIFY(ReportWriter::render(r, ReportFormat::Html, &bytes));
    const QString html = QString::fromUtf8(bytes);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("&lt;b&gt;&amp;")));
    QVERIFY(!html.contains(oddName));
    QVERIFY(html.contains(QStringLiteral("eng&lt;script&gt;")));
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(html.contains(QStringLiteral("a &quot;quoted&quot; &lt;i&gt;message&lt;/i&gt;")));
    QVERIFY(html.contains(QStringLiteral("f/&lt;r&gt;")));
    QVERIFY(!html.contains(QStringLiteral("<link")) && !html.contains(QStringLiteral("src=")));
    // Bars in the state's colour: the dead agent's is full and red.
    QVERIFY(html.contains(QStringLiteral("<td width=\"100%\" bgcolor=\"#c62828\"")));
    for (const AgentHealth &a : r.agents)
        QVERIFY(html.contains(HtmlReport::escape(a.agent)));
}

void TestHealthReport::pdfIsAPdf()
{
    const HealthReport r = sampleReport();
    QByteArray pdf;
    QString error;
    QVERIFY2(ReportWriter::render(r, ReportFormat::Pdf, &pdf, &error), qPrintable(error));
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QVERIFY(pdf.contains("/Title"));
    // What the PDF lays out: the HTML report as QTextDocument reads it.
    QTextDocument document;
    document.setHtml(HtmlReport::render(r));
    const QString text = document.toPlainText();
    for (const AgentHealth &a : r.agents)
        QVERIFY2(text.contains(a.agent), qPrintable(a.agent));
}

void TestHealthReport::pdfTextHasAgentNames()
{
    // Qt 6.4 has no PDF reader and QPdfWriter compresses its streams: poppler reads the text.
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text was not checked");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    QString error;
    QVERIFY2(ReportWriter::write(sampleReport(), ReportFormat::Pdf, path, &error),
             qPrintable(error));
    QProcess process;
    process.start(pdftotext, {QStringLiteral("-raw"), QStringLiteral("-enc"),
                              QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(text.contains(QStringLiteral("Health report: scan-engine")), qPrintable(text));
    for (const QString &name : {QStringLiteral("alpha"), QStringLiteral("stuck-worker"),
                                QStringLiteral("dead-worker"), oddName})
        QVERIFY2(text.contains(name), qPrintable(name + QLatin1String(" not in: ") + text));
    QVERIFY(text.contains(QStringLiteral("FAILED")));
}

void TestHealthReport::writeIsAtomicFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const HealthReport r = sampleReport();
    for (ReportFormat f :
         {ReportFormat::Markdown, ReportFormat::Json, ReportFormat::Html, ReportFormat::Pdf}) {
        const QString path = dir.filePath(QStringLiteral("report.") + reportFileSuffix(f));
        QString error;
        QVERIFY2(ReportWriter::write(r, f, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray expected;
        QVERIFY(ReportWriter::render(r, f, &expected));
        if (f != ReportFormat::Pdf) // PDFs carry their creation time
            QCOMPARE(file.readAll(), expected);
        else
            QVERIFY(file.readAll().startsWith("%PDF"));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 4); // no temporary files left
    QString error;
    QVERIFY(!ReportWriter::write(r, ReportFormat::Markdown,
                                 dir.filePath(QStringLiteral("missing/dir/report.md")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestHealthReport)
#include "tst_healthreport.moc"
