#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

namespace {

// Runs `flowscope ARGS` to its end; returns the exit code, standard output and error.
int runFlowscope(const QStringList &arguments, QByteArray *out, QByteArray *err = nullptr)
{
    QProcess process;
    process.start(QStringLiteral(FLOWSCOPE_BINARY), arguments);
    if (!process.waitForFinished(30000))
        return -1;
    *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitCode();
}

QByteArray httpRequest(QNetworkAccessManager &network, const QString &url,
                       const QByteArray &postBody = {})
{
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply
        = postBody.isNull() ? network.get(request) : network.post(request, postBody);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    reply->deleteLater();
    return reply->readAll();
}

// Starts `flowscope --headless` with a journal, runs one job of a demo flow to completion over
// HTTP, optionally fetches something while the server runs, then stops it. QVERIFY inside.
void runJobAndStop(const QString &db, const QString &flowId, QString *jobId,
                   const std::function<void(QNetworkAccessManager &, const QString &base,
                                            const QString &id)> &whileRunning
                   = {})
{
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(FLOWSCOPE_BINARY),
                 {QStringLiteral("--headless"), QStringLiteral("--listen"),
                  QStringLiteral("127.0.0.1:0"), QStringLiteral("--demo"), QStringLiteral("--db"),
                  db, QStringLiteral("--heartbeat-interval"), QStringLiteral("100")});
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    const QString base = line.section(QLatin1Char(' '), -1);
    QVERIFY2(base.startsWith(QLatin1String("http://")), qPrintable(line));

    QNetworkAccessManager network;
    const QJsonObject job
        = QJsonDocument::fromJson(
              httpRequest(network, base + QStringLiteral("/api/jobs"),
                          QJsonDocument(QJsonObject{{QStringLiteral("flow_id"), flowId}}).toJson()))
              .object();
    const QString id = job.value(QStringLiteral("job_id")).toString();
    QVERIFY2(!id.isEmpty(), QJsonDocument(job).toJson().constData());
    *jobId = id;
    QTRY_COMPARE_WITH_TIMEOUT(
        QJsonDocument::fromJson(httpRequest(network, base + QStringLiteral("/api/jobs/") + id))
            .object()
            .value(QStringLiteral("status"))
            .toString(),
        QStringLiteral("completed"), 20000);
    if (whileRunning)
        whileRunning(network, base, id);
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitCode(), 0);
}

// The slices ("X" events) of a Chrome trace, by routine.
QMultiHash<QString, QJsonObject> traceSlices(const QByteArray &json)
{
    QMultiHash<QString, QJsonObject> slices;
    const QJsonArray events
        = QJsonDocument::fromJson(json).object().value(QStringLiteral("traceEvents")).toArray();
    for (const QJsonValue &value : events) {
        const QJsonObject e = value.toObject();
        if (e.value(QStringLiteral("ph")) == QLatin1String("X"))
            slices.insert(e.value(QStringLiteral("name")).toString(), e);
    }
    return slices;
}

} // namespace

