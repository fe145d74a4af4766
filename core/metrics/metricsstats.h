#pragma once

#include "metrics/histogram.h"
#include "metrics/metricssummary.h"

#include <QMap>
#include <QString>

#include <algorithm>
#include <utility>
#include <vector>

namespace flowscope {

// What one event adds to a scope, computed once per event and applied to every scope it touches.
struct MetricsDelta
{
    enum Counter : int {
        Activations,
        Errors,
        SlotCalls,
        EventEmits,
        JobsStarted,
        JobsCompleted,
        JobsFailed,
        JobsCancelled,
        CounterCount,
        NoCounter = CounterCount
    };
    int counter = NoCounter;
    bool error = false; // with Activations
    qint64 ms = 0;
    qint64 durationNs = 0;
    const std::vector<std::pair<QString, double>> *fields = nullptr; // Metric events
};

// Counts and handler durations of one scope over some span (a total, a second, a rollup).
struct MetricsStats
{
    quint64 n[MetricsDelta::CounterCount] = {};
    qint64 firstMs = 0; // first and last activation, when there was one
    qint64 lastMs = 0;
    Histogram durations;

    void add(const MetricsDelta &delta)
    {
        if (delta.counter == MetricsDelta::NoCounter)
            return;
        n[delta.counter] += 1;
        if (delta.counter != MetricsDelta::Activations)
            return;
        if (delta.error)
            n[MetricsDelta::Errors] += 1;
        durations.record(delta.durationNs);
        if (n[MetricsDelta::Activations] == 1) {
            firstMs = lastMs = delta.ms;
        } else {
            firstMs = std::min(firstMs, delta.ms);
            lastMs = std::max(lastMs, delta.ms);
        }
    }
    void merge(const MetricsStats &other);
    bool isEmpty() const;
};

using FieldMap = QMap<QString, FieldStats>;

void addFields(FieldMap *map, const std::vector<std::pair<QString, double>> &fields);
void mergeField(FieldStats *into, const FieldStats &other);

struct MetricsRollup;
MetricsRollup makeRollup(MetricScope scope, const QString &key, qint64 startMs, int spanMs,
                         const MetricsStats &stats, const FieldMap &fields);
// Adds a journal rollup's counts, durations and fields. A rollup knows its interval, not its
// activations' times: the interval stands in. A damaged histogram counts as empty (false).
bool addRollup(const MetricsRollup &rollup, MetricsStats *stats, FieldMap *fields);

// A summary of stats (durations converted from ns to ms) and fields.
MetricsSummary makeSummary(MetricScope scope, const QString &key, const MetricsStats &stats,
                           const FieldMap &fields = {});

} // namespace flowscope
