#include "flowgraphscene.h"

#include "connectionitem.h"
#include "flowgraphlayout.h"
#include "routinenodeitem.h"

#include <QSet>

namespace flowscope {

namespace {
constexpr qreal layerSpacing = 280;
constexpr qreal rowGap = 36;
} // namespace

FlowGraphScene::FlowGraphScene(QObject *parent)
    : QGraphicsScene(parent)
{}

void FlowGraphScene::setFlow(const FlowDefinition &flow)
{
    clear();
    m_nodes.clear();
    m_running.clear();
    m_runningJob.clear();
    m_stopped.clear();
    m_frame.clear();
    m_flow = flow;
    m_flowSymbol = flow.flowId.isEmpty() ? Symbol() : Symbol::intern(flow.flowId);

    const QHash<QString, LayoutCell> cells = FlowGraphLayout::compute(flow);
    // Rows are placed in order within each layer, so stack them by their heights.
    QVector<QPair<int, const RoutineSpec *>> ordered;
    for (const RoutineSpec &spec : flow.routines)
        ordered.append({cells.value(spec.id).row, &spec});
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QHash<int, qreal> nextY;
    for (const auto &[row, spec] : std::as_const(ordered)) {
        auto *node = new RoutineNodeItem(*spec);
        const int layer = cells.value(spec->id).layer;
        node->setPos(layer * layerSpacing, nextY.value(layer));
        nextY[layer] += node->height() + rowGap;
        addItem(node);
        m_nodes.insert(spec->id, node);
    }
    for (const ConnectionSpec &c : flow.connections) {
        RoutineNodeItem *from = m_nodes.value(c.fromRoutine);
        RoutineNodeItem *to = m_nodes.value(c.toRoutine);
        if (from && to)
            addItem(new ConnectionItem(from, c.fromEvent, to, c.toSlot));
    }
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

QString FlowGraphScene::selectedRoutine() const
{
    const QList<QGraphicsItem *> items = selectedItems();
    for (QGraphicsItem *item : items) {
        if (auto *node = dynamic_cast<RoutineNodeItem *>(item))
            return node->routine();
    }
    return {};
}

void FlowGraphScene::selectRoutine(const QString &routine)
{
    RoutineNodeItem *node = m_nodes.value(routine);
    if (!node)
        return;
    clearSelection();
    node->setSelected(true);
}

void FlowGraphScene::setBreakpoints(const QVector<Breakpoint> &breakpoints)
{
    QHash<QString, QHash<QString, bool>> marks;
    for (const Breakpoint &bp : breakpoints) {
        if (bp.flowId == m_flow.flowId && bp.job.isNull())
            marks[bp.routine].insert(RoutineNodeItem::breakpointKey(bp.kind, bp.port), bp.enabled);
    }
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        it.value()->setBreakpointMarks(marks.value(it.key()));
}

void FlowGraphScene::applyEvents(const QVector<Event> &events)
{
    if (m_nodes.isEmpty())
        return;
    bool changed = false;
    for (const Event &e : events) {
        if (e.flow != m_flowSymbol)
            continue;
        switch (e.type) {
        case EventType::RoutineStarted:
            m_running.insert(e.activation, e.routine.toString());
            m_runningJob.insert(e.activation, e.job.value());
            changed = true;
            break;
        case EventType::RoutineEnded:
        case EventType::RoutineError:
            changed |= m_running.remove(e.activation) > 0;
            m_runningJob.remove(e.activation);
            break;
        case EventType::JobCompleted:
        case EventType::JobFailed:
        case EventType::JobCancelled:
            // An ended job runs nothing, even where its end events were dropped.
            for (auto it = m_runningJob.begin(); it != m_runningJob.end();) {
                if (it.value() == e.job.value()) {
                    m_running.remove(it.key());
                    it = m_runningJob.erase(it);
                    changed = true;
                } else {
                    ++it;
                }
            }
            break;
        default:
            break;
        }
    }
    if (changed)
        updateRunning();
}

void FlowGraphScene::updateRunning()
{
    QSet<QString> running;
    for (const QString &routine : std::as_const(m_running))
        running.insert(routine);
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        it.value()->setRunning(running.contains(it.key()));
}

void FlowGraphScene::setStoppedRoutine(const QString &routine)
{
    m_stopped = routine;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        it.value()->setStopped(it.key() == routine);
}

void FlowGraphScene::setFrameRoutine(const QString &routine)
{
    m_frame = routine;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        it.value()->setFrameHighlighted(it.key() == routine);
}

void FlowGraphScene::notifyMarkerClicked(const QString &routine, Breakpoint::Kind kind,
                                         const QString &port)
{
    Q_EMIT markerClicked(routine, kind, port);
}

void FlowGraphScene::notifyContextMenu(const QString &routine, Breakpoint::Kind kind,
                                       const QString &port, const QPoint &screenPos)
{
    Q_EMIT contextMenuRequested(routine, kind, port, screenPos);
}

} // namespace flowscope
