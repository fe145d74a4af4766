#include "client/inprocessclient.h"
#include "debuggercontroller.h"
#include "enginesession.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "eventtableview.h"
#include "flowgraphscene.h"
#include "flowlistwidget.h"
#include "mainwindow.h"
#include "runtime/engine.h"
#include "timelinedata.h"
#include "timelinepanel.h"
#include "timelineview.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QToolButton>
#include <QToolTip>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {

constexpr int timeoutMs = 10000;
constexpr qint64 epochNs = 1'733'300'000'000'000'000;
constexpr qint64 ms = 1'000'000;

// Two agents and two routines: 50 ms activations every 100 ms, from 0 to 3 s; one breakpoint.
QVector<Event> steadyActivations(quint64 *lastSeq)
{
    QVector<Event> events;
    quint64 seq = 0;
    for (int i = 0; i < 30; ++i) {
        Event start;
        start.seq = ++seq;
        start.type = EventType::RoutineStarted;
        start.timeNs = epochNs + i * 100 * ms;
        start.agent
            = Symbol::intern(i % 2 ? QStringLiteral("worker-1") : QStringLiteral("worker-2"));
        start.routine = Symbol::intern(i % 3 ? QStringLiteral("fetch") : QStringLiteral("store"));
        start.flow = Symbol::intern(QStringLiteral("etl"));
        start.job = JobId(quint64(i / 10 + 1));
        start.activation = quint64(i + 1);
        Event end = start;
        end.seq = ++seq;
        end.type = EventType::RoutineEnded;
        end.timeNs += 50 * ms;
        end.durationNs = 50 * ms;
        events << start << end;
    }
    Event breakpoint = events[20];
    breakpoint.seq = ++seq;
    breakpoint.type = EventType::BreakpointHit;
    events << breakpoint;
    *lastSeq = seq;
    return events;
}

// A flow whose activations last long enough to be seen: a fan-out to four 30 ms works.
const char workFlow[] = R"({"flow_id": "fan_work", "entry": "fan.in",
    "routines": {"fan": {"class": "flowscope.FanOut", "config": {"count": 4}},
                 "work": {"class": "flowscope.Work", "config": {"duration_ms": 30, "steps": 3}}},
    "connections": [{"from": "fan.out", "to": "work.in"}]})";

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void wheelZoomsAroundTheCursor();
    void dragPansTimeAndStopsFollowing();
    void followLiveKeepsNowInView();
    void shiftDragMeasuresARange();
    void lanesSwitchBetweenAgentsRoutinesAndJobs();
    void clickingAFoldZoomsIntoIt();
    void tooltipsDescribeWhatIsUnderTheCursor();
    void drawsAboutOnePrimitivePerColumnAtAnyZoom();

    void selectingASpanSelectsItsEventAndRoutine();
    void selectingAnEventRevealsItsSpan();
    void selectingARoutineInTheGraphHighlightsIt();

private:
    void sendWheel(QWidget *widget, const QPoint &pos, int delta,
                   Qt::KeyboardModifiers modifiers = {});
    void drag(QWidget *widget, const QPoint &from, const QPoint &to,
              Qt::KeyboardModifiers modifiers = {});
    void createWindow();

    std::unique_ptr<TimelineData> m_data;
    std::unique_ptr<TimelinePanel> m_panel;
    quint64 m_lastSeq = 0;

    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestTimelineView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
}

void TestTimelineView::init()
{
    m_data = std::make_unique<TimelineData>();
    m_panel = std::make_unique<TimelinePanel>();
    m_panel->resize(1000, 400);
    m_panel->setData(m_data.get());
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_data->appendEvents(steadyActivations(&m_lastSeq));
    TimelineView *view = m_panel->view();
    view->setFollowLive(false);
    // 0 to 4 s over the plot.
    view->setViewport(
        TimelineViewport::fromRange(epochNs, epochNs + 4000 * ms, view->plotRect().width()));
}

void TestTimelineView::cleanup()
{
    m_panel.reset();
    m_data.reset();
}

void TestTimelineView::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_engine.reset();
}