// Runs the real binary the way a server would: no display, ephemeral port, then SIGTERM.
class TestHeadless : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesHealthAndQuitsOnTerminate()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless must not need a platform
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral(FLOWSCOPE_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--demo")});
        QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));

        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
        const QString line = QString::fromUtf8(process.readLine()).trimmed();
        const QRegularExpression pattern(
            QStringLiteral("^Flowscope endpoint listening on (http://127\\.0\\.0\\.1:(\\d+))$"));
        const QRegularExpressionMatch match = pattern.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        QVERIFY(match.captured(2).toInt() > 0);

        QNetworkAccessManager network;
        QNetworkReply *reply
            = network.get(QNetworkRequest(QUrl(match.captured(1) + QStringLiteral("/api/health"))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    // A server with a journal runs a job and stops; `flowscope report` reads its health and
    // metrics back from the file.
    void journalFeedsTheReportCommand()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("server.db"));
        QString id;
        runJobAndStop(db, QStringLiteral("etl"), &id);
        if (QTest::currentTestFailed())
            return;

        QByteArray out;
        QCOMPARE(runFlowscope({QStringLiteral("report"), QStringLiteral("--db"), db}, &out), 0);
        const QString markdown = QString::fromUtf8(out);
        QVERIFY2(markdown.contains(QLatin1String("# Health report")), qPrintable(markdown));
        QVERIFY(markdown.contains(QLatin1String("worker-1")));
        QVERIFY(markdown.contains(QLatin1String("etl/load")));

        QCOMPARE(runFlowscope({QStringLiteral("report"), QStringLiteral("--db"), db,
                               QStringLiteral("--format"), QStringLiteral("json")},
                              &out),
                 0);
        const QJsonObject report = QJsonDocument::fromJson(out).object();
        QVERIFY(report.value(QStringLiteral("metrics"))
                    .toObject()
                    .value(QStringLiteral("activations"))
                    .toInt()
                > 0);
        QVERIFY(report.value(QStringLiteral("agents")).toArray().size() >= 2);

        const QString pdf = dir.filePath(QStringLiteral("health.pdf"));
        QCOMPARE(runFlowscope({QStringLiteral("report"), QStringLiteral("--db"), db,
                               QStringLiteral("--out"), pdf},
                              &out),
                 0);
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (!pdftotext.isEmpty()) {
            QProcess text;
            text.start(pdftotext, {QStringLiteral("-raw"), pdf, QStringLiteral("-")});
            QVERIFY(text.waitForFinished(10000));
            QVERIFY(text.readAllStandardOutput().contains("worker-1"));
        }

        QByteArray err;
        QCOMPARE(runFlowscope({QStringLiteral("report"), QStringLiteral("--db"), db,
                               QStringLiteral("--format"), QStringLiteral("xml")},
                              &out, &err),
                 2);
        QVERIFY2(err.contains("unknown format 'xml'"), err.constData());
        QFile notJournal(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notJournal.open(QIODevice::WriteOnly));
        notJournal.write("not a journal\n");
        notJournal.close();
        QCOMPARE(
            runFlowscope({QStringLiteral("report"), QStringLiteral("--db"), notJournal.fileName()},
                         &out, &err),
            2);
        QVERIFY2(err.contains("notes.txt"), err.constData());
    }

    // `flowscope export-trace` on a server's journal tells what the server's traces (JSON and
    // Chrome) told: one slice per finished activation of the job.
    void journalFeedsTheTraceExport()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("server.db"));
        QString id;
        QByteArray served;
        QByteArray servedChrome;
        runJobAndStop(db, QStringLiteral("etl"), &id,
                      [&](QNetworkAccessManager &network, const QString &base, const QString &job) {
                          const QString trace = base + QStringLiteral("/api/jobs/") + job
                                                + QStringLiteral("/trace");
                          served = httpRequest(network, trace);
                          servedChrome
                              = httpRequest(network, trace + QStringLiteral("?format=chrome"));
                      });
        if (QTest::currentTestFailed())
            return;
        // What the server's JSON trace says ran: the routine of each finished activation.
        QMultiHash<QString, QString> live;
        const QJsonArray events
            = QJsonDocument::fromJson(served).object().value(QStringLiteral("events")).toArray();
        for (const QJsonValue &value : events) {
            const QJsonObject e = value.toObject();
            const QString type = e.value(QStringLiteral("event_type")).toString();
            if (type == QLatin1String("routine_ended") || type == QLatin1String("routine_error"))
                live.insert(e.value(QStringLiteral("routine_id")).toString(), type);
        }
        QVERIFY2(live.size() >= 3, served.constData());

        const QString file = dir.filePath(QStringLiteral("trace.json"));
        QByteArray out;
        QByteArray err;
        QCOMPARE(runFlowscope({QStringLiteral("export-trace"), QStringLiteral("--db"), db,
                               QStringLiteral("--job"), id, QStringLiteral("--out"), file},
                              &out, &err),
                 0);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray exported = written.readAll();
        const QJsonObject trace = QJsonDocument::fromJson(exported).object();
        QCOMPARE(trace.value("otherData").toObject().value("job_id").toString(), id);
        QCOMPARE(trace.value("otherData").toObject().value("source").toString(),
                 QStringLiteral("journal"));
        const QMultiHash<QString, QJsonObject> journaled = traceSlices(exported);
        QCOMPARE(journaled.size(), live.size());
        QCOMPARE(QSet<QString>(journaled.keyBegin(), journaled.keyEnd()),
                 QSet<QString>(live.keyBegin(), live.keyEnd()));
        // The server's Chrome trace route said the same.
        QCOMPARE(traceSlices(servedChrome).size(), journaled.size());

        // To standard output without --out.
        QCOMPARE(runFlowscope({QStringLiteral("export-trace"), QStringLiteral("--db"), db,
                               QStringLiteral("--job"), id},
                              &out, &err),
                 0);
        QCOMPARE(traceSlices(out).size(), live.size());

        // Mistakes name what was wrong.
        QCOMPARE(runFlowscope({QStringLiteral("export-trace"), QStringLiteral("--db"), db,
                               QStringLiteral("--job"), QStringLiteral("00000000-000000ff")},
                              &out, &err),
                 2);
        QVERIFY2(err.contains("has no job 00000000-000000ff"), err.constData());
        QCOMPARE(runFlowscope({QStringLiteral("export-trace"), QStringLiteral("--db"), db,
                               QStringLiteral("--job"), QStringLiteral("seven")},
                              &out, &err),
                 2);
        QVERIFY2(err.contains("'seven' is not a job id"), err.constData());
        QCOMPARE(
            runFlowscope({QStringLiteral("export-trace"), QStringLiteral("--job"), id}, &out, &err),
            2);
        QVERIFY2(err.contains("--db FILE is required"), err.constData());
    }

    void badListenValueExitsWithTwo()
    {
        QProcess process;
        process.start(
            QStringLiteral(FLOWSCOPE_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(
            QString::fromUtf8(process.readAllStandardError()).contains(QLatin1String("--listen")));
    }

    void missingFlowFileExitsWithTwo()
    {
        QProcess process;
        process.start(QStringLiteral(FLOWSCOPE_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--flow"),
                       QStringLiteral("/nonexistent/flow.json")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(!process.readAllStandardError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
