#include "mainwindow.h"

#include "aboutdialog.h"
#include "agenttablemodel.h"
#include "debuggercontroller.h"
#include "docks.h"
#include "enginelist.h"
#include "engineprofilecontroller.h"
#include "enginesession.h"
#include "enginestatusbar.h"
#include "enginesview.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "eventtableview.h"
#include "flowlistwidget.h"
#include "healthcontroller.h"
#include "jobtablemodel.h"
#include "jobtableview.h"
#include "recentflows.h"
#include "servedialog.h"
#include "shortcutsdialog.h"
#include "startjobdialog.h"
#include "timelinelink.h"
#include "timelinepanel.h"
#include "traceexporter.h"
#include "windowstatestore.h"

#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMetaMethod>

namespace flowscope {

MainWindow::MainWindow(EngineClient *localClient, QWidget *parent)
    : QMainWindow(parent)
    , m_engines(new EngineList(localClient, this))
    , m_session(m_engines->local())
    , m_client(localClient)
    , m_flows(new FlowListWidget(this))
    , m_jobView(new JobTableView(m_session->jobModel(), this))
    , m_eventLog(new EventLogView(m_session->eventModel(), this))
    , m_statusBar(new EngineStatusBar(this))
    , m_debugger(new DebuggerController(localClient, this))
    , m_health(new HealthController(m_session, this))
    , m_traceExporter(new TraceExporter(this))
    , m_timeline(new TimelinePanel(this))
    , m_recentFlows(new RecentFlows(this))
{
    m_profiles = new EngineProfileController(m_engines, this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/flowscope.svg")));
    setAcceptDrops(true);
    setStatusBar(m_statusBar);
    setDockNestingEnabled(true);

    setCentralWidget(m_jobView);

    createActions();
    createDocks();
    createMenusAndToolBar();
    connectViews();
    m_timelineLink = new TimelineLink(m_timeline, m_eventLog, m_debugger, this);
    for (EngineSession *session : m_engines->sessions())
        watchSession(session);
    connect(m_engines, &EngineList::sessionAdded, this, &MainWindow::watchSession);
    connect(m_engines, &EngineList::currentChanged, this, &MainWindow::showEngine);
    connect(m_engines, &EngineList::sessionAboutToBeRemoved, this,
            [this](EngineSession *session) { m_selectedJobs.remove(session); });
    connect(m_engines, &EngineList::connectFailed, this,
            [this](EngineSession *, const QString &message) {
                m_statusBar->showMessage(message, EngineStatusBar::messageTimeoutMs);
            });
    connect(m_enginesView, &EnginesView::removeRequested, m_profiles,
            &EngineProfileController::remove);
    connect(m_enginesView, &EnginesView::editRequested, m_profiles,
            &EngineProfileController::showEditDialog);
    connect(m_profiles, &EngineProfileController::statusMessage, this,
            [this](const QString &message) {
                m_statusBar->showMessage(message, EngineStatusBar::messageTimeoutMs);
            });

    showEngine(m_session);
    resize(1280, 800);
    // Every dock and toolbar exists now: this layout is the default one.
    m_windowState = new WindowStateStore(this);
}

MainWindow::~MainWindow()
{
    if (m_keepLayout)
        m_windowState->save(); // also when the application quits without closing the window
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_keepLayout)
        m_windowState->save();
    QMainWindow::closeEvent(event);
}

JobTableModel *MainWindow::jobModel() const
{
    return m_session->jobModel();
}

EventLogModel *MainWindow::eventModel() const
{
    return m_session->eventModel();
}

AgentTableModel *MainWindow::agentModel() const
{
    return m_session->agentModel();
}

void MainWindow::watchSession(EngineSession *session)
{
    connect(session, &EngineSession::clientChanged, this, [this](EngineSession *changed) {
        if (changed == m_session)
            showEngine(changed); // the views must talk to the new client
    });
    connect(session, &EngineSession::connectionStateChanged, this,
            [this](EngineSession *changed, EngineClient::ConnectionState state) {
                if (changed == m_session)
                    showConnectionState(changed);
                // Any engine's loss is news, not only the shown one's.
                if (state == EngineClient::ConnectionState::Disconnected && changed->isOpen()) {
                    const QString error = changed->lastError();
                    m_statusBar->showMessage(
                        error.isEmpty()
                            ? tr("Lost the connection to %1").arg(changed->name())
                            : tr("Lost the connection to %1: %2").arg(changed->name(), error),
                        EngineStatusBar::messageTimeoutMs);
                }
            });
    connect(session, &EngineSession::changed, this, [this](EngineSession *changed) {
        if (changed == m_session) {
            m_statusBar->setEngineName(changed->name());
            setWindowTitle(tr("Flowscope — %1").arg(changed->name()));
        }
    });
}

void MainWindow::showConnectionState(EngineSession *session)
{
    m_statusBar->setConnectionState(session->connectionState());
    m_statusBar->setLastError(session->lastError());
}

void MainWindow::showEngine(EngineSession *session)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    disconnect(m_session, &EngineSession::updateApplied, this, nullptr);
    if (m_session != session)
        m_selectedJobs.insert(m_session, selectedJob());
    m_session = session;
    m_client = session->client();
    m_jobToSelect = JobId();
    m_flowToSelect.clear();

