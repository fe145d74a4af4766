#include "flowgraphview.h"

#include "flowgraphscene.h"

#include <QWheelEvent>

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
