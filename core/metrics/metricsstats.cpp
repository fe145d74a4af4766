#include "metrics/metricsstats.h"

#include "metrics/metricsrollup.h"

#include <algorithm>

namespace flowscope {

namespace {

constexpr double nsPerMs = 1e6;

} // namespace

void MetricsStats::merge(const MetricsStats &other)
{
    const quint64 mine = n[MetricsDelta::Activations];
    if (other.n[MetricsDelta::Activations]) {
        firstMs = mine ? std::min(firstMs, other.firstMs) : other.firstMs;
        lastMs = mine ? std::max(lastMs, other.lastMs) : other.lastMs;
    }
    for (int i = 0; i < MetricsDelta::CounterCount; ++i)
        n[i] += other.n[i];
    durations.merge(other.durations);
}

bool MetricsStats::isEmpty() const
{
    for (quint64 v : n) {
        if (v)
            return false;
    }
    return true;
}

void addFields(FieldMap *map, const std::vector<std::pair<QString, double>> &fields)
{
    for (const auto &[name, value] : fields) {
        FieldStats one;
        one.count = 1;
        one.sum = one.min = one.max = value;
        mergeField(&(*map)[name], one);
    }
}

void mergeField(FieldStats *into, const FieldStats &other)
{
    if (other.count == 0)
        return;
    if (into->count == 0) {
        *into = other;
        return;
    }
    into->count += other.count;
    into->sum += other.sum;
    into->min = std::min(into->min, other.min);
    into->max = std::max(into->max, other.max);
}

MetricsSummary makeSummary(MetricScope scope, const QString &key, const MetricsStats &stats,
                           const FieldMap &fields)
{
    MetricsSummary s;
    s.scope = scope;
    s.key = key;
    s.fromMs = stats.firstMs;
    s.toMs = stats.lastMs;
    s.activations = stats.n[MetricsDelta::Activations];
    s.errors = stats.n[MetricsDelta::Errors];
    s.slotCalls = stats.n[MetricsDelta::SlotCalls];
    s.eventEmits = stats.n[MetricsDelta::EventEmits];
    s.jobsStarted = stats.n[MetricsDelta::JobsStarted];
    s.jobsCompleted = stats.n[MetricsDelta::JobsCompleted];
    s.jobsFailed = stats.n[MetricsDelta::JobsFailed];
    s.jobsCancelled = stats.n[MetricsDelta::JobsCancelled];
    s.lastActivationMs = stats.lastMs;
    const Histogram &h = stats.durations;
    DurationStats &d = s.durations;
    d.count = h.count();
    if (d.count) {
        d.minMs = double(h.min()) / nsPerMs;
        d.meanMs = h.mean() / nsPerMs;
        d.medianMs = double(h.percentile(50)) / nsPerMs;
        d.p95Ms = double(h.percentile(95)) / nsPerMs;
        d.p99Ms = double(h.percentile(99)) / nsPerMs;
        d.maxMs = double(h.max()) / nsPerMs;
        d.stddevMs = h.stddev() / nsPerMs;
        d.totalMs = h.mean() * double(h.count()) / nsPerMs;
    }
    s.fields = fields;
    return s;
}

MetricsRollup makeRollup(MetricScope scope, const QString &key, qint64 startMs, int spanMs,
                         const MetricsStats &stats, const FieldMap &fields)
{
    MetricsRollup r;
    r.startMs = startMs;
    r.spanMs = spanMs;
    r.scope = scope;
    r.key = key;
    r.activations = stats.n[MetricsDelta::Activations];
    r.errors = stats.n[MetricsDelta::Errors];
    r.slotCalls = stats.n[MetricsDelta::SlotCalls];
    r.eventEmits = stats.n[MetricsDelta::EventEmits];
    r.jobsStarted = stats.n[MetricsDelta::JobsStarted];
    r.jobsCompleted = stats.n[MetricsDelta::JobsCompleted];
    r.jobsFailed = stats.n[MetricsDelta::JobsFailed];
    r.jobsCancelled = stats.n[MetricsDelta::JobsCancelled];
    r.histogram = stats.durations.toBytes();
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        r.fields.insert(it.key(), QVariantMap{{QStringLiteral("count"), it->count},
                                              {QStringLiteral("sum"), it->sum},
                                              {QStringLiteral("min"), it->min},
                                              {QStringLiteral("max"), it->max}});
    }
    return r;
}

bool addRollup(const MetricsRollup &r, MetricsStats *stats, FieldMap *fields)
{
    MetricsStats one;
    one.n[MetricsDelta::Activations] = r.activations;
    one.n[MetricsDelta::Errors] = r.errors;
    one.n[MetricsDelta::SlotCalls] = r.slotCalls;
    one.n[MetricsDelta::EventEmits] = r.eventEmits;
    one.n[MetricsDelta::JobsStarted] = r.jobsStarted;
    one.n[MetricsDelta::JobsCompleted] = r.jobsCompleted;
    one.n[MetricsDelta::JobsFailed] = r.jobsFailed;
    one.n[MetricsDelta::JobsCancelled] = r.jobsCancelled;
    one.firstMs = r.startMs;
    one.lastMs = r.startMs + r.spanMs;
    const bool intact = r.histogram.isEmpty() || Histogram::fromBytes(r.histogram, &one.durations);
    stats->merge(one);
    for (auto it = r.fields.cbegin(); it != r.fields.cend(); ++it) {
        const QVariantMap m = it.value().toMap();
        FieldStats f;
        f.count = m.value(QStringLiteral("count")).toULongLong();
        f.sum = m.value(QStringLiteral("sum")).toDouble();
        f.min = m.value(QStringLiteral("min")).toDouble();
        f.max = m.value(QStringLiteral("max")).toDouble();
        mergeField(&(*fields)[it.key()], f);
    }
    return intact;
}

} // namespace flowscope
