#pragma once

#include "client/engineclient.h"

#include <QHash>
#include <QHostAddress>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QMenu;
class QTreeView;

namespace flowscope {

class AgentTableModel;
class DebuggerController;
class EngineList;
class EngineProfileController;
class EngineSession;
class EngineStatusBar;
class EnginesView;
class EventLogModel;
class EventLogView;
class FlowListWidget;
class HealthController;
class JobTableModel;
class JobTableView;
class RecentFlows;
class TimelineLink;
class TimelinePanel;
class TraceExporter;
class WindowStateStore;

// The console: flows, jobs, the event log and agents of the engine selected in the Engines
// dock, reached only through an EngineClient, so the same window works on the in-process engine
// and on remote ones. Each engine keeps its own models (EngineSession); switching re-points the
// views and controllers.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // localClient: the engine in this process, listed first and shown at start.
    explicit MainWindow(EngineClient *localClient, QWidget *parent = nullptr);
    ~MainWindow() override;

    EngineList *engines() const { return m_engines; }
    EnginesView *enginesView() const { return m_enginesView; }
    EngineProfileController *engineProfiles() const { return m_profiles; }
    // The engine shown now.
    EngineSession *currentEngine() const { return m_session; }
    EngineClient *client() const { return m_client; }

    FlowListWidget *flowList() const { return m_flows; }
    JobTableView *jobView() const { return m_jobView; }
    JobTableModel *jobModel() const;
    EventLogView *eventLog() const { return m_eventLog; }
    EventLogModel *eventModel() const;
    AgentTableModel *agentModel() const;
    EngineStatusBar *engineStatusBar() const { return m_statusBar; }
    DebuggerController *debugger() const { return m_debugger; }
    HealthController *health() const { return m_health; }
    TimelinePanel *timeline() const { return m_timeline; }

    QAction *openFlowAction() const { return m_openFlow; }
    QAction *startJobAction() const { return m_startJob; }
    QAction *startJobWithParamsAction() const { return m_startJobWithParams; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *serveAction() const { return m_serve; }
    QAction *connectEngineAction() const { return m_connectEngine; }
    QAction *checkpointsAction() const { return m_checkpoints; }
    QAction *exportReportAction() const { return m_exportReport; }
    QAction *exportTraceAction() const { return m_exportTrace; }
    QAction *resetLayoutAction() const { return m_resetLayout; }
    QAction *shortcutsAction() const { return m_shortcuts; }
    QAction *aboutAction() const { return m_about; }
    RecentFlows *recentFlows() const { return m_recentFlows; }
    QMenu *viewMenu() const { return m_viewMenu; }
    TraceExporter *traceExporter() const { return m_traceExporter; }
    QMenu *demoMenu() const { return m_demoMenu; }

    // The demo flows the engine ships (Engine::addDemoFlows).
    static QStringList demoFlowIds();

    // The job the jobs table has selected; null when none.
    JobId selectedJob() const;

    // Loads a flow file, as File > Open and dropping a file do.
    void openFlowFile(const QString &path);

    // Restores the geometry and layout of the last run and keeps them when the window closes
    // (the console does; a window made without it leaves the settings alone).
    void restoreLayout();

public Q_SLOTS:
    // Results of serveRequested, from whoever started the endpoint.
    void showEndpointListening(const QString &url);
    void showEndpointFailed(const QString &message);

Q_SIGNALS:
    // The user asked to serve the engine over HTTP. The window does not own the engine, so the
    // application starts the endpoint and answers with showEndpointListening / Failed.
    // Empty tokens: none (only loopback addresses are then served).
    void serveRequested(const QHostAddress &address, quint16 port, const QByteArray &controlToken,
                        const QByteArray &readToken);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenusAndToolBar();
    void createDocks();
    void sizeDefaultDocks();
    void connectViews();
    void connectClient();
    void attachModels();
    void watchSession(EngineSession *session);
    void showEngine(EngineSession *session);
    void showConnectionState(EngineSession *session);

    void applyUpdate(const ClientUpdate &update);
    void openFlow();
    void startSelectedFlow();
    void startSelectedFlowWithParameters();
    void serveOnNetwork();
    void updateActions();
    void jobSelectionChanged();
    void selectJob(JobId id);
    void showRequestFailed(const QString &request, const QString &message);
    void showAbout();
    void showShortcuts();
    void showJobContextMenu(const QPoint &pos);

    EngineList *m_engines;
    EngineSession *m_session;
    QPointer<EngineClient> m_client; // the session's; may go before the session switches
    FlowListWidget *m_flows;
    JobTableView *m_jobView;
    EventLogView *m_eventLog;
    QTreeView *m_agentView = nullptr;
    EnginesView *m_enginesView = nullptr;
    EngineProfileController *m_profiles;
    EngineStatusBar *m_statusBar;
    DebuggerController *m_debugger;
    HealthController *m_health;
    TraceExporter *m_traceExporter;
    TimelinePanel *m_timeline;
    TimelineLink *m_timelineLink = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_demoMenu = nullptr;
    RecentFlows *m_recentFlows;
    WindowStateStore *m_windowState = nullptr; // made once every dock exists
    bool m_keepLayout = false;                 // restoreLayout was called
    bool m_layoutRestored = false;             // a saved layout was applied
    bool m_shown = false;
    QDockWidget *m_eventLogDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;

    QAction *m_openFlow = nullptr;
    QAction *m_startJob = nullptr;
    QAction *m_startJobWithParams = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_monitoring = nullptr;
    QAction *m_serve = nullptr;
    QAction *m_connectEngine = nullptr;
    QAction *m_checkpoints = nullptr;
    QAction *m_exportReport = nullptr;
    QAction *m_exportTrace = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_resetLayout = nullptr;
    QAction *m_shortcuts = nullptr;
    QAction *m_about = nullptr;

    QList<QMetaObject::Connection> m_modelConnections;  // to the shown engine's models
    QHash<const EngineSession *, JobId> m_selectedJobs; // reselected when the engine is shown
    JobId m_jobToSelect;    // started from here; selected as soon as its row appears
    QString m_flowToSelect; // added from here; selected as soon as it is listed
    QString m_lastServeAddress = QStringLiteral("127.0.0.1:8765");
};

} // namespace flowscope
