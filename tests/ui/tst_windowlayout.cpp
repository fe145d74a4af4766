#include "client/inprocessclient.h"
#include "docks.h"
#include "mainwindow.h"
#include "runtime/engine.h"
#include "windowstatestore.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

#include <memory>

using namespace flowscope;

// The console's layout between runs: geometry, docks and toolbars saved when the window goes and
// restored by the next one, the default layout on demand and when a saved one no longer fits,
// and a View menu that lists every dock and toolbar.
class TestWindowLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void everyDockAndToolBarIsNamedAndInTheViewMenu();
    void aDockAddedLaterIsListedToo();
    void layoutIsRestoredAfterARestart();
    void resetLayoutBringsBackTheDefault();
    void aLayoutOfAnotherVersionIsIgnored();
    void anUnreadableLayoutLeavesTheDefault();
    void aWindowThatWasNotAskedLeavesTheSettingsAlone();

private:
    // A console window as the application makes it; restore: as runConsole does.
    std::unique_ptr<MainWindow> makeWindow(bool restore = true);
    QDockWidget *dock(MainWindow *window, const char *name) const;
    static QStringList viewMenuEntries(MainWindow *window);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InProcessClient> m_client;
};

void TestWindowLayout::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    // Settings in a folder of this run only: the user's layout is never read or touched.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Flowscope"));
    QCoreApplication::setApplicationName(QStringLiteral("flowscope-layout-test"));
    QVERIFY(QSettings().fileName().startsWith(m_settingsDir.path()));
    m_engine = std::make_unique<Engine>(EngineConfig());
    m_engine->addDemoFlows();
    m_client = std::make_unique<InProcessClient>(m_engine.get());
}

