#pragma once

#include "events/event.h"
#include "timelinecolors.h"
#include "timelinedata.h"
#include "timelinefillbatch.h"
#include "timelinelod.h"
#include "timelineviewport.h"

#include <QHash>
#include <QPointer>
#include <QStaticText>
#include <QTimer>
#include <QWidget>

#include <vector>

namespace flowscope {

// The timeline itself, painted by hand: lane names on the left, the time axis on top, each
// lane's activations as spans and its instants as markers. The wheel zooms around the cursor,
// a drag pans (time and lanes), Shift+drag selects a range, a click selects a span (a folded
// run of small ones zooms in), Home shows everything. While live it repaints at most ~30 times
// a second, on a timer, however many batches arrive.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int repaintIntervalMs = 33;
    // Spans narrower than this are folded (Tracy's value).
    static constexpr double defaultFoldPx = 3;

    explicit TimelineView(QWidget *parent = nullptr);
    // The axis and eight one-row lanes: the default layout's share of the window.
    QSize sizeHint() const override;

    // Another engine's timeline; null: none.
    void setData(TimelineData *data);
    TimelineData *data() const { return m_data; }

    const TimelineViewport &viewport() const { return m_viewport; }
    void setViewport(const TimelineViewport &viewport);
    // The area spans are drawn in, in widget coordinates.
    QRect plotRect() const;
    qint64 visibleStartNs() const { return m_viewport.startNs(); }
    qint64 visibleEndNs() const;
    // Scales around plot x (pixels from the plot's left edge); factor < 1 zooms in.
    void zoomAt(double plotX, double factor);
    // Everything held, from the first activation to now.
    void zoomToFit();

    bool followsLive() const { return m_follow; }
    void setFollowLive(bool follow);

    int laneScroll() const { return m_laneScroll; }
    void setLaneScroll(int px);
    int contentHeight() const;
    // The lane drawn at widget y; -1 if none.
    int laneAt(int y) const;
    // Where a lane is drawn, in widget coordinates (it may be scrolled out of sight).
    QRect laneRect(int lane) const;
    // Where a span is drawn, in widget coordinates (unclipped).
    QRectF spanRect(const TimelineData::SpanPosition &position) const;

    // The selected span's or instant's sequence number; 0: none.
    quint64 selectedSeq() const { return m_selectedSeq; }
    // Selects the span or instant an event belongs to and brings it into view; with none, marks
    // the event's time. Never emits spanClicked.
    void revealEvent(const Event &event);
    void clearSelection();
    // Spans of this routine stand out (the one selected in the flow graph); null: none.
    void highlightRoutine(Symbol routine);
    Symbol highlightedRoutine() const { return m_highlight; }

    bool hasRange() const { return m_hasRange; }
    qint64 rangeStartNs() const { return m_rangeStart; }
    qint64 rangeEndNs() const { return m_rangeEnd; }
    void setRange(qint64 fromNs, qint64 toNs);
    void clearRange();

    // Level of detail: spans narrower than px are folded; 0 draws every span (for comparison).
    void setFoldWidth(double px);

    struct FrameStats
    {
        int primitives = 0; // rectangles filled, spans and folded runs
        int folded = 0;
        int marks = 0;
        int colors = 0;
        int rows = 0;
    };
    const FrameStats &lastFrame() const { return m_stats; }

Q_SIGNALS:
    // The user clicked a span or a marker (not sent for revealEvent).
    void spanClicked(quint64 seq);
    void instantClicked(quint64 seq);
    void rangeChanged();
    void followLiveChanged(bool follow);
    void viewportChanged();
    // Lanes came or went, or grew rows.
    void contentHeightChanged(int height);
    void laneScrollChanged(int px);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Hit
    {
        enum Kind { None, Span, Fold, Mark } kind = None;
        int lane = -1;
        int row = -1;
        TimelinePrimitive primitive;
        TimelineMark mark = TimelineMark::Error;
        TimelineMarkPrimitive markPrimitive;
    };

    void dataAppended();
    void lanesChanged();
    void repaintTick();
    void followNow();
    void layoutLanes() const;
    int laneHeight(int lane) const;
    // Sizes that follow the font, computed when it changes.
    void updateMetrics();
    int rowHeight() const { return m_rowHeight; }
    int labelWidth() const { return m_labelWidth; }
    int axisHeight() const { return m_axisHeight; }
    QRect rowRect(int lane, int row) const;

    void paintLanes(QPainter &painter, const QRect &plot);
    void paintAxis(QPainter &painter, const QRect &plot);
    void paintOverlays(QPainter &painter, const QRect &plot);
    void paintLabels(QPainter &painter, const QRect &plot);

    Hit hitTest(const QPoint &pos) const;
    QString toolTipFor(const Hit &hit) const;
    QString spanToolTip(const TimelineSpan &span) const;
    void clicked(const QPoint &pos);
    void zoomToTimes(qint64 fromNs, qint64 toNs);
    // Zooms to a range with a tenth of it (at least minMarginNs) either side; stops following.
    void showTimes(qint64 fromNs, qint64 toNs, qint64 minMarginNs);
    void centreOn(qint64 fromNs, qint64 toNs, int lane);
    const TimelineData::SpanPosition &selectedPosition() const;
    QString durationText(qint64 ns) const;
    void drawText(QPainter &painter, const QRectF &box, const QString &text);
    // The routine's name as it fits in width pixels.
    QString routineLabel(quint16 routine, int width);

    QPointer<TimelineData> m_data;
    TimelineViewport m_viewport;
    TimelineColors m_colors;
    int m_rowHeight = 0;
    int m_labelWidth = 0;
    int m_axisHeight = 0;
    bool m_follow = true;
    bool m_fitted = false; // the first data sets the scale once
    double m_foldPx = defaultFoldPx;
    int m_laneScroll = 0;
    QTimer m_repaintTimer;

    quint64 m_selectedSeq = 0;
    bool m_selectedIsMark = false;
    mutable TimelineData::SpanPosition m_selectedPosition;
    mutable quint64 m_selectedGeneration = ~quint64(0);
    bool m_hasCursor = false;
    qint64 m_cursorNs = 0;
    Symbol m_highlight;
    quint16 m_highlightIndex = 0;

    bool m_hasRange = false;
    qint64 m_rangeStart = 0;
    qint64 m_rangeEnd = 0;

    enum class Drag { None, Pan, Range, Lanes } m_drag = Drag::None;
    QPoint m_pressPos;
    TimelineViewport m_pressViewport;
    int m_pressScroll = 0;
    qint64 m_rangeAnchor = 0;
    bool m_moved = false;

    // Lane layout: tops in content coordinates, recomputed when lanes or rows change.
    mutable std::vector<int> m_laneTops;
    mutable bool m_layoutDirty = true;
    mutable int m_contentHeight = 0;
    mutable QVector<QString> m_labels;

    // Reused every frame.
    TimelineFillBatch m_fills;
    std::vector<TimelinePrimitive> m_primitives;
    std::vector<TimelineMarkPrimitive> m_markPrimitives;
    struct SpanLabel
    {
        QRectF rect;
        quint16 routine;
    };
    std::vector<SpanLabel> m_spanLabels;
    QVector<QString> m_routineNames; // by routine index, filled on demand
    std::vector<int> m_routineWidths;
    QHash<quint64, QString> m_elided; // (routine, width) -> elided name
    QHash<QString, QStaticText> m_texts;
    FrameStats m_stats;
};

} // namespace flowscope
