#include "client/inprocessclient.h"
#include "enginelist.h"
#include "enginesession.h"
#include "enginestatusbar.h"
#include "enginesview.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "eventtableview.h"
#include "flowlistwidget.h"
#include "healthcontroller.h"
#include "healthreportexporter.h"
#include "jobtablemodel.h"
#include "jobtableview.h"
#include "mainwindow.h"
#include "runtime/engine.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QStandardPaths>
#include <QTreeView>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {
constexpr int timeoutMs = 10000;

// An engine whose connection the test drops and restores, as a network client's would.
class FlakyClient : public InProcessClient
{
public:
    using InProcessClient::InProcessClient;

    ConnectionState connectionState() const override { return m_state; }
    QString lastError() const { return m_error; }
    void setState(ConnectionState state, const QString &error = QString())
    {
        m_state = state;
        m_error = error;
        Q_EMIT connectionStateChanged(state);
    }

private:
    ConnectionState m_state = ConnectionState::Connected;
    QString m_error;
};
} // namespace

// The console on two engines: the in-process one and a second Engine standing in for a remote
// one (the window only ever sees clients, whatever they talk to).
class TestEngines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsBothEnginesInTheTree();
    void switchingShowsEachEnginesJobsAndEvents();
    void disconnectedEngineKeepsItsJobsAndRefusesRequests();
    void connectWithoutAFactoryIsExplained();
    void lostEngineIsShownAndComesBack();
    void removingTheShownEngineShowsTheInProcessOne();

private:
    EngineSession *other() const;
    QString treeText(EngineSession *session, int column) const;
    void select(EngineSession *session);
    void trigger(EngineSession *session, int actionIndex);
    int jobCountOfFlow(const JobTableModel *model, const QString &flowId) const;

    std::unique_ptr<Engine> m_localEngine;
    std::unique_ptr<Engine> m_otherEngine;
    std::unique_ptr<InProcessClient> m_localClient;
    std::unique_ptr<MainWindow> m_window;
    int m_clientsMade = 0;
};

void TestEngines::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    EngineConfig config;
    config.workers = 2;
    m_localEngine = std::make_unique<Engine>(config);
    m_localEngine->addDemoFlows();
    m_otherEngine = std::make_unique<Engine>(config);
    m_otherEngine->addDemoFlows();
    m_localClient = std::make_unique<InProcessClient>(m_localEngine.get());
    m_window = std::make_unique<MainWindow>(m_localClient.get());
    m_window->engines()->setClientFactory([this](const EngineProfile &, QObject *parent) {
        ++m_clientsMade;
        return new InProcessClient(m_otherEngine.get(), parent);
    });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    EngineProfile profile;
    profile.id = EngineProfile::newId();
    profile.name = QStringLiteral("Lab engine");
    profile.url = QUrl(QStringLiteral("http://127.0.0.1:8765"));
    EngineSession *session = m_window->engines()->add(profile);
    QCOMPARE(session->connectionState(), EngineClient::ConnectionState::Disconnected);
    m_window->engines()->connectSession(session);
    QCOMPARE(m_clientsMade, 1);
}

void TestEngines::cleanupTestCase()
{
    m_window.reset();
    m_localClient.reset();
    m_localEngine.reset();
    m_otherEngine.reset();
}

EngineSession *TestEngines::other() const
{
    const QVector<EngineSession *> sessions = m_window->engines()->sessions();
    return sessions.size() > 1 ? sessions.at(1) : nullptr;
}

QString TestEngines::treeText(EngineSession *session, int column) const
{
    QTreeWidgetItem *item = m_window->enginesView()->itemOf(session);
    return item ? item->text(column) : QString();
}

void TestEngines::select(EngineSession *session)
{
    EnginesView *tree = m_window->enginesView();
    const QRect rect = tree->visualItemRect(tree->itemOf(session));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier,
                      QPoint(rect.left() + 20, rect.center().y()));
    QCOMPARE(m_window->currentEngine(), session);
}

void TestEngines::trigger(EngineSession *session, int actionIndex)
{
    QObject parent;
    const QList<QAction *> actions = m_window->enginesView()->actionsFor(session, &parent);
    QVERIFY(actions.at(actionIndex)->isEnabled());
    actions.at(actionIndex)->trigger();
}

int TestEngines::jobCountOfFlow(const JobTableModel *model, const QString &flowId) const
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->jobAt(row).flowId == flowId;
    return count;
}

void TestEngines::listsBothEnginesInTheTree()
{
    EnginesView *tree = m_window->enginesView();
    QCOMPARE(tree->topLevelItemCount(), 2);
    // The in-process engine first, shown at start.
    QCOMPARE(tree->topLevelItem(0)->text(EnginesView::NameColumn), m_localClient->displayName());
    QCOMPARE(tree->topLevelItem(1)->text(EnginesView::NameColumn), QStringLiteral("Lab engine"));
    QCOMPARE(m_window->currentEngine(), m_window->engines()->local());
    QTRY_COMPARE_WITH_TIMEOUT(treeText(other(), EnginesView::StateColumn),
                              QStringLiteral("Connected"), timeoutMs);
    QVERIFY(!tree->itemOf(other())->icon(EnginesView::NameColumn).isNull());
    QCOMPARE(treeText(m_window->engines()->local(), EnginesView::StateColumn),
             QStringLiteral("Connected"));
}

