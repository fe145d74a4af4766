#include "healthcontroller.h"

#include "agenthealthmodel.h"
#include "alertlogmodel.h"
#include "checkpointsdialog.h"
#include "docks.h"
#include "enginesession.h"
#include "exportnotice.h"
#include "healthbardelegate.h"
#include "healthreportexporter.h"
#include "interruptedjobswidget.h"
#include "metricsdock.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QMainWindow>
#include <QSystemTrayIcon>
#include <QTreeView>

namespace flowscope {

HealthController::HealthController(EngineSession *session, QObject *parent)
    : QObject(parent)
    , m_client(session->client())
    , m_healthModel(session->healthModel())
    , m_alertModel(session->alertModel())
    , m_exporter(new HealthReportExporter(m_client, m_healthModel, m_alertModel,
                                          session->jobModel(), this))
    , m_session(session)
{
    connect(m_exporter, &HealthReportExporter::finished, this, &HealthController::exportFinished);
}

void HealthController::setSession(EngineSession *session)
{
    m_session = session;
    m_client = session->client();
    m_healthModel = session->healthModel();
    m_alertModel = session->alertModel();
    m_exporter->setSources(m_client, m_healthModel, m_alertModel, session->jobModel());
    if (m_healthView)
        m_healthView->setModel(m_healthModel);
    if (m_alertView)
        m_alertView->setModel(m_alertModel);
    if (m_metrics)
        m_metrics->setClient(m_client, session->flows());
    if (m_interrupted)
        m_interrupted->setClient(m_client);
}

MetricsDock *HealthController::metricsDock()
{
    if (!m_metrics && m_metricsDock) {
        m_metrics = new MetricsDock(m_client, m_metricsDock);
        m_metrics->setClient(m_client, m_session->flows());
        m_metricsDock->setWidget(m_metrics);
    }
    return m_metrics;
}

QWidget *HealthController::createAgentHealthView(QWidget *parent)
{
    auto *view = new QTreeView(parent);
    m_healthView = view;
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
    m_alertView = alertView;
    alertView->setObjectName(QStringLiteral("alertTable"));
    alertView->setModel(m_alertModel);
    alertView->setRootIsDecorated(false);
    alertView->setUniformRowHeights(true);
    alertView->setColumnWidth(AlertLogModel::TimeColumn, 100);
    alertView->setColumnWidth(AlertLogModel::LevelColumn, 90);
    alertView->setColumnWidth(AlertLogModel::AgentColumn, 110);

    const auto addDock = [window](const QString &title, const char *name, QWidget *widget,
                                  Qt::DockWidgetArea area) {
        return Docks::add(window, title, QLatin1String(name), widget, area);
    };
    QDockWidget *alerts = addDock(tr("Alerts"), "alertsDock", alertView, Qt::BottomDockWidgetArea);
    // Empty until it is first shown: most starts never look at the charts.
    QDockWidget *metrics = addDock(tr("Metrics"), "metricsDock", nullptr, Qt::BottomDockWidgetArea);
    m_metricsDock = metrics;
    connect(metrics, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            metricsDock();
    });
    m_interrupted = new InterruptedJobsWidget(m_client, window);
    QDockWidget *interrupted = addDock(tr("Interrupted Jobs"), "interruptedJobsDock", m_interrupted,
                                       Qt::RightDockWidgetArea);
    // Beside what is already there, as tabs: the central job table keeps its room.
    if (auto *events = window->findChild<QDockWidget *>(QStringLiteral("eventLogDock"))) {
        window->tabifyDockWidget(events, alerts);
        window->tabifyDockWidget(alerts, metrics);
        events->raise();
    }
    if (auto *agents = window->findChild<QDockWidget *>(QStringLiteral("agentsDock"))) {
        window->tabifyDockWidget(agents, interrupted);
        // The flow graph stays in front, as it was before these tabs joined it.
        auto *graph = window->findChild<QDockWidget *>(QStringLiteral("flowGraphDock"));
        (graph ? graph : agents)->raise();
    }
}

void HealthController::applyUpdate(const ClientUpdate &update)
{
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

void HealthController::exportReport(QWidget *parent)
{
    m_dialogParent = parent;
    auto *dialog = new QFileDialog(parent, tr("Export Health Report"), QDir::homePath());
    dialog->setObjectName(QStringLiteral("exportReportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters(HealthReportExporter::nameFilters());
    dialog->selectFile(QStringLiteral("health-report.md"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString &file) {
        QString path = file;
        ReportFormat format = ReportFormat::Markdown;
        if (!HealthReportExporter::formatFor(&path, dialog->selectedNameFilter(), &format))
            format = ReportFormat::Markdown;
        Q_EMIT statusMessage(tr("Exporting health report to %1…").arg(path));
        m_exporter->exportTo(path, format);
    });
    dialog->open();
}

void HealthController::exportFinished(const QString &path, bool ok, const QString &error)
{
    Q_EMIT statusMessage(
        ExportNotice::tell(ok, tr("Health report written to %1").arg(path),
                           tr("Could not write the health report to %1: %2").arg(path, error),
                           tr("Export Health Report"), m_dialogParent));
}

CheckpointsDialog *HealthController::showCheckpoints(JobId job, QWidget *parent)
{
    const QList<CheckpointsDialog *> open = parent->findChildren<CheckpointsDialog *>();
    for (CheckpointsDialog *dialog : open) {
        if (dialog->job() == job && dialog->client() == m_client) {
            dialog->refresh();
            dialog->raise();
            dialog->activateWindow();
            return dialog;
        }
    }
    auto *dialog = new CheckpointsDialog(m_client, job, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog talks to its engine's client: it goes when that client does.
    connect(m_client, &QObject::destroyed, dialog, &QWidget::close);
    dialog->show();
    return dialog;
}

} // namespace flowscope
