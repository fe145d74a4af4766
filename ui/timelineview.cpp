#include "timelineview.h"

#include "eventtext.h"
#include "timelineticks.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStaticText>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace flowscope {

namespace {

constexpr int laneGap = 1;
constexpr int maxRowsTall = 4;     // more rows than this share the lane's height
constexpr double markPx = 7;       // a marker's head
constexpr double clickSlopPx = 3;  // a press that moves less is a click
constexpr double nowMarginPx = 12; // "now" stays this far from the right edge when following
constexpr double spanLabelMinPx = 60;
constexpr qint64 initialWindowNs = 10'000'000'000; // ten seconds
constexpr double wheelStep = 0.8;                  // one notch of the wheel zooms in by this factor
constexpr int maxCachedTexts = 4096;
constexpr double tickSpacingPx = 110;

QString statusText(TimelineStatus status)
{
    switch (status) {
    case TimelineStatus::Running:
        return TimelineView::tr("running");
    case TimelineStatus::Ok:
        return TimelineView::tr("ok");
    case TimelineStatus::Error:
        return TimelineView::tr("failed");
    case TimelineStatus::Cancelled:
        return TimelineView::tr("cancelled");
    }
    return {};
}

QString markText(TimelineMark mark)
{
    switch (mark) {
    case TimelineMark::Error:
        return TimelineView::tr("Error");
    case TimelineMark::Breakpoint:
        return TimelineView::tr("Breakpoint hit");
    case TimelineMark::Pause:
        return TimelineView::tr("Job paused");
    case TimelineMark::Alert:
        return TimelineView::tr("Alert");
    }
    return {};
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_colors(palette())
{
    setObjectName(QStringLiteral("timelineView"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(300, 120);
    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(repaintIntervalMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, &TimelineView::repaintTick);
    updateMetrics();
}

void TimelineView::setData(TimelineData *data)
{
    if (m_data == data)
        return;
    if (m_data)
        disconnect(m_data, nullptr, this, nullptr);
    m_data = data;
    m_fitted = false;
    m_selectedSeq = 0;
    m_hasCursor = false;
    m_hasRange = false;
    m_labels.clear();
    m_routineNames.clear();
    m_routineWidths.clear();
    m_elided.clear();
    m_laneScroll = 0;
    m_layoutDirty = true;
    if (m_data) {
        connect(m_data, &TimelineData::appended, this, &TimelineView::dataAppended);
        connect(m_data, &TimelineData::lanesChanged, this, &TimelineView::lanesChanged);
        dataAppended();
    }
    highlightRoutine(m_highlight); // its index is the new data's
    Q_EMIT rangeChanged();
    Q_EMIT contentHeightChanged(contentHeight());
    Q_EMIT laneScrollChanged(m_laneScroll);
    update();
}

QRect TimelineView::plotRect() const
{
    return QRect(labelWidth(), axisHeight(), std::max(1, width() - labelWidth()),
                 std::max(1, height() - axisHeight()));
}

qint64 TimelineView::visibleEndNs() const
{
    return m_viewport.endNs(plotRect().width());
}

void TimelineView::setViewport(const TimelineViewport &viewport)
{
    if (viewport == m_viewport)
        return;
    m_viewport = viewport;
    Q_EMIT viewportChanged();
    update();
}

void TimelineView::zoomAt(double plotX, double factor)
{
    TimelineViewport viewport = m_viewport;
    viewport.zoomAround(plotX, factor);
    setViewport(viewport);
}

void TimelineView::zoomToFit()
{
    if (!m_data || m_data->isEmpty())
        return;
    setFollowLive(false);
    const qint64 first = m_data->firstNs();
    const qint64 last = std::max(m_data->nowNs(), first + 1000);
    const qint64 margin = (last - first) / 50;
    zoomToTimes(first - margin, last + margin);
}

void TimelineView::showTimes(qint64 fromNs, qint64 toNs, qint64 minMarginNs)
{
    const qint64 margin = std::max((toNs - fromNs) / 10, minMarginNs);
    setFollowLive(false);
    zoomToTimes(fromNs - margin, toNs + margin);
}

void TimelineView::zoomToTimes(qint64 fromNs, qint64 toNs)
{
    setViewport(
        TimelineViewport::fromRange(fromNs, std::max(toNs, fromNs + 1), plotRect().width()));
}

void TimelineView::setFollowLive(bool follow)
{
    if (follow == m_follow)
        return;
    m_follow = follow;
    if (m_follow)
        followNow();
    Q_EMIT followLiveChanged(m_follow);
}

void TimelineView::followNow()
{
    if (!m_data || m_data->isEmpty())
        return;
    TimelineViewport viewport = m_viewport;
    viewport.placeTime(m_data->nowNs(), plotRect().width() - nowMarginPx);
    setViewport(viewport);
}

void TimelineView::setFoldWidth(double px)
{
    m_foldPx = std::max(0.0, px);
    update();
}

void TimelineView::dataAppended()
{
    m_layoutDirty = true; // lanes may have grown rows
    if (!m_fitted && m_data && !m_data->isEmpty()) {
        // Ten seconds to begin with: from the first activation, or up to now when following.
        m_fitted = true;
        const double width = std::max(plotRect().width() - nowMarginPx, 1.0);
        m_viewport = TimelineViewport(m_data->firstNs(), double(initialWindowNs) / width);
        if (m_follow)
            m_viewport.placeTime(m_data->nowNs(), width);
        Q_EMIT viewportChanged();
    }
    if (!m_repaintTimer.isActive())
        m_repaintTimer.start();
}

void TimelineView::lanesChanged()
{
    m_layoutDirty = true;
    m_labels.clear();
    m_selectedGeneration = ~quint64(0);
    if (!m_repaintTimer.isActive())
        m_repaintTimer.start();
}

void TimelineView::repaintTick()
{
    const int before = m_contentHeight;
    layoutLanes();
    if (m_contentHeight != before)
        Q_EMIT contentHeightChanged(m_contentHeight);
    if (m_follow)
        followNow();
    update();
}

void TimelineView::updateMetrics()
{
    const QFontMetrics metrics = fontMetrics();
    m_rowHeight = metrics.height() + 4;
    m_labelWidth = metrics.averageCharWidth() * 20;
    m_axisHeight = metrics.height() + 10;
}

QSize TimelineView::sizeHint() const
{
    return {640, axisHeight() + 8 * (rowHeight() + laneGap)};
}

int TimelineView::laneHeight(int lane) const
{
    const int rows = int(m_data->lane(lane).rows.size());
    return rowHeight() * std::clamp(rows, 1, maxRowsTall) + laneGap;
}

void TimelineView::layoutLanes() const
{
    if (!m_layoutDirty)
        return;
    m_layoutDirty = false;
    const int lanes = m_data ? m_data->laneCount() : 0;
    m_laneTops.resize(size_t(lanes) + 1);
    int top = 0;
    for (int l = 0; l < lanes; ++l) {
        m_laneTops[size_t(l)] = top;
        top += laneHeight(l);
    }
    m_laneTops[size_t(lanes)] = top;
    m_contentHeight = top;
}

int TimelineView::contentHeight() const
{
    layoutLanes();
    return m_contentHeight;
}

void TimelineView::setLaneScroll(int px)
{
    const int max = std::max(0, contentHeight() - plotRect().height());
    px = std::clamp(px, 0, max);
    if (px == m_laneScroll)
        return;
    m_laneScroll = px;
    Q_EMIT laneScrollChanged(px);
    update();
}

int TimelineView::laneAt(int y) const
{
    if (!m_data || y < plotRect().top())
        return -1;
    layoutLanes();
    const int contentY = y - plotRect().top() + m_laneScroll;
    const auto it = std::upper_bound(m_laneTops.begin(), m_laneTops.end(), contentY);
    const int lane = int(it - m_laneTops.begin()) - 1;
    return lane >= 0 && lane < m_data->laneCount() ? lane : -1;
}

QRect TimelineView::laneRect(int lane) const
{
    layoutLanes();
    if (!m_data || lane < 0 || lane >= m_data->laneCount())
        return {};
    const int top = plotRect().top() + m_laneTops[size_t(lane)] - m_laneScroll;
    return QRect(0, top, width(), laneHeight(lane) - laneGap);
}

QRect TimelineView::rowRect(int lane, int row) const
{
    // Rows share the lane's height in whole pixels.
    const QRect rect = laneRect(lane);
    const int rows = std::max<int>(1, int(m_data->lane(lane).rows.size()));
    const int top = rect.top() + rect.height() * row / rows;
    const int bottom = rect.top() + rect.height() * (row + 1) / rows;
    return QRect(rect.left(), top, rect.width(), std::max(1, bottom - top));
}

QRectF TimelineView::spanRect(const TimelineData::SpanPosition &position) const
{
    if (!m_data || !position.isValid())
        return {};
    const TimelineSpan &span = m_data->spanAt(position);
    const QRect row = rowRect(position.lane, position.row);
    const double left = plotRect().left() + m_viewport.xForTime(span.startNs);
    const double right = plotRect().left() + m_viewport.xForTime(span.visibleEnd(m_data->nowNs()));
    return QRectF(left, row.top() + 1, std::max(right - left, 1.0), std::max(row.height() - 2, 1));
}

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

const TimelineData::SpanPosition &TimelineView::selectedPosition() const
{
    if (m_selectedGeneration != m_data->generation() || !m_selectedPosition.isValid()) {
        m_selectedPosition = m_data->findSpanBySeq(m_selectedSeq);
        m_selectedGeneration = m_data->generation();
    }
    return m_selectedPosition;
}

TimelineView::Hit TimelineView::hitTest(const QPoint &pos) const
{
    Hit hit;
    const QRect plot = plotRect();
    if (!m_data || !plot.contains(pos))
        return hit;
    const int lane = laneAt(pos.y());
    if (lane < 0)
        return hit;
    const double x = pos.x() - plot.left();
    const QRect laneArea = laneRect(lane);
    // Markers lie on top: their heads first.
    if (pos.y() <= laneArea.top() + markPx + 2) {
        std::vector<TimelineMarkPrimitive> marks;
        for (int m = 0; m < timelineMarkCount; ++m) {
            marks.clear();
            TimelineLod::foldMarks(m_data->marks(lane, TimelineMark(m)), m_viewport, plot.width(),
                                   markPx, &marks);
            for (const TimelineMarkPrimitive &p : marks) {
                if (std::abs(p.x - x) <= markPx / 2 + 1) {
                    hit.kind = Hit::Mark;
                    hit.lane = lane;
                    hit.mark = TimelineMark(m);
                    hit.markPrimitive = p;
                    return hit;
                }
            }
        }
    }
    const int rows = int(m_data->lane(lane).rows.size());
    for (int r = 0; r < rows; ++r) {
        if (!rowRect(lane, r).contains(pos))
            continue;
        std::vector<TimelinePrimitive> primitives;
        TimelineLod::foldSpans(m_data->row(lane, r), m_viewport, plot.width(), m_foldPx,
                               &primitives);
        double best = 3;
        for (const TimelinePrimitive &p : primitives) {
            const double distance = x < p.x0 ? p.x0 - x : x > p.x1 ? x - p.x1 : 0;
            if (distance < best) {
                best = distance;
                hit.kind = p.isFolded() ? Hit::Fold : Hit::Span;
                hit.lane = lane;
                hit.row = r;
                hit.primitive = p;
            }
        }
        break;
    }
    return hit;
}

QString TimelineView::durationText(qint64 ns) const
{
    return ns < 1000 ? TimelineTicks::tr("%1 ns").arg(ns) : EventText::duration(ns);
}

QString TimelineView::spanToolTip(const TimelineSpan &span) const
{
    const qint64 end = span.visibleEnd(m_data->nowNs());
    QString text = QStringLiteral("<b>%1</b>")
                       .arg(m_data->routineSymbol(span.routine).toString().toHtmlEscaped());
    text += QStringLiteral("<br>")
            + tr("Agent: %1").arg(m_data->agentSymbol(span.agent).toString().toHtmlEscaped());
    text += QStringLiteral("<br>")
            + tr("Job: %1 (%2)")
                  .arg(m_data->jobId(span.job).toString(),
                       m_data->jobFlow(span.job).toString().toHtmlEscaped());
    text += QStringLiteral("<br>") + tr("Status: %1").arg(statusText(span.status()));
    const EventText format;
    text += QStringLiteral("<br>")
            + tr("Started %1, ran %2")
                  .arg(format.time(span.startNs), durationText(end - span.startNs));
    return text;
}

QString TimelineView::toolTipFor(const Hit &hit) const
{
    switch (hit.kind) {
    case Hit::None:
        return {};
    case Hit::Span:
        return spanToolTip(m_data->row(hit.lane, hit.row).span(hit.primitive.first));
    case Hit::Fold: {
        const TimelineRowView row = m_data->row(hit.lane, hit.row);
        const qint64 from = row.start(hit.primitive.first);
        const qint64 to = row.end(hit.primitive.first + hit.primitive.count - 1);
        return tr("%n activations in %1 (click to zoom in)", "", int(hit.primitive.count))
            .arg(durationText(to - from));
    }
    case Hit::Mark: {
        const TimelineMarkView marks = m_data->marks(hit.lane, hit.mark);
        const TimelineInstant &instant = marks.instant(hit.markPrimitive.first);
        QString text = QStringLiteral("<b>%1</b>").arg(markText(hit.mark));
        if (hit.markPrimitive.count > 1)
            text += QStringLiteral(" ") + tr("(%n here)", "", int(hit.markPrimitive.count));
        if (instant.routine != 0)
            text += QStringLiteral("<br>")
                    + tr("Routine: %1")
                          .arg(m_data->routineSymbol(instant.routine).toString().toHtmlEscaped());
        if (instant.agent != 0)
            text += QStringLiteral("<br>")
                    + tr("Agent: %1")
                          .arg(m_data->agentSymbol(instant.agent).toString().toHtmlEscaped());
        if (instant.job != 0)
            text += QStringLiteral("<br>")
                    + tr("Job: %1 (%2)")
                          .arg(m_data->jobId(instant.job).toString(),
                               m_data->jobFlow(instant.job).toString().toHtmlEscaped());
        const EventText format;
        text += QStringLiteral("<br>") + tr("At %1").arg(format.time(instant.timeNs));
        return text;
    }
    }
    return {};
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipFor(hitTest(help->pos()));
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_follow)
        followNow();
    setLaneScroll(m_laneScroll); // clamps
    Q_EMIT contentHeightChanged(contentHeight());
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_colors = TimelineColors(palette());
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        m_layoutDirty = true;
        m_labels.clear();
        m_texts.clear();
        m_elided.clear();
        m_routineNames.clear();
        m_routineWidths.clear();
    }
    QWidget::changeEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressPos = event->position().toPoint();
    m_pressViewport = m_viewport;
    m_pressScroll = m_laneScroll;
    m_moved = false;
    if (m_pressPos.x() < plotRect().left()) {
        m_drag = Drag::Lanes;
    } else if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Range;
        m_rangeAnchor = m_viewport.timeAt(m_pressPos.x() - plotRect().left());
    } else {
        m_drag = Drag::Pan;
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag == Drag::None)
        return;
    const QPoint pos = event->position().toPoint();
    const QPoint delta = pos - m_pressPos;
    if (!m_moved && delta.manhattanLength() < clickSlopPx)
        return;
    m_moved = true;
    switch (m_drag) {
    case Drag::Pan: {
        setCursor(Qt::ClosedHandCursor);
        if (delta.x() != 0)
            setFollowLive(false);
        TimelineViewport viewport = m_pressViewport;
        viewport.panByPixels(delta.x());
        setViewport(viewport);
        setLaneScroll(m_pressScroll - delta.y());
        break;
    }
    case Drag::Lanes:
        setLaneScroll(m_pressScroll - delta.y());
        break;
    case Drag::Range:
        setRange(m_rangeAnchor, m_viewport.timeAt(pos.x() - plotRect().left()));
        break;
    case Drag::None:
        break;
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    if (m_moved)
        return;
    if (drag == Drag::Range)
        clearRange(); // a Shift+click without a drag
    else if (drag == Drag::Pan)
        clicked(event->position().toPoint());
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const Hit hit = hitTest(event->position().toPoint());
    if (hit.kind != Hit::Span) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    const TimelineRowView row = m_data->row(hit.lane, hit.row);
    const qint64 from = row.start(hit.primitive.first);
    const qint64 to = row.end(hit.primitive.first);
    showTimes(from, to, 1);
}

void TimelineView::clicked(const QPoint &pos)
{
    const Hit hit = hitTest(pos);
    switch (hit.kind) {
    case Hit::None:
        clearSelection();
        return;
    case Hit::Span: {
        const TimelineSpan &span = m_data->row(hit.lane, hit.row).span(hit.primitive.first);
        m_selectedSeq = span.seq();
        m_selectedIsMark = false;
        m_selectedPosition = {hit.lane, hit.row, hit.primitive.first};
        m_selectedGeneration = m_data->generation();
        m_hasCursor = false;
        update();
        Q_EMIT spanClicked(m_selectedSeq);
        return;
    }
    case Hit::Fold: {
        // Too small to pick one: show them.
        const TimelineRowView row = m_data->row(hit.lane, hit.row);
        const qint64 from = row.start(hit.primitive.first);
        const qint64 to = row.end(hit.primitive.first + hit.primitive.count - 1);
        showTimes(from, to, 1);
        return;
    }
    case Hit::Mark: {
        const TimelineMarkView marks = m_data->marks(hit.lane, hit.mark);
        if (hit.markPrimitive.count > 1) {
            const qint64 from = marks.time(hit.markPrimitive.first);
            const qint64 to = marks.time(hit.markPrimitive.first + hit.markPrimitive.count - 1);
            showTimes(from, to, 1000);
            return;
        }
        m_selectedSeq = marks.instant(hit.markPrimitive.first).seq();
        m_selectedIsMark = true;
        m_hasCursor = false;
        update();
        Q_EMIT instantClicked(m_selectedSeq);
        return;
    }
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    const double x = event->position().x() - plotRect().left();
    if (x < 0) { // over the lane names: scroll the lanes
        setLaneScroll(m_laneScroll - angle.y() * rowHeight() * 3 / 120);
        event->accept();
        return;
    }
    if (std::abs(angle.x()) > std::abs(angle.y())) { // sideways: pan
        setFollowLive(false);
        TimelineViewport viewport = m_viewport;
        viewport.panByPixels(angle.x() / 2.0);
        setViewport(viewport);
        event->accept();
        return;
    }
    if (angle.y() == 0)
        return;
    // While following, "now" stays where it is; otherwise the time under the cursor does.
    const double anchor = m_follow ? plotRect().width() - nowMarginPx : x;
    zoomAt(anchor, std::pow(wheelStep, angle.y() / 120.0));
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const double width = plotRect().width();
    switch (event->key()) {
    case Qt::Key_Home:
        zoomToFit();
        break;
    case Qt::Key_Escape:
        clearRange();
        clearSelection();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAt(m_follow ? width - nowMarginPx : width / 2, wheelStep);
        break;
    case Qt::Key_Minus:
        zoomAt(m_follow ? width - nowMarginPx : width / 2, 1 / wheelStep);
        break;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        setFollowLive(false);
        TimelineViewport viewport = m_viewport;
        viewport.panByPixels(event->key() == Qt::Key_Left ? width / 8 : -width / 8);
        setViewport(viewport);
        break;
    }
    default:
        QWidget::keyPressEvent(event);
    }
}

void TimelineView::revealEvent(const Event &event)
{
    if (!m_data)
        return;
    m_hasCursor = false;
    const TimelineData::SpanPosition span = m_data->findSpanForEvent(event);
    if (span.isValid()) {
        const TimelineSpan &found = m_data->spanAt(span);
        m_selectedSeq = found.seq();
        m_selectedIsMark = false;
        m_selectedPosition = span;
        m_selectedGeneration = m_data->generation();
        centreOn(found.startNs, found.visibleEnd(m_data->nowNs()), span.lane);
        return;
    }
    const TimelineData::MarkPosition mark = m_data->findInstantBySeq(event.seq);
    if (mark.isValid()) {
        m_selectedSeq = event.seq;
        m_selectedIsMark = true;
        centreOn(event.timeNs, event.timeNs, mark.lane);
        return;
    }
    // Not on the timeline (a job or log event): show when it happened.
    m_selectedSeq = 0;
    m_hasCursor = true;
    m_cursorNs = event.timeNs;
    centreOn(event.timeNs, event.timeNs, -1);
}

void TimelineView::centreOn(qint64 fromNs, qint64 toNs, int lane)
{
    setFollowLive(false);
    const double width = plotRect().width();
    if (double(toNs - fromNs) > 0.8 * width * m_viewport.nsPerPixel()) {
        showTimes(fromNs, toNs, 1);
    } else {
        TimelineViewport viewport = m_viewport;
        viewport.placeTime(fromNs + (toNs - fromNs) / 2, width / 2);
        setViewport(viewport);
    }
    if (lane >= 0) {
        const QRect rect = laneRect(lane);
        const QRect plot = plotRect();
        if (rect.top() < plot.top() || rect.bottom() > plot.bottom())
            setLaneScroll(m_laneScroll + rect.top() - plot.top() - plot.height() / 3);
    }
    update();
}

void TimelineView::clearSelection()
{
    if (m_selectedSeq == 0 && !m_hasCursor)
        return;
    m_selectedSeq = 0;
    m_hasCursor = false;
    update();
}

void TimelineView::highlightRoutine(Symbol routine)
{
    m_highlight = routine;
    m_highlightIndex = m_data && !routine.isNull() ? m_data->routineIndexOf(routine) : 0;
    if (m_data && m_highlightIndex != 0 && m_data->grouping() == TimelineData::Grouping::Routine) {
        const int lane = m_data->laneOfKey(m_highlightIndex);
        const QRect rect = laneRect(lane);
        const QRect plot = plotRect();
        if (lane >= 0 && (rect.top() < plot.top() || rect.bottom() > plot.bottom()))
            setLaneScroll(m_laneScroll + rect.top() - plot.top());
    }
    update();
}

void TimelineView::setRange(qint64 fromNs, qint64 toNs)
{
    m_hasRange = true;
    m_rangeStart = std::min(fromNs, toNs);
    m_rangeEnd = std::max(fromNs, toNs);
    update();
    Q_EMIT rangeChanged();
}

void TimelineView::clearRange()
{
    if (!m_hasRange)
        return;
    m_hasRange = false;
    update();
    Q_EMIT rangeChanged();
}

} // namespace flowscope
