#pragma once

#include "client/engineclient.h"

#include <QHash>
#include <QObject>

class QAction;
class QListWidget;
class QMainWindow;
class QMenu;
class QTreeView;
class QWidget;

namespace flowscope {

class BreakpointController;
class FlowGraphScene;
class FlowGraphView;
class VariablesModel;
class WatchesWidget;

// The debugger's side of the console: the flow graph with its live state, the Variables, Call
// stack and Watches views, and the step actions. It follows the selected job; when that job stops
// it asks for its debug state and shows where it stands.
class DebuggerController : public QObject
{
    Q_OBJECT
public:
    DebuggerController(EngineClient *client, QWidget *parentWidget);

    FlowGraphScene *graph() const { return m_scene; }
    FlowGraphView *graphView() const { return m_graphView; }
    BreakpointController *breakpoints() const { return m_breakpoints; }
    VariablesModel *variablesModel() const { return m_variables; }
    QTreeView *variablesView() const { return m_variablesView; }
    QListWidget *callStack() const { return m_callStack; }
    WatchesWidget *watches() const { return m_watches; }

    QAction *stepOverAction() const { return m_stepOver; }
    QAction *stepIntoAction() const { return m_stepInto; }
    QAction *stepOutAction() const { return m_stepOut; }
    QAction *toggleBreakpointAction() const { return m_toggleBreakpoint; }

    // Where the selected job stands; session.stopped is false unless it is stopped now.
    const DebugState &state() const { return m_state; }
    bool isStopped() const { return m_state.session.stopped; }

    // Adds the Flow Graph, Breakpoints, Variables, Call Stack and Watches docks.
    void addDocks(QMainWindow *window);
    // The Debug menu and tool bar: jobActions (continue, pause, cancel) and the step actions.
    QMenu *addMenuAndToolBar(QMainWindow *window, const QList<QAction *> &jobActions);

    // Another engine: forgets the old one's flows, job and stop. keepBreakpoints: the engine's
    // breakpoints are saved with their flows and restored (the in-process engine's are).
    void setClient(EngineClient *client, const QVector<FlowDefinition> &flows,
                   bool keepBreakpoints);
    void setFlows(const QVector<FlowDefinition> &flows);
    void flowAdded(const QString &flowId);
    void showFlow(const QString &flowId);
    // Shows where an event happened: its flow in the graph, its routine selected.
    void showEvent(const Event &event);
    // A null job: none selected.
    void setSelectedJob(const JobInfo &job);
    void applyUpdate(const ClientUpdate &update);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void createActions(QWidget *parentWidget);
    void connectClient();
    void showState(const DebugState &state);
    void showCallStack(const DebugState &state);
    void clearStop();
    void step(StepMode mode);
    void toggleBreakpoint();
    void selectFrame(int frame);
    void evaluateWatch(const QString &expression);
    void updateActions();
    QString stopText(const DebugSession &session) const;

    EngineClient *m_client;
    FlowGraphScene *m_scene;
    FlowGraphView *m_graphView;
    BreakpointController *m_breakpoints;
    VariablesModel *m_variables;
    QTreeView *m_variablesView;
    QListWidget *m_callStack;
    WatchesWidget *m_watches;
    QAction *m_stepOver = nullptr;
    QAction *m_stepInto = nullptr;
    QAction *m_stepOut = nullptr;
    QAction *m_toggleBreakpoint = nullptr;

    QHash<QString, FlowDefinition> m_flows;
    QString m_flowToShow; // asked for before it was listed
    JobId m_job;
    JobStatus m_status = JobStatus::Pending;
    DebugState m_state;
    quint64 m_watchedStop = 0; // the activation the watches were evaluated at
    int m_watchedFrame = -1;
    int m_nextRequest = 0;
    QHash<int, QString> m_evaluating; // request id -> expression
};

} // namespace flowscope
