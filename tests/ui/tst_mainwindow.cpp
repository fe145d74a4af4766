#include "client/inprocessclient.h"
#include "enginestatusbar.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "flowlistwidget.h"
#include "jobtablemodel.h"
#include "jobtableview.h"
#include "mainwindow.h"
#include "runtime/engine.h"
#include "servedialog.h"
#include "startjobdialog.h"

#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeView>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {
constexpr int timeoutMs = 10000;

// A flow file as a user would write one.
const char userFlow[] = R"({"flow_id": "long_work",
    "routines": {"a": {"class": "flowscope.Work", "config": {"duration_ms": 50}}},
    "connections": [], "entry": "a.in"})";
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsTheDemoFlows();
    void demoMenuStartsADemo();
    void droppedFlowFileIsListed();
    void badFlowFileIsReportedInTheStatusBar();
    void pauseResumeAndCancelThroughTheToolBar();
    void filtersTheEventLog();
    void startWithParametersRefusesBadJson();
    void serveOnNetworkAsksTheApplication();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    void dropFile(const QString &path);
    void clickToolBarAction(QAction *action);
    int jobRowOfFlow(const QString &flowId) const;
    int jobCountOfFlow(const QString &flowId) const;
    QString jobStatus(int row) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    JobId m_demoJob; // the scan_swarm job paused, resumed and cancelled
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true); // opened files go to Recent Flows in the settings
    EngineConfig config;
    config.workers = 2;
    m_engine = std::make_unique<Engine>(config);
    m_engine->addDemoFlows();
    m_client = std::make_unique<InProcessClient>(m_engine.get());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_engine.reset();
}

QString TestMainWindow::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

void TestMainWindow::dropFile(const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint center = m_window->rect().center();
    QDragEnterEvent enter(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
}

void TestMainWindow::clickToolBarAction(QAction *action)
{
    // On whichever toolbar carries it: Start on the main one, job control on Debug.
    QWidget *button = nullptr;
    const QList<QToolBar *> toolBars = m_window->findChildren<QToolBar *>();
    for (const QToolBar *toolBar : toolBars) {
        if (!button)
            button = toolBar->widgetForAction(action);
    }
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

int TestMainWindow::jobRowOfFlow(const QString &flowId) const
{
    const JobTableModel *model = m_window->jobModel();
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        if (model->index(row, JobTableModel::FlowColumn).data().toString() == flowId)
            return row;
    }
    return -1;
}

int TestMainWindow::jobCountOfFlow(const QString &flowId) const
{
    int count = 0;
    for (int row = 0; row < m_window->jobModel()->rowCount(); ++row)
        count += m_window->jobModel()->jobAt(row).flowId == flowId;
    return count;
}

QString TestMainWindow::jobStatus(int row) const
{
    return m_window->jobModel()->index(row, JobTableModel::StatusColumn).data().toString();
}

void TestMainWindow::listsTheDemoFlows()
{
    const FlowListWidget *flows = m_window->flowList();
    for (const QString &demo : MainWindow::demoFlowIds())
        QTRY_VERIFY_WITH_TIMEOUT(flows->flowIds().contains(demo), timeoutMs);
}

void TestMainWindow::demoMenuStartsADemo()
{
    QAction *etl = nullptr;
    const QList<QAction *> demos = m_window->demoMenu()->actions();
    for (QAction *action : demos) {
        if (action->data().toString() == QLatin1String("etl"))
            etl = action;
    }
    QVERIFY(etl);
    etl->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(jobRowOfFlow(QStringLiteral("etl")) >= 0, timeoutMs);
}

void TestMainWindow::droppedFlowFileIsListed()
{
    const QString path = writeFile(QStringLiteral("long_work.json"), QByteArray(userFlow));
    QVERIFY(!path.isEmpty());
    dropFile(path);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->flowList()->flowIds().contains(QStringLiteral("long_work")),
                             timeoutMs);
}

void TestMainWindow::badFlowFileIsReportedInTheStatusBar()
{
    const QString path = writeFile(QStringLiteral("broken.json"), QByteArray("{\"flow_id\": "));
    dropFile(path);
    // Reported without a modal box, so the console stays usable.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->engineStatusBar()->currentMessage().contains(QLatin1String("failed")), timeoutMs);
    QVERIFY(!QApplication::activeModalWidget());
}

void TestMainWindow::pauseResumeAndCancelThroughTheToolBar()
{
    FlowListWidget *flows = m_window->flowList();
    QTRY_VERIFY_WITH_TIMEOUT(flows->flowIds().contains(QStringLiteral("scan_swarm")), timeoutMs);
    QListWidgetItem *item
        = flows->findItems(QStringLiteral("scan_swarm"), Qt::MatchExactly).first();
    flows->scrollToItem(item);
    QTest::mouseClick(flows->viewport(), Qt::LeftButton, {}, flows->visualItemRect(item).center());
    QCOMPARE(flows->selectedFlowId(), QStringLiteral("scan_swarm"));

    clickToolBarAction(m_window->startJobAction());
    QTRY_VERIFY_WITH_TIMEOUT(jobRowOfFlow(QStringLiteral("scan_swarm")) >= 0, timeoutMs);
    int row = jobRowOfFlow(QStringLiteral("scan_swarm"));
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(row), QStringLiteral("Running"), timeoutMs);
    m_demoJob = m_window->jobModel()->jobAt(row).id;

    // Select the job as a user would: click its row.
    QTableView *jobs = m_window->jobView();
    QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {},
                      jobs->visualRect(jobs->model()->index(row, 0)).center());
    QCOMPARE(m_window->selectedJob(), m_demoJob);
    QVERIFY(m_window->pauseAction()->isEnabled());
    QVERIFY(!m_window->resumeAction()->isEnabled());

    clickToolBarAction(m_window->pauseAction());
    row = m_window->jobModel()->rowOf(m_demoJob);
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(row), QStringLiteral("Paused"), timeoutMs);
    QTRY_VERIFY(m_window->resumeAction()->isEnabled());
    QVERIFY(!m_window->pauseAction()->isEnabled());

    clickToolBarAction(m_window->resumeAction());
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(row), QStringLiteral("Running"), timeoutMs);

    clickToolBarAction(m_window->cancelAction());
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(row), QStringLiteral("Cancelled"), timeoutMs);
    QTRY_VERIFY(!m_window->cancelAction()->isEnabled());
    QVERIFY(!m_window->pauseAction()->isEnabled());
}