void TestTimelineView::sendWheel(QWidget *widget, const QPoint &pos, int delta,
                                 Qt::KeyboardModifiers modifiers)
{
    QWheelEvent wheel(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(widget, &wheel);
}

void TestTimelineView::drag(QWidget *widget, const QPoint &from, const QPoint &to,
                            Qt::KeyboardModifiers modifiers)
{
    QTest::mousePress(widget, Qt::LeftButton, modifiers, from);
    // In steps, as a hand moves.
    for (int i = 1; i <= 4; ++i) {
        const QPoint at = from + (to - from) * i / 4;
        QMouseEvent move(QEvent::MouseMove, at, widget->mapToGlobal(at), Qt::NoButton,
                         Qt::LeftButton, modifiers);
        QCoreApplication::sendEvent(widget, &move);
    }
    QTest::mouseRelease(widget, Qt::LeftButton, modifiers, to);
}

void TestTimelineView::wheelZoomsAroundTheCursor()
{
    TimelineView *view = m_panel->view();
    const QRect plot = view->plotRect();
    const QPoint cursor(plot.left() + 300, plot.top() + 10);
    const qint64 under = view->viewport().timeAt(300);
    const double scale = view->viewport().nsPerPixel();
    const qint64 visible = view->visibleEndNs() - view->visibleStartNs();

    sendWheel(view, cursor, 120); // one notch away from the user: zoom in
    QCOMPARE(view->viewport().nsPerPixel(), scale * 0.8);
    QVERIFY(std::abs(view->viewport().timeAt(300) - under) <= 1);
    QVERIFY(view->visibleEndNs() - view->visibleStartNs() < visible);

    sendWheel(view, cursor, -240); // two notches back: further out than before
    QVERIFY(std::abs(view->viewport().timeAt(300) - under) <= 1);
    QVERIFY(view->visibleEndNs() - view->visibleStartNs() > visible);

    // Over the lane names the wheel scrolls lanes, never time.
    const TimelineViewport before = view->viewport();
    sendWheel(view, QPoint(plot.left() / 2, plot.top() + 5), 120);
    QCOMPARE(view->viewport(), before);
}

void TestTimelineView::dragPansTimeAndStopsFollowing()
{
    TimelineView *view = m_panel->view();
    view->setFollowLive(true);
    QVERIFY(m_panel->followButton()->isChecked());
    const TimelineViewport start = view->viewport();
    const QRect plot = view->plotRect();
    drag(view, QPoint(plot.left() + 500, plot.top() + 10),
         QPoint(plot.left() + 600, plot.top() + 10));
    // 100 px to the right shows 100 px of earlier time.
    QCOMPARE(view->visibleStartNs(),
             start.startNs() - qint64(std::llround(100 * start.nsPerPixel())));
    QCOMPARE(view->viewport().nsPerPixel(), start.nsPerPixel());
    QVERIFY(!view->followsLive());
    QVERIFY(!m_panel->followButton()->isChecked());
}

void TestTimelineView::followLiveKeepsNowInView()
{
    TimelineView *view = m_panel->view();
    QTest::mouseClick(m_panel->followButton(), Qt::LeftButton);
    QVERIFY(view->followsLive());
    QVERIFY(view->visibleEndNs() >= m_data->nowNs());
    // Ten seconds later, in one batch: the next repaint tick brings now into view.
    Event late;
    late.seq = ++m_lastSeq;
    late.type = EventType::RoutineStarted;
    late.timeNs = epochNs + 13'000 * ms;
    late.agent = Symbol::intern(QStringLiteral("worker-1"));
    late.routine = Symbol::intern(QStringLiteral("fetch"));
    late.activation = 999;
    m_data->appendEvents({late});
    QTRY_VERIFY(view->visibleStartNs() > epochNs + 8000 * ms);
    QVERIFY(view->visibleEndNs() >= late.timeNs);
    QVERIFY(view->visibleEndNs() - late.timeNs < 20 * qint64(view->viewport().nsPerPixel()));
}

void TestTimelineView::shiftDragMeasuresARange()
{
    TimelineView *view = m_panel->view();
    const QRect plot = view->plotRect();
    // From 0.95 s to 1.95 s: the activations started at 1.0 … 1.9 s.
    const auto xOf = [&](qint64 offsetMs) {
        return plot.left() + int(std::lround(view->viewport().xForTime(epochNs + offsetMs * ms)));
    };
    drag(view, QPoint(xOf(950), plot.top() + 10), QPoint(xOf(1950), plot.top() + 10),
         Qt::ShiftModifier);
    QVERIFY(view->hasRange());
    QVERIFY(std::abs(view->rangeStartNs() - (epochNs + 950 * ms))
            <= 2 * qint64(view->viewport().nsPerPixel()));
    QVERIFY(std::abs(view->rangeEndNs() - (epochNs + 1950 * ms))
            <= 2 * qint64(view->viewport().nsPerPixel()));
    const QString info = m_panel->infoLabel()->text();
    QVERIFY2(info.contains(QLatin1String("10 activations")), qPrintable(info));
    QVERIFY2(info.contains(QLatin1String("1 markers")),
             qPrintable(info)); // the breakpoint at 1.0 s
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Range of (99\\d|100\\d)\\.\\d ms"))),
             qPrintable(info));
    // Time did not move while measuring.
    QCOMPARE(view->visibleStartNs(), epochNs);
    // A Shift+click clears it.
    QTest::mouseClick(view, Qt::LeftButton, Qt::ShiftModifier, QPoint(xOf(500), plot.top() + 10));
    QVERIFY(!view->hasRange());
    QVERIFY(m_panel->infoLabel()->text().contains(QLatin1String("30 activations")));
}

