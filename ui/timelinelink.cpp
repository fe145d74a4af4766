#include "timelinelink.h"

#include "debuggercontroller.h"
#include "enginesession.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "eventtableview.h"
#include "flowgraphscene.h"
#include "timelinedata.h"
#include "timelinepanel.h"
#include "timelineview.h"

namespace flowscope {

TimelineLink::TimelineLink(TimelinePanel *timeline, EventLogView *eventLog,
                           DebuggerController *debugger, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_eventLog(eventLog)
    , m_debugger(debugger)
{
    connect(m_timeline->view(), &TimelineView::spanClicked, this, &TimelineLink::timelineClicked);
    connect(m_timeline->view(), &TimelineView::instantClicked, this,
            &TimelineLink::timelineClicked);
    FlowGraphScene *graph = m_debugger->graph();
    connect(graph, &QGraphicsScene::selectionChanged, this, &TimelineLink::routineSelected);
    // The graph clears its selection while it is destroyed with the debugger: by then neither is
    // one to ask. The debugger's destroyed() comes before its children go.
    connect(m_debugger, &QObject::destroyed, this, [this, graph] { graph->disconnect(this); });
    connect(m_eventLog->view(), &EventTableView::currentRowChanged, this,
            &TimelineLink::eventSelected);
}

void TimelineLink::setSession(EngineSession *session)
{
    m_timeline->setData(session->timelineData());
}

void TimelineLink::timelineClicked(quint64 seq)
{
    // The window follows the log's current event into the flow graph.
    if (m_eventLog->view()->selectSeq(seq))
        return;
    // Filtered out of the log, or already dropped from it: the graph still shows the routine.
    const TimelineData *data = m_timeline->data();
    if (!data)
        return;
    Event event;
    const TimelineData::SpanPosition span = data->findSpanBySeq(seq);
    const TimelineData::MarkPosition mark = data->findInstantBySeq(seq);
    if (span.isValid()) {
        const TimelineSpan &found = data->spanAt(span);
        event.flow = data->jobFlow(found.job);
        event.routine = data->routineSymbol(found.routine);
    } else if (mark.isValid()) {
        const TimelineInstant &found = data->marks(mark.lane, mark.mark).instant(mark.pos);
        event.flow = data->jobFlow(found.job);
        event.routine = data->routineSymbol(found.routine);
    }
    m_debugger->showEvent(event);
}

void TimelineLink::eventSelected(int row)
{
    if (row < 0)
        return;
    const EventLogModel *model = m_eventLog->model();
    // The timeline's own click coming back through the log: it is already selected there.
    if (model->seqAt(row) == m_timeline->view()->selectedSeq())
        return;
    m_timeline->view()->revealEvent(model->eventAt(row));
}

void TimelineLink::routineSelected()
{
    const QString routine = m_debugger->graph()->selectedRoutine();
    m_timeline->view()->highlightRoutine(routine.isEmpty() ? Symbol() : Symbol::intern(routine));
}

} // namespace flowscope
