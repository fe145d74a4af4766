#include "timelineview.h"

#include "timelineticks.h"
#include "timelineviewconstants.h"

#include <QPainter>
#include <QStaticText>

#include <algorithm>
#include <cmath>

// TimelineView's painting: lanes, spans and markers, overlays, labels and the time axis.
namespace flowscope {

using namespace TimelineViewConstants;

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect plot = plotRect();
    if (!m_data || m_data->isEmpty()) {
        painter.fillRect(rect(), palette().color(QPalette::Base));
        painter.setPen(m_colors.dimText());
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("No activations yet: start a job to see it here."));
        return;
    }
    layoutLanes();
    paintLanes(painter, plot);
    paintOverlays(painter, plot);
    paintLabels(painter, plot);
    paintAxis(painter, plot);
}

void TimelineView::paintLanes(QPainter &painter, const QRect &plot)
{
    m_stats = {};
    m_fills.clear();
    m_spanLabels.clear();
    const double width = plot.width();
    const int lanes = m_data->laneCount();
    int lane = std::max(0, laneAt(plot.top()));
    if (!m_highlight.isNull() && m_highlightIndex == 0) // its first activation may be new
        m_highlightIndex = m_data->routineIndexOf(m_highlight);

    // Backgrounds and the tick grid first, then every fill of a colour at once. Each pixel is
    // filled once, in solid colours: that is the raster engine's fastest path.
    int bottom = plot.top();
    for (int l = lane; l < lanes; ++l) {
        const QRect rect = laneRect(l).adjusted(0, 0, 0, laneGap);
        if (rect.top() > plot.bottom())
            break;
        painter.fillRect(rect, m_colors.laneBackground(l));
        bottom = rect.bottom() + 1;
    }
    if (bottom <= plot.bottom())
        painter.fillRect(QRect(0, bottom, this->width(), plot.bottom() - bottom + 1),
                         palette().color(QPalette::Base));
    const QVector<TimelineTick> ticks
        = TimelineTicks::ticks(m_viewport, width, m_data->originNs(), tickSpacingPx);
    for (const TimelineTick &tick : ticks) {
        const int x = plot.left() + int(std::lround(m_viewport.xForTime(tick.timeNs)));
        painter.fillRect(QRect(x, plot.top(), 1, plot.height()), m_colors.grid());
    }

    const QFontMetrics metrics = fontMetrics();
    TimelineFillBatch marks;
    for (; lane < lanes; ++lane) {
        const QRect laneArea = laneRect(lane);
        if (laneArea.top() > plot.bottom())
            break;
        const TimelineLane &data = m_data->lane(lane);
        for (int r = 0; r < int(data.rows.size()); ++r) {
            const QRect rowArea = rowRect(lane, r);
            const int top = rowArea.top() + 1;
            const int height = std::max(rowArea.height() - 2, 1);
            const TimelineRowView row = m_data->row(lane, r);
            m_primitives.clear();
            TimelineLod::foldSpans(row, m_viewport, width, m_foldPx, &m_primitives);
            ++m_stats.rows;
            for (const TimelinePrimitive &p : m_primitives) {
                const double x0 = plot.left() + p.x0;
                const double x1 = plot.left() + p.x1;
                if (p.isFolded()) {
                    m_fills.add(TimelineColors::foldedKey, x0, x1, top, height);
                    ++m_stats.folded;
                    continue;
                }
                const TimelineSpan &span = row.span(p.first);
                m_fills.add(TimelineColors::spanKey(span.routine, span.status(),
                                                    span.routine == m_highlightIndex
                                                        && m_highlightIndex != 0),
                            x0, x1, top, height);
                if (x1 - x0 >= spanLabelMinPx && height >= metrics.height() - 2)
                    m_spanLabels.push_back({QRectF(x0, top, x1 - x0, height), span.routine});
            }
            m_stats.primitives += int(m_primitives.size());
        }
        for (int m = 0; m < timelineMarkCount; ++m) {
            m_markPrimitives.clear();
            TimelineLod::foldMarks(m_data->marks(lane, TimelineMark(m)), m_viewport, width, markPx,
                                   &m_markPrimitives);
            const quint32 key = TimelineColors::markKey(TimelineMark(m));
            for (const TimelineMarkPrimitive &p : m_markPrimitives) {
                const double x = plot.left() + p.x;
                const int left = int(std::lround(x));
                marks.add(key, QRect(left, laneArea.top(), 1, laneArea.height()));
                marks.add(key, QRect(left - int(markPx) / 2, laneArea.top() + 1, int(markPx),
                                     int(markPx)));
            }
            m_stats.marks += int(m_markPrimitives.size());
        }
    }

    painter.save();
    painter.setClipRect(plot);
    m_fills.paint(&painter, m_colors);
    m_stats.colors = m_fills.colorCount();

    // Routine names inside spans wide enough for them.
    painter.setPen(QColor(0, 0, 0, 220));
    for (const SpanLabel &label : m_spanLabels) {
        const QRectF box = label.rect.intersected(plot).adjusted(4, 0, -3, 0);
        if (box.width() >= metrics.averageCharWidth() * 3)
            drawText(painter, box, routineLabel(label.routine, int(box.width())));
    }
    marks.paint(&painter, m_colors);
    painter.restore();
}

