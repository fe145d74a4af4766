#pragma once

#include "metrics/metricssummary.h"

#include <QByteArray>
#include <QVariantMap>

namespace flowscope {

// One scope's metrics over one interval, as written to the journal and merged back for
// time-range queries. The histogram is Histogram::toBytes of handler durations in ns.
struct MetricsRollup
{
    qint64 startMs = 0;
    int spanMs = 0;
    MetricScope scope = MetricScope::Engine;
    QString key;
    quint64 activations = 0;
    quint64 errors = 0;
    quint64 slotCalls = 0;
    quint64 eventEmits = 0;
    quint64 jobsStarted = 0;
    quint64 jobsCompleted = 0;
    quint64 jobsFailed = 0;
    quint64 jobsCancelled = 0;
    QByteArray histogram;
    QVariantMap fields; // name → {count, sum, min, max}
};

} // namespace flowscope
