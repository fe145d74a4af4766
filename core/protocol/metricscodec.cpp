// The value codec for metrics summaries and series points.
#include "protocol/codechelpers.h"
#include "protocol/valuecodec.h"

namespace flowscope {
namespace ValueCodec {

QCborMap encode(const MetricsSummary &summary)
{
    const DurationStats &d = summary.durations;
    QCborMap durations{{QStringLiteral("count"), unsignedValue(d.count)},
                       {QStringLiteral("min_ms"), d.minMs},
                       {QStringLiteral("mean_ms"), d.meanMs},
                       {QStringLiteral("median_ms"), d.medianMs},
                       {QStringLiteral("p95_ms"), d.p95Ms},
                       {QStringLiteral("p99_ms"), d.p99Ms},
                       {QStringLiteral("max_ms"), d.maxMs},
                       {QStringLiteral("stddev_ms"), d.stddevMs},
                       {QStringLiteral("total_ms"), d.totalMs}};
    QCborMap fields;
    for (auto it = summary.fields.cbegin(); it != summary.fields.cend(); ++it) {
        fields.insert(it.key(), QCborMap{{QStringLiteral("count"), unsignedValue(it->count)},
                                         {QStringLiteral("sum"), it->sum},
                                         {QStringLiteral("min"), it->min},
                                         {QStringLiteral("max"), it->max}});
    }
    QCborMap m;
    put(m, "scope", metricScopeName(summary.scope));
    put(m, "key", summary.key);
    put(m, "from_ms", summary.fromMs);
    put(m, "to_ms", summary.toMs);
    put(m, "activations", unsignedValue(summary.activations));
    put(m, "errors", unsignedValue(summary.errors));
    put(m, "slot_calls", unsignedValue(summary.slotCalls));
    put(m, "event_emits", unsignedValue(summary.eventEmits));
    put(m, "jobs_started", unsignedValue(summary.jobsStarted));
    put(m, "jobs_completed", unsignedValue(summary.jobsCompleted));
    put(m, "jobs_failed", unsignedValue(summary.jobsFailed));
    put(m, "jobs_cancelled", unsignedValue(summary.jobsCancelled));
    put(m, "last_activation_ms", summary.lastActivationMs);
    put(m, "durations", durations);
    put(m, "fields", fields);
    return m;
}

void decode(const FieldReader &r, MetricsSummary *summary)
{
    readEnum(r, "scope", metricScopeFromName, &summary->scope, "metric scope");
    summary->key = r.string("key");
    summary->fromMs = r.integer("from_ms");
    summary->toMs = r.integer("to_ms");
    summary->activations = r.unsignedInt("activations");
    summary->errors = r.unsignedInt("errors");
    summary->slotCalls = r.unsignedInt("slot_calls");
    summary->eventEmits = r.unsignedInt("event_emits");
    summary->jobsStarted = r.unsignedInt("jobs_started");
    summary->jobsCompleted = r.unsignedInt("jobs_completed");
    summary->jobsFailed = r.unsignedInt("jobs_failed");
    summary->jobsCancelled = r.unsignedInt("jobs_cancelled");
    summary->lastActivationMs = r.integer("last_activation_ms");
    const FieldReader d = r.child("durations");
    DurationStats &stats = summary->durations;
    stats.count = d.unsignedInt("count");
    stats.minMs = d.number("min_ms");
    stats.meanMs = d.number("mean_ms");
    stats.medianMs = d.number("median_ms");
    stats.p95Ms = d.number("p95_ms");
    stats.p99Ms = d.number("p99_ms");
    stats.maxMs = d.number("max_ms");
    stats.stddevMs = d.number("stddev_ms");
    stats.totalMs = d.number("total_ms");
    const FieldReader fields = r.child("fields");
    for (auto it = fields.map().cbegin(); it != fields.map().cend() && r.ok(); ++it) {
        const FieldReader field(it.value(), fields.path() + QLatin1Char('.') + it.key().toString());
        if (!field.ok()) {
            r.failHere(field.error());
            break;
        }
        FieldStats value;
        value.count = field.unsignedInt("count");
        value.sum = field.number("sum");
        value.min = field.number("min");
        value.max = field.number("max");
        if (!field.ok()) {
            r.failHere(field.error());
            break;
        }
        summary->fields.insert(it.key().toString(), value);
    }
}

QCborMap encode(const MetricsPoint &point)
{
    QCborMap m;
    put(m, "start_ms", point.startMs);
    put(m, "span_ms", point.spanMs);
    put(m, "activations", unsignedValue(point.activations));
    put(m, "errors", unsignedValue(point.errors));
    put(m, "throughput_per_s", point.throughputPerS);
    put(m, "p50_ms", point.p50Ms);
    put(m, "p95_ms", point.p95Ms);
    put(m, "p99_ms", point.p99Ms);
    put(m, "max_ms", point.maxMs);
    return m;
}

void decode(const FieldReader &r, MetricsPoint *point)
{
    point->startMs = r.integer("start_ms", true);
    point->spanMs = int(r.integer("span_ms"));
    point->activations = r.unsignedInt("activations");
    point->errors = r.unsignedInt("errors");
    point->throughputPerS = r.number("throughput_per_s");
    point->p50Ms = r.number("p50_ms");
    point->p95Ms = r.number("p95_ms");
    point->p99Ms = r.number("p99_ms");
    point->maxMs = r.number("max_ms");
}

} // namespace ValueCodec
} // namespace flowscope
