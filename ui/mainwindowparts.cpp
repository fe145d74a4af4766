#include "mainwindow.h"

#include "agenttablemodel.h"
#include "debuggercontroller.h"
#include "docks.h"
#include "engineprofilecontroller.h"
#include "enginesession.h"
#include "enginestatusbar.h"
#include "enginesview.h"
#include "eventlogview.h"
#include "flowlistwidget.h"
#include "healthcontroller.h"
#include "jobtablemodel.h"
#include "recentflows.h"
#include "themediconengine.h"
#include "timelinepanel.h"
#include "traceexporter.h"
#include "viewmenu.h"
#include "windowstatestore.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

// MainWindow's parts and their places: its actions, docks, menus and toolbar, and the default
// layout's sizes.
namespace flowscope {

void MainWindow::restoreLayout()
{
    m_layoutRestored = m_windowState->restore();
    m_keepLayout = true;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_shown)
        return;
    m_shown = true;
    // Dock sizes only take once the window has its size.
    if (!m_layoutRestored)
        QTimer::singleShot(0, this, &MainWindow::sizeDefaultDocks);
}

// The default layout's event log and timeline share half the window's height: left to their
// size hints, the job table above took all but a strip of it.
void MainWindow::sizeDefaultDocks()
{
    resizeDocks({m_eventLogDock, m_timelineDock}, {height() * 27 / 100, height() / 4},
                Qt::Vertical);
}

void MainWindow::createActions()
{
    const auto icon = [](const char *name) { return ThemedIconEngine::icon(QLatin1String(name)); };
    m_openFlow = new QAction(icon("open"), tr("&Open Flow…"), this);
    m_openFlow->setShortcut(QKeySequence::Open);
    m_openFlow->setToolTip(tr("Load a flow file into the engine"));
    connect(m_openFlow, &QAction::triggered, this, &MainWindow::openFlow);

    m_startJob = new QAction(icon("start"), tr("&Start Job"), this);
    m_startJob->setShortcut(Qt::CTRL | Qt::Key_R);
    m_startJob->setToolTip(tr("Start a job of the selected flow"));
    connect(m_startJob, &QAction::triggered, this, &MainWindow::startSelectedFlow);

    m_startJobWithParams = new QAction(tr("Start Job with &Parameters…"), this);
    m_startJobWithParams->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    connect(m_startJobWithParams, &QAction::triggered, this,
            &MainWindow::startSelectedFlowWithParameters);

    m_pause = new QAction(icon("pause"), tr("&Pause"), this);
    m_pause->setShortcut(Qt::Key_F6);
    m_pause->setToolTip(tr("Pause the selected job"));
    connect(m_pause, &QAction::triggered, this, [this] { m_client->pauseJob(selectedJob()); });

    m_resume = new QAction(icon("continue"), tr("&Continue"), this);
    m_resume->setShortcut(Qt::Key_F5);
    m_resume->setToolTip(tr("Continue the selected job"));
    connect(m_resume, &QAction::triggered, this, [this] { m_client->resumeJob(selectedJob()); });

    m_cancel = new QAction(icon("cancel"), tr("&Cancel"), this);
    m_cancel->setShortcut(Qt::SHIFT | Qt::Key_F5);
    m_cancel->setToolTip(tr("Cancel the selected job"));
    connect(m_cancel, &QAction::triggered, this, [this] { m_client->cancelJob(selectedJob()); });

    m_monitoring = new QAction(tr("&Monitoring"), this);
    m_monitoring->setCheckable(true);
    m_monitoring->setChecked(true);
    m_monitoring->setToolTip(tr("Record routine events (off: only job events, for speed)"));
    connect(m_monitoring, &QAction::toggled, this,
            [this](bool enabled) { m_client->setMonitoring(enabled); });

    m_connectEngine = new QAction(tr("&Connect to Engine…"), this);
    m_connectEngine->setToolTip(tr("Watch another engine over the network"));
    connect(m_connectEngine, &QAction::triggered, this,
            [this] { m_profiles->showConnectDialog(); });

    m_serve = new QAction(tr("&Serve on Network…"), this);
    m_serve->setToolTip(tr("Offer this engine over HTTP"));
    connect(m_serve, &QAction::triggered, this, &MainWindow::serveOnNetwork);

    m_checkpoints = new QAction(tr("Check&points…"), this);
    m_checkpoints->setToolTip(tr("The selected job's checkpoints: resume or fork from one"));
    connect(m_checkpoints, &QAction::triggered, this,
            [this] { m_health->showCheckpoints(selectedJob(), this); });

    m_exportReport = new QAction(tr("Export &Health Report…"), this);
    m_exportReport->setToolTip(tr("Write agents, alerts and metrics to a report file"));
    connect(m_exportReport, &QAction::triggered, this, [this] { m_health->exportReport(this); });

    m_exportTrace = new QAction(tr("Export &Trace…"), this);
    m_exportTrace->setToolTip(
        tr("Write the selected job's timeline as a Chrome trace (Perfetto, chrome://tracing)"));
    connect(m_exportTrace, &QAction::triggered, this, [this] {
        const int row = jobModel()->rowOf(selectedJob());
        if (row >= 0)
            m_traceExporter->exportJob(this, m_session, jobModel()->jobAt(row));
    });
    connect(m_traceExporter, &TraceExporter::statusMessage, m_statusBar,
            [this](const QString &message) {
                m_statusBar->showMessage(message, EngineStatusBar::messageTimeoutMs);
            });

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_resetLayout = new QAction(tr("&Reset Layout"), this);
    m_resetLayout->setToolTip(tr("Put every dock and toolbar back where it was at first start"));
    connect(m_resetLayout, &QAction::triggered, this, [this] {
        m_windowState->resetLayout();
        sizeDefaultDocks();
    });

    m_shortcuts = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(m_shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_about = new QAction(tr("&About Flowscope"), this);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);

    connect(m_recentFlows, &RecentFlows::openRequested, this, &MainWindow::openFlowFile);
    connect(m_recentFlows, &RecentFlows::message, m_statusBar, [this](const QString &message) {
        m_statusBar->showMessage(message, EngineStatusBar::messageTimeoutMs);
    });
}

