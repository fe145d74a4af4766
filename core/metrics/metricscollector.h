#pragma once

#include "events/event.h"
#include "metrics/histogram.h"
#include "metrics/metricsrollup.h"
#include "metrics/metricssummary.h"

#include <QVector>

#include <memory>
#include <mutex>
#include <vector>

namespace flowscope {

// Turns the event stream into metrics per engine, flow, job, routine and agent: counts, error
// rates, throughput, handler durations (Histogram) and the numeric fields of Metric events.
// Fed with the bus's batches (consume), queried from any thread. Keeps per-second series in
// memory for the last seriesSeconds; takeRollups() hands the closed intervals to the journal,
// which answers longer ranges (mergeRollups).
class MetricsCollector
{
public:
    struct Config
    {
        int rollupSpanMs = 10000; // journal resolution
        int seriesSeconds = 900;  // in-memory per-second series (engine, flows, routines)
        int maxJobs = 10000;      // job scopes kept, most recently active first
    };

    MetricsCollector();
    explicit MetricsCollector(const Config &config);
    ~MetricsCollector();

    // Thread-safe. Events need not be sorted; timeNs places them in the series.
    void consume(const std::vector<Event> &batch);

    // Since the collector started (or for in-memory series, the range asked for). found is
    // false for a key never seen.
    MetricsSummary summary(MetricScope scope, const QString &key, bool *found = nullptr) const;
    MetricsSummary summary(MetricScope scope, const QString &key, qint64 fromMs, qint64 toMs) const;
    // The handler durations (ns) since the start of one scope key; empty for a key never seen.
    Histogram durations(MetricScope scope, const QString &key) const;
    // Every key seen in a scope (e.g. all routines), sorted.
    QStringList keys(MetricScope scope) const;
    // Per-routine summaries of one job ("routine_id" keys, not "flow/routine").
    QVector<MetricsSummary> jobRoutines(JobId job) const;
    // A per-stepMs series in [fromMs, toMs) for the Engine, Flow or Routine scope, from memory.
    QVector<MetricsPoint> series(MetricScope scope, const QString &key, qint64 fromMs, qint64 toMs,
                                 int stepMs) const;

    // Closed rollup intervals (every scope with activity) since the last call, for the journal.
    // An interval closes when an event past its end arrives or nowMs passes its end.
    std::vector<MetricsRollup> takeRollups(qint64 nowMs);
    // A summary of rollups read back from the journal (any mix of intervals of one scope/key).
    static MetricsSummary mergeRollups(MetricScope scope, const QString &key,
                                       const std::vector<MetricsRollup> &rollups);

private:
    struct Data;
    Config m_config;
    mutable std::mutex m_mutex;
    std::unique_ptr<Data> d;
};

} // namespace flowscope