    m_jobView->setJobModel(session->jobModel());
    m_eventLog->setModel(session->eventModel());
    m_timelineLink->setSession(session);
    m_agentView->setModel(session->agentModel());
    attachModels();
    m_health->setSession(session);
    m_debugger->setClient(m_client, session->flows(), session->isLocal());
    m_flows->setFlows(session->flows());
    connectClient();

    setWindowTitle(tr("Flowscope — %1").arg(session->name()));
    m_statusBar->setEngineName(session->name());
    showConnectionState(session);
    ClientUpdate rates; // what the engine said last, until it says more
    rates.eventsPerSecond = session->eventsPerSecond();
    rates.droppedEvents = session->droppedEvents();
    m_statusBar->showUpdate(rates);
    jobSelectionChanged();
    selectJob(m_selectedJobs.value(session));
    m_client->refreshFlows();
}

QStringList MainWindow::demoFlowIds()
{
    return {QStringLiteral("scan_swarm"), QStringLiteral("fastmon"), QStringLiteral("etl")};
}

void MainWindow::connectClient()
{
    connect(m_session, &EngineSession::updateApplied, this, &MainWindow::applyUpdate);
    connect(m_client, &EngineClient::flowsChanged, this,
            [this](const QVector<FlowDefinition> &flows) {
                m_flows->setFlows(flows);
                m_debugger->setFlows(flows);
                if (!m_flowToSelect.isEmpty() && m_flows->selectFlow(m_flowToSelect))
                    m_flowToSelect.clear();
            });
    connect(m_client, &EngineClient::flowAdded, this, [this](const QString &flowId) {
        m_statusBar->showMessage(tr("Flow %1 added").arg(flowId),
                                 EngineStatusBar::messageTimeoutMs);
        m_debugger->flowAdded(flowId);
        if (!m_flows->selectFlow(flowId))
            m_flowToSelect = flowId;
    });
    connect(m_client, &EngineClient::jobStarted, this, [this](JobId id, const QString &flowId) {
        m_statusBar->showMessage(tr("Started job %1 of %2").arg(id.toString(), flowId),
                                 EngineStatusBar::messageTimeoutMs);
        selectJob(id);
    });
    connect(m_client, &EngineClient::requestFailed, this, &MainWindow::showRequestFailed);
}

void MainWindow::attachModels()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections = {
        // Selecting an event shows where it happened in the flow graph.
        connect(m_eventLog->view(), &EventTableView::currentRowChanged, this,
                [this](int row) {
                    if (row >= 0)
                        m_debugger->showEvent(eventModel()->eventAt(row));
                }),
        connect(m_jobView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &MainWindow::jobSelectionChanged),
        connect(jobModel(), &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions),
        connect(jobModel(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions),
    };
}

void MainWindow::connectViews()
{
    connect(m_flows, &QListWidget::itemSelectionChanged, this, [this] {
        m_debugger->showFlow(m_flows->selectedFlowId());
        updateActions();
    });
    m_jobView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_jobView, &QWidget::customContextMenuRequested, this, &MainWindow::showJobContextMenu);
    connect(m_debugger, &DebuggerController::statusMessage, m_statusBar,
            [this](const QString &message) { m_statusBar->showMessage(message); });
    connect(m_health, &HealthController::statusMessage, m_statusBar,
            [this](const QString &message) {
                m_statusBar->showMessage(message, EngineStatusBar::messageTimeoutMs);
            });
}

void MainWindow::applyUpdate(const ClientUpdate &update)
{
    // The session's models already hold the update; the rest of the window follows.
    m_statusBar->showUpdate(update);
    if (!m_jobToSelect.isNull())
        selectJob(m_jobToSelect);
    m_debugger->applyUpdate(update);
    m_health->applyUpdate(update);
}

