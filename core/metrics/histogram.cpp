#include "metrics/histogram.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace flowscope {

namespace {

// 32 sub-buckets per power of two: values below 32 get a bucket each, above that a bucket spans
// 1/32 of its power of two, so its upper bound is within 1/32 (3.1 %) of any value in it.
constexpr int subBits = 5;
constexpr int subCount = 1 << subBits;
// Index of the bucket holding 2^63 - 1, the largest value, plus one.
constexpr int bucketCount = (63 - subBits + 1) * subCount;

inline int bucketIndex(quint64 v)
{
    if (v < quint64(subCount))
        return int(v);
    const int msb = 63 - __builtin_clzll(v);
    const int shift = msb - subBits;
    return (shift + 1) * subCount + int((v >> shift) & (subCount - 1));
}

inline quint64 bucketUpper(int index)
{
    if (index < subCount)
        return quint64(index);
    const int shift = index / subCount - 1;
    const quint64 lower = quint64(subCount + index % subCount) << shift;
    return lower + ((quint64(1) << shift) - 1);
}

constexpr char magic0 = 'F';
constexpr char magic1 = 'H';
constexpr quint8 formatVersion = 1;

void putVarint(QByteArray *out, quint64 v)
{
    while (v >= 0x80) {
        out->append(char(quint8(v) | 0x80));
        v >>= 7;
    }
    out->append(char(v));
}

void putDouble(QByteArray *out, double d)
{
    quint64 bits;
    std::memcpy(&bits, &d, sizeof bits);
    for (int i = 0; i < 8; ++i)
        out->append(char(quint8(bits >> (8 * i))));
}

// Bounds-checked reading of bytes that may come from a damaged file.
class Reader
{
public:
    explicit Reader(const QByteArray &bytes)
        : m_data(reinterpret_cast<const quint8 *>(bytes.constData()))
        , m_size(bytes.size())
    {}

    bool atEnd() const { return m_pos == m_size; }

    bool byte(quint8 *v)
    {
        if (m_pos >= m_size)
            return false;
        *v = m_data[m_pos++];
        return true;
    }

    bool varint(quint64 *v)
    {
        quint64 result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            quint8 b;
            if (!byte(&b))
                return false;
            const quint64 part = b & 0x7f;
            if (shift == 63 && part > 1)
                return false; // more than 64 bits
            result |= part << shift;
            if (!(b & 0x80)) {
                *v = result;
                return true;
            }
        }
        return false;
    }

    bool float64(double *d)
    {
        if (m_size - m_pos < 8)
            return false;
        quint64 bits = 0;
        for (int i = 0; i < 8; ++i)
            bits |= quint64(m_data[m_pos + i]) << (8 * i);
        m_pos += 8;
        std::memcpy(d, &bits, sizeof bits);
        return true;
    }

private:
    const quint8 *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

} // namespace

void Histogram::record(qint64 value, quint64 times)
{
    if (times == 0)
        return;
    if (value < 0)
        value = 0;
    const int index = bucketIndex(quint64(value));
    if (m_buckets.empty()) {
        m_offset = index;
        m_buckets.assign(1, 0);
    } else if (index < m_offset) {
        m_buckets.insert(m_buckets.begin(), size_t(m_offset - index), 0);
        m_offset = index;
    } else if (size_t(index - m_offset) >= m_buckets.size()) {
        m_buckets.resize(size_t(index - m_offset) + 1);
    }
    m_buckets[size_t(index - m_offset)] += times;

    if (m_count == 0) {
        m_min = m_max = value;
    } else {
        m_min = std::min(m_min, value);
        m_max = std::max(m_max, value);
    }
    m_count += times;
    const double delta = double(value) - m_mean;
    m_mean += delta * double(times) / double(m_count);
    m_m2 += delta * (double(value) - m_mean) * double(times);
}

void Histogram::merge(const Histogram &other)
{
    if (other.m_count == 0)
        return;
    if (m_count == 0) {
        *this = other;
        return;
    }
    const int lowest = std::min(m_offset, other.m_offset);
    const int end
        = std::max(m_offset + int(m_buckets.size()), other.m_offset + int(other.m_buckets.size()));
    if (lowest < m_offset) {
        m_buckets.insert(m_buckets.begin(), size_t(m_offset - lowest), 0);
        m_offset = lowest;
    }
    if (size_t(end - m_offset) > m_buckets.size())
        m_buckets.resize(size_t(end - m_offset));
    const size_t shift = size_t(other.m_offset - m_offset);
    for (size_t i = 0; i < other.m_buckets.size(); ++i)
        m_buckets[shift + i] += other.m_buckets[i];

    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
    const double n1 = double(m_count), n2 = double(other.m_count);
    const double n = n1 + n2;
    const double delta = other.m_mean - m_mean;
    m_mean += delta * n2 / n;
    m_m2 += other.m_m2 + delta * delta * n1 * n2 / n;
    m_count += other.m_count;
}

void Histogram::clear()
{
    *this = Histogram();
}

qint64 Histogram::min() const
{
    return m_min;
}

