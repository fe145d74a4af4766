#include "routinenodeitem.h"

#include "flowgraphscene.h"
#include "themecolors.h"

#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace flowscope {

namespace {
constexpr qreal headerHeight = 46;
constexpr qreal portRowHeight = 18;
constexpr qreal hitRadius = 8;

const QColor idleFill(0xf4, 0xf6, 0xfa);
const QColor idleBorder(0x7a, 0x86, 0x9a);
const QColor runningFill(0xd7, 0xf2, 0xda);
const QColor runningBorder(0x2e, 0x9e, 0x48);
const QColor stoppedFill(0xff, 0xe7, 0xb0);
const QColor stoppedBorder(0xd9, 0x8c, 0x00);
const QColor frameBorder(0x2f, 0x6f, 0xd6);
const QColor breakpointRed(0xd6, 0x2b, 0x2b);
const QColor detailGray(0x50, 0x58, 0x66);
const QColor slotFill(0x9f, 0xc5, 0xf8);
const QColor eventFill(0xf8, 0xc8, 0x9f);
} // namespace

RoutineNodeItem::RoutineNodeItem(const RoutineSpec &spec)
    : m_spec(spec)
{
    const qsizetype ports = std::max<qsizetype>({spec.slotNames.size(), spec.eventNames.size(), 1});
    m_height = headerHeight + portRowHeight * qreal(ports) + 4;
    setFlag(ItemIsSelectable);
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton);
    QString tip = spec.id + QLatin1String(" (") + spec.className + QLatin1Char(')');
    if (!spec.agent.isEmpty())
        tip += QLatin1Char('\n') + tr("Agent: %1").arg(spec.agent);
    setToolTip(tip);
}

QString RoutineNodeItem::breakpointKey(Breakpoint::Kind kind, const QString &port)
{
    return breakpointKindName(kind) + QLatin1Char(':') + port;
}

QPointF RoutineNodeItem::slotPos(int index) const
{
    return {0, headerHeight + portRowHeight * (qreal(index) + 0.5)};
}

QPointF RoutineNodeItem::eventPos(int index) const
{
    return {width, headerHeight + portRowHeight * (qreal(index) + 0.5)};
}

QPointF RoutineNodeItem::slotScenePos(const QString &slot) const
{
    const int index = int(m_spec.slotNames.indexOf(slot));
    return mapToScene(index < 0 ? QPointF(0, m_height / 2) : slotPos(index));
}

QPointF RoutineNodeItem::eventScenePos(const QString &event) const
{
    const int index = int(m_spec.eventNames.indexOf(event));
    return mapToScene(index < 0 ? QPointF(width, m_height / 2) : eventPos(index));
}

Breakpoint::Kind RoutineNodeItem::partAt(const QPointF &pos, QString *port) const
{
    const auto near
        = [&pos](const QPointF &marker) { return QLineF(pos, marker).length() <= hitRadius; };
    for (int i = 0; i < m_spec.slotNames.size(); ++i) {
        if (near(slotPos(i))) {
            *port = m_spec.slotNames[i];
            return Breakpoint::Kind::Slot;
        }
    }
    for (int i = 0; i < m_spec.eventNames.size(); ++i) {
        if (near(eventPos(i))) {
            *port = m_spec.eventNames[i];
            return Breakpoint::Kind::Event;
        }
    }
    port->clear();
    return Breakpoint::Kind::Routine;
}

void RoutineNodeItem::setBreakpointMarks(const QHash<QString, bool> &marks)
{
    if (marks == m_marks)
        return;
    m_marks = marks;
    update();
}

void RoutineNodeItem::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    update();
}

void RoutineNodeItem::setStopped(bool stopped)
{
    if (stopped == m_stopped)
        return;
    m_stopped = stopped;
    update();
}

void RoutineNodeItem::setFrameHighlighted(bool highlighted)
{
    if (highlighted == m_frameHighlighted)
        return;
    m_frameHighlighted = highlighted;
    update();
}

QRectF RoutineNodeItem::boundingRect() const
{
    const qreal margin = hitRadius + 2;
    return QRectF(-margin, -margin, width + 2 * margin, m_height + 2 * margin);
}

