#pragma once

#include <QGraphicsPathItem>

namespace flowscope {

class RoutineNodeItem;

// One connection: a cubic curve from an event marker to a slot marker.
class ConnectionItem : public QGraphicsPathItem
{
public:
    ConnectionItem(RoutineNodeItem *from, const QString &event, RoutineNodeItem *to,
                   const QString &slot);

    // Recomputes the curve from the markers' current positions.
    void updatePath();

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    RoutineNodeItem *m_from;
    RoutineNodeItem *m_to;
    QString m_event;
    QString m_slot;
};

} // namespace flowscope