void TestWindowLayout::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestWindowLayout::makeWindow(bool restore)
{
    auto window = std::make_unique<MainWindow>(m_client.get());
    if (restore)
        window->restoreLayout();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

QDockWidget *TestWindowLayout::dock(MainWindow *window, const char *name) const
{
    return window->findChild<QDockWidget *>(QLatin1String(name));
}

QStringList TestWindowLayout::viewMenuEntries(MainWindow *window)
{
    // As the user sees it: the menu fills itself when it is about to show.
    Q_EMIT window->viewMenu()->aboutToShow();
    QStringList entries;
    const QList<QAction *> actions = window->viewMenu()->actions();
    for (const QAction *action : actions) {
        if (!action->isSeparator())
            entries << action->text();
    }
    return entries;
}

void TestWindowLayout::everyDockAndToolBarIsNamedAndInTheViewMenu()
{
    auto window = makeWindow(false);
    const QStringList entries = viewMenuEntries(window.get());
    QSet<QString> names;
    const QList<QDockWidget *> docks = window->findChildren<QDockWidget *>();
    QVERIFY(docks.size() >= 10);
    for (const QDockWidget *dock : docks) {
        QVERIFY2(!dock->objectName().isEmpty(), qPrintable(dock->windowTitle()));
        QVERIFY2(!names.contains(dock->objectName()), qPrintable(dock->objectName()));
        names.insert(dock->objectName());
        QVERIFY2(entries.contains(dock->windowTitle()), qPrintable(dock->windowTitle()));
        QVERIFY(dock->toggleViewAction()->isCheckable());
    }
    const QList<QToolBar *> toolBars = window->findChildren<QToolBar *>();
    QVERIFY(toolBars.size() >= 2);
    for (const QToolBar *toolBar : toolBars) {
        QVERIFY2(!toolBar->objectName().isEmpty(), qPrintable(toolBar->windowTitle()));
        QVERIFY2(!names.contains(toolBar->objectName()), qPrintable(toolBar->objectName()));
        names.insert(toolBar->objectName());
        QVERIFY2(entries.contains(toolBar->windowTitle()), qPrintable(toolBar->windowTitle()));
    }
    QVERIFY(entries.contains(window->resetLayoutAction()->text()));

    // The menu's entry hides and shows its dock.
    QDockWidget *alerts = dock(window.get(), "alertsDock");
    QVERIFY(!alerts->isHidden());
    alerts->toggleViewAction()->trigger();
    QVERIFY(alerts->isHidden());
    alerts->toggleViewAction()->trigger();
    QVERIFY(!alerts->isHidden());
}

void TestWindowLayout::aDockAddedLaterIsListedToo()
{
    auto window = makeWindow(false);
    QVERIFY(!viewMenuEntries(window.get()).contains(QStringLiteral("Later")));
    QDockWidget *later
        = Docks::add(window.get(), QStringLiteral("Later"), QStringLiteral("laterDock"),
                     new QLabel(window.get()), Qt::RightDockWidgetArea);
    QCOMPARE(later->objectName(), QStringLiteral("laterDock"));
    QVERIFY(viewMenuEntries(window.get()).contains(QStringLiteral("Later")));
}

void TestWindowLayout::layoutIsRestoredAfterARestart()
{
    {
        auto first = makeWindow();
        dock(first.get(), "variablesDock")->close();
        // The event log moves to the left and the metrics float.
        first->addDockWidget(Qt::LeftDockWidgetArea, dock(first.get(), "eventLogDock"));
        dock(first.get(), "metricsDock")->setFloating(true);
        first->findChild<QToolBar *>(QStringLiteral("debugToolBar"))->hide();
        first->resize(1100, 720);
        QTRY_COMPARE(first->size(), QSize(1100, 720));
    } // the window goes, as when the console quits

    auto second = makeWindow();
    QVERIFY(dock(second.get(), "variablesDock")->isHidden());
    QCOMPARE(second->dockWidgetArea(dock(second.get(), "eventLogDock")), Qt::LeftDockWidgetArea);
    QVERIFY(dock(second.get(), "metricsDock")->isFloating());
    QVERIFY(second->findChild<QToolBar *>(QStringLiteral("debugToolBar"))->isHidden());
    QCOMPARE(second->size(), QSize(1100, 720));
    // What was not touched stays where the default put it.
    QVERIFY(!dock(second.get(), "callStackDock")->isHidden());
    QCOMPARE(second->dockWidgetArea(dock(second.get(), "flowsDock")), Qt::LeftDockWidgetArea);
}

void TestWindowLayout::resetLayoutBringsBackTheDefault()
{
    auto window = makeWindow();
    dock(window.get(), "variablesDock")->close();
    window->addDockWidget(Qt::LeftDockWidgetArea, dock(window.get(), "eventLogDock"));
    window->findChild<QToolBar *>(QStringLiteral("mainToolBar"))->hide();

    window->resetLayoutAction()->trigger();
    QVERIFY(!dock(window.get(), "variablesDock")->isHidden());
    QCOMPARE(window->dockWidgetArea(dock(window.get(), "eventLogDock")), Qt::BottomDockWidgetArea);
    QVERIFY(!window->findChild<QToolBar *>(QStringLiteral("mainToolBar"))->isHidden());
}

void TestWindowLayout::aLayoutOfAnotherVersionIsIgnored()
{
    {
        auto first = makeWindow();
        first->addDockWidget(Qt::LeftDockWidgetArea, dock(first.get(), "eventLogDock"));
    }
    QSettings().setValue(QStringLiteral("window/stateVersion"), WindowStateStore::stateVersion - 1);
    auto second = makeWindow();
    QCOMPARE(second->dockWidgetArea(dock(second.get(), "eventLogDock")), Qt::BottomDockWidgetArea);
}

void TestWindowLayout::anUnreadableLayoutLeavesTheDefault()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/stateVersion"), WindowStateStore::stateVersion);
    settings.setValue(QStringLiteral("window/state"), QByteArray("not a layout"));
    settings.setValue(QStringLiteral("window/geometry"), QByteArray("nor a geometry"));
    auto window = makeWindow();
    QCOMPARE(window->dockWidgetArea(dock(window.get(), "eventLogDock")), Qt::BottomDockWidgetArea);
    QVERIFY(!dock(window.get(), "variablesDock")->isHidden());
}

void TestWindowLayout::aWindowThatWasNotAskedLeavesTheSettingsAlone()
{
    {
        auto window = makeWindow(false);
        dock(window.get(), "variablesDock")->close();
        window->close();
    }
    QVERIFY(!QSettings().contains(QStringLiteral("window/state")));
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
