#include "healthbardelegate.h"

#include "agenthealthmodel.h"
#include "themecolors.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace flowscope {

QColor HealthBarDelegate::stateColor(HealthState state)
{
    switch (state) {
    case HealthState::Healthy:
        return QColor(0x3c, 0xb3, 0x4a);
    case HealthState::Degraded:
        return QColor(0xe8, 0xc2, 0x1a);
    case HealthState::Critical:
        return QColor(0xf0, 0x85, 0x1d);
    case HealthState::Failed:
        return QColor(0xd8, 0x2c, 0x2c);
    }
    return Qt::gray;
}

void HealthBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const int column = index.column();
    if (column != AgentHealthModel::BarColumn && column != AgentHealthModel::ThroughputColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    if (option.state & QStyle::State_Selected)
        painter->fillRect(option.rect, option.palette.highlight());
    const QRect rect = option.rect.adjusted(3, 3, -3, -3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (column == AgentHealthModel::BarColumn) {
        paintBar(painter, rect, index, option.palette);
    } else {
        const QColor color = option.state & QStyle::State_Selected
                                 ? option.palette.highlightedText().color()
                                 : option.palette.text().color();
        paintSparkline(painter, rect, index, color);
    }
    painter->restore();
}

void HealthBarDelegate::paintBar(QPainter *painter, const QRect &rect, const QModelIndex &index,
                                 const QPalette &palette) const
{
    const auto state = HealthState(index.data(AgentHealthModel::StateRole).toInt());
    const double fraction
        = qBound(0.0, index.data(AgentHealthModel::AgeFractionRole).toDouble(), 1.0);
    const QColor color = stateColor(state);
    // The empty part is a tint of the state's colour that suits the palette: pale on a light
    // one, dark on a dark one, so that the (bright) filled part stands out on both.
    const QColor track = ThemeColors::tint(color.lighter(185), palette);
    painter->setPen(Qt::NoPen);
    painter->setBrush(track);
    painter->drawRect(rect);
    // A failed agent's bar is full whatever its age: nothing is left to wait for.
    const double filled = state == HealthState::Failed ? 1.0 : fraction;
    const double fillEnd = rect.left() + rect.width() * filled;
    painter->setBrush(color);
    painter->drawRect(QRectF(rect.left(), rect.top(), fillEnd - rect.left(), rect.height()));

    // Ticks on the fill are dark (the state colours are bright); on the track, the palette's text.
    const QColor trackTick = ThemeColors::readableOn(palette.color(QPalette::Text), track, 3.0);
    const QVariantList ticks = index.data(AgentHealthModel::ThresholdsRole).toList();
    for (const QVariant &tick : ticks) {
        // On a pixel's centre, so the 1 px line is one crisp column, not two half-covered ones.
        const double x
            = std::floor(rect.left() + rect.width() * qBound(0.0, tick.toDouble(), 1.0)) + 0.5;
        painter->setPen(QPen(x <= fillEnd ? QColor(Qt::black) : trackTick, 1));
        painter->drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()));
    }
    painter->setPen(
        QPen(ThemeColors::readableOn(color.darker(140), palette.color(QPalette::Base), 3.0), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(rect);
}

void HealthBarDelegate::paintSparkline(QPainter *painter, const QRect &rect,
                                       const QModelIndex &index, const QColor &color) const
{
    const QVariantList values = index.data(AgentHealthModel::SparklineRole).toList();
    if (values.size() < 2)
        return;
    double peak = 1;
    for (const QVariant &v : values)
        peak = std::max(peak, v.toDouble());
    // Always the full 60 s across, so a young agent's line starts at the right.
    const double step = double(rect.width()) / (AgentHealthModel::sparklineSeconds - 1);
    const double x0 = rect.right() - step * (values.size() - 1);
    QPainterPath path;
    for (int i = 0; i < values.size(); ++i) {
        const QPointF p(x0 + step * i,
                        rect.bottom() - rect.height() * values.at(i).toDouble() / peak);
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    painter->setPen(QPen(color, 1.2));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
}

QSize HealthBarDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == AgentHealthModel::BarColumn
        || index.column() == AgentHealthModel::ThroughputColumn)
        size.setWidth(std::max(size.width(), 100));
    return size;
}

} // namespace flowscope
