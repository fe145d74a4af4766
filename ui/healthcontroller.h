#pragma once

#include "client/engineclient.h"

#include <QObject>

class QDockWidget;
class QMainWindow;
class QSystemTrayIcon;
class QTreeView;
class QWidget;

namespace flowscope {

class AgentHealthModel;
class AlertLogModel;
class CheckpointsDialog;
class HealthReportExporter;
class InterruptedJobsWidget;
class EngineSession;
class JobTableModel;
class MetricsDock;

// The console's health side: the agents' health table, the alert log and the notifications
// alerts raise, metrics, interrupted jobs, checkpoints and the health report. Everything arrives
// through the client's signals; nothing here waits.
class HealthController : public QObject
{
    Q_OBJECT
public:
    explicit HealthController(EngineSession *session, QObject *parent = nullptr);

    // Another engine: its models in the views, its client for metrics, checkpoints and reports.
    void setSession(EngineSession *session);

    // The agents' health table, for the Agents dock.
    QWidget *createAgentHealthView(QWidget *parent);
    // Alerts, metrics and interrupted jobs.
    void addDocks(QMainWindow *window);
    // Raises notifications for the update's alerts (the session's models hold the rest).
    void applyUpdate(const ClientUpdate &update);

    // Non-modal: a save dialog, then the export; the result goes to the status bar.
    void exportReport(QWidget *parent);
    // Non-modal; one dialog per job, raised when asked again.
    CheckpointsDialog *showCheckpoints(JobId job, QWidget *parent);

    AgentHealthModel *healthModel() const { return m_healthModel; }
    AlertLogModel *alertModel() const { return m_alertModel; }
    HealthReportExporter *exporter() const { return m_exporter; }
    // Made when its dock is first shown (charts cost a good part of a start), or when asked.
    MetricsDock *metricsDock();
    InterruptedJobsWidget *interruptedJobs() const { return m_interrupted; }

Q_SIGNALS:
    // For the status bar: warning and critical alerts, export results.
    void statusMessage(const QString &message);

private:
    void notify(const QVector<Alert> &alerts);
    void exportFinished(const QString &path, bool ok, const QString &error);

    EngineClient *m_client;
    AgentHealthModel *m_healthModel;
    AlertLogModel *m_alertModel;
    HealthReportExporter *m_exporter;
    QTreeView *m_healthView = nullptr;
    QTreeView *m_alertView = nullptr;
    EngineSession *m_session;
    QDockWidget *m_metricsDock = nullptr;
    MetricsDock *m_metrics = nullptr;
    InterruptedJobsWidget *m_interrupted = nullptr;
    QWidget *m_dialogParent = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace flowscope