void TimelineView::paintOverlays(QPainter &painter, const QRect &plot)
{
    painter.save();
    painter.setClipRect(plot);
    // What was dropped to stay within the cap: hatched, and said so.
    if (m_data->droppedUntilNs() > 0) {
        const double x = m_viewport.xForTime(m_data->droppedUntilNs());
        if (x > 0) {
            const QRectF dropped(plot.left(), plot.top(), std::min<double>(x, plot.width()),
                                 plot.height());
            painter.fillRect(dropped, QBrush(m_colors.dropped(), Qt::BDiagPattern));
            painter.setPen(m_colors.dimText());
            painter.drawText(dropped.adjusted(6, 4, -6, 0), Qt::AlignLeft | Qt::AlignTop,
                             tr("Older activations dropped (limit %L1)").arg(m_data->capacity()));
        }
    }
    // Now.
    const double nowX = m_viewport.xForTime(m_data->nowNs());
    if (nowX >= 0 && nowX <= plot.width()) {
        painter.setPen(QPen(m_colors.now(), 1));
        painter.drawLine(QPointF(plot.left() + nowX, plot.top()),
                         QPointF(plot.left() + nowX, plot.bottom()));
    }
    // The range being measured.
    if (m_hasRange) {
        const double x0 = std::max(-2.0, m_viewport.xForTime(m_rangeStart));
        const double x1 = std::min(plot.width() + 2.0, m_viewport.xForTime(m_rangeEnd));
        if (x1 >= 0 && x0 <= plot.width()) {
            const QRectF range(plot.left() + x0, plot.top(), std::max(x1 - x0, 1.0), plot.height());
            painter.fillRect(range, m_colors.rangeFill());
            painter.setPen(QPen(m_colors.selection(), 1));
            painter.drawLine(range.topLeft(), range.bottomLeft());
            painter.drawLine(range.topRight(), range.bottomRight());
            painter.setPen(m_colors.text());
            painter.drawText(range.adjusted(4, 2, -4, 0), Qt::AlignHCenter | Qt::AlignTop,
                             durationText(m_rangeEnd - m_rangeStart));
        }
    }
    // The selection, drawn from its own times so that a folded span shows too.
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(m_colors.selection(), 2));
    if (m_selectedSeq != 0 && !m_selectedIsMark) {
        const TimelineData::SpanPosition &position = selectedPosition();
        if (position.isValid()) {
            const QRectF rect = spanRect(position).adjusted(-1, -1, 1, 1);
            painter.drawRect(rect.width() < 4 ? rect.adjusted(-2, 0, 2, 0) : rect);
        }
    } else if (m_selectedSeq != 0) {
        const TimelineData::MarkPosition position = m_data->findInstantBySeq(m_selectedSeq);
        if (position.isValid()) {
            const TimelineMarkView marks = m_data->marks(position.lane, position.mark);
            const double x = plot.left() + m_viewport.xForTime(marks.time(position.pos));
            const QRect lane = laneRect(position.lane);
            painter.drawRect(QRectF(x - markPx / 2 - 2, lane.top() - 1, markPx + 4, markPx + 4));
        }
    }
    if (m_hasCursor) {
        const double x = plot.left() + m_viewport.xForTime(m_cursorNs);
        painter.setPen(QPen(m_colors.selection(), 1, Qt::DashLine));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
    painter.restore();
}

