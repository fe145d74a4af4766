#include "eventlogview.h"

#include "eventlogmodel.h"
#include "eventtableview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowscope {

namespace {
constexpr int textFilterDelayMs = 200; // typing a word re-filters once, not per key

void fillNameCombo(QComboBox *combo, const QString &allText, const QStringList &names)
{
    const QString current = combo->currentIndex() > 0 ? combo->currentText() : QString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(allText);
    combo->addItems(names);
    const int index = current.isEmpty() ? 0 : combo->findText(current);
    combo->setCurrentIndex(std::max(0, index));
}
} // namespace

EventLogView::EventLogView(EventLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new EventTableView(this))
    , m_typeButton(new QToolButton(this))
    , m_typeMenu(new QMenu(this))
    , m_agent(new QComboBox(this))
    , m_routine(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_dropped(new QLabel(this))
    , m_textDelay(new QTimer(this))
{
    m_typeButton->setText(tr("Types"));
    m_typeButton->setToolTip(tr("Event types to show"));
    m_typeButton->setPopupMode(QToolButton::InstantPopup);
    m_typeButton->setMenu(m_typeMenu);
    m_typeMenu->addAction(tr("Show all types"), this, [this] { setAllTypes(true); });
    m_typeMenu->addAction(tr("Hide all types"), this, [this] { setAllTypes(false); });
    m_typeMenu->addSeparator();
    for (int t = 0; t < eventTypeCount; ++t) {
        QAction *action = m_typeMenu->addAction(EventText::type(EventType(t)));
        action->setCheckable(true);
        action->setChecked(true);
        action->setData(t);
        connect(action, &QAction::toggled, this, &EventLogView::applyFilter);
    }

    m_agent->setObjectName(QStringLiteral("agentFilter"));
    m_routine->setObjectName(QStringLiteral("routineFilter"));
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_agent->setToolTip(tr("Show only the events of this agent"));
    m_routine->setToolTip(tr("Show only the events of this routine"));
    m_text->setPlaceholderText(tr("Filter text…"));
    m_text->setClearButtonEnabled(true);
    updateNameChoices();

    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(textFilterDelayMs);
    connect(m_textDelay, &QTimer::timeout, this, &EventLogView::applyFilter);
    connect(m_text, &QLineEdit::textChanged, m_textDelay, qOverload<>(&QTimer::start));
    connect(m_agent, &QComboBox::currentIndexChanged, this, &EventLogView::applyFilter);
    connect(m_routine, &QComboBox::currentIndexChanged, this, &EventLogView::applyFilter);

    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setToolTip(tr("Forget the events shown so far"));
    connect(clear, &QPushButton::clicked, this, [this] { m_model->clear(); });

    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_typeButton);
    filterBar->addWidget(m_agent);
    filterBar->addWidget(m_routine);
    filterBar->addWidget(m_text, 1);
    filterBar->addWidget(m_count);
    filterBar->addWidget(clear);

    m_view->setObjectName(QStringLiteral("eventLog"));
    m_view->setModel(m_model);
    // Widths from sample texts, so ids and times fit in any font.
    const QFontMetrics metrics = m_view->fontMetrics();
    const char *samples[] = {"00000000",     "00:00:00.000", "routine_started", "00000000-00000000",
                             "routine_name", "slot_name",    "worker-00",       "000.0 ms"};
    for (int column = 0; column < int(std::size(samples)); ++column)
        m_view->header()->resizeSection(
            column, metrics.horizontalAdvance(QLatin1String(samples[column])) + 16);

    m_dropped->setObjectName(QStringLiteral("droppedNotice"));
    m_dropped->setWordWrap(true);
    m_dropped->setVisible(false);

    connectModel();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterBar);
    layout->addWidget(m_dropped);
    layout->addWidget(m_view, 1);
    updateCount();
    updateDroppedNotice();
}

void EventLogView::connectModel()
{
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EventLogView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &EventLogView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventLogView::updateCount);
    connect(m_model, &EventLogModel::filteringChanged, this, &EventLogView::updateCount);
    connect(m_model, &EventLogModel::oldestDropped, this, &EventLogView::updateDroppedNotice);
    connect(m_model, &EventLogModel::namesChanged, this, &EventLogView::updateNameChoices);
}

void EventLogView::setModel(EventLogModel *model)
{
    if (model == m_model)
        return;
    disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    connectModel();
    m_view->setModel(model);
    updateNameChoices();
    applyFilter();
    m_view->scrollToBottom();
    updateCount();
    updateDroppedNotice();
}

void EventLogView::applyFilter()
{
    m_textDelay->stop();
    EventLogFilter filter;
    filter.typeMask = 0;
    const QList<QAction *> actions = m_typeMenu->actions();
    for (const QAction *action : actions) {
        if (action->isCheckable() && action->isChecked())
            filter.typeMask |= eventTypeBit(EventType(action->data().toInt()));
    }
    if (m_agent->currentIndex() > 0)
        filter.agent = Symbol::intern(m_agent->currentText());
    if (m_routine->currentIndex() > 0)
        filter.routine = Symbol::intern(m_routine->currentText());
    filter.text = m_text->text().trimmed();
    m_model->setFilter(filter);
    m_typeButton->setText(filter.typeMask == allEventTypes ? tr("Types") : tr("Types (filtered)"));
}

void EventLogView::setAllTypes(bool checked)
{
    const QList<QAction *> actions = m_typeMenu->actions();
    for (QAction *action : actions) {
        if (action->isCheckable()) {
            const QSignalBlocker blocker(action);
            action->setChecked(checked);
        }
    }
    applyFilter();
}

void EventLogView::updateNameChoices()
{
    fillNameCombo(m_agent, tr("All agents"), m_model->agentNames());
    fillNameCombo(m_routine, tr("All routines"), m_model->routineNames());
}

void EventLogView::updateCount()
{
    if (m_model->isFiltering()) {
        m_count->setText(tr("Filtering %L1 events…").arg(m_model->storedCount()));
        return;
    }
    m_count->setText(tr("%L1 of %L2 events").arg(m_model->rowCount()).arg(m_model->storedCount()));
}

void EventLogView::updateDroppedNotice()
{
    const quint64 dropped = m_model->droppedCount();
    m_dropped->setVisible(dropped > 0);
    if (dropped > 0) {
        m_dropped->setText(tr("⚠ The oldest %L1 events were dropped: the log keeps at most %L2 "
                              "events of an engine.")
                               .arg(dropped)
                               .arg(m_model->capacity()));
    }
}

} // namespace flowscope
