#include "timelinepanel.h"

#include "eventtext.h"
#include "timelinedata.h"
#include "timelineview.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QToolButton>

namespace flowscope {

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new TimelineView(this))
    , m_scrollBar(new QScrollBar(Qt::Vertical, this))
    , m_lanes(new QComboBox(this))
    , m_follow(new QToolButton(this))
    , m_fit(new QToolButton(this))
    , m_info(new QLabel(this))
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_lanes->setObjectName(QStringLiteral("timelineLanes"));
    m_lanes->addItem(tr("By agent"), int(TimelineData::Grouping::Agent));
    m_lanes->addItem(tr("By routine"), int(TimelineData::Grouping::Routine));
    m_lanes->addItem(tr("By job"), int(TimelineData::Grouping::Job));
    m_lanes->setToolTip(tr("One lane per agent, per routine or per job"));

    m_follow->setObjectName(QStringLiteral("timelineFollow"));
    m_follow->setText(tr("Follow live"));
    m_follow->setToolTip(tr("Keep the newest activations in view (dragging stops following)"));
    m_follow->setCheckable(true);
    m_follow->setChecked(m_view->followsLive());

    m_fit->setObjectName(QStringLiteral("timelineFit"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show everything the timeline holds (Home)"));

    m_info->setObjectName(QStringLiteral("timelineInfo"));
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setWhatsThis(tr("Wheel: zoom around the cursor. Drag: pan. Shift+drag: measure a "
                            "range. Click: select an activation. Home: show everything."));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_lanes);
    bar->addWidget(m_follow);
    bar->addWidget(m_fit);
    bar->addSpacing(8);
    bar->addWidget(m_info, 1);
    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(m_view, 1);
    body->addWidget(m_scrollBar);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addLayout(body, 1);

    connect(m_lanes, &QComboBox::currentIndexChanged, this, [this] {
        if (m_data)
            m_data->setGrouping(TimelineData::Grouping(m_lanes->currentData().toInt()));
    });
    connect(m_follow, &QToolButton::toggled, m_view, &TimelineView::setFollowLive);
    connect(m_view, &TimelineView::followLiveChanged, m_follow, [this](bool follow) {
        const QSignalBlocker blocker(m_follow);
        m_follow->setChecked(follow);
    });
    connect(m_fit, &QToolButton::clicked, m_view, &TimelineView::zoomToFit);
    connect(m_scrollBar, &QScrollBar::valueChanged, m_view, &TimelineView::setLaneScroll);
    connect(m_view, &TimelineView::laneScrollChanged, m_scrollBar, &QScrollBar::setValue);
    connect(m_view, &TimelineView::contentHeightChanged, this, &TimelinePanel::updateScrollBar);
    connect(m_view, &TimelineView::rangeChanged, this, &TimelinePanel::updateInfo);
    updateInfo();
}

void TimelinePanel::setData(TimelineData *data)
{
    if (m_data)
        disconnect(m_data, nullptr, this, nullptr);
    m_data = data;
    if (m_data) {
        // The grouping the user chose here applies to every engine shown.
        m_data->setGrouping(TimelineData::Grouping(m_lanes->currentData().toInt()));
        connect(m_data, &TimelineData::appended, this, &TimelinePanel::updateInfo);
        connect(m_data, &TimelineData::lanesChanged, this, &TimelinePanel::updateInfo);
    }
    m_view->setData(data);
    updateScrollBar();
    updateInfo();
}

void TimelinePanel::updateInfo()
{
    if (!m_data) {
        m_info->clear();
        return;
    }
    if (m_view->hasRange()) {
        const qint64 from = m_view->rangeStartNs();
        const qint64 to = m_view->rangeEndNs();
        const TimelineData::RangeCount count = m_data->countInRange(from, to);
        const qint64 length = to - from;
        m_info->setText(
            tr("Range of %1: %L2 activations started, %L3 markers")
                .arg(length < 1000 ? tr("%1 ns").arg(length) : EventText::duration(length))
                .arg(count.spans)
                .arg(count.instants));
        return;
    }
    QString text = tr("%L1 activations").arg(m_data->spanCount());
    if (m_data->droppedSpans() > 0) {
        text += QStringLiteral(" · ")
                + tr("the oldest %L1 dropped (limit %L2)")
                      .arg(m_data->droppedSpans())
                      .arg(m_data->capacity());
    }
    m_info->setText(text);
}

void TimelinePanel::updateScrollBar()
{
    const int page = m_view->plotRect().height();
    const QSignalBlocker blocker(m_scrollBar);
    m_scrollBar->setPageStep(page);
    m_scrollBar->setSingleStep(page / 10 + 1);
    m_scrollBar->setRange(0, std::max(0, m_view->contentHeight() - page));
    m_scrollBar->setValue(m_view->laneScroll());
}

} // namespace flowscope
