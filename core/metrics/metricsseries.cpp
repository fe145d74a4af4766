#include "metrics/metricsseries.h"

#include <algorithm>

namespace flowscope {

namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

MetricsSeries::MetricsSeries(int seconds)
    : m_slots(size_t(std::max(1, seconds)))
{}

void MetricsSeries::add(const MetricsDelta &delta)
{
    if (MetricsStats *stats = slotFor(floorDiv(delta.ms, 1000)))
        stats->add(delta);
}

void MetricsSeries::addStats(qint64 secondMs, const MetricsStats &stats)
{
    if (MetricsStats *slot = slotFor(floorDiv(secondMs, 1000)))
        slot->merge(stats);
}

MetricsStats *MetricsSeries::slotFor(qint64 second)
{
    const qint64 n = qint64(m_slots.size());
    if (second > m_latest)
        m_latest = second;
    else if (second <= m_latest - n)
        return nullptr; // older than the window kept
    const qint64 index = second - floorDiv(second, n) * n;
    Slot &slot = m_slots[size_t(index)];
    if (!slot.used || slot.second != second) {
        if (slot.used && slot.second > second)
            return nullptr;
        slot.stats = MetricsStats();
        slot.second = second;
        slot.used = true;
    }
    return &slot.stats;
}

MetricsStats MetricsSeries::range(qint64 fromMs, qint64 toMs) const
{
    MetricsStats out;
    const qint64 oldest = m_latest - qint64(m_slots.size());
    for (const Slot &slot : m_slots) {
        const qint64 startMs = slot.second * 1000;
        if (slot.used && slot.second > oldest && startMs + 1000 > fromMs && startMs < toMs)
            out.merge(slot.stats);
    }
    return out;
}

QVector<MetricsPoint> MetricsSeries::points(qint64 fromMs, qint64 toMs, int stepMs) const
{
    QVector<MetricsPoint> out;
    if (stepMs <= 0 || toMs <= fromMs)
        return out;
    const qint64 count = (toMs - fromMs + stepMs - 1) / stepMs;
    if (count > 1000000)
        return out; // a caller's mistake; refuse rather than allocate gigabytes
    out.resize(int(count));
    std::vector<Histogram> histograms(static_cast<size_t>(count));
    for (int i = 0; i < out.size(); ++i) {
        out[i].startMs = fromMs + qint64(i) * stepMs;
        out[i].spanMs = stepMs;
    }
    const qint64 oldest = m_latest - qint64(m_slots.size());
    for (const Slot &slot : m_slots) {
        const qint64 startMs = slot.second * 1000;
        if (!slot.used || slot.second <= oldest || startMs < fromMs || startMs >= toMs)
            continue;
        const qint64 i = (startMs - fromMs) / stepMs;
        MetricsPoint &p = out[int(i)];
        p.activations += slot.stats.n[MetricsDelta::Activations];
        p.errors += slot.stats.n[MetricsDelta::Errors];
        histograms[size_t(i)].merge(slot.stats.durations);
    }
    const double stepSeconds = double(stepMs) / 1000.0;
    for (int i = 0; i < out.size(); ++i) {
        MetricsPoint &p = out[i];
        const Histogram &h = histograms[size_t(i)];
        p.throughputPerS = double(p.activations) / stepSeconds;
        p.p50Ms = double(h.percentile(50)) / 1e6;
        p.p95Ms = double(h.percentile(95)) / 1e6;
        p.p99Ms = double(h.percentile(99)) / 1e6;
        p.maxMs = double(h.max()) / 1e6;
    }
    return out;
}

} // namespace flowscope
