#include "timelineview.h"

#include "eventtext.h"
#include "timelineticks.h"
#include "timelineviewconstants.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

// TimelineView's input: hit testing, tooltips, the mouse, the wheel and the keyboard.
namespace flowscope {

using namespace TimelineViewConstants;

namespace {

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

} // namespace flowscope
