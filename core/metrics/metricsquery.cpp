#include "metrics/metricsquery.h"

#include "journal/journal.h"
#include "metrics/metricscollector.h"

#include <QDateTime>

namespace flowscope {

namespace {

QVector<MetricsSummary> routinesOf(const MetricsCollector &collector, MetricScope scope,
                                   const QString &key)
{
    if (scope == MetricScope::Job) {
        bool ok = false;
        const JobId job = JobId::fromString(key, &ok);
        return ok ? collector.jobRoutines(job) : QVector<MetricsSummary>();
    }
    QVector<MetricsSummary> list;
    if (scope != MetricScope::Engine && scope != MetricScope::Flow)
        return list;
    const QString prefix = key + QLatin1Char('/');
    for (const QString &routine : collector.keys(MetricScope::Routine)) {
        if (scope == MetricScope::Engine || routine.startsWith(prefix))
            list.push_back(collector.summary(MetricScope::Routine, routine));
    }
    return list;
}

} // namespace

MetricsAnswer queryMetrics(const MetricsCollector &collector, const Journal *journal,
                           MetricScope scope, const QString &key, qint64 fromMs, qint64 toMs,
                           int stepMs)
{
    MetricsAnswer answer;
    answer.summary = collector.summary(scope, key, &answer.found);
    answer.routines = routinesOf(collector, scope, key);
    if (fromMs == 0 && toMs == 0)
        return answer;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (toMs <= 0)
        toMs = now;
    const qint64 memoryFrom = now - qint64(MetricsCollector::Config().seriesSeconds) * 1000;
    const bool ranged = scope == MetricScope::Engine || scope == MetricScope::Flow
                        || scope == MetricScope::Routine;
    if (ranged && fromMs >= memoryFrom) {
        answer.summary = collector.summary(scope, key, fromMs, toMs);
        answer.series = collector.series(scope, key, fromMs, toMs, std::max(1000, stepMs));
    } else if (journal && scope != MetricScope::Job) {
        const std::vector<MetricsRollup> rollups = journal->rollups(scope, key, fromMs, toMs);
        answer.summary = MetricsCollector::mergeRollups(scope, key, rollups);
        answer.found = answer.found || !rollups.empty();
        for (const MetricsRollup &r : rollups) {
            const MetricsSummary one = MetricsCollector::mergeRollups(scope, key, {r});
            MetricsPoint point;
            point.startMs = r.startMs;
            point.spanMs = r.spanMs;
            point.activations = one.activations;
            point.errors = one.errors;
            point.throughputPerS = r.spanMs > 0 ? double(one.activations) * 1000.0 / r.spanMs : 0;
            point.p50Ms = one.durations.medianMs;
            point.p95Ms = one.durations.p95Ms;
            point.p99Ms = one.durations.p99Ms;
            point.maxMs = one.durations.maxMs;
            answer.series.push_back(point);
        }
    }
    return answer;
}

} // namespace flowscope
