#include "aboutdialog.h"
#include "client/inprocessclient.h"
#include "mainwindow.h"
#include "runtime/engine.h"
#include "shortcutsdialog.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace flowscope;

// Help: Keyboard Shortcuts lists what the window's actions really are, every window-wide
// shortcut can be found in a menu, none is taken twice, and About tells version, Qt and license.
class TestHelpMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void shortcutsDialogListsEveryActionWithAShortcut();
    void shortcutsDialogFollowsTheActions();
    void everyWindowShortcutIsInAMenu();
    void noShortcutIsTakenTwice();
    void everyToolBarButtonHasAnIcon();
    void aboutNamesVersionQtAndLicense();

private:
    // Every action of the window that has a shortcut.
    QList<QAction *> actionsWithShortcuts() const;
    ShortcutsDialog *openShortcuts();

    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestHelpMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    m_engine = std::make_unique<Engine>(EngineConfig());
    m_engine->addDemoFlows();
    m_client = std::make_unique<InProcessClient>(m_engine.get());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestHelpMenu::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_engine.reset();
}

QList<QAction *> TestHelpMenu::actionsWithShortcuts() const
{
    QList<QAction *> actions;
    const QList<QAction *> all = m_window->findChildren<QAction *>();
    for (QAction *action : all) {
        if (!action->shortcuts().isEmpty())
            actions << action;
    }
    return actions;
}

ShortcutsDialog *TestHelpMenu::openShortcuts()
{
    // Through Help, as a user opens it.
    QMenu *help = m_window->menuBar()->actions().constLast()->menu();
    if (!help || !help->actions().contains(m_window->shortcutsAction()))
        return nullptr;
    m_window->shortcutsAction()->trigger();
    auto *dialog = m_window->findChild<ShortcutsDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestHelpMenu::shortcutsDialogListsEveryActionWithAShortcut()
{
    QCOMPARE(m_window->shortcutsAction()->shortcut(), QKeySequence(QKeySequence::HelpContents));
    ShortcutsDialog *dialog = openShortcuts();
    QVERIFY(dialog);
    const QList<QAction *> expected = actionsWithShortcuts();
    QVERIFY(expected.size() >= 12);
    const QTreeWidget *table = dialog->table();
    QCOMPARE(table->topLevelItemCount(), expected.size());

    QSet<QString> rows;
    for (int row = 0; row < table->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = table->topLevelItem(row);
        rows.insert(item->text(ShortcutsDialog::ActionColumn) + QLatin1Char('|')
                    + item->text(ShortcutsDialog::ShortcutColumn));
    }
    for (const QAction *action : expected) {
        const QString row = ShortcutsDialog::plainText(action->text()) + QLatin1Char('|')
                            + action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(rows.contains(row), qPrintable(row));
    }
    // A few a user would look for, with where to find them.
    const auto placeOf = [table](const QString &action) {
        for (int row = 0; row < table->topLevelItemCount(); ++row) {
            if (table->topLevelItem(row)->text(ShortcutsDialog::ActionColumn) == action)
                return table->topLevelItem(row)->text(ShortcutsDialog::PlaceColumn);
        }
        return QString();
    };
    QCOMPARE(placeOf(QStringLiteral("Step Over")), QStringLiteral("Debug"));
    QCOMPARE(placeOf(QStringLiteral("Open Flow")), QStringLiteral("File"));
    QCOMPARE(placeOf(QStringLiteral("Delete Breakpoint")), QStringLiteral("Breakpoints"));
    dialog->close();
}

void TestHelpMenu::shortcutsDialogFollowsTheActions()
{
    // Generated from the actions: a changed shortcut shows in the next dialog.
    const QKeySequence old = m_window->checkpointsAction()->shortcut();
    m_window->checkpointsAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K));
    ShortcutsDialog *dialog = openShortcuts();
    QVERIFY(dialog);
    const QList<QTreeWidgetItem *> found = dialog->table()->findItems(
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K).toString(QKeySequence::NativeText),
        Qt::MatchExactly, ShortcutsDialog::ShortcutColumn);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst()->text(ShortcutsDialog::ActionColumn),
             ShortcutsDialog::plainText(m_window->checkpointsAction()->text()));
    QCOMPARE(found.constFirst()->text(ShortcutsDialog::PlaceColumn), QStringLiteral("Job"));
    m_window->checkpointsAction()->setShortcut(old);
    dialog->close();
}

