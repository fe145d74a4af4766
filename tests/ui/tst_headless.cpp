#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

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
