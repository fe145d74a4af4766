#pragma once

#include "debug/breakpoint.h"
#include "events/event.h"
#include "events/symbol.h"
#include "flow/flowdefinition.h"

#include <QGraphicsScene>
#include <QHash>

namespace flowscope {

class RoutineNodeItem;

// The shown flow as a graph, with its live state: routines running now, the routine a job stopped
// at, the routine of the selected call-stack frame, and the flow's breakpoints.
class FlowGraphScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit FlowGraphScene(QObject *parent = nullptr);

    void setFlow(const FlowDefinition &flow);
    const FlowDefinition &flow() const { return m_flow; }
    QString flowId() const { return m_flow.flowId; }
    RoutineNodeItem *node(const QString &routine) const { return m_nodes.value(routine); }
    // The selected routine, or empty.
    QString selectedRoutine() const;
    void selectRoutine(const QString &routine);

    // Shows the flow-level breakpoints of the shown flow; others are ignored.
    void setBreakpoints(const QVector<Breakpoint> &breakpoints);
    // Follows routine_started / routine_ended of the shown flow's jobs.
    void applyEvents(const QVector<Event> &events);
    void setStoppedRoutine(const QString &routine);
    void setFrameRoutine(const QString &routine);

    // Called by the nodes.
    void notifyMarkerClicked(const QString &routine, Breakpoint::Kind kind, const QString &port);
    void notifyContextMenu(const QString &routine, Breakpoint::Kind kind, const QString &port,
                           const QPoint &screenPos);

Q_SIGNALS:
    void markerClicked(const QString &routine, flowscope::Breakpoint::Kind kind,
                       const QString &port);
    void contextMenuRequested(const QString &routine, flowscope::Breakpoint::Kind kind,
                              const QString &port, const QPoint &screenPos);

private:
    void updateRunning();

    FlowDefinition m_flow;
    Symbol m_flowSymbol;
    QHash<QString, RoutineNodeItem *> m_nodes;
    QHash<quint64, QString> m_running;    // activation -> routine
    QHash<quint64, quint64> m_runningJob; // activation -> job, to clear a finished job's
    QString m_stopped;
    QString m_frame;
};

} // namespace flowscope
