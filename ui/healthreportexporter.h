#pragma once

#include "client/engineclient.h"
#include "report/healthreport.h"
#include "report/reportformat.h"

#include <QHash>
#include <QObject>

namespace flowscope {

class AgentHealthModel;
class AlertLogModel;
class JobTableModel;

// Assembles a health report from what the console already holds (agents' health, alerts, jobs)
// plus the engine's metrics for the whole run, asked for asynchronously, and writes it.
class HealthReportExporter : public QObject
{
    Q_OBJECT
public:
    HealthReportExporter(EngineClient *client, const AgentHealthModel *health,
                         const AlertLogModel *alerts, const JobTableModel *jobs,
                         QObject *parent = nullptr);

    // Another engine's models and client; an export still waiting for metrics is abandoned.
    void setSources(EngineClient *client, const AgentHealthModel *health,
                    const AlertLogModel *alerts, const JobTableModel *jobs);

    // Answers with finished(); the file is replaced atomically or left alone.
    void exportTo(const QString &path, ReportFormat format);

    HealthReport buildReport(const MetricsSummary &engine,
                             const QVector<MetricsSummary> &routines) const;

    // The format a save dialog's choice means: the file's suffix if it names one, else the
    // chosen filter. *path gets the filter's suffix when it had none.
    static bool formatFor(QString *path, const QString &nameFilter, ReportFormat *format);
    static QStringList nameFilters();

Q_SIGNALS:
    void finished(const QString &path, bool ok, const QString &error);

private:
    void abandonPending(const QString &reason);
    void write(int requestId, const MetricsSummary &summary,
               const QVector<MetricsSummary> &routines);

    struct Pending
    {
        QString path;
        ReportFormat format;
    };

    EngineClient *m_client;
    const AgentHealthModel *m_health;
    const AlertLogModel *m_alerts;
    const JobTableModel *m_jobs;
    QHash<int, Pending> m_pending;
};

} // namespace flowscope