void TimelineView::paintLabels(QPainter &painter, const QRect &plot)
{
    painter.save();
    painter.setClipRect(QRect(0, plot.top(), plot.left(), plot.height()));
    const QFontMetrics metrics = fontMetrics();
    const int lanes = m_data->laneCount();
    if (m_labels.size() != lanes)
        m_labels = QVector<QString>(lanes);
    painter.setPen(m_colors.text());
    for (int lane = std::max(0, laneAt(plot.top())); lane < lanes; ++lane) {
        const QRect rect = laneRect(lane);
        if (rect.top() > plot.bottom())
            break;
        const QRect box(6, rect.top(), plot.left() - 10, std::min(rect.height(), rowHeight()));
        QString &label = m_labels[lane];
        if (label.isNull())
            label = metrics.elidedText(m_data->laneLabel(lane), Qt::ElideMiddle, box.width());
        drawText(painter, box, label);
    }
    painter.restore();
    painter.setPen(m_colors.grid());
    painter.drawLine(plot.left() - 1, plot.top(), plot.left() - 1, plot.bottom());
}

void TimelineView::paintAxis(QPainter &painter, const QRect &plot)
{
    const QRect axis(0, 0, width(), plot.top());
    painter.fillRect(axis, palette().color(QPalette::Window));
    painter.setPen(m_colors.dimText());
    const QString grouping = m_data->grouping() == TimelineData::Grouping::Agent ? tr("Agents")
                             : m_data->grouping() == TimelineData::Grouping::Routine
                                 ? tr("Routines")
                                 : tr("Jobs");
    painter.drawText(QRect(6, 0, plot.left() - 10, axis.height()), Qt::AlignVCenter, grouping);
    painter.save();
    painter.setClipRect(QRect(plot.left(), 0, plot.width(), axis.height()));
    painter.setPen(m_colors.text());
    const QVector<TimelineTick> ticks
        = TimelineTicks::ticks(m_viewport, plot.width(), m_data->originNs(), tickSpacingPx);
    for (const TimelineTick &tick : ticks) {
        const int x = plot.left() + int(std::lround(m_viewport.xForTime(tick.timeNs)));
        painter.drawLine(x, axis.bottom() - 5, x, axis.bottom());
        drawText(painter, QRectF(x + 3, 0, 200, axis.height() - 3), tick.label);
    }
    painter.restore();
    painter.setPen(m_colors.grid());
    painter.drawLine(0, axis.bottom(), width(), axis.bottom());
}

void TimelineView::drawText(QPainter &painter, const QRectF &box, const QString &text)
{
    // Laid out once, drawn many times: shaping is what makes QPainter::drawText slow.
    auto it = m_texts.find(text);
    if (it == m_texts.end()) {
        if (m_texts.size() > maxCachedTexts)
            m_texts.clear();
        QStaticText laidOut(text);
        laidOut.setTextFormat(Qt::PlainText);
        laidOut.setPerformanceHint(QStaticText::AggressiveCaching);
        it = m_texts.insert(text, laidOut);
    }
    const double top = box.top() + (box.height() - fontMetrics().height()) / 2;
    painter.drawStaticText(QPointF(box.left(), std::round(top)), *it);
}

QString TimelineView::routineLabel(quint16 routine, int width)
{
    if (routine >= m_routineNames.size()) {
        m_routineNames.resize(routine + 1);
        m_routineWidths.resize(routine + 1, -1);
    }
    QString &name = m_routineNames[routine];
    if (name.isNull()) {
        name = m_data->routineSymbol(routine).toString();
        m_routineWidths[routine] = fontMetrics().horizontalAdvance(name);
    }
    if (m_routineWidths[routine] <= width)
        return name;
    // Elided to widths in steps of 8 px, each computed once.
    const int step = width / 8 * 8;
    const quint64 key = (quint64(routine) << 32) | quint32(step);
    auto it = m_elided.find(key);
    if (it == m_elided.end()) {
        if (m_elided.size() > maxCachedTexts)
            m_elided.clear();
        it = m_elided.insert(key, fontMetrics().elidedText(name, Qt::ElideRight, step));
    }
    return *it;
}

} // namespace flowscope
