#include "breakpointcontroller.h"
#include "breakpointmodel.h"
#include "client/inprocessclient.h"
#include "debuggercontroller.h"
#include "enginestatusbar.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "eventtableview.h"
#include "flowgraphscene.h"
#include "flowgraphview.h"
#include "flowlistwidget.h"
#include "jobtablemodel.h"
#include "jobtableview.h"
#include "mainwindow.h"
#include "routinenodeitem.h"
#include "runtime/engine.h"
#include "variablesmodel.h"
#include "watcheswidget.h"

#include <QAction>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {
constexpr int timeoutMs = 10000;
const QString flowId = QStringLiteral("chain3");

// a -> b -> c; b records what it got, c what reached it.
const char chainFlow[] = R"({"flow_id": "chain3", "entry": "a.in",
    "routines": {
      "c": {"class": "flowscope.Script", "config": {"events": [],
            "handler": "function (d, ctx) { ctx.setJob('last', d.n); }"}},
      "b": {"class": "flowscope.Script", "config": {
            "handler": "function (d, ctx) { ctx.setJob('seen', d.n); ctx.emit('out', {n: d.n + 1}); }"}},
      "a": {"class": "flowscope.Script", "config": {
            "handler": "function (d, ctx) { ctx.emit('out', {n: 1, tags: ['x', 'y']}); }"}}},
    "connections": [{"from": "a.out", "to": "b.in"}, {"from": "b.out", "to": "c.in"}]})";
} // namespace

class TestDebuggerUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void graphShowsTheOpenedFlowEntryLeftmost();
    void clickingMarkersAndF9SetBreakpoints();
    void stopsAtTheBreakpointAndSteps();
    void editingAVariableChangesTheRun();
    void breakpointsComeBackWithTheFlowFile();

private:
    void createWindow();
    void destroyWindow();
    DebuggerController *debugger() const { return m_window->debugger(); }
    FlowGraphScene *graph() const { return debugger()->graph(); }
    JobId startJobAndWaitForStop(const QString &routine);
    QString jobStatus(JobId id) const;
    QModelIndex variable(const QString &group, const QString &name) const;

    QTemporaryDir m_dir;
    QString m_flowPath;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestDebuggerUi::initTestCase()
{
    // Demo breakpoints go to QSettings: keep them out of the user's configuration.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("breakpoints"));
    QVERIFY(m_dir.isValid());
    m_flowPath = m_dir.filePath(QStringLiteral("chain3.json"));
    QFile file(m_flowPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(chainFlow);
    file.close();
    createWindow();
}

void TestDebuggerUi::cleanupTestCase()
{
    destroyWindow();
}

void TestDebuggerUi::createWindow()
{
    EngineConfig config;
    config.workers = 2;
    m_engine = std::make_unique<Engine>(config);
    m_engine->addDemoFlows();
    m_client = std::make_unique<InProcessClient>(m_engine.get());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestDebuggerUi::destroyWindow()
{
    m_window.reset();
    m_client.reset();
    m_engine.reset();
}

QString TestDebuggerUi::jobStatus(JobId id) const
{
    const int row = m_window->jobModel()->rowOf(id);
    return row < 0
               ? QString()
               : m_window->jobModel()->index(row, JobTableModel::StatusColumn).data().toString();
}

QModelIndex TestDebuggerUi::variable(const QString &group, const QString &name) const
{
    const VariablesModel *model = debugger()->variablesModel();
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex groupIndex = model->index(g, 0);
        if (groupIndex.data().toString() != group)
            continue;
        for (int row = 0; row < model->rowCount(groupIndex); ++row) {
            if (model->index(row, 0, groupIndex).data().toString() == name)
                return model->index(row, VariablesModel::ValueColumn, groupIndex);
        }
    }
    return {};
}

JobId TestDebuggerUi::startJobAndWaitForStop(const QString &routine)
{
    const int jobsBefore = m_window->jobModel()->rowCount();
    m_window->flowList()->selectFlow(flowId);
    m_window->startJobAction()->trigger();
    // Started from here, the job is selected as soon as its row appears.
    if (!QTest::qWaitFor([&] { return m_window->jobModel()->rowCount() > jobsBefore; }, timeoutMs))
        return {};
    const JobId id = m_window->jobModel()->jobAt(m_window->jobModel()->rowCount() - 1).id;
    const bool stopped = QTest::qWaitFor(
        [&] {
            return m_window->selectedJob() == id && debugger()->isStopped()
                   && debugger()->state().session.routine == routine;
        },
        timeoutMs);
    return stopped ? id : JobId();
}

void TestDebuggerUi::graphShowsTheOpenedFlowEntryLeftmost()
{
    m_window->openFlowFile(m_flowPath);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->flowList()->flowIds().contains(flowId), timeoutMs);
    // A flow added from here is selected, and the graph shows it.
    QTRY_COMPARE_WITH_TIMEOUT(graph()->flowId(), flowId, timeoutMs);
    RoutineNodeItem *a = graph()->node(QStringLiteral("a"));
    RoutineNodeItem *b = graph()->node(QStringLiteral("b"));
    RoutineNodeItem *c = graph()->node(QStringLiteral("c"));
    QVERIFY(a && b && c);
    QVERIFY(a->pos().x() < b->pos().x());
    QVERIFY(b->pos().x() < c->pos().x());
}

