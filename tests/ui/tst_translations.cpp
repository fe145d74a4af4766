#include "agenthealthmodel.h"
#include "client/inprocessclient.h"
#include "commandline.h"
#include "forkjobdialog.h"
#include "jobtablemodel.h"
#include "mainwindow.h"
#include "runtime/engine.h"
#include "shortcutsdialog.h"
#include "startjobdialog.h"
#include "uilanguage.h"

#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {
// A catalogue's messages: "context | source" (with " | comment" when there is one), each with
// whether its translation is finished.
QHash<QString, bool> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QHash<QString, bool> messages;
    QXmlStreamReader xml(&file);
    QString context, source, comment;
    bool finished = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                source.clear(), comment.clear(), finished = false;
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("comment"))
                comment = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const QStringView type = xml.attributes().value(QLatin1String("type"));
                // Plural forms (<numerusform>) are read with the translation's text.
                finished = type.isEmpty()
                           && !xml.readElementText(QXmlStreamReader::IncludeChildElements)
                                   .trimmed()
                                   .isEmpty();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            QString key = context + QStringLiteral(" | ") + source;
            if (!comment.isEmpty())
                key += QStringLiteral(" | ") + comment;
            messages.insert(key, finished);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QString runFlowscope(const QStringList &arguments, const QByteArray &lang)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LANG"), QString::fromLatin1(lang));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FLOWSCOPE_BINARY), arguments);
    if (!process.waitForFinished(30000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}
} // namespace

// The German catalogue ships inside the binary, speaks whenever the system or --lang asks for
// German, and covers every string of the sources.
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interfaceSpeaksGermanWithLangDe();
    void languageFollowsTheSystemUnlessLangSays();
    void unknownLanguageIsRefused();
    void catalogueCoversEverySourceString();

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
};

void TestTranslations::interfaceSpeaksGermanWithLangDe()
{
    const QLocale before;
    // The command line as main() reads it, the translators as runConsole installs them.
    CommandLine commandLine;
    QVERIFY(commandLine.parse(
        {QStringLiteral("flowscope"), QStringLiteral("--lang"), QStringLiteral("de")}));
    auto translators = std::make_unique<QObject>();
    QCOMPARE(UiLanguage::install(commandLine.options().language, translators.get()).language(),
             QLocale::German);

    Engine engine{EngineConfig()};
    engine.addDemoFlows();
    InProcessClient client(&engine);
    {
        MainWindow window(&client);
        QStringList menus;
        const QList<QAction *> menuActions = window.menuBar()->actions();
        for (const QAction *action : menuActions)
            menus << action->text();
        QVERIFY2(menus.contains(QStringLiteral("&Datei"))
                     && menus.contains(QStringLiteral("&Ansicht"))
                     && menus.contains(QStringLiteral("&Hilfe")),
                 qPrintable(menus.join(QLatin1Char(' '))));
        QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("eventLogDock"))->windowTitle(),
                 QStringLiteral("Ereignisprotokoll"));
        QCOMPARE(window.shortcutsAction()->text(), QStringLiteral("&Tastenkürzel"));
        // The engine's name comes from the client, outside ui/: translated as well.
        QVERIFY2(window.windowTitle().contains(QLatin1String("Engine in diesem Prozess")),
                 qPrintable(window.windowTitle()));
        // Qt's own strings too (standard buttons), from Qt's catalogue.
        ShortcutsDialog shortcuts(&window);
        const QPushButton *close
            = shortcuts.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
        QVERIFY2(close->text().contains(QStringLiteral("Schließen")), qPrintable(close->text()));
        // Numbers in the interface's language as well.
        QCOMPARE(QLocale().toString(12345), QStringLiteral("12.345"));
    }
    translators.reset(); // uninstalls them
    QLocale::setDefault(before);
    MainWindow english(&client);
    QCOMPARE(english.menuBar()->actions().constFirst()->text(), QStringLiteral("&File"));
}

void TestTranslations::languageFollowsTheSystemUnlessLangSays()
{
    // The real program: its --help speaks the system's language, and --lang overrides it.
    const QString german = QStringLiteral("Workflows und Agenten-Schwärme ausführen");
    const QString english = QStringLiteral("Run, watch and debug workflows and agent swarms.");
    const QString system = runFlowscope({QStringLiteral("--help")}, "de_DE.UTF-8");
    QVERIFY2(system.contains(german), qPrintable(system.left(300)));
    const QString overridden = runFlowscope(
        {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")}, "de_DE.UTF-8");
    QVERIFY2(overridden.contains(english), qPrintable(overridden.left(300)));
    const QString asked = runFlowscope(
        {QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")}, "C.UTF-8");
    QVERIFY2(asked.contains(german), qPrintable(asked.left(300)));
}

void TestTranslations::unknownLanguageIsRefused()
{
    QCOMPARE(UiLanguage::available(), QStringList({QStringLiteral("de"), QStringLiteral("en")}));
    QVERIFY(UiLanguage::isAvailable(QStringLiteral("de_AT")));
    CommandLine commandLine;
    QVERIFY(!commandLine.parse(
        {QStringLiteral("flowscope"), QStringLiteral("--lang"), QStringLiteral("klingon")}));
    QVERIFY2(commandLine.errorText().contains(QLatin1String("--lang"))
                 && commandLine.errorText().contains(QLatin1String("de, en")),
             qPrintable(commandLine.errorText()));
}

void TestTranslations::catalogueCoversEverySourceString()
{
    // lupdate over the same sources as update_translations, into a scratch catalogue; every
    // message it finds must be in the committed one, translated.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scratch = dir.filePath(QStringLiteral("flowscope_de.ts"));
    QProcess lupdate;
    lupdate.start(QStringLiteral(LUPDATE),
                  {QStringLiteral("@" FLOWSCOPE_TRANSLATED_SOURCES), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-silent"), QStringLiteral("-ts"),
                   scratch});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    QString error;
    const QHash<QString, bool> sources = readCatalogue(scratch, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(sources.size() > 400);
    const QHash<QString, bool> committed = readCatalogue(QStringLiteral(FLOWSCOPE_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QStringList missing, unfinished;
    for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
        const auto found = committed.constFind(it.key());
        if (found == committed.cend())
            missing << it.key();
        else if (!found.value())
            unfinished << it.key();
    }
    missing.sort();
    unfinished.sort();
    QString report;
    if (!missing.isEmpty())
        report += QStringLiteral("\nNot in translations/flowscope_de.ts (context | source):\n  ")
                  + missing.join(QStringLiteral("\n  "));
    if (!unfinished.isEmpty())
        report += QStringLiteral("\nUnfinished in translations/flowscope_de.ts:\n  ")
                  + unfinished.join(QStringLiteral("\n  "));
    if (!report.isEmpty())
        report += QStringLiteral("\nRun `cmake --build build --target update_translations`, "
                                 "then translate them.");
    QVERIFY2(report.isEmpty(), qPrintable(report));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
