#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QVector>

namespace flowscope {

// What a summary is about. Keys: Engine "", Flow the flow id, Job the job id string, Routine
// "flow_id/routine_id", Agent the agent name.
enum class MetricScope : quint8 { Engine, Flow, Job, Routine, Agent };
QString metricScopeName(MetricScope scope); // "engine", "flow", "job", "routine", "agent"
bool metricScopeFromName(QStringView name, MetricScope *scope);

struct DurationStats
{
    quint64 count = 0;
    double minMs = 0;
    double meanMs = 0;
    double medianMs = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double stddevMs = 0;
    double totalMs = 0;
};

// A numeric field routines report (Context::reportMetric): tokens, files changed, bytes...
struct FieldStats
{
    quint64 count = 0;
    double sum = 0;
    double min = 0;
    double max = 0;
    double mean() const { return count ? sum / double(count) : 0; }
};

// Counts, rates and durations of activations in one scope over a time range.
struct MetricsSummary
{
    MetricScope scope = MetricScope::Engine;
    QString key;
    qint64 fromMs = 0;       // first activation seen in range (ms since the Unix epoch)
    qint64 toMs = 0;         // last
    quint64 activations = 0; // handlers that returned, successfully or not
    quint64 errors = 0;
    quint64 slotCalls = 0;
    quint64 eventEmits = 0;
    quint64 jobsStarted = 0; // Engine and Flow scopes
    quint64 jobsCompleted = 0;
    quint64 jobsFailed = 0;
    quint64 jobsCancelled = 0;
    qint64 lastActivationMs = 0;
    DurationStats durations;
    QMap<QString, FieldStats> fields;

    double successRate() const
    {
        return activations ? double(activations - errors) / double(activations) : 0;
    }
    double errorRate() const { return activations ? double(errors) / double(activations) : 0; }
    // Activations per second over [fromMs, toMs] (or over the span asked for, when given).
    double throughputPerS(qint64 spanMs = 0) const;
};

// One point of a metrics time series: what happened in [startMs, startMs + spanMs).
struct MetricsPoint
{
    qint64 startMs = 0;
    int spanMs = 0;
    quint64 activations = 0;
    quint64 errors = 0;
    double throughputPerS = 0;
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::MetricsSummary)
