#include "timelineview.h"

#include "timelineviewconstants.h"

#include <QStaticText>

#include <algorithm>
#include <cmath>

namespace flowscope {

using namespace TimelineViewConstants;

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
