#include "healthreportsource.h"

#include "metrics/metricsquery.h"
#include "runtime/engine.h"

#include <QDateTime>
#include <QSysInfo>

namespace flowscope {

HealthReport healthReportFromEngine(Engine &engine)
{
    constexpr int reportAlerts = 100;
    HealthReport report;
    const QString host = QSysInfo::machineHostName();
    report.title = host.isEmpty() ? QStringLiteral("Flowscope engine")
                                  : QStringLiteral("Flowscope engine on %1").arg(host);
    report.generatedMs = QDateTime::currentMSecsSinceEpoch();
    report.engineStartedMs = engine.startedMs();
    const HealthPolicy policy = engine.healthPolicy();
    report.heartbeatIntervalMs = policy.intervalMs;
    report.failedAfterMs = policy.failedAfterMs();
    report.agents = engine.agentHealth();
    report.alerts = engine.alerts(reportAlerts);
    const MetricsAnswer metrics
        = queryMetrics(engine.metrics(), engine.journal(), MetricScope::Engine, QString(), 0, 0, 0);
    report.engine = metrics.summary;
    report.routines = metrics.routines;
    for (const JobInfo &job : engine.jobs())
        report.jobsByStatus[jobStatusName(job.status)] += 1;
    report.update();
    return report;
}

} // namespace flowscope