void TestMainWindow::filtersTheEventLog()
{
    QVERIFY(!m_demoJob.isNull());
    EventLogModel *model = m_window->eventModel();
    EventLogView *log = m_window->eventLog();
    const QString jobStarted = eventTypeName(EventType::JobStarted);
    const auto column
        = [model](int row, EventColumn c) { return model->index(row, int(c)).data().toString(); };
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 10, timeoutMs);

    // Types: only job_started.
    const QList<QAction *> typeActions = log->typeMenu()->actions();
    for (QAction *action : typeActions) {
        if (!action->isCheckable())
            continue;
        action->setChecked(action->text() == jobStarted);
    }
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 2, timeoutMs); // the etl and scan_swarm jobs
    QVERIFY(quint64(model->rowCount()) < model->storedCount());
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(column(row, EventColumn::Type), jobStarted);

    // Free text: the scan_swarm job's id, over every type again.
    for (QAction *action : typeActions) {
        if (action->isCheckable())
            action->setChecked(true);
    }
    const int allRows = model->rowCount();
    const QString jobText = m_demoJob.toString();
    QTest::keyClicks(log->textFilter(), jobText);
    QTRY_VERIFY_WITH_TIMEOUT(model->filter().text == jobText, timeoutMs);
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->rowCount() < allRows);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(column(row, EventColumn::Job), jobText);

    log->textFilter()->setText(QStringLiteral("no such text anywhere"));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, timeoutMs);
    log->textFilter()->clear();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= allRows, timeoutMs);
}

void TestMainWindow::startWithParametersRefusesBadJson()
{
    QVERIFY(m_window->flowList()->selectFlow(QStringLiteral("etl")));
    const int etlJobsBefore = jobCountOfFlow(QStringLiteral("etl"));

    m_window->startJobWithParamsAction()->trigger();
    StartJobDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<StartJobDialog *>()) && dialog->isVisible());
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    dialog->paramsEdit()->setPlainText(QStringLiteral("{\"rows\": }"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorLabel()->isVisible());

    dialog->paramsEdit()->setPlainText(QStringLiteral("{\"rows\": 3}"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(jobCountOfFlow(QStringLiteral("etl")) > etlJobsBefore, timeoutMs);
}

void TestMainWindow::serveOnNetworkAsksTheApplication()
{
    // The window cannot start an endpoint itself: it asks whoever owns the engine.
    QSignalSpy requested(m_window.get(), &MainWindow::serveRequested);
    m_window->serveAction()->trigger();
    ServeDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ServeDialog *>(QStringLiteral("serveDialog")))
                && dialog->isVisible());
    auto *hostPort = dialog->findChild<QLineEdit *>(QStringLiteral("hostPort"));
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("error"));
    QCOMPARE(hostPort->text(), QStringLiteral("127.0.0.1:8765"));

    // Beyond this machine without a token: refused in the dialog, which stays open.
    hostPort->setText(QStringLiteral("0.0.0.0:9123"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QLatin1String("control token")));
    QCOMPARE(requested.count(), 0);

    // A generated token: 48 hex digits, different each time.
    dialog->findChild<QPushButton *>(QStringLiteral("generateToken"))->click();
    const QString token = dialog->findChild<QLineEdit *>(QStringLiteral("controlToken"))->text();
    QCOMPARE(token.size(), 48);
    QVERIFY(ServeDialog::generateToken() != token.toLatin1());
    dialog->accept();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).value<QHostAddress>(), QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(requested.at(0).at(1).value<quint16>(), quint16(9123));
    QCOMPARE(requested.at(0).at(2).toByteArray(), token.toLatin1());

    m_window->showEndpointListening(QStringLiteral("http://0.0.0.0:9123"));
    QVERIFY(m_window->engineStatusBar()->currentMessage().contains(
        QLatin1String("http://0.0.0.0:9123")));

    // A bad address is refused in the dialog, and nothing is asked.
    m_window->serveAction()->trigger();
    QTRY_VERIFY((dialog = m_window->findChild<ServeDialog *>(QStringLiteral("serveDialog")))
                && dialog->isVisible());
    QCOMPARE(dialog->hostPort(), QStringLiteral("0.0.0.0:9123")); // remembered
    dialog->findChild<QLineEdit *>(QStringLiteral("hostPort"))
        ->setText(QStringLiteral("somewhere"));
    dialog->accept();
    QCOMPARE(requested.count(), 1);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("error"))
                ->text()
                .contains(QLatin1String("somewhere")));
    dialog->reject();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