void TestDebuggerUi::clickingMarkersAndF9SetBreakpoints()
{
    FlowGraphView *view = debugger()->graphView();
    RoutineNodeItem *b = graph()->node(QStringLiteral("b"));
    QVERIFY(b);
    view->centerOn(b->slotScenePos(QStringLiteral("in")));
    const QPoint at = view->mapFromScene(b->slotScenePos(QStringLiteral("in")));
    QVERIFY2(view->viewport()->rect().contains(at),
             qPrintable(QStringLiteral("%1,%2 in %3x%4")
                            .arg(at.x())
                            .arg(at.y())
                            .arg(view->viewport()->width())
                            .arg(view->viewport()->height())));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);

    const BreakpointModel *model = debugger()->breakpoints()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, timeoutMs);
    const Breakpoint bp = model->breakpointAt(0);
    QCOMPARE(bp.kind, Breakpoint::Kind::Slot);
    QCOMPARE(bp.flowId, flowId);
    QVERIFY(bp.job.isNull());
    QCOMPARE(bp.routine, QStringLiteral("b"));
    QCOMPARE(bp.port, QStringLiteral("in"));

    // Clicking it again clears it.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, timeoutMs);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, timeoutMs);

    // F9: a routine breakpoint on the selected node.
    graph()->selectRoutine(QStringLiteral("c"));
    QTest::keyClick(m_window.get(), Qt::Key_F9);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, timeoutMs);
    QCOMPARE(model->breakpointAt(1).kind, Breakpoint::Kind::Routine);
    QCOMPARE(model->breakpointAt(1).routine, QStringLiteral("c"));
}

