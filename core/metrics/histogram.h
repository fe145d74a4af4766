#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <vector>

namespace flowscope {

// A log-linear histogram of non-negative integers (durations in ns, byte counts): each power of
// two is split into equal sub-buckets, so a percentile is within about 3 % of the true value.
// Recording is a few integer operations and one increment; buckets are allocated up to the
// largest value seen. Not thread-safe: one writer, or merge copies.
class Histogram
{
public:
    void record(qint64 value, quint64 times = 1); // negative values count as 0
    void merge(const Histogram &other);
    void clear();

    quint64 count() const { return m_count; }
    qint64 min() const; // 0 when empty
    qint64 max() const;
    double mean() const;
    double stddev() const; // population standard deviation
    // p in [0, 100]; the value at or below which p % of the recorded values fall (an upper
    // bucket bound clamped to [min, max]); 0 when empty.
    qint64 percentile(double p) const;
    // Values recorded at or below value, to bucket precision: a bucket counts when its upper
    // bound is at or below value (exact below 32, for values under min and at or above max).
    quint64 countAtOrBelow(qint64 value) const;

    // A compact binary form (for the journal); fromBytes returns false on a malformed input.
    QByteArray toBytes() const;
    static bool fromBytes(const QByteArray &bytes, Histogram *histogram);

private:
    // Buckets [m_offset, m_offset + m_buckets.size()): only the range of values seen is allocated.
    std::vector<quint64> m_buckets;
    int m_offset = 0;
    quint64 m_count = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
    // Running mean and sum of squared deviations (Welford / Chan): stable where sum and sum of
    // squares of large nanosecond values would cancel.
    double m_mean = 0;
    double m_m2 = 0;
};

} // namespace flowscope
