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
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(JobTableModel::statusText(JobStatus::Running), QStringLiteral("Running"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
