#pragma once

#include "debug/breakpoint.h"
#include "flow/flowdefinition.h"

#include <QColor>
#include <QCoreApplication>
#include <QGraphicsItem>
#include <QHash>

namespace flowscope {

// One routine in the flow graph: a box with its id, class and agent, a marker per input slot on
// the left and per output event on the right. Breakpoints show as red dots on the markers (on the
// corner for a routine breakpoint), hollow when disabled. Painted in colours that follow the
// view's palette, light or dark.
class RoutineNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(RoutineNodeItem)
public:
    static constexpr qreal width = 190;
    static constexpr qreal markerRadius = 5;

    explicit RoutineNodeItem(const RoutineSpec &spec);

    QString routine() const { return m_spec.id; }
    qreal height() const { return m_height; }
    QPointF slotScenePos(const QString &slot) const;
    QPointF eventScenePos(const QString &event) const;
    // The marker or body at pos (item coordinates): Slot or Event with its port, else Routine.
    Breakpoint::Kind partAt(const QPointF &pos, QString *port) const;

    // Breakpoints on this routine: key from breakpointKey, value whether enabled.
    void setBreakpointMarks(const QHash<QString, bool> &marks);
    static QString breakpointKey(Breakpoint::Kind kind, const QString &port);
    void setRunning(bool running);
    void setStopped(bool stopped);
    void setFrameHighlighted(bool highlighted);
    bool isRunning() const { return m_running; }
    bool isStopped() const { return m_stopped; }

    // What the node is painted with on a palette, for its present state.
    struct Colors
    {
        QColor fill, border, text, detail, portBorder, breakpoint;
    };
    Colors colors(const QPalette &palette) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    QPointF slotPos(int index) const;
    QPointF eventPos(int index) const;
    void paintMark(QPainter *painter, const QPointF &at, Breakpoint::Kind kind, const QString &port,
                   const Colors &colors) const;

    RoutineSpec m_spec;
    qreal m_height = 0;
    QHash<QString, bool> m_marks;
    bool m_running = false;
    bool m_stopped = false;
    bool m_frameHighlighted = false;
};

} // namespace flowscope
