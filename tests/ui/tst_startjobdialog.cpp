#include "startjobdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace flowscope;

class TestStartJobDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesParameters()
    {
        QVariantMap params;
        QString error;
        QVERIFY(StartJobDialog::parseParams(QString(), &params, &error));
        QVERIFY(params.isEmpty());
        QVERIFY(StartJobDialog::parseParams(QStringLiteral("{\"targets\": 3, \"name\": \"x\"}"),
                                            &params, &error));
        QCOMPARE(params.value(QStringLiteral("targets")).toInt(), 3);
        QCOMPARE(params.value(QStringLiteral("name")).toString(), QStringLiteral("x"));
        QVERIFY(!StartJobDialog::parseParams(QStringLiteral("{\"targets\": "), &params, &error));
        QVERIFY(error.contains(QLatin1String("not valid JSON")));
        QVERIFY(!StartJobDialog::parseParams(QStringLiteral("[1, 2]"), &params, &error));
        QVERIFY(error.contains(QLatin1String("object")));
    }

    void badJsonKeepsTheDialogOpen()
    {
        StartJobDialog dialog(QStringLiteral("etl"), QString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);

        dialog.paramsEdit()->setPlainText(QStringLiteral("{oops"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.errorLabel()->isVisible());
        QVERIFY(dialog.errorLabel()->text().contains(QLatin1String("not valid JSON")));
        QCOMPARE(accepted.count(), 0);

        dialog.paramsEdit()->setPlainText(QStringLiteral("{\"rows\": 5}"));
        QVERIFY(!dialog.errorLabel()->isVisible()); // editing clears the complaint
        QTest::keyClicks(dialog.entryEdit(), QStringLiteral("extract.in"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.entry(), QStringLiteral("extract.in"));
        QCOMPARE(dialog.params().value(QStringLiteral("rows")).toInt(), 5);
    }
};

QTEST_MAIN(TestStartJobDialog)
#include "tst_startjobdialog.moc"