void TestHelpMenu::everyWindowShortcutIsInAMenu()
{
    // Shortcuts that work anywhere in the window must be discoverable in the menu bar, where
    // the menus show them; those bound to one view (Del in a table) are in its context menu.
    QSet<const QAction *> inMenus;
    std::function<void(const QMenu *)> walk = [&](const QMenu *menu) {
        const QList<QAction *> actions = menu->actions();
        for (const QAction *action : actions) {
            inMenus.insert(action);
            if (action->menu())
                walk(action->menu());
        }
    };
    const QList<QAction *> menus = m_window->menuBar()->actions();
    for (const QAction *menu : menus)
        walk(menu->menu());
    const QList<QAction *> actions = actionsWithShortcuts();
    for (const QAction *action : actions) {
        if (action->shortcutContext() == Qt::WidgetShortcut
            || action->shortcutContext() == Qt::WidgetWithChildrenShortcut) {
            const auto *widget = qobject_cast<const QWidget *>(action->parent());
            QVERIFY2(widget && widget->contextMenuPolicy() != Qt::NoContextMenu,
                     qPrintable(action->text()));
            continue;
        }
        QVERIFY2(inMenus.contains(action), qPrintable(action->text()));
    }
}

void TestHelpMenu::noShortcutIsTakenTwice()
{
    // Window-wide shortcuts are ambiguous when two actions share one: Qt then runs neither.
    QHash<QKeySequence, QString> taken;
    const QList<QAction *> actions = actionsWithShortcuts();
    for (const QAction *action : actions) {
        if (action->shortcutContext() == Qt::WidgetShortcut)
            continue;
        const QList<QKeySequence> keys = action->shortcuts();
        for (const QKeySequence &key : keys) {
            QVERIFY2(!taken.contains(key),
                     qPrintable(QStringLiteral("%1: %2 and %3")
                                    .arg(key.toString(), taken.value(key), action->text())));
            taken.insert(key, action->text());
        }
    }
}

void TestHelpMenu::everyToolBarButtonHasAnIcon()
{
    const QList<QToolBar *> toolBars = m_window->findChildren<QToolBar *>();
    for (const QToolBar *toolBar : toolBars) {
        const QList<QAction *> actions = toolBar->actions();
        for (QAction *action : actions) {
            if (action->isSeparator())
                continue;
            // The button the user sees, for actions and for the Demos menu button alike.
            const auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action));
            QVERIFY(button);
            QVERIFY2(!button->icon().isNull(),
                     qPrintable(toolBar->objectName() + QLatin1Char(':') + button->text()));
        }
    }
}

void TestHelpMenu::aboutNamesVersionQtAndLicense()
{
    QMenu *help = m_window->menuBar()->actions().constLast()->menu();
    QVERIFY(help->actions().contains(m_window->aboutAction()));
    m_window->aboutAction()->trigger();
    auto *dialog = m_window->findChild<AboutDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QString text = dialog->label()->text();
    QVERIFY2(text.contains(QLatin1String("Flowscope 9.8.7")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("LGPL")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("license"), Qt::CaseInsensitive), qPrintable(text));
    // A build tree links to the documentation in its sources.
    const QString docs = AboutDialog::documentationPath();
    QVERIFY(!docs.isEmpty());
    QVERIFY(QFileInfo::exists(docs + QStringLiteral("/docs/debugging.md")));
    QVERIFY2(
        text.contains(
            QUrl::fromLocalFile(docs + QStringLiteral("/README.md")).toString(QUrl::FullyEncoded)),
        qPrintable(text));
    dialog->close();
}

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