void TestDebuggerUi::stopsAtTheBreakpointAndSteps()
{
    debugger()->watches()->addExpression(QStringLiteral("data.n * 10"));
    QVERIFY(!debugger()->stepOverAction()->isEnabled());

    const JobId id = startJobAndWaitForStop(QStringLiteral("b"));
    QVERIFY(!id.isNull());
    QVERIFY(debugger()->isStopped());
    QCOMPARE(jobStatus(id), QStringLiteral("Paused"));
    QVERIFY(debugger()->stepOverAction()->isEnabled());
    QVERIFY(graph()->node(QStringLiteral("b"))->isStopped());
    QVERIFY(!graph()->node(QStringLiteral("a"))->isStopped());

    // Variables: the input b was called with.
    QCOMPARE(variable(QStringLiteral("Input data"), QStringLiteral("n")).data().toString(),
             QStringLiteral("1"));
    QCOMPARE(variable(QStringLiteral("Input data"), QStringLiteral("tags")).data().toString(),
             QStringLiteral("[\"x\",\"y\"]"));
    // Call stack: b, called from a.
    QListWidget *stack = debugger()->callStack();
    QCOMPARE(stack->count(), 2);
    QVERIFY(stack->item(0)->text().startsWith(QLatin1String("b.in #")));
    QVERIFY(stack->item(1)->text().startsWith(QLatin1String("a.in #")));
    // The watch, evaluated at the stop.
    QTreeWidget *watches = debugger()->watches()->tree();
    QTRY_COMPARE_WITH_TIMEOUT(watches->topLevelItem(0)->text(WatchesWidget::ValueColumn),
                              QStringLiteral("10"), timeoutMs);
    QVERIFY(m_window->engineStatusBar()->currentMessage().contains(QLatin1String("b.in")));

    // Selecting the caller's frame shows its routine and its input.
    stack->setCurrentRow(1);
    QTRY_COMPARE_WITH_TIMEOUT(debugger()->state().frame, 1, timeoutMs);
    QVERIFY(!variable(QStringLiteral("Input data"), QStringLiteral("tags")).isValid());
    stack->setCurrentRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(debugger()->state().frame, 0, timeoutMs);

    // F10 runs b and what it causes; the breakpoint on c stops it there.
    QTest::keyClick(m_window.get(), Qt::Key_F10);
    QTRY_VERIFY_WITH_TIMEOUT(debugger()->isStopped()
                                 && debugger()->state().session.routine == QLatin1String("c"),
                             timeoutMs);
    QVERIFY(graph()->node(QStringLiteral("c"))->isStopped());
    QVERIFY(!graph()->node(QStringLiteral("b"))->isStopped());
    QTRY_COMPARE_WITH_TIMEOUT(watches->topLevelItem(0)->text(WatchesWidget::ValueColumn),
                              QStringLiteral("20"), timeoutMs);

    // F5 continues to the end.
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(id), QStringLiteral("Completed"), timeoutMs);
    QVERIFY(!debugger()->isStopped());
    QVERIFY(!debugger()->stepOverAction()->isEnabled());
    QVERIFY(!graph()->node(QStringLiteral("c"))->isStopped());
    // Hit counts follow the runs.
    const BreakpointModel *model = debugger()->breakpoints()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->breakpointAt(0).hits, quint64(1), timeoutMs);

    // Selecting an event in the log shows its routine in the graph.
    EventLogModel *events = m_window->eventModel();
    EventTableView *log = m_window->eventLog()->view();
    for (const QString &routine : {QStringLiteral("b"), QStringLiteral("a")}) {
        int row = -1;
        for (int r = events->rowCount() - 1; r >= 0 && row < 0; --r) {
            const Event e = events->eventAt(r);
            if (e.type == EventType::RoutineStarted && e.routine.toString() == routine)
                row = r;
        }
        QVERIFY2(row >= 0, qPrintable(routine));
        log->setCurrentRow(row);
        QCOMPARE(graph()->selectedRoutine(), routine);
    }
}

void TestDebuggerUi::editingAVariableChangesTheRun()
{
    const JobId id = startJobAndWaitForStop(QStringLiteral("b"));
    QVERIFY(!id.isNull());
    const QModelIndex n = variable(QStringLiteral("Input data"), QStringLiteral("n"));
    QVERIFY(n.flags() & Qt::ItemIsEditable);
    QVERIFY(debugger()->variablesModel()->setData(n, QStringLiteral("41")));
    QTRY_COMPARE_WITH_TIMEOUT(
        variable(QStringLiteral("Input data"), QStringLiteral("n")).data().toString(),
        QStringLiteral("41"), timeoutMs);
    m_window->resumeAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(debugger()->isStopped()
                                 && debugger()->state().session.routine == QLatin1String("c"),
                             timeoutMs);
    QCOMPARE(variable(QStringLiteral("Input data"), QStringLiteral("n")).data().toString(),
             QStringLiteral("42"));
    m_window->resumeAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(id), QStringLiteral("Completed"), timeoutMs);
}

void TestDebuggerUi::breakpointsComeBackWithTheFlowFile()
{
    const QString saved = m_flowPath + QLatin1String(".breakpoints.json");
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(saved), timeoutMs);

    // A new session: a fresh engine knows no breakpoints until the file is opened again.
    destroyWindow();
    createWindow();
    const BreakpointModel *model = debugger()->breakpoints()->model();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->flowList()->flowIds().contains(QStringLiteral("etl")),
                             timeoutMs);
    QCOMPARE(model->rowCount(), 0);
    m_window->openFlowFile(m_flowPath);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, timeoutMs);
    QStringList where;
    for (int row = 0; row < model->rowCount(); ++row)
        where << BreakpointModel::locationText(model->breakpointAt(row));
    where.sort();
    QCOMPARE(where,
             (QStringList{QStringLiteral("chain3: b.in (slot)"), QStringLiteral("chain3: c")}));
    QTRY_COMPARE_WITH_TIMEOUT(graph()->flowId(), flowId, timeoutMs);
    const JobId id = startJobAndWaitForStop(QStringLiteral("b"));
    QVERIFY(!id.isNull());
    m_window->cancelAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(id), QStringLiteral("Cancelled"), timeoutMs);
}

QTEST_MAIN(TestDebuggerUi)
#include "tst_debuggerui.moc"
