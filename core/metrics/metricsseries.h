#pragma once

#include "metrics/metricsstats.h"

#include <QVector>

#include <vector>

namespace flowscope {

// Per-second stats of one scope for the last `seconds` seconds: a ring indexed by the second, so
// recording touches one slot and old seconds are overwritten without a sweep.
class MetricsSeries
{
public:
    explicit MetricsSeries(int seconds);

    void add(const MetricsDelta &delta);
    // Stats that all fall in the second starting at secondMs.
    void addStats(qint64 secondMs, const MetricsStats &stats);

    // Seconds overlapping [fromMs, toMs), merged.
    MetricsStats range(qint64 fromMs, qint64 toMs) const;
    // Seconds starting in [fromMs, toMs), merged per stepMs.
    QVector<MetricsPoint> points(qint64 fromMs, qint64 toMs, int stepMs) const;

private:
    MetricsStats *slotFor(qint64 second); // null when older than the window

    struct Slot
    {
        qint64 second = 0;
        bool used = false;
        MetricsStats stats;
    };
    std::vector<Slot> m_slots;
    qint64 m_latest = 0; // newest second recorded
};

} // namespace flowscope
