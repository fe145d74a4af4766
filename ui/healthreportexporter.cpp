#include "healthreportexporter.h"

#include "agenthealthmodel.h"
#include "alertlogmodel.h"
#include "jobtablemodel.h"
#include "report/reportwriter.h"
#include "requestid.h"

#include <QDateTime>
#include <QFileInfo>

#include <utility>

namespace flowscope {

HealthReportExporter::HealthReportExporter(EngineClient *client, const AgentHealthModel *health,
                                           const AlertLogModel *alerts, const JobTableModel *jobs,
                                           QObject *parent)
    : QObject(parent)
    , m_client(nullptr)
{
    setSources(client, health, alerts, jobs);
}

void HealthReportExporter::setSources(EngineClient *client, const AgentHealthModel *health,
                                      const AlertLogModel *alerts, const JobTableModel *jobs)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    m_health = health;
    m_alerts = alerts;
    m_jobs = jobs;
    // Their answers would come from the old client, which no longer speaks to us.
    abandonPending(tr("the engine was switched before its metrics arrived"));
    connect(
        m_client, &EngineClient::metricsReceived, this,
        [this](int requestId, const MetricsSummary &summary, const QVector<MetricsPoint> &,
               const QVector<MetricsSummary> &routines) { write(requestId, summary, routines); });
    // A lost engine will not answer: say so rather than leave the export waiting.
    connect(m_client, &EngineClient::connectionStateChanged, this,
            [this](EngineClient::ConnectionState state) {
                if (state == EngineClient::ConnectionState::Disconnected)
                    abandonPending(tr("the connection to the engine was lost"));
            });
}

void HealthReportExporter::abandonPending(const QString &reason)
{
    const QHash<int, Pending> abandoned = std::exchange(m_pending, {});
    for (const Pending &pending : abandoned)
        Q_EMIT finished(pending.path, false, reason);
}

QStringList HealthReportExporter::nameFilters()
{
    return {tr("Markdown (*.md)"), tr("JSON (*.json)"), tr("HTML (*.html *.htm)"),
            tr("PDF (*.pdf)")};
}

bool HealthReportExporter::formatFor(QString *path, const QString &nameFilter, ReportFormat *format)
{
    const QString suffix = QFileInfo(*path).suffix();
    if (!suffix.isEmpty() && reportFormatFromName(suffix, format))
        return true;
    const QStringList filters = nameFilters();
    static const ReportFormat byFilter[]
        = {ReportFormat::Markdown, ReportFormat::Json, ReportFormat::Html, ReportFormat::Pdf};
    const int index = int(filters.indexOf(nameFilter));
    if (index < 0)
        return false;
    *format = byFilter[index];
    path->append(QLatin1Char('.') + reportFileSuffix(*format));
    return true;
}

void HealthReportExporter::exportTo(const QString &path, ReportFormat format)
{
    if (m_client->connectionState() == EngineClient::ConnectionState::Disconnected) {
        Q_EMIT finished(path, false,
                        tr("the console is not connected to %1").arg(m_client->displayName()));
        return;
    }
    const int requestId = nextRequestId();
    m_pending.insert(requestId, Pending{path, format});
    // fromMs = toMs = 0: the whole run, without a series.
    m_client->requestMetrics(requestId, MetricScope::Engine, QString(), 0, 0, 0);
}

HealthReport HealthReportExporter::buildReport(const MetricsSummary &engine,
                                               const QVector<MetricsSummary> &routines) const
{
    HealthReport report;
    report.title = m_client->displayName();
    report.generatedMs = QDateTime::currentMSecsSinceEpoch();
    report.engineStartedMs = m_health->engineStartedMs();
    report.heartbeatIntervalMs = m_health->policy().intervalMs;
    report.failedAfterMs = m_health->policy().failedAfterMs();
    report.agents = m_health->health();
    // The snapshot's ages are stale by now; the report states them as of its own time.
    for (AgentHealth &agent : report.agents) {
        if (agent.lastBeatMs > 0)
            agent.beatAgeMs = std::max<qint64>(0, report.generatedMs - agent.lastBeatMs);
    }
    report.alerts = m_alerts->alerts();
    report.engine = engine;
    report.routines = routines;
    if (m_jobs) {
        for (int row = 0; row < m_jobs->rowCount(); ++row)
            report.jobsByStatus[jobStatusName(m_jobs->jobAt(row).status)] += 1;
    }
    report.update();
    return report;
}

void HealthReportExporter::write(int requestId, const MetricsSummary &summary,
                                 const QVector<MetricsSummary> &routines)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.cend())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    QString error;
    const bool ok
        = ReportWriter::write(buildReport(summary, routines), pending.format, pending.path, &error);
    Q_EMIT finished(pending.path, ok, error);
}

} // namespace flowscope
