#include "client/inprocessclient.h"
#include "connectenginedialog.h"
#include "endpoint/endpointthread.h"
#include "enginelist.h"
#include "engineprofilecontroller.h"
#include "enginesession.h"
#include "enginestatusbar.h"
#include "enginesview.h"
#include "eventlogmodel.h"
#include "flowlistwidget.h"
#include "jobtablemodel.h"
#include "mainwindow.h"
#include "remoteengines.h"
#include "runtime/engine.h"
#include "tokenstore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {
constexpr int timeoutMs = 20000; // reconnecting backs off up to 10 s
} // namespace

// The console on a real engine over the network: a second Engine served by an HttpEndpoint on
// 127.0.0.1, reached through the factory the application uses (RemoteClient).
class TestRemoteEngines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void connectsAndShowsTheRemoteEnginesJobs();
    void lostEngineIsShownAndTheConsoleStaysUsable();
    void engineBackOnItsPortReconnectsByItself();
    void refusedTokenIsShownAndTheEditedProfileConnects();

private:
    quint16 startEndpoint(quint16 port);
    QString stateText() const;

    std::unique_ptr<Engine> m_localEngine;
    std::unique_ptr<Engine> m_remoteEngine;
    std::unique_ptr<EndpointThread> m_endpoint;
    std::unique_ptr<InProcessClient> m_localClient;
    std::unique_ptr<MainWindow> m_window;
    EngineSession *m_session = nullptr;
    quint16 m_port = 0;
    int m_remoteJobs = 0;
};

quint16 TestRemoteEngines::startEndpoint(quint16 port)
{
    QSignalSpy listening(m_endpoint.get(), &EndpointThread::listening);
    QSignalSpy failed(m_endpoint.get(), &EndpointThread::failed);
    m_endpoint->start(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return !listening.isEmpty() || !failed.isEmpty(); }, timeoutMs)
        || listening.isEmpty())
        return 0;
    return listening.constFirst().constFirst().value<quint16>();
}

QString TestRemoteEngines::stateText() const
{
    return m_window->enginesView()->itemOf(m_session)->text(EnginesView::StateColumn);
}

void TestRemoteEngines::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    EngineConfig config;
    config.workers = 2;
    m_localEngine = std::make_unique<Engine>(config);
    m_remoteEngine = std::make_unique<Engine>(config);
    m_remoteEngine->addDemoFlows();
    m_endpoint = std::make_unique<EndpointThread>(m_remoteEngine.get());
    m_port = startEndpoint(0);
    QVERIFY(m_port != 0);

    m_localClient = std::make_unique<InProcessClient>(m_localEngine.get());
    m_window = std::make_unique<MainWindow>(m_localClient.get());
    enableRemoteEngines(m_window->engines());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestRemoteEngines::cleanupTestCase()
{
    m_window.reset();
    m_localClient.reset();
    m_endpoint.reset();
    m_remoteEngine.reset();
    m_localEngine.reset();
}

void TestRemoteEngines::connectsAndShowsTheRemoteEnginesJobs()
{
    EngineProfile profile;
    profile.id = EngineProfile::newId();
    profile.name = QStringLiteral("Headless");
    QVERIFY(EngineProfile::checkUrl(QStringLiteral("127.0.0.1:%1").arg(m_port), &profile.url)
                .isEmpty());
    m_session = m_window->engines()->add(profile);
    m_window->engines()->connectSession(m_session);
    m_window->engines()->setCurrent(m_session);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QStringLiteral("Connected"), timeoutMs);

    // The remote engine's flows, and a job started from the window runs there.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->flowList()->flowIds().contains(QStringLiteral("etl")),
                             timeoutMs);
    m_window->client()->startJob(QStringLiteral("etl"), QString(),
                                 QVariantMap{{QStringLiteral("batches"), 2}});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->jobModel()->rowCount(), 1, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->jobModel()->jobAt(0).status == JobStatus::Completed,
                             timeoutMs);
    QCOMPARE(m_remoteEngine->jobs().size(), 1);
    QVERIFY(m_session->eventModel()->storedCount() > 0);
    QCOMPARE(m_window->engines()->local()->jobCount(), 0); // not ours
    m_remoteJobs = m_session->jobCount();
}

void TestRemoteEngines::lostEngineIsShownAndTheConsoleStaysUsable()
{
    m_endpoint->stop();
    QTRY_VERIFY_WITH_TIMEOUT(stateText() == QStringLiteral("Lost")
                                 || stateText() == QStringLiteral("Connecting…"),
                             timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->engineStatusBar()->currentMessage().startsWith(
                                 QLatin1String("Lost the connection to Headless")),
                             timeoutMs);
    // Its jobs stay on screen, requests fail in the status bar, and the window goes on.
    QCOMPARE(m_window->jobModel()->rowCount(), m_remoteJobs);
    m_window->client()->startJob(QStringLiteral("etl"), QString(), QVariantMap());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->engineStatusBar()->currentMessage().contains(QLatin1String("failed")), timeoutMs);
    m_window->engines()->setCurrent(m_window->engines()->local());
    m_window->engines()->setCurrent(m_session);
    QCOMPARE(m_window->jobModel()->rowCount(), m_remoteJobs);
}

void TestRemoteEngines::engineBackOnItsPortReconnectsByItself()
{
    QCOMPARE(startEndpoint(m_port), m_port);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QStringLiteral("Connected"), timeoutMs);
    m_window->client()->startJob(QStringLiteral("etl"), QString(),
                                 QVariantMap{{QStringLiteral("batches"), 1}});
    QTRY_COMPARE_WITH_TIMEOUT(m_session->jobCount(), m_remoteJobs + 1, timeoutMs);
}

void TestRemoteEngines::refusedTokenIsShownAndTheEditedProfileConnects()
{
    // The same engine behind an endpoint that wants a token.
    EndpointThread guarded(m_remoteEngine.get());
    EndpointSecurity security;
    security.controlToken = "s3cret";
    guarded.setSecurity(security);
    QSignalSpy listening(&guarded, &EndpointThread::listening);
    guarded.start(QHostAddress::LocalHost, 0);
    QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 1, timeoutMs);
    const quint16 port = listening.constFirst().constFirst().value<quint16>();

    QSettings().remove(QStringLiteral("engines"));
    m_window->engineProfiles()->tokens()->setBackend(TokenStore::Backend::Settings);
    EngineProfile profile;
    profile.id = EngineProfile::newId();
    profile.name = QStringLiteral("Guarded");
    profile.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    EngineSession *session = m_window->engines()->add(profile);
    m_window->engines()->connectSession(session);
    QTreeWidgetItem *item = m_window->enginesView()->itemOf(session);
    // Refused: the reason is the state's tool tip, and the engine is not shown as connected.
    QTRY_VERIFY_WITH_TIMEOUT(!item->toolTip(EnginesView::StateColumn).isEmpty(), timeoutMs);
    QVERIFY(item->text(EnginesView::StateColumn) != QStringLiteral("Connected"));

    ConnectEngineDialog *dialog = m_window->engineProfiles()->showEditDialog(session);
    QVERIFY(dialog);
    dialog->tokenEdit()->setText(QStringLiteral("s3cret"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(item->text(EnginesView::StateColumn), QStringLiteral("Connected"),
                              timeoutMs);
    QVERIFY(item->toolTip(EnginesView::StateColumn).isEmpty());
    m_window->engineProfiles()->remove(session);
    guarded.stop();
}

QTEST_MAIN(TestRemoteEngines)
#include "tst_remoteengines.moc"