void MainWindow::createDocks()
{
    Docks::add(this, tr("Flows"), QStringLiteral("flowsDock"), m_flows, Qt::LeftDockWidgetArea);
    // Under the flows, which keep their place at the top left.
    m_enginesView = new EnginesView(m_engines, this);
    Docks::add(this, tr("Engines"), QStringLiteral("enginesDock"), m_enginesView,
               Qt::LeftDockWidgetArea);

    auto *agentView = new QTreeView(this);
    m_agentView = agentView;
    agentView->setObjectName(QStringLiteral("agentTable"));
    agentView->setModel(m_session->agentModel());
    agentView->setRootIsDecorated(false);
    agentView->setUniformRowHeights(true);
    // Health first: it is what a swarm's operator watches; the workers tab has the raw counts.
    auto *agentTabs = new QTabWidget(this);
    agentTabs->setObjectName(QStringLiteral("agentTabs"));
    agentTabs->addTab(m_health->createAgentHealthView(agentTabs), tr("Health"));
    agentTabs->addTab(agentView, tr("Workers"));
    Docks::add(this, tr("Agents"), QStringLiteral("agentsDock"), agentTabs,
               Qt::RightDockWidgetArea);

    m_eventLogDock = Docks::add(this, tr("Event Log"), QStringLiteral("eventLogDock"), m_eventLog,
                                Qt::BottomDockWidgetArea);
    m_timelineDock = Docks::add(this, tr("Timeline"), QStringLiteral("timelineDock"), m_timeline,
                                Qt::BottomDockWidgetArea);
    splitDockWidget(m_eventLogDock, m_timelineDock, Qt::Vertical);
    m_debugger->addDocks(this);
    m_health->addDocks(this);
}

void MainWindow::createMenusAndToolBar()
{
    // The main toolbar comes first, before Debug, which carries the job control (pause,
    // continue, cancel): each action on one toolbar only.
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_openFlow);
    toolBar->addAction(m_startJob);
    toolBar->addSeparator();

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openFlow);
    file->addMenu(m_recentFlows->menu());
    file->addSeparator();
    file->addAction(m_exportReport);
    file->addAction(m_exportTrace);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *job = menuBar()->addMenu(tr("&Job"));
    job->addAction(m_startJob);
    job->addAction(m_startJobWithParams);
    job->addSeparator();
    job->addAction(m_checkpoints);

    m_demoMenu = menuBar()->addMenu(tr("&Demos"));
    const QStringList demos = demoFlowIds();
    for (const QString &flowId : demos) {
        QAction *demo = m_demoMenu->addAction(tr("Run %1").arg(flowId));
        demo->setData(flowId);
        connect(demo, &QAction::triggered, this,
                [this, flowId] { m_client->startJob(flowId, QString(), QVariantMap()); });
    }

    m_debugger->addMenuAndToolBar(this, {m_resume, m_pause, m_cancel});

    QMenu *engine = menuBar()->addMenu(tr("&Engine"));
    engine->addAction(m_connectEngine);
    engine->addSeparator();
    engine->addAction(m_monitoring);
    engine->addAction(m_serve);

    auto *viewMenu = new ViewMenu(this, tr("&View"), this);
    viewMenu->setLayoutActions({m_resetLayout});
    m_viewMenu = viewMenu;
    menuBar()->addMenu(m_viewMenu);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcuts);
    help->addSeparator();
    help->addAction(m_about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    auto *demoButton = new QToolButton(toolBar);
    demoButton->setObjectName(QStringLiteral("demoButton"));
    demoButton->setText(tr("Demos"));
    demoButton->setToolTip(tr("Start a demo flow"));
    demoButton->setIcon(ThemedIconEngine::icon(QStringLiteral("demo")));
    demoButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    demoButton->setPopupMode(QToolButton::InstantPopup);
    demoButton->setMenu(m_demoMenu);
    toolBar->addWidget(demoButton);
}

} // namespace flowscope
