#include "enginesview.h"

#include "enginelist.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QPainter>
#include <QPointer>

namespace flowscope {

namespace {
QIcon stateIcon(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(140));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(3, 3, 10, 10));
    return QIcon(pixmap);
}

QIcon iconFor(const EngineSession *session)
{
    switch (session->connectionState()) {
    case EngineClient::ConnectionState::Connected:
        return stateIcon(QColor(0x2e, 0xa0, 0x43));
    case EngineClient::ConnectionState::Connecting:
        return stateIcon(QColor(0xe0, 0xa0, 0x20));
    case EngineClient::ConnectionState::Disconnected:
        break;
    }
    return stateIcon(session->lastError().isEmpty() ? QColor(0x9a, 0x9a, 0x9a)
                                                    : QColor(0xc0, 0x30, 0x30));
}
} // namespace

EnginesView::EnginesView(EngineList *engines, QWidget *parent)
    : QTreeWidget(parent)
    , m_engines(engines)
{
    setObjectName(QStringLiteral("enginesTree"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Engine"), tr("State"), tr("Events/s"), tr("Jobs")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setContextMenuPolicy(Qt::CustomContextMenu);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = StateColumn; column < ColumnCount; ++column)
        header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    const QVector<EngineSession *> sessions = engines->sessions();
    for (EngineSession *session : sessions)
        addSession(session);
    setCurrentItem(itemOf(engines->current()));

    connect(engines, &EngineList::sessionAdded, this, &EnginesView::addSession);
    connect(engines, &EngineList::sessionAboutToBeRemoved, this, &EnginesView::removeSession);
    connect(engines, &EngineList::currentChanged, this, [this](EngineSession *session) {
        if (QTreeWidgetItem *item = itemOf(session))
            setCurrentItem(item);
    });
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (EngineSession *session = sessionAt(item))
            m_engines->setCurrent(session);
    });
    connect(this, &QWidget::customContextMenuRequested, this, &EnginesView::showContextMenu);
}

QTreeWidgetItem *EnginesView::itemOf(const EngineSession *session) const
{
    return m_items.value(session);
}

EngineSession *EnginesView::sessionAt(const QTreeWidgetItem *item) const
{
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (it.value() == item)
            return const_cast<EngineSession *>(it.key());
    }
    return nullptr;
}

QString EnginesView::stateText(const EngineSession *session)
{
    switch (session->connectionState()) {
    case EngineClient::ConnectionState::Connected:
        return tr("Connected");
    case EngineClient::ConnectionState::Connecting:
        return tr("Connecting…");
    case EngineClient::ConnectionState::Disconnected:
        break;
    }
    return session->isOpen() ? tr("Lost") : tr("Disconnected");
}

void EnginesView::addSession(EngineSession *session)
{
    auto *item = new QTreeWidgetItem(this);
    item->setTextAlignment(RateColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setTextAlignment(JobsColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_items.insert(session, item);
    connect(session, &EngineSession::changed, this, &EnginesView::refresh);
    refresh(session);
}

void EnginesView::removeSession(EngineSession *session)
{
    disconnect(session, nullptr, this, nullptr);
    delete m_items.take(session);
}

void EnginesView::refresh(EngineSession *session)
{
    QTreeWidgetItem *item = itemOf(session);
    if (!item)
        return;
    item->setText(NameColumn, session->name());
    // The state icon beside the name, so even a narrow dock shows it.
    item->setIcon(NameColumn, iconFor(session));
    const QString where = session->isLocal() ? tr("The engine running in this process")
                                             : session->profile().url.toDisplayString();
    const QString error = session->lastError();
    item->setToolTip(NameColumn, error.isEmpty() ? where : where + QLatin1Char('\n') + error);
    item->setText(StateColumn, stateText(session));
    item->setToolTip(StateColumn, error);
    item->setText(RateColumn, QLocale().toString(qRound64(session->eventsPerSecond())));
    item->setText(JobsColumn, QLocale().toString(session->jobCount()));
}

QList<QAction *> EnginesView::actionsFor(EngineSession *session, QObject *parent)
{
    const bool remote = !session->isLocal();
    // The menu may outlive the engine (removed meanwhile): then its actions do nothing.
    const QPointer<EngineSession> guarded(session);
    auto *connectAction = new QAction(tr("&Connect"), parent);
    connectAction->setEnabled(remote && !session->isOpen());
    connect(connectAction, &QAction::triggered, this,
            [this, guarded] { m_engines->connectSession(guarded); });
    auto *disconnectAction = new QAction(tr("&Disconnect"), parent);
    disconnectAction->setEnabled(remote && session->isOpen());
    connect(disconnectAction, &QAction::triggered, this,
            [this, guarded] { m_engines->disconnectSession(guarded); });
    auto *editAction = new QAction(tr("&Edit Profile…"), parent);
    editAction->setEnabled(remote);
    connect(editAction, &QAction::triggered, this, [this, guarded] {
        if (guarded)
            Q_EMIT editRequested(guarded);
    });
    auto *removeAction = new QAction(tr("&Remove"), parent);
    removeAction->setEnabled(remote);
    connect(removeAction, &QAction::triggered, this, [this, guarded] {
        if (guarded)
            Q_EMIT removeRequested(guarded);
    });
    return {connectAction, disconnectAction, editAction, removeAction};
}

void EnginesView::showContextMenu(const QPoint &pos)
{
    EngineSession *session = sessionAt(itemAt(pos));
    if (!session)
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("engineMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QList<QAction *> actions = actionsFor(session, menu);
    menu->addActions(actions.mid(0, 2));
    menu->addSeparator();
    menu->addActions(actions.mid(2));
    // popup(), not exec(): the console keeps updating while the menu is open.
    menu->popup(viewport()->mapToGlobal(pos));
}

} // namespace flowscope
