#include "debuggercontroller.h"

#include "breakpointcontroller.h"
#include "docks.h"
#include "flowgraphscene.h"
#include "flowgraphview.h"
#include "routinenodeitem.h"
#include "themediconengine.h"
#include "variablesmodel.h"
#include "watcheswidget.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QScrollBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

namespace flowscope {

DebuggerController::DebuggerController(EngineClient *client, QWidget *parentWidget)
    : QObject(parentWidget)
    , m_client(client)
    , m_scene(new FlowGraphScene(this))
    , m_graphView(new FlowGraphView(m_scene, parentWidget))
    , m_breakpoints(new BreakpointController(client, m_scene, parentWidget))
    , m_variables(new VariablesModel(this))
    , m_variablesView(new QTreeView(parentWidget))
    , m_callStack(new QListWidget(parentWidget))
    , m_watches(new WatchesWidget(parentWidget))
{
    m_variablesView->setObjectName(QStringLiteral("variablesView"));
    m_variablesView->setModel(m_variables);
    m_variablesView->setUniformRowHeights(true);
    m_variablesView->setEditTriggers(QAbstractItemView::DoubleClicked
                                     | QAbstractItemView::EditKeyPressed);
    m_variablesView->header()->resizeSection(VariablesModel::NameColumn, 180);
    m_callStack->setObjectName(QStringLiteral("callStack"));
    m_callStack->setUniformItemSizes(true);

    createActions(parentWidget);

    connectClient();
    connect(m_variables, &VariablesModel::editRequested, this,
            [this](const QString &scope, const QString &name, const QVariant &value) {
                if (isStopped())
                    m_client->setVariable(m_job, scope, name, value);
            });
    connect(m_callStack, &QListWidget::currentRowChanged, this, &DebuggerController::selectFrame);
    connect(m_watches, &WatchesWidget::expressionAdded, this, [this](const QString &expression) {
        if (isStopped())
            evaluateWatch(expression);
    });
    connect(m_breakpoints, &BreakpointController::statusMessage, this,
            &DebuggerController::statusMessage);
    updateActions();
}

void DebuggerController::connectClient()
{
    connect(m_client, &EngineClient::debugStateReceived, this, &DebuggerController::showState);
    connect(m_client, &EngineClient::evaluated, this,
            [this](int requestId, const EvaluationResult &result) {
                const QString expression = m_evaluating.take(requestId);
                if (!expression.isNull())
                    m_watches->setResult(expression, result);
            });
}

void DebuggerController::setClient(EngineClient *client, const QVector<FlowDefinition> &flows,
                                   bool keepBreakpoints)
{
    disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    connectClient();
    m_job = JobId();
    m_status = JobStatus::Pending;
    m_evaluating.clear();
    clearStop();
    m_flows.clear();
    m_flowToShow.clear();
    m_scene->setFlow(FlowDefinition());
    m_breakpoints->setClient(client, flows, keepBreakpoints);
    for (const FlowDefinition &flow : flows)
        m_flows.insert(flow.flowId, flow);
}

void DebuggerController::createActions(QWidget *parentWidget)
{
    const auto make = [this, parentWidget](const char *iconName, const QString &text,
                                           const QKeySequence &key, const QString &tip) {
        auto *action
            = new QAction(ThemedIconEngine::icon(QLatin1String(iconName)), text, parentWidget);
        action->setShortcut(key);
        action->setToolTip(tip);
        return action;
    };
    m_stepOver = make("step-over", tr("Step &Over"), QKeySequence(Qt::Key_F10),
                      tr("Run the stopped activation and everything it causes, then stop"));
    m_stepInto = make("step-into", tr("Step &Into"), QKeySequence(Qt::Key_F11),
                      tr("Run the stopped activation and stop at the first one it causes"));
    m_stepOut = make("step-out", tr("Step O&ut"), QKeySequence(Qt::SHIFT | Qt::Key_F11),
                     tr("Run until the caller's activations are done, then stop"));
    m_toggleBreakpoint = make("breakpoint", tr("Toggle &Breakpoint"), QKeySequence(Qt::Key_F9),
                              tr("Set or clear a breakpoint on the selected routine"));
    connect(m_stepOver, &QAction::triggered, this, [this] { step(StepMode::Over); });
    connect(m_stepInto, &QAction::triggered, this, [this] { step(StepMode::Into); });
    connect(m_stepOut, &QAction::triggered, this, [this] { step(StepMode::Out); });
    connect(m_toggleBreakpoint, &QAction::triggered, this, &DebuggerController::toggleBreakpoint);
}

void DebuggerController::addDocks(QMainWindow *window)
{
    const auto dock = [window](const QString &title, const char *name, QWidget *widget) {
        return Docks::create(window, title, QLatin1String(name), widget);
    };
    // The graph needs room: it shares the right side with the agents as a tab, in front.
    QDockWidget *graph = dock(tr("Flow Graph"), "flowGraphDock", m_graphView);
    window->addDockWidget(Qt::RightDockWidgetArea, graph);
    if (auto *agents = window->findChild<QDockWidget *>(QStringLiteral("agentsDock")))
        window->tabifyDockWidget(agents, graph);
    window->resizeDocks({graph}, {560}, Qt::Horizontal);
    QDockWidget *variables = dock(tr("Variables"), "variablesDock", m_variablesView);
    window->addDockWidget(Qt::BottomDockWidgetArea, variables);
    QDockWidget *stack = dock(tr("Call Stack"), "callStackDock", m_callStack);
    window->addDockWidget(Qt::BottomDockWidgetArea, stack);
    QDockWidget *watches = dock(tr("Watches"), "watchesDock", m_watches);
    window->tabifyDockWidget(stack, watches);
    QDockWidget *breakpoints = dock(tr("Breakpoints"), "breakpointsDock", m_breakpoints->view());
    window->tabifyDockWidget(stack, breakpoints);
    stack->raise();
    graph->raise();
}

QMenu *DebuggerController::addMenuAndToolBar(QMainWindow *window,
                                             const QList<QAction *> &jobActions)
{
    QMenu *menu = window->menuBar()->addMenu(tr("&Debug"));
    menu->addActions(jobActions);
    menu->addSeparator();
    const QList<QAction *> steps{m_stepOver, m_stepInto, m_stepOut};
    menu->addActions(steps);
    menu->addSeparator();
    menu->addAction(m_toggleBreakpoint);

    QToolBar *toolBar = window->addToolBar(tr("Debug"));
    toolBar->setObjectName(QStringLiteral("debugToolBar"));
    toolBar->addActions(jobActions);
    toolBar->addSeparator();
    toolBar->addActions(steps);
    toolBar->addAction(m_toggleBreakpoint);
    return menu;
}

void DebuggerController::setFlows(const QVector<FlowDefinition> &flows)
{
    bool shownChanged = false;
    for (const FlowDefinition &flow : flows) {
        const auto old = m_flows.constFind(flow.flowId);
        if (flow.flowId == m_scene->flowId() && old != m_flows.cend()
            && old->toDsl() != flow.toDsl())
            shownChanged = true;
        m_flows.insert(flow.flowId, flow);
    }
    m_breakpoints->setFlows(flows);
    if (shownChanged) {
        const QString shown = m_scene->flowId();
        m_scene->setFlow(FlowDefinition());
        showFlow(shown);
    } else if (!m_flowToShow.isEmpty()) {
        showFlow(m_flowToShow);
    }
}

void DebuggerController::flowAdded(const QString &flowId)
{
    m_breakpoints->flowAdded(flowId);
}

void DebuggerController::showEvent(const Event &event)
{
    if (event.flow.isNull())
        return;
    showFlow(event.flow.toString());
    if (!event.routine.isNull())
        m_scene->selectRoutine(event.routine.toString());
}

void DebuggerController::showFlow(const QString &flowId)
{
    if (flowId.isEmpty() || flowId == m_scene->flowId())
        return;
    const auto flow = m_flows.constFind(flowId);
    if (flow == m_flows.cend()) {
        m_flowToShow = flowId;
        return;
    }
    m_flowToShow.clear();
    m_scene->setFlow(*flow);
    m_scene->setBreakpoints(m_breakpoints->breakpointList());
    if (isStopped() && m_state.session.flowId == flowId) {
        m_scene->setStoppedRoutine(m_state.session.routine);
        if (m_state.frame > 0)
            m_scene->setFrameRoutine(m_state.frames.value(m_state.frame).routine);
    }
    m_graphView->fitFlow();
    m_graphView->horizontalScrollBar()->setValue(0);
    updateActions();
}

void DebuggerController::setSelectedJob(const JobInfo &job)
{
    if (job.id == m_job)
        return;
    m_job = job.id;
    m_status = job.status;
    clearStop();
    if (m_job.isNull())
        return;
    showFlow(job.flowId);
    if (m_status == JobStatus::Paused)
        m_client->refreshDebugState(m_job, 0);
}

void DebuggerController::applyUpdate(const ClientUpdate &update)
{
    m_scene->applyEvents(update.events);
    m_breakpoints->applyEvents(update.events);
    if (m_job.isNull())
        return;
    bool refresh = false;
    for (const Event &e : update.events) {
        if (e.job == m_job
            && (e.type == EventType::JobPaused || e.type == EventType::BreakpointHit))
            refresh = true;
    }
    for (const JobInfo &job : update.jobs) {
        if (job.id != m_job)
            continue;
        refresh |= job.status == JobStatus::Paused && m_status != JobStatus::Paused;
        m_status = job.status;
    }
    if (m_status != JobStatus::Paused) {
        if (isStopped())
            clearStop();
    } else if (refresh) {
        m_client->refreshDebugState(m_job, 0);
    }
}

void DebuggerController::showState(const DebugState &state)
{
    if (state.session.job != m_job || m_job.isNull())
        return;
    if (!state.session.stopped) {
        // Paused, but the stop is not chosen yet (job_paused follows), or already running.
        clearStop();
        return;
    }
    m_state = state;
    showFlow(state.session.flowId);
    m_variables->setVariables(state.variables);
    m_variablesView->expandToDepth(0);
    showCallStack(state);
    m_scene->setStoppedRoutine(state.session.routine);
    const QString frameRoutine = state.frames.value(state.frame).routine;
    m_scene->setFrameRoutine(state.frame > 0 ? frameRoutine : QString());
    const QString focus = state.frame > 0 ? frameRoutine : state.session.routine;
    m_scene->selectRoutine(focus);
    if (RoutineNodeItem *node = m_scene->node(focus))
        m_graphView->ensureVisible(node, 20, 20);
    Q_EMIT statusMessage(stopText(state.session));
    if (state.session.activation != m_watchedStop || state.frame != m_watchedFrame) {
        m_watchedStop = state.session.activation;
        m_watchedFrame = state.frame;
        const QStringList expressions = m_watches->expressions();
        for (const QString &expression : expressions)
            evaluateWatch(expression);
    }
    updateActions();
}

void DebuggerController::showCallStack(const DebugState &state)
{
    // Rebuilt without signals: selecting the shown frame must not ask for it again.
    QSignalBlocker blocker(m_callStack);
    m_callStack->clear();
    for (const StackFrame &frame : state.frames) {
        const QString text
            = frame.known
                  ? QStringLiteral("%1.%2 #%3").arg(frame.routine, frame.slot).arg(frame.activation)
                  : tr("#%1 (not kept)").arg(frame.activation);
        m_callStack->addItem(text);
    }
    m_callStack->setCurrentRow(state.frame);
}

QString DebuggerController::stopText(const DebugSession &session) const
{
    QString why;
    if (session.reason == QLatin1String("breakpoint"))
        why = tr("breakpoint %1").arg(session.breakpointId);
    else if (session.reason == QLatin1String("step"))
        why = tr("step");
    else
        why = tr("paused");
    return tr("Job %1 stopped at %2.%3 (%4)")
        .arg(session.job.toString(), session.routine, session.slot, why);
}

void DebuggerController::clearStop()
{
    m_state = DebugState();
    m_watchedStop = 0;
    m_watchedFrame = -1;
    m_variables->clear();
    {
        QSignalBlocker blocker(m_callStack);
        m_callStack->clear();
    }
    m_scene->setStoppedRoutine(QString());
    m_scene->setFrameRoutine(QString());
    m_watches->clearResults();
    updateActions();
}

void DebuggerController::step(StepMode mode)
{
    if (!isStopped())
        return;
    m_client->step(m_job, mode);
    // Until the next stop: no second step on a stop that is gone.
    clearStop();
}

void DebuggerController::toggleBreakpoint()
{
    QString routine = m_scene->selectedRoutine();
    if (routine.isEmpty() && isStopped() && m_state.session.flowId == m_scene->flowId())
        routine = m_state.session.routine;
    if (routine.isEmpty()) {
        Q_EMIT statusMessage(tr("Select a routine in the flow graph first"));
        return;
    }
    m_breakpoints->toggle(routine, Breakpoint::Kind::Routine, QString());
}

void DebuggerController::selectFrame(int frame)
{
    if (!isStopped() || frame < 0 || frame == m_state.frame)
        return;
    m_client->refreshDebugState(m_job, frame);
}

void DebuggerController::evaluateWatch(const QString &expression)
{
    const int id = ++m_nextRequest;
    m_evaluating.insert(id, expression);
    m_client->evaluate(m_job, expression, m_state.frame, id);
}

void DebuggerController::updateActions()
{
    const bool stopped = isStopped();
    m_stepOver->setEnabled(stopped);
    m_stepInto->setEnabled(stopped);
    m_stepOut->setEnabled(stopped);
    m_toggleBreakpoint->setEnabled(!m_scene->flowId().isEmpty());
}

} // namespace flowscope
