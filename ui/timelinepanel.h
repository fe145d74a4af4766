#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QScrollBar;
class QToolButton;

namespace flowscope {

class TimelineData;
class TimelineView;

// The Timeline dock: the view with its lanes scroll bar, the lane grouping (agents, routines,
// jobs), "Follow live", "Fit", and a line that tells what the range selection holds, or how much
// the timeline holds and whether old activations were dropped to stay within its limit.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    TimelineView *view() const { return m_view; }
    QComboBox *laneChoice() const { return m_lanes; }
    QToolButton *followButton() const { return m_follow; }
    QLabel *infoLabel() const { return m_info; }

    // Another engine's timeline, grouped as this panel groups.
    void setData(TimelineData *data);
    TimelineData *data() const { return m_data; }

private:
    void updateInfo();
    void updateScrollBar();

    TimelineData *m_data = nullptr;
    TimelineView *m_view;
    QScrollBar *m_scrollBar;
    QComboBox *m_lanes;
    QToolButton *m_follow;
    QToolButton *m_fit;
    QLabel *m_info;
};

} // namespace flowscope
