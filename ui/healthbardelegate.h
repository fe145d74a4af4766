#pragma once

#include "health/healthstate.h"

#include <QStyledItemDelegate>

namespace flowscope {

// Paints the agents table's heartbeat bar (fill = heartbeat age against the FAILED threshold,
// coloured by health state, ticks at the degraded and critical thresholds) and its throughput
// sparkline. Other cells are drawn as usual. Colours follow the view's palette, light or dark.
class HealthBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor stateColor(HealthState state);

private:
    void paintBar(QPainter *painter, const QRect &rect, const QModelIndex &index,
                  const QPalette &palette) const;
    void paintSparkline(QPainter *painter, const QRect &rect, const QModelIndex &index,
                        const QColor &color) const;
};

} // namespace flowscope