RoutineNodeItem::Colors RoutineNodeItem::colors(const QPalette &palette) const
{
    // Designed on a light palette; on a dark one the fills become dark tints of the same hues
    // and lines and text get the lightness they need against them.
    QColor fill = idleFill;
    QColor border = idleBorder;
    if (m_running) {
        fill = runningFill;
        border = runningBorder;
    }
    if (m_stopped) {
        fill = stoppedFill;
        border = stoppedBorder;
    }
    if (m_frameHighlighted && !m_stopped)
        border = frameBorder;
    Colors c;
    c.fill = ThemeColors::tint(fill, palette);
    c.border = ThemeColors::readableOn(border, palette.color(QPalette::Base), 3.0);
    c.text = ThemeColors::readableOn(palette.color(QPalette::Text), c.fill);
    c.detail = ThemeColors::readableOn(detailGray, c.fill);
    c.portBorder = ThemeColors::readableOn(idleBorder, c.fill, 3.0);
    c.breakpoint = ThemeColors::readableOn(breakpointRed, c.fill, 3.0);
    return c;
}

void RoutineNodeItem::paintMark(QPainter *painter, const QPointF &at, Breakpoint::Kind kind,
                                const QString &port, const Colors &colors) const
{
    const auto mark = m_marks.constFind(breakpointKey(kind, port));
    if (mark == m_marks.constEnd())
        return;
    painter->setPen(QPen(colors.breakpoint, 2));
    painter->setBrush(mark.value() ? QBrush(colors.breakpoint) : QBrush(colors.fill));
    painter->drawEllipse(at, markerRadius + 1, markerRadius + 1);
}

void RoutineNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                            QWidget *widget)
{
    const bool selected = option->state & QStyle::State_Selected;
    // The view's palette (its viewport repaints on a palette change), else the application's.
    const Colors colors = this->colors(widget ? widget->palette() : QGuiApplication::palette());
    const QRectF body(0, 0, width, m_height);
    painter->setPen(QPen(colors.border, selected || m_stopped || m_frameHighlighted ? 3 : 1.5,
                         selected ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(colors.fill);
    painter->drawRoundedRect(body, 6, 6);

    QFont font = painter->font();
    QFont bold = font;
    bold.setBold(true);
    painter->setPen(colors.text);
    painter->setFont(bold);
    const QRectF title(18, 4, width - 24, 20);
    painter->drawText(
        title, Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(m_spec.id, Qt::ElideRight, int(title.width())));
    painter->setFont(font);
    painter->setPen(colors.detail);
    QString detail = m_spec.className;
    if (!m_spec.agent.isEmpty())
        detail += QLatin1String(" @") + m_spec.agent;
    const QRectF second(8, 22, width - 16, 18);
    painter->drawText(
        second, Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(detail, Qt::ElideMiddle, int(second.width())));

    // Routine breakpoint: a dot in the corner.
    paintMark(painter, QPointF(9, 14), Breakpoint::Kind::Routine, QString(), colors);

    const qreal half = width / 2 - 12;
    for (int i = 0; i < m_spec.slotNames.size(); ++i) {
        const QPointF at = slotPos(i);
        painter->setPen(QPen(colors.portBorder, 1));
        painter->setBrush(slotFill);
        painter->drawEllipse(at, markerRadius, markerRadius);
        paintMark(painter, at, Breakpoint::Kind::Slot, m_spec.slotNames[i], colors);
        painter->setPen(colors.text);
        painter->drawText(QRectF(at.x() + 9, at.y() - portRowHeight / 2, half, portRowHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, m_spec.slotNames[i]);
    }
    for (int i = 0; i < m_spec.eventNames.size(); ++i) {
        const QPointF at = eventPos(i);
        painter->setPen(QPen(colors.portBorder, 1));
        painter->setBrush(eventFill);
        painter->drawEllipse(at, markerRadius, markerRadius);
        paintMark(painter, at, Breakpoint::Kind::Event, m_spec.eventNames[i], colors);
        painter->setPen(colors.text);
        painter->drawText(
            QRectF(at.x() - 9 - half, at.y() - portRowHeight / 2, half, portRowHeight),
            Qt::AlignRight | Qt::AlignVCenter, m_spec.eventNames[i]);
    }
}

void RoutineNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QString port;
    const Breakpoint::Kind kind = partAt(event->pos(), &port);
    auto *graph = qobject_cast<FlowGraphScene *>(scene());
    if (event->button() == Qt::LeftButton && kind != Breakpoint::Kind::Routine && graph) {
        // A marker click toggles its breakpoint and leaves the selection alone.
        graph->notifyMarkerClicked(m_spec.id, kind, port);
        event->accept();
        return;
    }
    QGraphicsItem::mousePressEvent(event);
}

void RoutineNodeItem::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    auto *graph = qobject_cast<FlowGraphScene *>(scene());
    if (!graph)
        return;
    QString port;
    const Breakpoint::Kind kind = partAt(event->pos(), &port);
    scene()->clearSelection();
    setSelected(true);
    graph->notifyContextMenu(m_spec.id, kind, port, event->screenPos());
    event->accept();
}

} // namespace flowscope
