#include "breakpointcontroller.h"

#include "breakpointmodel.h"
#include "breakpointstore.h"
#include "flowgraphscene.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QTableView>
#include <QTimer>

#include <limits>
#include <memory>

namespace flowscope {

namespace {
constexpr int refreshDelayMs = 200;
} // namespace

BreakpointController::BreakpointController(EngineClient *client, FlowGraphScene *scene,
                                           QWidget *parentWidget)
    : QObject(parentWidget)
    , m_client(client)
    , m_scene(scene)
    , m_parentWidget(parentWidget)
    , m_model(new BreakpointModel(this))
    , m_view(new QTableView(parentWidget))
    , m_refreshTimer(new QTimer(this))
{
    m_view->setObjectName(QStringLiteral("breakpointTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(BreakpointModel::LocationColumn, 220);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &BreakpointController::showTableMenu);
    m_deleteAction = new QAction(tr("Delete Breakpoint"), m_view);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_deleteAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            remove(m_model->breakpointAt(current.row()).id);
    });
    m_view->addAction(m_deleteAction);

    // Hits arrive in bursts; one refresh per burst keeps the engine and the table calm.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(refreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        ++m_outstanding;
        m_client->refreshBreakpoints();
    });

    connect(m_model, &BreakpointModel::enabledChangeRequested, this,
            [this](const QString &id, bool enabled) {
                ++m_outstanding;
                m_client->setBreakpointEnabled(id, enabled);
            });
    connect(m_client, &EngineClient::breakpointsChanged, this,
            &BreakpointController::setBreakpoints);
    connect(m_scene, &FlowGraphScene::markerClicked, this, &BreakpointController::toggle);
    connect(m_scene, &FlowGraphScene::contextMenuRequested, this, &BreakpointController::showMenu);
    ++m_outstanding;
    m_client->refreshBreakpoints();
}

const QVector<Breakpoint> &BreakpointController::breakpointList() const
{
    return m_model->breakpoints();
}

void BreakpointController::setClient(EngineClient *client, const QVector<FlowDefinition> &flows,
                                     bool keepBreakpoints)
{
    disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    connect(m_client, &EngineClient::breakpointsChanged, this,
            &BreakpointController::setBreakpoints);
    m_keepBreakpoints = keepBreakpoints;
    m_refreshTimer->stop();
    m_toRestore.clear();
    m_flows.clear();
    m_stored.clear();
    for (const FlowDefinition &flow : flows) {
        m_flows.insert(flow.flowId, flow);
        if (keepBreakpoints)
            m_stored.insert(flow.flowId, BreakpointStore::toJson(BreakpointStore::load(flow)));
    }
    m_model->setBreakpoints({});
    m_scene->setBreakpoints({});
    m_outstanding = 1;
    m_client->refreshBreakpoints();
}

void BreakpointController::setFlows(const QVector<FlowDefinition> &flows)
{
    for (const FlowDefinition &flow : flows) {
        const bool known = m_flows.contains(flow.flowId);
        m_flows.insert(flow.flowId, flow);
        if (m_keepBreakpoints && (!known || m_toRestore.remove(flow.flowId)))
            restore(flow);
    }
}

void BreakpointController::flowAdded(const QString &flowId)
{
    m_toRestore.insert(flowId);
}

void BreakpointController::restore(const FlowDefinition &flow)
{
    const QVector<Breakpoint> saved = BreakpointStore::load(flow);
    m_stored.insert(flow.flowId, BreakpointStore::toJson(saved));
    for (const Breakpoint &bp : saved) {
        if (!find(flow.flowId, bp.routine, bp.kind, bp.port))
            add(bp);
    }
}

std::optional<Breakpoint> BreakpointController::find(const QString &flowId, const QString &routine,
                                                     Breakpoint::Kind kind,
                                                     const QString &port) const
{
    for (const Breakpoint &bp : m_model->breakpoints()) {
        if (bp.job.isNull() && bp.flowId == flowId && bp.routine == routine && bp.kind == kind
            && (kind == Breakpoint::Kind::Routine || bp.port == port))
            return bp;
    }
    return std::nullopt;
}

QVector<Breakpoint> BreakpointController::flowBreakpoints(const QString &flowId) const
{
    QVector<Breakpoint> result;
    for (const Breakpoint &bp : m_model->breakpoints()) {
        if (bp.job.isNull() && bp.flowId == flowId)
            result.append(bp);
    }
    return result;
}

void BreakpointController::toggle(const QString &routine, Breakpoint::Kind kind,
                                  const QString &port)
{
    const QString flowId = m_scene->flowId();
    if (flowId.isEmpty() || routine.isEmpty())
        return;
    if (const auto existing = find(flowId, routine, kind, port)) {
        remove(existing->id);
        return;
    }
    Breakpoint bp;
    bp.flowId = flowId;
    bp.routine = routine;
    bp.kind = kind;
    bp.port = kind == Breakpoint::Kind::Routine ? QString() : port;
    add(bp);
}

void BreakpointController::add(const Breakpoint &breakpoint)
{
    ++m_outstanding;
    m_client->addBreakpoint(breakpoint);
}

void BreakpointController::remove(const QString &id)
{
    ++m_outstanding;
    m_client->removeBreakpoint(id);
}

