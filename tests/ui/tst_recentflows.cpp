#include "client/inprocessclient.h"
#include "enginestatusbar.h"
#include "flowlistwidget.h"
#include "mainwindow.h"
#include "recentflows.h"
#include "runtime/engine.h"

#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace flowscope;

// File → Recent Flows: the files opened last, newest first, at most ten, kept between runs;
// choosing one opens it, and one that is gone leaves the list with a message.
class TestRecentFlows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void openedFlowsAreListedNewestFirst();
    void theListKeepsTheLastTen();
    void theListSurvivesARestart();
    void choosingAnEntryOpensTheFlow();
    void aMissingFileIsRemovedWithAMessage();
    void clearEmptiesTheList();

private:
    QString writeFlow(const QString &flowId);
    static QStringList menuFiles(const QMenu *menu);
    static QAction *menuEntry(const QMenu *menu, const QString &path);

    QTemporaryDir m_dir;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestRecentFlows::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Flowscope"));
    QCoreApplication::setApplicationName(QStringLiteral("flowscope-recent-test"));
    m_engine = std::make_unique<Engine>(EngineConfig());
    m_client = std::make_unique<InProcessClient>(m_engine.get());
}

void TestRecentFlows::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QString TestRecentFlows::writeFlow(const QString &flowId)
{
    const QString path = m_dir.filePath(flowId + QStringLiteral(".json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QStringLiteral(R"({"flow_id": "%1",
        "routines": {"a": {"class": "flowscope.Work", "config": {"duration_ms": 1}}},
        "connections": [], "entry": "a.in"})")
                   .arg(flowId)
                   .toUtf8());
    return path;
}

QStringList TestRecentFlows::menuFiles(const QMenu *menu)
{
    QStringList files;
    const QList<QAction *> actions = menu->actions();
    for (const QAction *action : actions) {
        if (!action->data().toString().isEmpty())
            files << action->data().toString();
    }
    return files;
}

QAction *TestRecentFlows::menuEntry(const QMenu *menu, const QString &path)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->data().toString() == path)
            return action;
    }
    return nullptr;
}

void TestRecentFlows::openedFlowsAreListedNewestFirst()
{
    // The submenu sits in File, disabled while there is nothing to list.
    QMenu *recent = m_window->recentFlows()->menu();
    QMenu *file = m_window->menuBar()->actions().constFirst()->menu();
    QVERIFY(file->actions().contains(recent->menuAction()));
    QVERIFY(!recent->isEnabled());

    const QString a = writeFlow(QStringLiteral("recent_a"));
    const QString b = writeFlow(QStringLiteral("recent_b"));
    m_window->openFlowFile(a);
    m_window->openFlowFile(b);
    QCOMPARE(menuFiles(recent), QStringList({b, a}));
    QVERIFY(recent->isEnabled());
    // Opening one again moves it to the top rather than listing it twice.
    m_window->openFlowFile(a);
    QCOMPARE(menuFiles(recent), QStringList({a, b}));
    QVERIFY(menuEntry(recent, a)->text().contains(QLatin1String("recent_a.json")));
    QCOMPARE(menuEntry(recent, a)->toolTip(), QDir::toNativeSeparators(a));
}

void TestRecentFlows::theListKeepsTheLastTen()
{
    QStringList opened;
    for (int i = 0; i < RecentFlows::maxCount + 3; ++i) {
        opened.prepend(writeFlow(QStringLiteral("flow_%1").arg(i)));
        m_window->openFlowFile(opened.constFirst());
    }
    QCOMPARE(m_window->recentFlows()->files(), opened.mid(0, RecentFlows::maxCount));
    QCOMPARE(menuFiles(m_window->recentFlows()->menu()), opened.mid(0, RecentFlows::maxCount));
}

void TestRecentFlows::theListSurvivesARestart()
{
    const QString a = writeFlow(QStringLiteral("kept_a"));
    const QString b = writeFlow(QStringLiteral("kept_b"));
    m_window->openFlowFile(a);
    m_window->openFlowFile(b);
    m_window.reset();

    m_window = std::make_unique<MainWindow>(m_client.get());
    QCOMPARE(m_window->recentFlows()->files(), QStringList({b, a}));
    QCOMPARE(menuFiles(m_window->recentFlows()->menu()), QStringList({b, a}));
}

void TestRecentFlows::choosingAnEntryOpensTheFlow()
{
    const QString path = writeFlow(QStringLiteral("chosen_again"));
    m_window->recentFlows()->add(path);
    QVERIFY(!m_window->flowList()->selectFlow(QStringLiteral("chosen_again")));
    menuEntry(m_window->recentFlows()->menu(), path)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->flowList()->selectFlow(QStringLiteral("chosen_again")),
                             10000);
}

void TestRecentFlows::aMissingFileIsRemovedWithAMessage()
{
    const QString kept = writeFlow(QStringLiteral("still_here"));
    const QString gone = writeFlow(QStringLiteral("gone_soon"));
    m_window->openFlowFile(kept);
    m_window->openFlowFile(gone);
    QVERIFY(QFile::remove(gone));

    menuEntry(m_window->recentFlows()->menu(), gone)->trigger();
    QCOMPARE(m_window->recentFlows()->files(), QStringList({kept}));
    QCOMPARE(menuFiles(m_window->recentFlows()->menu()), QStringList({kept}));
    const QString message = m_window->engineStatusBar()->currentMessage();
    QVERIFY2(message.contains(QLatin1String("gone_soon.json"))
                 && message.contains(QLatin1String("no longer exists")),
             qPrintable(message));
    // And the next run does not list it either.
    QCOMPARE(QSettings().value(QStringLiteral("recentFlows")).toStringList(), QStringList({kept}));
}

void TestRecentFlows::clearEmptiesTheList()
{
    m_window->openFlowFile(writeFlow(QStringLiteral("to_clear")));
    QMenu *recent = m_window->recentFlows()->menu();
    QAction *clear = recent->actions().constLast();
    QVERIFY(clear->isEnabled());
    clear->trigger();
    QVERIFY(m_window->recentFlows()->files().isEmpty());
    QVERIFY(menuFiles(recent).isEmpty());
    QVERIFY(!recent->isEnabled());
}

QTEST_MAIN(TestRecentFlows)
#include "tst_recentflows.moc"