JobId MainWindow::selectedJob() const
{
    return m_jobView->selectedJob();
}

void MainWindow::selectJob(JobId id)
{
    // Its first update may not have arrived yet: then select it when it does.
    m_jobToSelect = m_jobView->selectJob(id) ? JobId() : id;
}

void MainWindow::jobSelectionChanged()
{
    const int row = jobModel()->rowOf(selectedJob());
    m_debugger->setSelectedJob(row >= 0 ? jobModel()->jobAt(row) : JobInfo());
    updateActions();
}

void MainWindow::updateActions()
{
    const bool flowSelected = !m_flows->selectedFlowId().isEmpty();
    m_startJob->setEnabled(flowSelected);
    m_startJobWithParams->setEnabled(flowSelected);

    const int row = jobModel()->rowOf(selectedJob());
    const bool hasJob = row >= 0;
    const JobStatus status = hasJob ? jobModel()->jobAt(row).status : JobStatus::Completed;
    m_pause->setEnabled(hasJob && (status == JobStatus::Running || status == JobStatus::Pending));
    m_resume->setEnabled(hasJob && status == JobStatus::Paused);
    m_cancel->setEnabled(hasJob && !isFinished(status));
    m_checkpoints->setEnabled(hasJob);
    m_exportTrace->setEnabled(hasJob);
}

void MainWindow::showJobContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_jobView->indexAt(pos);
    if (!index.isValid())
        return;
    m_jobView->selectRow(index.row());
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_pause, m_resume, m_cancel});
    menu->addSeparator();
    menu->addAction(m_checkpoints);
    menu->addAction(m_exportTrace);
    menu->popup(m_jobView->viewport()->mapToGlobal(pos));
}

void MainWindow::openFlow()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Flow"), QString(),
                                                      tr("Flow files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFlowFile(path);
}

void MainWindow::openFlowFile(const QString &path)
{
    m_recentFlows->add(path);
    m_statusBar->showMessage(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    m_client->addFlowFile(path);
}

void MainWindow::startSelectedFlow()
{
    const QString flowId = m_flows->selectedFlowId();
    if (!flowId.isEmpty())
        m_client->startJob(flowId, QString(), QVariantMap());
}

void MainWindow::startSelectedFlowWithParameters()
{
    const QString flowId = m_flows->selectedFlowId();
    if (flowId.isEmpty())
        return;
    // Non-modal: the console keeps updating while the user types.
    auto *dialog = new StartJobDialog(flowId, QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, flowId] {
        m_client->startJob(flowId, dialog->entry(), dialog->params());
    });
    dialog->show();
}

void MainWindow::serveOnNetwork()
{
    if (!isSignalConnected(QMetaMethod::fromSignal(&MainWindow::serveRequested))) {
        m_statusBar->showMessage(tr("Serving is not available for this engine."),
                                 EngineStatusBar::messageTimeoutMs);
        return;
    }
    // Non-modal, like every dialog here: updates keep flowing while the user types.
    auto *dialog = new ServeDialog(m_lastServeAddress, this);
    dialog->setObjectName(QStringLiteral("serveDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_lastServeAddress = dialog->hostPort();
        m_statusBar->showMessage(tr("Starting endpoint on %1…").arg(m_lastServeAddress));
        Q_EMIT serveRequested(dialog->address(), dialog->port(), dialog->controlToken(),
                              dialog->readToken());
    });
    dialog->show();
}

void MainWindow::showEndpointListening(const QString &url)
{
    m_statusBar->setServing(url);
    m_statusBar->showMessage(tr("Endpoint listening on %1").arg(url),
                             EngineStatusBar::messageTimeoutMs);
}

void MainWindow::showEndpointFailed(const QString &message)
{
    m_statusBar->showMessage(tr("Endpoint failed: %1").arg(message),
                             EngineStatusBar::messageTimeoutMs);
}

void MainWindow::showRequestFailed(const QString &request, const QString &message)
{
    // Never a modal box: failures arrive asynchronously, often while the user does something else.
    m_statusBar->showMessage(tr("%1 failed: %2").arg(request, message),
                             EngineStatusBar::messageTimeoutMs);
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showShortcuts()
{
    // Made anew each time: it lists the actions as they are now.
    auto *dialog = new ShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!FlowListWidget::flowFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = FlowListWidget::flowFiles(event->mimeData());
    for (const QString &file : files)
        openFlowFile(file);
    if (!files.isEmpty())
        event->acceptProposedAction();
}

} // namespace flowscope