void TestEngines::switchingShowsEachEnginesJobsAndEvents()
{
    EngineSession *local = m_window->engines()->local();
    // A job on the in-process engine, started from the window.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->flowList()->flowIds().contains(QStringLiteral("etl")),
                             timeoutMs);
    m_window->client()->startJob(QStringLiteral("etl"), QString(), QVariantMap());
    QTRY_COMPARE_WITH_TIMEOUT(jobCountOfFlow(m_window->jobModel(), QStringLiteral("etl")), 1,
                              timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->eventModel()->storedCount() > 0, timeoutMs);
    const JobId etlJob = m_window->jobModel()->jobAt(0).id;
    QTRY_COMPARE_WITH_TIMEOUT(m_window->selectedJob(), etlJob, timeoutMs); // started from here

    // The other engine: its own (empty) job table, its own flows.
    select(other());
    QCOMPARE(m_window->jobView()->model(), other()->jobModel());
    QCOMPARE(m_window->jobModel()->rowCount(), 0);
    QCOMPARE(m_window->eventModel(), other()->eventModel());
    QVERIFY(m_window->engineStatusBar()->findChild<QLabel *>(QStringLiteral("connectionLabel")));
    QVERIFY(m_window->windowTitle().contains(QLatin1String("Lab engine")));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->flowList()->flowIds().contains(QStringLiteral("fastmon")),
                             timeoutMs);
    m_window->client()->startJob(QStringLiteral("fastmon"), QString(), QVariantMap());
    QTRY_COMPARE_WITH_TIMEOUT(jobCountOfFlow(m_window->jobModel(), QStringLiteral("fastmon")), 1,
                              timeoutMs);
    QCOMPARE(jobCountOfFlow(m_window->jobModel(), QStringLiteral("etl")), 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->eventModel()->storedCount() > 0, timeoutMs);
    // The job went to the other engine, not to ours.
    QCOMPARE(jobCountOfFlow(local->jobModel(), QStringLiteral("fastmon")), 0);

    // Back: the in-process engine's job and events are all still there.
    const quint64 localEvents = local->eventModel()->storedCount();
    select(local);
    QCOMPARE(m_window->jobModel(), local->jobModel());
    QCOMPARE(jobCountOfFlow(m_window->jobModel(), QStringLiteral("etl")), 1);
    QCOMPARE(jobCountOfFlow(m_window->jobModel(), QStringLiteral("fastmon")), 0);
    QVERIFY(m_window->eventModel()->storedCount() >= localEvents);
    QCOMPARE(m_window->eventLog()->view()->model(), local->eventModel());
    QCOMPARE(m_window->selectedJob(), etlJob); // as the user left it

    // Each engine's row counts its own jobs.
    QTRY_COMPARE_WITH_TIMEOUT(treeText(local, EnginesView::JobsColumn), QStringLiteral("1"),
                              timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(treeText(other(), EnginesView::JobsColumn), QStringLiteral("1"),
                              timeoutMs);
}

void TestEngines::disconnectedEngineKeepsItsJobsAndRefusesRequests()
{
    EngineSession *session = other();
    select(session);
    trigger(session, 1); // Disconnect
    QCOMPARE(treeText(session, EnginesView::StateColumn), QStringLiteral("Disconnected"));
    auto *connection
        = m_window->engineStatusBar()->findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QCOMPARE(connection->text(), QStringLiteral("Disconnected"));
    // What the console learned stays on screen.
    QCOMPARE(jobCountOfFlow(m_window->jobModel(), QStringLiteral("fastmon")), 1);
    QCOMPARE(treeText(session, EnginesView::JobsColumn), QStringLiteral("1"));

    // A request to a disconnected engine fails in the status bar, without a box or a crash.
    m_window->demoMenu()->actions().constFirst()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->engineStatusBar()->currentMessage().contains(
                                 QLatin1String("not connected to Lab engine")),
                             timeoutMs);
    QVERIFY(!QApplication::activeModalWidget());

    // A report needs the engine's metrics: it fails at once rather than wait for an answer.
    QSignalSpy finished(m_window->health()->exporter(), &HealthReportExporter::finished);
    m_window->health()->exporter()->exportTo(QDir::temp().filePath(QStringLiteral("never.md")),
                                             ReportFormat::Markdown);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.at(0).at(1).toBool());
    QVERIFY(finished.at(0).at(2).toString().contains(QLatin1String("not connected")));

    trigger(session, 0); // Connect: a fresh client, the same session
    QCOMPARE(m_clientsMade, 2);
    QTRY_COMPARE_WITH_TIMEOUT(connection->text(), QStringLiteral("Connected"), timeoutMs);
    m_window->client()->startJob(QStringLiteral("fastmon"), QString(), QVariantMap());
    QTRY_COMPARE_WITH_TIMEOUT(jobCountOfFlow(m_window->jobModel(), QStringLiteral("fastmon")), 2,
                              timeoutMs);
}

