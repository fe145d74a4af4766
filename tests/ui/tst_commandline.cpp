#include "commandline.h"

#include <QtTest>

using namespace flowscope;

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("flowscope")}));
        const CommandLineOptions &options = commandLine.options();
        QVERIFY(!options.headless);
        QVERIFY(!options.listenGiven);
        QCOMPARE(options.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(options.listenPort, quint16(8765));
        QVERIFY(options.engine.monitoring);
        QCOMPARE(options.engine.workers, EngineConfig().workers);
    }

    void everyOption()
    {
        CommandLine commandLine;
        QVERIFY2(commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--headless"),
                                    QStringLiteral("--listen"), QStringLiteral("0.0.0.0:9000"),
                                    QStringLiteral("--flow"), QStringLiteral("a.json"),
                                    QStringLiteral("--flow"), QStringLiteral("b.json"),
                                    QStringLiteral("--demo"), QStringLiteral("--workers"),
                                    QStringLiteral("4"), QStringLiteral("--no-monitoring"),
                                    QStringLiteral("--lang"), QStringLiteral("de")}),
                 qPrintable(commandLine.errorText()));
        const CommandLineOptions &options = commandLine.options();
        QVERIFY(options.headless);
        QVERIFY(options.listenGiven);
        QCOMPARE(options.listenAddress, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(options.listenPort, quint16(9000));
        QCOMPARE(options.flowFiles,
                 QStringList({QStringLiteral("a.json"), QStringLiteral("b.json")}));
        QVERIFY(options.demo);
        QCOMPARE(options.engine.workers, 4);
        QVERIFY(!options.engine.monitoring);
        QCOMPARE(options.language, QStringLiteral("de"));
    }

    void retentionOptions()
    {
        CommandLine commandLine;
        QVERIFY2(commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--keep-jobs"),
                                    QStringLiteral("50"), QStringLiteral("--keep-jobs-for"),
                                    QStringLiteral("600"), QStringLiteral("--event-history"),
                                    QStringLiteral("2000")}),
                 qPrintable(commandLine.errorText()));
        QCOMPARE(commandLine.options().engine.maxFinishedJobs, 50);
        QCOMPARE(commandLine.options().engine.finishedJobTtlSeconds, 600);
        QCOMPARE(commandLine.options().engine.eventHistory, 2000);
        QVERIFY(!commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--keep-jobs-for"),
                                    QStringLiteral("soon")}));
        QCOMPARE(commandLine.errorText(),
                 QStringLiteral("Invalid --keep-jobs-for value \"soon\": expected a number from 0 "
                                "to 31536000."));
    }

    void listenValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:8765") << true
                              << QStringLiteral("127.0.0.1") << 8765;
        QTest::newRow("ephemeral port")
            << QStringLiteral("127.0.0.1:0") << true << QStringLiteral("127.0.0.1") << 0;
        QTest::newRow("localhost")
            << QStringLiteral("localhost:80") << true << QStringLiteral("127.0.0.1") << 80;
        QTest::newRow("ipv6") << QStringLiteral("[::1]:8080") << true << QStringLiteral("::1")
                              << 8080;
        QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false << QStringLiteral("") << 0;
        QTest::newRow("port too big")
            << QStringLiteral("127.0.0.1:70000") << false << QStringLiteral("") << 0;
        QTest::newRow("port not a number")
            << QStringLiteral("127.0.0.1:http") << false << QStringLiteral("") << 0;
        QTest::newRow("host not an address")
            << QStringLiteral("example:80") << false << QStringLiteral("") << 0;
        QTest::newRow("empty host") << QStringLiteral(":80") << false << QStringLiteral("") << 0;
    }

    void listenValues()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(int, port);
        CommandLine commandLine;
        const bool parsed
            = commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--listen"), value});
        QCOMPARE(parsed, valid);
        if (!valid) {
            QVERIFY2(commandLine.errorText().contains(QLatin1String("--listen")),
                     qPrintable(commandLine.errorText()));
            return;
        }
        QCOMPARE(commandLine.options().listenAddress, QHostAddress(host));
        QCOMPARE(int(commandLine.options().listenPort), port);
    }

    void securityOptions()
    {
        qunsetenv("FLOWSCOPE_TOKEN");
        qputenv("FLOWSCOPE_READ_TOKEN", "from-env");
        CommandLine commandLine;
        QVERIFY2(commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--token"),
                                    QStringLiteral("ctl"), QStringLiteral("--tls-cert"),
                                    QStringLiteral("c.pem"), QStringLiteral("--tls-key"),
                                    QStringLiteral("k.pem")}),
                 qPrintable(commandLine.errorText()));
        const EndpointSecurity &security = commandLine.options().security;
        QCOMPARE(security.controlToken, QByteArray("ctl"));
        QCOMPARE(security.readToken, QByteArray("from-env")); // the environment fills the gap
        QVERIFY(security.usesTls());
        qunsetenv("FLOWSCOPE_READ_TOKEN");

        QVERIFY(!commandLine.parse(
            {QStringLiteral("flowscope"), QStringLiteral("--tls-cert"), QStringLiteral("c.pem")}));
        QVERIFY(commandLine.errorText().contains(QStringLiteral("--tls-key")));
        QVERIFY(!commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--token"),
                                    QStringLiteral("same"), QStringLiteral("--read-token"),
                                    QStringLiteral("same")}));
        QVERIFY(commandLine.errorText().contains(QStringLiteral("must differ")));
    }

    void eventLogCapacity()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("flowscope")}));
        QCOMPARE(commandLine.options().maxEvents, quint64(0)); // the default
        QVERIFY(commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--max-events"),
                                   QStringLiteral("20000000")}));
        QCOMPARE(commandLine.options().maxEvents, quint64(20000000));
        QVERIFY(!commandLine.parse(
            {QStringLiteral("flowscope"), QStringLiteral("--max-events"), QStringLiteral("10")}));
        QCOMPARE(commandLine.errorText(),
                 QStringLiteral("Invalid --max-events value \"10\": expected a number from 10000 "
                                "to 2000000000."));
    }

    void badWorkers()
    {
        CommandLine commandLine;
        QVERIFY(!commandLine.parse(
            {QStringLiteral("flowscope"), QStringLiteral("--workers"), QStringLiteral("zero")}));
        QVERIFY(commandLine.errorText().contains(QLatin1String("--workers")));
        QVERIFY(!commandLine.parse(
            {QStringLiteral("flowscope"), QStringLiteral("--workers"), QStringLiteral("0")}));
    }

    void unknownOptionAndStrayArgument()
    {
        CommandLine commandLine;
        QVERIFY(!commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--bogus")}));
        QVERIFY(commandLine.errorText().contains(QLatin1String("bogus")));
        QVERIFY(!commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("stray")}));
        QVERIFY(commandLine.errorText().contains(QLatin1String("stray")));
    }

    void helpAndVersion()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--help")}));
        QVERIFY(commandLine.options().showHelp);
        QVERIFY(commandLine.helpText().contains(QLatin1String("--headless")));
        QVERIFY(commandLine.parse({QStringLiteral("flowscope"), QStringLiteral("--version")}));
        QVERIFY(commandLine.options().showVersion);
    }
};

QTEST_MAIN(TestCommandLine)
#include "tst_commandline.moc"
