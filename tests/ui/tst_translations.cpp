#include "agenthealthmodel.h"
#include "forkjobdialog.h"
#include "jobtablemodel.h"
#include "startjobdialog.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTranslator>
#include <QtTest>

using namespace flowscope;

// The German catalogue ships inside the binary and covers what users see first.
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanCatalogueLoads()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German), QStringLiteral("flowscope"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCOMPARE(JobTableModel::statusText(JobStatus::Running), QStringLiteral("Läuft"));
        QCOMPARE(JobTableModel::statusText(JobStatus::Paused), QStringLiteral("Pausiert"));

        QVariantMap params;
        QString error;
        QVERIFY(!StartJobDialog::parseParams(QStringLiteral("[]"), &params, &error));
        QVERIFY2(error.contains(QLatin1String("JSON-Objekt")), qPrintable(error));

        QCOMPARE(AgentHealthModel::stateText(HealthState::Degraded),
                 QStringLiteral("Beeinträchtigt"));
        QVariantMap variables;
        QVERIFY(
            !ForkJobDialog::parseVariables(QStringLiteral("{\n  \"a\": }"), &variables, &error));
        QVERIFY2(error.contains(QLatin1String("Zeile 2")), qPrintable(error));
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(JobTableModel::statusText(JobStatus::Running), QStringLiteral("Running"));
    }

    // Every string lupdate found has a finished German translation.
    void catalogueIsFinished()
    {
        QFile ts(QStringLiteral(FLOWSCOPE_TS_FILE));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QString text = QString::fromUtf8(ts.readAll());
        const QRegularExpression unfinished(
            QStringLiteral("<source>([^<]*)</source>\\s*(?:<comment>[^<]*</comment>\\s*)?"
                           "<translation type=\"unfinished\""));
        QStringList missing;
        for (auto it = unfinished.globalMatch(text); it.hasNext();)
            missing << it.next().captured(1);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