void TestEngines::connectWithoutAFactoryIsExplained()
{
    InProcessClient client(m_localEngine.get());
    MainWindow window(&client);
    EngineProfile profile;
    profile.id = EngineProfile::newId();
    profile.url = QUrl(QStringLiteral("http://192.0.2.1:8765"));
    EngineSession *session = window.engines()->add(profile);
    QCOMPARE(session->name(), QStringLiteral("192.0.2.1:8765"));
    window.engines()->connectSession(session);
    QVERIFY(window.engineStatusBar()->currentMessage().contains(QLatin1String("cannot connect")));
    QCOMPARE(session->connectionState(), EngineClient::ConnectionState::Disconnected);
    // Renamed while not connected: its answers use the new name.
    profile.name = QStringLiteral("Renamed");
    window.engines()->updateProfile(session, profile);
    window.engines()->setCurrent(session);
    window.client()->startJob(QStringLiteral("etl"), QString(), QVariantMap());
    QTRY_VERIFY(window.engineStatusBar()->currentMessage().contains(
        QLatin1String("not connected to Renamed")));
}

void TestEngines::lostEngineIsShownAndComesBack()
{
    InProcessClient client(m_localEngine.get());
    MainWindow window(&client);
    FlakyClient *flaky = nullptr;
    window.engines()->setClientFactory([&](const EngineProfile &, QObject *parent) {
        flaky = new FlakyClient(m_otherEngine.get(), parent);
        return flaky;
    });
    window.engines()->setErrorReader([](const EngineClient *client) {
        return static_cast<const FlakyClient *>(client)->lastError();
    });
    EngineProfile profile;
    profile.id = EngineProfile::newId();
    profile.name = QStringLiteral("Flaky");
    profile.url = QUrl(QStringLiteral("http://127.0.0.1:1"));
    EngineSession *session = window.engines()->add(profile);
    window.engines()->connectSession(session);
    window.engines()->setCurrent(session);
    // The jobs the earlier tests started there.
    QTRY_VERIFY_WITH_TIMEOUT(session->jobCount() > 0, timeoutMs);
    const int jobs = session->jobCount();

    flaky->setState(EngineClient::ConnectionState::Disconnected,
                    QStringLiteral("connection refused"));
    QTreeWidgetItem *item = window.enginesView()->itemOf(session);
    QCOMPARE(item->text(EnginesView::StateColumn), QStringLiteral("Lost"));
    QCOMPARE(item->toolTip(EnginesView::StateColumn), QStringLiteral("connection refused"));
    QCOMPARE(window.engineStatusBar()->currentMessage(),
             QStringLiteral("Lost the connection to Flaky: connection refused"));
    auto *connection
        = window.engineStatusBar()->findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QCOMPARE(connection->text(), QStringLiteral("Disconnected"));
    QCOMPARE(connection->toolTip(), QStringLiteral("connection refused"));
    // What it had stays; the window still answers.
    QCOMPARE(window.jobModel()->rowCount(), jobs);
    window.engines()->setCurrent(window.engines()->local());
    window.engines()->setCurrent(session);
    QCOMPARE(window.jobModel()->rowCount(), jobs);

    flaky->setState(EngineClient::ConnectionState::Connecting);
    QCOMPARE(item->text(EnginesView::StateColumn), QStringLiteral("Connecting…"));
    flaky->setState(EngineClient::ConnectionState::Connected);
    QCOMPARE(item->text(EnginesView::StateColumn), QStringLiteral("Connected"));
    QVERIFY(item->toolTip(EnginesView::StateColumn).isEmpty());
    QCOMPARE(connection->text(), QStringLiteral("Connected"));
}

void TestEngines::removingTheShownEngineShowsTheInProcessOne()
{
    EngineSession *session = other();
    select(session);
    QPointer<EngineSession> guard(session);
    trigger(session, 3); // Remove
    QCOMPARE(m_window->currentEngine(), m_window->engines()->local());
    QCOMPARE(m_window->enginesView()->topLevelItemCount(), 1);
    QCOMPARE(m_window->engines()->sessions().size(), 1);
    QTRY_VERIFY(guard.isNull());
    // The in-process engine's data was not touched, and it cannot be removed.
    QCOMPARE(jobCountOfFlow(m_window->jobModel(), QStringLiteral("etl")), 1);
    QObject parent;
    const QList<QAction *> actions
        = m_window->enginesView()->actionsFor(m_window->engines()->local(), &parent);
    for (QAction *action : actions)
        QVERIFY(!action->isEnabled());
    m_window->client()->startJob(QStringLiteral("etl"), QString(), QVariantMap());
    QTRY_COMPARE_WITH_TIMEOUT(jobCountOfFlow(m_window->jobModel(), QStringLiteral("etl")), 2,
                              timeoutMs);
}

QTEST_MAIN(TestEngines)
#include "tst_engines.moc"