void BreakpointController::applyEvents(const QVector<Event> &events)
{
    for (const Event &e : events) {
        const bool relevant = e.type == EventType::BreakpointHit
                              || (e.type == EventType::Log
                                  && e.payload.toMap().contains(QStringLiteral("breakpoint_id")));
        if (relevant) {
            if (!m_refreshTimer->isActive())
                m_refreshTimer->start();
            return;
        }
    }
}

void BreakpointController::setBreakpoints(const QVector<Breakpoint> &breakpoints)
{
    m_outstanding = std::max(0, m_outstanding - 1);
    m_model->setBreakpoints(breakpoints);
    m_scene->setBreakpoints(breakpoints);
    if (m_outstanding == 0 && m_keepBreakpoints)
        saveChanged();
}

void BreakpointController::saveChanged()
{
    // Only once every request is answered: a half-restored list must not overwrite the file.
    for (auto it = m_stored.begin(); it != m_stored.end(); ++it) {
        const auto flow = m_flows.constFind(it.key());
        if (flow == m_flows.cend())
            continue;
        const QVector<Breakpoint> current = flowBreakpoints(it.key());
        const QByteArray json = BreakpointStore::toJson(current);
        if (json == it.value())
            continue;
        if (BreakpointStore::save(*flow, current))
            it.value() = json;
        else
            Q_EMIT statusMessage(tr("Could not save the breakpoints of %1").arg(it.key()));
    }
}

void BreakpointController::showMenu(const QString &routine, Breakpoint::Kind kind,
                                    const QString &port, const QPoint &screenPos)
{
    // popup(), not exec(): the console keeps updating while the menu is open.
    auto *menu = new QMenu(m_parentWidget);
    menu->setObjectName(QStringLiteral("breakpointMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto bp = find(m_scene->flowId(), routine, kind, port)) {
        addMenuActions(menu, *bp);
    } else {
        menu->addAction(tr("Add Breakpoint"), this,
                        [this, routine, kind, port] { toggle(routine, kind, port); });
    }
    menu->popup(screenPos);
}

void BreakpointController::showTableMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    auto *menu = new QMenu(m_view);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    m_view->setCurrentIndex(index); // what the Delete entry acts on
    addMenuActions(menu, m_model->breakpointAt(index.row()), m_deleteAction);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void BreakpointController::addMenuActions(QMenu *menu, const Breakpoint &bp, QAction *deleteAction)
{
    menu->addAction(tr("Edit Condition…"), this, [this, bp] { edit(bp, Field::Condition); });
    menu->addAction(tr("Hit Condition…"), this, [this, bp] { edit(bp, Field::HitCondition); });
    menu->addAction(tr("Log Message…"), this, [this, bp] { edit(bp, Field::LogMessage); });
    menu->addSeparator();
    menu->addAction(bp.enabled ? tr("Disable") : tr("Enable"), this, [this, bp] {
        ++m_outstanding;
        m_client->setBreakpointEnabled(bp.id, !bp.enabled);
    });
    if (deleteAction)
        menu->addAction(deleteAction);
    else
        menu->addAction(tr("Delete"), this, [this, bp] { remove(bp.id); });
}

void BreakpointController::edit(const Breakpoint &bp, Field field)
{
    // Non-modal, like every dialog of the console.
    auto *dialog = new QInputDialog(m_parentWidget);
    dialog->setObjectName(QStringLiteral("breakpointEditor"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(BreakpointModel::locationText(bp));
    switch (field) {
    case Field::Condition:
        dialog->setLabelText(tr("Stop only when this JavaScript is true (data, vars, job):"));
        dialog->setTextValue(bp.condition);
        break;
    case Field::HitCondition:
        dialog->setLabelText(tr("Act on these hits (\"== 3\", \">= 3\", \"% 3\"; empty: all):"));
        dialog->setTextValue(bp.hitCondition);
        break;
    case Field::LogMessage:
        dialog->setLabelText(tr("Log this instead of stopping ({expression} parts are "
                                "evaluated; empty: stop):"));
        dialog->setTextValue(bp.logMessage);
        break;
    }
    connect(dialog, &QInputDialog::textValueSelected, this, [this, bp, field](const QString &text) {
        Breakpoint updated = bp;
        const QString value = text.trimmed();
        if (field == Field::Condition)
            updated.condition = value;
        else if (field == Field::HitCondition)
            updated.hitCondition = value;
        else
            updated.logMessage = value;
        replace(bp, updated);
    });
    dialog->show();
}

void BreakpointController::replace(const Breakpoint &old, const Breakpoint &updated)
{
    // The client has no update request. Adding first keeps the old one if the new one is
    // refused (a condition that does not compile); the refusal shows in the status bar.
    Breakpoint fresh = updated;
    fresh.id.clear();
    // Answers come in request order: the ones still owed come first, then ours.
    auto skip = std::make_shared<int>(m_outstanding);
    add(fresh);
    const QString oldId = old.id;
    auto *guard = new QObject(this);
    connect(m_client, &EngineClient::breakpointsChanged, guard,
            [this, guard, skip, oldId, fresh](const QVector<Breakpoint> &all) {
                if ((*skip)-- > 0)
                    return;
                int matches = 0;
                for (const Breakpoint &bp : all) {
                    matches += bp.job.isNull() && bp.flowId == fresh.flowId
                               && bp.routine == fresh.routine && bp.kind == fresh.kind
                               && bp.port == fresh.port;
                }
                if (matches > 1)
                    remove(oldId);
                *skip = std::numeric_limits<int>::max(); // done; more may come before deletion
                guard->deleteLater();
            });
}

} // namespace flowscope