void TestTimelineView::lanesSwitchBetweenAgentsRoutinesAndJobs()
{
    QComboBox *lanes = m_panel->laneChoice();
    QCOMPARE(m_data->grouping(), TimelineData::Grouping::Agent);
    QCOMPARE(m_data->laneCount(), 2);
    const int agentsHeight = m_panel->view()->contentHeight();
    lanes->setCurrentIndex(lanes->findData(int(TimelineData::Grouping::Routine)));
    QCOMPARE(m_data->grouping(), TimelineData::Grouping::Routine);
    QStringList labels;
    for (int l = 0; l < m_data->laneCount(); ++l)
        labels << m_data->laneLabel(l);
    QCOMPARE(labels, (QStringList{QStringLiteral("store"), QStringLiteral("fetch")}));
    lanes->setCurrentIndex(lanes->findData(int(TimelineData::Grouping::Job)));
    QCOMPARE(m_data->laneCount(), 3);
    QVERIFY(m_panel->view()->contentHeight() > agentsHeight);
    // The grouping follows the panel to another engine's timeline.
    TimelineData other;
    m_panel->setData(&other);
    QCOMPARE(other.grouping(), TimelineData::Grouping::Job);
    m_panel->setData(m_data.get());
}

void TestTimelineView::clickingAFoldZoomsIntoIt()
{
    TimelineView *view = m_panel->view();
    // All of it in 30 px: the activations fold.
    view->setViewport(TimelineViewport::fromRange(epochNs - 4000 * ms, epochNs + 96'000 * ms,
                                                  view->plotRect().width()));
    QPixmap frame = view->grab();
    Q_UNUSED(frame);
    QVERIFY(view->lastFrame().folded > 0);
    const QRect lane = view->laneRect(0);
    // Away from the breakpoint's marker (at 1 s), which would take the click.
    const QPoint fold(view->plotRect().left() + int(view->viewport().xForTime(epochNs + 2500 * ms)),
                      lane.center().y());
    const double before = view->viewport().nsPerPixel();
    QTest::mouseClick(view, Qt::LeftButton, {}, fold);
    QVERIFY(view->viewport().nsPerPixel() < before / 10);
    QVERIFY(view->visibleStartNs() < epochNs + 1000 * ms);
    QVERIFY(view->visibleEndNs() > epochNs + 2900 * ms);
    QCOMPARE(view->selectedSeq(), quint64(0)); // nothing picked
}

void TestTimelineView::tooltipsDescribeWhatIsUnderTheCursor()
{
    TimelineView *view = m_panel->view();
    const TimelineData::SpanPosition position = m_data->findSpanBySeq(1);
    QVERIFY(position.isValid());
    const QPoint at = view->spanRect(position).center().toPoint();
    QHelpEvent help(QEvent::ToolTip, at, view->mapToGlobal(at));
    QCoreApplication::sendEvent(view, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QLatin1String("store")), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(QLatin1String("worker-2")));
    QVERIFY(QToolTip::text().contains(QLatin1String("50.0 ms")));
    QToolTip::hideText();
}

