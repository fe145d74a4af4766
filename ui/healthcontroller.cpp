#include "healthcontroller.h"

#include "agenthealthmodel.h"
#include "alertlogmodel.h"
#include "healthbardelegate.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QSystemTrayIcon>
#include <QTreeView>

namespace flowscope {

HealthController::HealthController(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_healthModel(new AgentHealthModel(this))
    , m_alertModel(new AlertLogModel(AlertLogModel::defaultCapacity, this))
{}

QWidget *HealthController::createAgentHealthView(QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(QStringLiteral("agentHealthTable"));
    view->setModel(m_healthModel);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setItemDelegate(new HealthBarDelegate(view));
    view->setColumnWidth(AgentHealthModel::NameColumn, 110);
    view->setColumnWidth(AgentHealthModel::BarColumn, 110);
    view->setColumnWidth(AgentHealthModel::AgeColumn, 60);
    view->setColumnWidth(AgentHealthModel::StateColumn, 70);
    view->setColumnWidth(AgentHealthModel::TasksColumn, 100);
    view->setColumnWidth(AgentHealthModel::DiagnosisColumn, 180);
    return view;
}

void HealthController::addDocks(QMainWindow *window)
{
    auto *alertView = new QTreeView(window);
    alertView->setObjectName(QStringLiteral("alertTable"));
    alertView->setModel(m_alertModel);
    alertView->setRootIsDecorated(false);
    alertView->setUniformRowHeights(true);
    alertView->setColumnWidth(AlertLogModel::TimeColumn, 100);
    alertView->setColumnWidth(AlertLogModel::LevelColumn, 90);
    alertView->setColumnWidth(AlertLogModel::AgentColumn, 110);

    auto *alerts = new QDockWidget(tr("Alerts"), window);
    alerts->setObjectName(QStringLiteral("alertsDock"));
    alerts->setWidget(alertView);
    window->addDockWidget(Qt::BottomDockWidgetArea, alerts);
}

void HealthController::applyUpdate(const ClientUpdate &update)
{
    m_healthModel->applyUpdate(update);
    m_alertModel->appendAlerts(update.alerts);
    notify(update.alerts);
}

void HealthController::notify(const QVector<Alert> &alerts)
{
    // The newest worth telling wins the status bar; critical ones also reach the tray. Never a
    // modal box: alerts come in bursts while the user is busy elsewhere.
    const Alert *latest = nullptr;
    const Alert *latestCritical = nullptr;
    for (const Alert &alert : alerts) {
        if (alert.level == AlertLevel::Info)
            continue;
        latest = &alert;
        if (alert.level == AlertLevel::Critical)
            latestCritical = &alert;
    }
    if (latest)
        Q_EMIT statusMessage(
            tr("%1: %2").arg(AlertLogModel::levelText(latest->level), latest->message));
    if (!latestCritical || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/flowscope.svg")), this);
        m_tray->setToolTip(tr("Flowscope"));
        m_tray->show();
    }
    m_tray->showMessage(tr("Agent %1").arg(latestCritical->agent), latestCritical->message,
                        QSystemTrayIcon::Critical);
}

} // namespace flowscope