qint64 Histogram::max() const
{
    return m_max;
}

double Histogram::mean() const
{
    return m_count ? m_mean : 0;
}

double Histogram::stddev() const
{
    return m_count ? std::sqrt(std::max(0.0, m_m2 / double(m_count))) : 0;
}

qint64 Histogram::percentile(double p) const
{
    if (m_count == 0)
        return 0;
    if (!(p > 0)) // also NaN
        return m_min;
    if (p >= 100)
        return m_max;
    // The rank of the value asked for: the smallest r with r >= p % of the count.
    const double exact = p / 100.0 * double(m_count);
    quint64 rank = quint64(std::ceil(exact));
    rank = std::clamp<quint64>(rank, 1, m_count);
    quint64 seen = 0;
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (seen >= rank) {
            const quint64 upper = bucketUpper(m_offset + int(i));
            return std::clamp(qint64(upper), m_min, m_max);
        }
    }
    return m_max;
}

quint64 Histogram::countAtOrBelow(qint64 value) const
{
    if (m_count == 0 || value < m_min)
        return 0;
    if (value >= m_max)
        return m_count;
    quint64 seen = 0;
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        if (bucketUpper(m_offset + int(i)) > quint64(value))
            break;
        seen += m_buckets[i];
    }
    return seen;
}

// Layout (version 1): 'F' 'H' version, varint count; when count > 0: varint min, varint max,
// f64 mean, f64 m2 (little endian), varint pairs, then per non-empty bucket varint gap (from the
// previous non-empty bucket + 1, or from 0) and varint count.
QByteArray Histogram::toBytes() const
{
    QByteArray out;
    out.reserve(32 + int(m_buckets.size()) * 2);
    out.append(magic0);
    out.append(magic1);
    out.append(char(formatVersion));
    putVarint(&out, m_count);
    if (m_count == 0)
        return out;
    putVarint(&out, quint64(m_min));
    putVarint(&out, quint64(m_max));
    putDouble(&out, m_mean);
    putDouble(&out, m_m2);
    quint64 pairs = 0;
    for (quint64 c : m_buckets)
        pairs += c != 0;
    putVarint(&out, pairs);
    int next = 0;
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        if (m_buckets[i] == 0)
            continue;
        const int index = m_offset + int(i);
        putVarint(&out, quint64(index - next));
        putVarint(&out, m_buckets[i]);
        next = index + 1;
    }
    return out;
}

bool Histogram::fromBytes(const QByteArray &bytes, Histogram *histogram)
{
    Reader in(bytes);
    quint8 m0, m1, version;
    if (!in.byte(&m0) || !in.byte(&m1) || !in.byte(&version) || m0 != quint8(magic0)
        || m1 != quint8(magic1) || version != formatVersion) {
        return false;
    }
    Histogram h;
    quint64 count;
    if (!in.varint(&count))
        return false;
    if (count == 0) {
        if (!in.atEnd())
            return false;
        if (histogram)
            *histogram = h;
        return true;
    }
    quint64 minValue, maxValue, pairs;
    double mean, m2;
    if (!in.varint(&minValue) || !in.varint(&maxValue) || !in.float64(&mean) || !in.float64(&m2)
        || !in.varint(&pairs)) {
        return false;
    }
    if (minValue > quint64(std::numeric_limits<qint64>::max()) || maxValue < minValue
        || maxValue > quint64(std::numeric_limits<qint64>::max()))
        return false;
    if (!std::isfinite(mean) || !std::isfinite(m2) || m2 < 0 || mean < double(minValue) * 0.999
        || mean > double(maxValue) * 1.001 + 1)
        return false;
    if (pairs == 0 || pairs > quint64(bucketCount))
        return false;

    // Read into (index, count) first: the extent is only known at the end.
    std::vector<std::pair<int, quint64>> entries;
    entries.reserve(size_t(pairs));
    quint64 next = 0, total = 0;
    for (quint64 i = 0; i < pairs; ++i) {
        quint64 gap, c;
        if (!in.varint(&gap) || !in.varint(&c) || c == 0)
            return false;
        if (gap >= quint64(bucketCount) || next + gap >= quint64(bucketCount))
            return false;
        const quint64 index = next + gap;
        if (total + c < total)
            return false; // overflow
        total += c;
        entries.emplace_back(int(index), c);
        next = index + 1;
    }
    if (!in.atEnd() || total != count)
        return false;
    if (entries.front().first != bucketIndex(minValue)
        || entries.back().first != bucketIndex(maxValue)) {
        return false;
    }
    h.m_offset = entries.front().first;
    h.m_buckets.assign(size_t(entries.back().first - h.m_offset + 1), 0);
    for (const auto &[index, c] : entries)
        h.m_buckets[size_t(index - h.m_offset)] = c;
    h.m_count = count;
    h.m_min = qint64(minValue);
    h.m_max = qint64(maxValue);
    h.m_mean = mean;
    h.m_m2 = m2;
    if (histogram)
        *histogram = std::move(h);
    return true;
}

} // namespace flowscope