void TestTimelineView::drawsAboutOnePrimitivePerColumnAtAnyZoom()
{
    // 400,000 activations on four agents, 1 to 200 µs each.
    TimelineData data;
    QVector<Event> batch;
    quint64 seq = 0;
    qint64 t = epochNs;
    for (int i = 0; i < 400'000; ++i) {
        Event start;
        start.seq = ++seq;
        start.type = EventType::RoutineStarted;
        start.timeNs = t;
        start.agent = Symbol::intern(QStringLiteral("agent-%1").arg(i % 4));
        start.routine = Symbol::intern(QStringLiteral("r%1").arg(i % 9));
        start.activation = quint64(i + 1);
        Event end = start;
        end.seq = ++seq;
        end.type = EventType::RoutineEnded;
        end.timeNs = t + 1000 + (qint64(i) * 7919) % 200'000;
        batch << start << end;
        if (i % 4 == 3)
            t = end.timeNs + 500;
        if (batch.size() >= 50'000) {
            data.appendEvents(batch);
            batch.clear();
        }
    }
    data.appendEvents(batch);
    m_panel->setData(&data);
    TimelineView *view = m_panel->view();
    view->zoomToFit();
    const double width = view->plotRect().width();
    for (const double zoom : {1.0, 0.01, 0.0001}) {
        view->zoomAt(width / 2, zoom);
        view->grab();
        const TimelineView::FrameStats stats = view->lastFrame();
        QVERIFY(stats.rows >= 4);
        QVERIFY2(
            stats.primitives <= stats.rows * int(width / TimelineView::defaultFoldPx + 2),
            qPrintable(
                QStringLiteral("%1 primitives in %2 rows").arg(stats.primitives).arg(stats.rows)));
        QVERIFY(stats.primitives > 0);
    }
    m_panel->setData(m_data.get());
}

void TestTimelineView::createWindow()
{
    if (m_window)
        return;
    EngineConfig config;
    config.workers = 2;
    m_engine = std::make_unique<Engine>(config);
    QVERIFY(m_engine->addFlowJson(QByteArray(workFlow), QStringLiteral("fan_work")).ok());
    m_client = std::make_unique<InProcessClient>(m_engine.get());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->resize(1400, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->currentEngine()->flows().isEmpty(), timeoutMs);
    m_client->startJob(QStringLiteral("fan_work"), QString(), QVariantMap());
    TimelineData *data = m_window->timeline()->data();
    QVERIFY(data == m_window->currentEngine()->timelineData());
    // The fan and four works, all ended.
    const auto allEnded = [data] {
        for (quint64 i = data->spans().firstIndex(); i < data->spans().endIndex(); ++i) {
            if (data->spans().at(i).isRunning())
                return false;
        }
        return data->spanCount() == 5;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allEnded(), timeoutMs);
}

