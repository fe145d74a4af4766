#pragma once

#include "metrics/metricssummary.h"

#include <QVector>

namespace flowscope {

class Journal;
class MetricsCollector;

// One answer to "how did this scope do": its summary, per-routine summaries beneath it, and a
// series. Shared by the in-process client and the HTTP endpoint.
struct MetricsAnswer
{
    MetricsSummary summary;
    QVector<MetricsSummary> routines; // Engine: every routine; Flow: its routines; Job: its own
    QVector<MetricsPoint> series;
    bool found = false;
};

// fromMs = toMs = 0: totals since the collector started, no series. Otherwise the range: from
// the collector's per-second memory when it covers the range, else merged from the journal's
// rollups (when there is a journal).
MetricsAnswer queryMetrics(const MetricsCollector &collector, const Journal *journal,
                           MetricScope scope, const QString &key, qint64 fromMs, qint64 toMs,
                           int stepMs);

} // namespace flowscope
