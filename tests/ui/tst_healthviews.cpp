#include "agenthealthmodel.h"
#include "alertlogmodel.h"
#include "client/inprocessclient.h"
#include "enginestatusbar.h"
#include "healthcontroller.h"
#include "mainwindow.h"
#include "runtime/context.h"
#include "runtime/engine.h"
#include "runtime/routineregistry.h"

#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {
constexpr int timeoutMs = 15000;
constexpr int napMs = 1000; // past the FAILED threshold (3 × 100 ms) with room to spare

// Blocks its agent without a checkpoint, so the agent stops beating and looks stuck.
class NapRoutine : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {}; }
    void handle(Context &, const QString &, const QVariant &) const override
    {
        QThread::msleep(napMs);
    }
};

const char napFlow[] = R"({"flow_id": "napper",
    "routines": {"nap": {"class": "test.Nap"}}, "connections": [], "entry": "nap.in"})";
} // namespace

class TestHealthViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void agentsAppearHealthy();
    void stuckAgentRaisesAnAlertAndRecovers();

private:
    bool allHealthy() const;
    int stuckRow(const QString &routine) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestHealthViews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    EngineConfig config;
    config.workers = 2;
    config.heartbeatIntervalMs = 100;
    config.checkpointIntervalMs = 200;
    m_engine = std::make_unique<Engine>(config);
    m_engine->registry().addClass<NapRoutine>(QStringLiteral("test.Nap"));
    m_engine->addDemoFlows();
    QVERIFY(m_engine->addFlowJson(QByteArray(napFlow), QStringLiteral("test")).ok());
    QVERIFY(m_engine->openJournal(m_dir.filePath(QStringLiteral("j.db"))).ok());
    m_client = std::make_unique<InProcessClient>(m_engine.get());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestHealthViews::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_engine.reset();
}

bool TestHealthViews::allHealthy() const
{
    const AgentHealthModel *model = m_window->health()->healthModel();
    if (model->rowCount() == 0)
        return false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex state = model->index(row, AgentHealthModel::StateColumn);
        if (HealthState(state.data(AgentHealthModel::StateRole).toInt()) != HealthState::Healthy)
            return false;
    }
    return true;
}

int TestHealthViews::stuckRow(const QString &routine) const
{
    const AgentHealthModel *model = m_window->health()->healthModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex state = model->index(row, AgentHealthModel::StateColumn);
        const QString diagnosis
            = model->index(row, AgentHealthModel::DiagnosisColumn).data().toString();
        if (HealthState(state.data(AgentHealthModel::StateRole).toInt()) != HealthState::Healthy
            && diagnosis.contains(QLatin1String("stuck")) && diagnosis.contains(routine))
            return row;
    }
    return -1;
}

void TestHealthViews::agentsAppearHealthy()
{
    const AgentHealthModel *model = m_window->health()->healthModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 2, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(allHealthy(), timeoutMs);
    const QModelIndex state = model->index(0, AgentHealthModel::StateColumn);
    QCOMPARE(state.data().toString(), QStringLiteral("Healthy"));
    QVERIFY(!model->index(0, AgentHealthModel::NameColumn).data().toString().isEmpty());
    // The age is computed here, against the FAILED threshold the update announced.
    QCOMPARE(model->policy().failedAfterMs(), 300);
    const double fraction = model->index(0, AgentHealthModel::BarColumn)
                                .data(AgentHealthModel::AgeFractionRole)
                                .toDouble();
    QVERIFY(fraction >= 0 && fraction <= 1);
    QCOMPARE(model->index(0, AgentHealthModel::BarColumn)
                 .data(AgentHealthModel::ThresholdsRole)
                 .toList()
                 .size(),
             2);
}

void TestHealthViews::stuckAgentRaisesAnAlertAndRecovers()
{
    const AlertLogModel *alerts = m_window->health()->alertModel();
    const int alertsBefore = alerts->rowCount();
    m_client->startJob(QStringLiteral("napper"), QString(), QVariantMap());

    QTRY_VERIFY_WITH_TIMEOUT(stuckRow(QStringLiteral("nap")) >= 0, timeoutMs);
    const AgentHealthModel *model = m_window->health()->healthModel();
    const QString agent
        = model->index(stuckRow(QStringLiteral("nap")), AgentHealthModel::NameColumn)
              .data()
              .toString();

    QTRY_VERIFY_WITH_TIMEOUT(alerts->rowCount() > alertsBefore, timeoutMs);
    const Alert &newest = alerts->alertAt(0);
    QCOMPARE(alerts->index(0, AlertLogModel::AgentColumn).data().toString(), newest.agent);
    bool sawStuckAlert = false;
    for (int row = 0; row < alerts->rowCount(); ++row) {
        const Alert &alert = alerts->alertAt(row);
        sawStuckAlert |= alert.agent == agent && alert.level != AlertLevel::Info
                         && alert.routine == QLatin1String("nap");
    }
    QVERIFY(sawStuckAlert);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->engineStatusBar()->currentMessage().contains(agent),
                             timeoutMs);

    // The nap ends, the agent beats again, and the recovery shows.
    QTRY_VERIFY_WITH_TIMEOUT(allHealthy(), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(alerts->alertAt(0).level == AlertLevel::Info, timeoutMs);
    QVERIFY(!QApplication::activeModalWidget());
}

QTEST_MAIN(TestHealthViews)
#include "tst_healthviews.moc"