void TestTimelineView::selectingASpanSelectsItsEventAndRoutine()
{
    createWindow();
    TimelineView *view = m_window->timeline()->view();
    TimelineData *data = view->data();
    QTRY_VERIFY_WITH_TIMEOUT(data->spanCount() == 5, timeoutMs);
    // A work activation, brought into view at a size that can be clicked.
    TimelineData::SpanPosition work;
    for (int l = 0; l < data->laneCount() && !work.isValid(); ++l) {
        const TimelineRowView row = data->row(l, 0);
        for (size_t i = 0; i < row.size(); ++i) {
            if (data->routineSymbol(row.span(i).routine).toString() == QLatin1String("work")) {
                work = {l, 0, i};
                break;
            }
        }
    }
    QVERIFY(work.isValid());
    const TimelineSpan span = data->spanAt(work);
    view->setViewport(TimelineViewport::fromRange(span.startNs - 30 * ms, span.endNs + 30 * ms,
                                                  view->plotRect().width()));
    const QRectF rect = view->spanRect(work);
    QVERIFY(rect.width() > 50);
    QVERIFY(view->plotRect().contains(rect.center().toPoint()));
    QSignalSpy clicked(view, &TimelineView::spanClicked);
    QTest::mouseClick(view, Qt::LeftButton, {}, rect.center().toPoint());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(view->selectedSeq(), span.seq());

    // The event log selects the activation's routine_started event ...
    const int current = m_window->eventLog()->view()->currentRow();
    QVERIFY(current >= 0);
    QCOMPARE(m_window->eventModel()->seqAt(current), span.seq());
    QCOMPARE(m_window->eventModel()->eventAt(current).type, EventType::RoutineStarted);
    // ... and the flow graph its routine.
    QCOMPARE(m_window->debugger()->graph()->flowId(), QStringLiteral("fan_work"));
    QCOMPARE(m_window->debugger()->graph()->selectedRoutine(), QStringLiteral("work"));
    // Coming back from the log did not move the timeline.
    QVERIFY(view->plotRect().contains(view->spanRect(work).center().toPoint()));

    // With its event filtered out of the log, the graph still shows the routine.
    EventLogFilter onlyEnds;
    onlyEnds.typeMask = eventTypeBit(EventType::RoutineEnded);
    m_window->eventModel()->setFilter(onlyEnds);
    QCOMPARE(m_window->eventModel()->rowForSeq(span.seq()), -1);
    m_window->debugger()->graph()->clearSelection();
    QTest::mouseClick(view, Qt::LeftButton, {}, view->spanRect(work).center().toPoint());
    QCOMPARE(clicked.count(), 2);
    QCOMPARE(m_window->debugger()->graph()->selectedRoutine(), QStringLiteral("work"));
    m_window->eventModel()->setFilter(EventLogFilter());
}

void TestTimelineView::selectingAnEventRevealsItsSpan()
{
    createWindow();
    TimelineView *view = m_window->timeline()->view();
    TimelineData *data = view->data();
    EventLogModel *model = m_window->eventModel();
    // The fan's routine_ended event, with the timeline somewhere else entirely.
    int endRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const Event e = model->eventAt(row);
        if (e.type == EventType::RoutineEnded && e.routine.toString() == QLatin1String("fan"))
            endRow = row;
    }
    QVERIFY(endRow >= 0);
    const Event end = model->eventAt(endRow);
    view->setFollowLive(true);
    view->setViewport(TimelineViewport(data->firstNs() - 3'600'000 * ms, 1e6));
    EventTableView *log = m_window->eventLog()->view();
    log->setCurrentRow(endRow);
    // The span of that activation is selected, and in view.
    const TimelineData::SpanPosition span = data->findSpanForEvent(end);
    QVERIFY(span.isValid());
    QCOMPARE(view->selectedSeq(), data->spanAt(span).seq());
    QCOMPARE(model->rowForSeq(view->selectedSeq()) < endRow, true); // its start, earlier
    QVERIFY(!view->followsLive());
    const QRectF rect = view->spanRect(span);
    QVERIFY(rect.intersects(view->plotRect()));
    QVERIFY(view->visibleStartNs() <= data->spanAt(span).startNs);
    QVERIFY(view->visibleEndNs() >= data->spanAt(span).endNs);
    // An event with no span of its own (the job's start) marks its time.
    int jobStarted = -1;
    for (int row = 0; row < model->rowCount() && jobStarted < 0; ++row) {
        if (model->eventAt(row).type == EventType::JobStarted)
            jobStarted = row;
    }
    QVERIFY(jobStarted >= 0);
    log->setCurrentRow(jobStarted);
    QCOMPARE(view->selectedSeq(), quint64(0));
    const qint64 t = model->eventAt(jobStarted).timeNs;
    QVERIFY(view->visibleStartNs() < t && view->visibleEndNs() > t);
}

void TestTimelineView::selectingARoutineInTheGraphHighlightsIt()
{
    createWindow();
    TimelineView *view = m_window->timeline()->view();
    FlowGraphScene *graph = m_window->debugger()->graph();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->flowList()->selectFlow(QStringLiteral("fan_work")),
                             timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(graph->flowId(), QStringLiteral("fan_work"), timeoutMs);
    graph->selectRoutine(QStringLiteral("fan"));
    QCOMPARE(view->highlightedRoutine().toString(), QStringLiteral("fan"));
    graph->clearSelection();
    QVERIFY(view->highlightedRoutine().isNull());
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
