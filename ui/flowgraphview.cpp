#include "flowgraphview.h"

#include "flowgraphscene.h"

#include <QWheelEvent>

#include <algorithm>

namespace flowscope {

FlowGraphView::FlowGraphView(FlowGraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("flowGraph"));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Only the nodes that change repaint; the scene is small and mostly static.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
}

void FlowGraphView::fitFlow()
{
    resetTransform();
    const QRectF flow = m_scene->itemsBoundingRect();
    const QSize room = viewport()->size();
    if (flow.isEmpty() || room.isEmpty())
        return;
    const qreal scale = std::clamp(
        std::min(room.width() / flow.width(), room.height() / flow.height()), 0.5, 1.0);
    QGraphicsView::scale(scale, scale);
    ensureVisible(flow.left(), flow.top(), 1, 1, 8, 8);
}

void FlowGraphView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const qreal factor = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    scale(factor, factor);
    event->accept();
}

} // namespace flowscope
