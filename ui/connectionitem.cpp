#include "connectionitem.h"

#include "routinenodeitem.h"
#include "themecolors.h"

#include <QGuiApplication>
#include <QPainter>
#include <QWidget>

#include <QPen>

#include <algorithm>
#include <cmath>

namespace flowscope {

namespace {
const QColor lineColor(0x6b, 0x75, 0x86);
}

ConnectionItem::ConnectionItem(RoutineNodeItem *from, const QString &event, RoutineNodeItem *to,
                               const QString &slot)
    : m_from(from)
    , m_to(to)
    , m_event(event)
    , m_slot(slot)
{
    setPen(QPen(lineColor, 1.6));
    setZValue(-1); // under the nodes, so marker clicks reach the nodes
    setToolTip(QStringLiteral("%1.%2 → %3.%4").arg(from->routine(), event, to->routine(), slot));
    updatePath();
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    // Visible on the view's background, light or dark; read at each paint, so it follows.
    const QPalette palette = widget ? widget->palette() : QGuiApplication::palette();
    QPen line = pen();
    line.setColor(ThemeColors::readableOn(lineColor, palette.color(QPalette::Base), 3.0));
    painter->setPen(line);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
}

void ConnectionItem::updatePath()
{
    const QPointF start = m_from->eventScenePos(m_event);
    const QPointF end = m_to->slotScenePos(m_slot);
    // Horizontal tangents at both ends; backward edges (loops) bulge further out.
    const qreal reach = std::max<qreal>(60, std::abs(end.x() - start.x()) / 2);
    QPainterPath path(start);
    path.cubicTo(start + QPointF(reach, 0), end - QPointF(reach, 0), end);
    setPath(path);
}

} // namespace flowscope
