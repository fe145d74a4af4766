#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

// `cmake --install` puts what a desktop needs where it looks: the program in bin/, a desktop
// entry that desktop-file-validate accepts and that names them both, the icon in the hicolor
// theme, and the documentation Help → About links to.
class TestInstall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void programRuns();
    void desktopEntryIsValidAndPointsAtWhatWasInstalled();
    void iconIsAScalableHicolorIcon();
    void documentationIsInstalled();

private:
    QString installed(const QString &relative) const { return m_prefix.filePath(relative); }

    QTemporaryDir m_prefix;
};

void TestInstall::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    QProcess install;
    install.setProcessChannelMode(QProcess::MergedChannels);
    install.start(QStringLiteral(CMAKE_COMMAND),
                  {QStringLiteral("--install"), QStringLiteral(FLOWSCOPE_BUILD_DIR),
                   QStringLiteral("--prefix"), m_prefix.path()});
    QVERIFY(install.waitForFinished(120000));
    QVERIFY2(install.exitCode() == 0, install.readAll().constData());
}

void TestInstall::programRuns()
{
    const QFileInfo program(installed(QStringLiteral("bin/flowscope")));
    QVERIFY2(program.isExecutable(), qPrintable(program.filePath()));
    QProcess run;
    run.start(program.filePath(), {QStringLiteral("--version")});
    QVERIFY(run.waitForFinished(30000));
    QCOMPARE(run.exitCode(), 0);
    QVERIFY(run.readAllStandardOutput().startsWith("flowscope "));
}

void TestInstall::desktopEntryIsValidAndPointsAtWhatWasInstalled()
{
    const QString entry = installed(QStringLiteral("share/applications/flowscope.desktop"));
    QVERIFY2(QFileInfo::exists(entry), qPrintable(entry));
    QProcess validate;
    validate.setProcessChannelMode(QProcess::MergedChannels);
    validate.start(QStringLiteral(DESKTOP_FILE_VALIDATE), {entry});
    QVERIFY(validate.waitForFinished(30000));
    const QByteArray complaints = validate.readAll();
    QVERIFY2(validate.exitCode() == 0 && complaints.trimmed().isEmpty(), complaints.constData());

    QSettings desktop(entry, QSettings::IniFormat);
    desktop.beginGroup(QStringLiteral("Desktop Entry"));
    QCOMPARE(desktop.value(QStringLiteral("Type")).toString(), QStringLiteral("Application"));
    QCOMPARE(desktop.value(QStringLiteral("Name")).toString(), QStringLiteral("Flowscope"));
    // The command is the installed program, the icon the installed icon's name.
    const QString exec
        = desktop.value(QStringLiteral("Exec")).toString().section(QLatin1Char(' '), 0, 0);
    QVERIFY(QFileInfo(installed(QStringLiteral("bin/") + exec)).isExecutable());
    const QString icon = desktop.value(QStringLiteral("Icon")).toString();
    QVERIFY(QFileInfo::exists(
        installed(QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(icon))));
}

void TestInstall::iconIsAScalableHicolorIcon()
{
    QSvgRenderer icon(installed(QStringLiteral("share/icons/hicolor/scalable/apps/flowscope.svg")));
    QVERIFY(icon.isValid());
    QCOMPARE(icon.defaultSize().width(), icon.defaultSize().height()); // square, as themes want
}

void TestInstall::documentationIsInstalled()
{
    // README.md beside docs/, so that its links (docs/api.md, …) work where it is installed.
    const QDir docs(installed(QStringLiteral("share/doc/flowscope")));
    QVERIFY(docs.exists(QStringLiteral("README.md")));
    for (const char *page : {"docs/architecture.md", "docs/debugging.md", "docs/api.md",
                             "docs/screenshots/console.png"})
        QVERIFY2(docs.exists(QLatin1String(page)), page);
}

QTEST_MAIN(TestInstall)
#include "tst_install.moc"
