#include "metrics/histogram.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace flowscope;

class TestHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyIsZero();
    void smallValuesAreExact();
    void percentilesWithinThreePercent_data();
    void percentilesWithinThreePercent();
    void momentsAreExact();
    void negativeCountsAsZero();
    void mergeEqualsRecordingBoth();
    void bytesRoundTrip();
    void malformedBytesAreRefused();
    void randomBytesNeverCrash();
};

namespace {

// The value at rank ceil(p % of n) in the sorted values: what percentile() approximates.
qint64 referencePercentile(const std::vector<qint64> &sorted, double p)
{
    if (p <= 0)
        return sorted.front();
    const size_t rank = size_t(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

void compareHistograms(const Histogram &a, const Histogram &b)
{
    QCOMPARE(a.count(), b.count());
    QCOMPARE(a.min(), b.min());
    QCOMPARE(a.max(), b.max());
    QVERIFY(std::abs(a.mean() - b.mean()) <= 1e-9 * std::max(1.0, std::abs(b.mean())));
    QVERIFY(std::abs(a.stddev() - b.stddev()) <= 1e-6 * std::max(1.0, b.stddev()));
    for (double p : {1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.9, 100.0})
        QCOMPARE(a.percentile(p), b.percentile(p));
}

} // namespace

void TestHistogram::emptyIsZero()
{
    Histogram h;
    QCOMPARE(h.count(), quint64(0));
    QCOMPARE(h.min(), qint64(0));
    QCOMPARE(h.max(), qint64(0));
    QCOMPARE(h.mean(), 0.0);
    QCOMPARE(h.stddev(), 0.0);
    QCOMPARE(h.percentile(50), qint64(0));
}

void TestHistogram::smallValuesAreExact()
{
    Histogram h;
    for (int v = 0; v < 32; ++v)
        h.record(v);
    QCOMPARE(h.percentile(50), qint64(15));
    QCOMPARE(h.percentile(100), qint64(31));
    QCOMPARE(h.percentile(0), qint64(0));
}

void TestHistogram::percentilesWithinThreePercent_data()
{
    QTest::addColumn<int>("distribution");
    QTest::newRow("uniform 1us..10ms") << 0;
    QTest::newRow("log-uniform 1ns..1h") << 1;
    QTest::newRow("exponential mean 2ms") << 2;
}

void TestHistogram::percentilesWithinThreePercent()
{
    QFETCH(int, distribution);
    QRandomGenerator rng(1234 + distribution);
    std::vector<qint64> values;
    Histogram h;
    for (int i = 0; i < 200000; ++i) {
        qint64 v = 0;
        switch (distribution) {
        case 0:
            v = 1000 + qint64(rng.bounded(10000000 - 1000));
            break;
        case 1:
            v = qint64(std::exp(rng.generateDouble() * std::log(3.6e12)));
            break;
        default:
            v = qint64(-std::log(1.0 - rng.generateDouble()) * 2e6);
            break;
        }
        values.push_back(v);
        h.record(v);
    }
    std::sort(values.begin(), values.end());
    for (double p : {0.0, 1.0, 5.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.9, 99.99, 100.0}) {
        const qint64 expected = referencePercentile(values, p);
        const qint64 actual = h.percentile(p);
        // The upper bound of a bucket is never below the value and at most 1/32 above it.
        QVERIFY2(actual >= expected, qPrintable(QStringLiteral("p%1").arg(p)));
        QVERIFY2(double(actual - expected) <= 0.03 * double(std::max<qint64>(expected, 1)) + 1,
                 qPrintable(QStringLiteral("p%1: %2 vs %3").arg(p).arg(actual).arg(expected)));
    }
}

void TestHistogram::momentsAreExact()
{
    QRandomGenerator rng(42);
    Histogram h;
    std::vector<qint64> values;
    for (int i = 0; i < 50000; ++i) {
        // A large mean with a small spread: where sum-of-squares arithmetic would cancel.
        const qint64 v = 5000000000LL + qint64(rng.bounded(1000));
        values.push_back(v);
        h.record(v);
    }
    long double sum = 0;
    for (qint64 v : values)
        sum += v;
    const long double mean = sum / values.size();
    long double squares = 0;
    for (qint64 v : values)
        squares += (v - mean) * (v - mean);
    const double stddev = double(std::sqrt(squares / values.size()));
    QCOMPARE(h.min(), *std::min_element(values.begin(), values.end()));
    QCOMPARE(h.max(), *std::max_element(values.begin(), values.end()));
    QVERIFY(std::abs(h.mean() - double(mean)) < 1e-3);
    QVERIFY2(std::abs(h.stddev() - stddev) < 1e-6 * stddev,
             qPrintable(QStringLiteral("%1 vs %2").arg(h.stddev()).arg(stddev)));

    Histogram weighted;
    weighted.record(10, 3);
    weighted.record(20, 1);
    QCOMPARE(weighted.count(), quint64(4));
    QCOMPARE(weighted.mean(), 12.5);
    QVERIFY(std::abs(weighted.stddev() - std::sqrt(18.75)) < 1e-12);
}

void TestHistogram::negativeCountsAsZero()
{
    Histogram h;
    h.record(-5);
    h.record(7);
    QCOMPARE(h.min(), qint64(0));
    QCOMPARE(h.count(), quint64(2));
    QCOMPARE(h.mean(), 3.5);
}

void TestHistogram::mergeEqualsRecordingBoth()
{
    QRandomGenerator rng(7);
    Histogram a, b, both;
    for (int i = 0; i < 20000; ++i) {
        // Disjoint, overlapping and far-apart ranges: merge must widen on both sides.
        const qint64 va = 100000 + qint64(rng.bounded(1000000));
        const qint64 vb = i % 3 ? qint64(rng.bounded(500)) : 1000000000LL + rng.bounded(1000000);
        a.record(va);
        b.record(vb);
        both.record(va);
        both.record(vb);
    }
    Histogram merged = a;
    merged.merge(b);
    compareHistograms(merged, both);
    Histogram reversed = b;
    reversed.merge(a);
    compareHistograms(reversed, both);
    Histogram empty;
    empty.merge(a);
    compareHistograms(empty, a);
    a.merge(Histogram());
    compareHistograms(empty, a);
}

void TestHistogram::bytesRoundTrip()
{
    QRandomGenerator rng(99);
    Histogram h;
    for (int i = 0; i < 10000; ++i)
        h.record(qint64(rng.generate64() >> (1 + rng.bounded(62))));
    h.record(std::numeric_limits<qint64>::max());
    h.record(0);
    const QByteArray bytes = h.toBytes();
    Histogram back;
    QVERIFY(Histogram::fromBytes(bytes, &back));
    compareHistograms(back, h);
    QCOMPARE(back.toBytes(), bytes);

    Histogram empty;
    QVERIFY(Histogram::fromBytes(Histogram().toBytes(), &empty));
    QCOMPARE(empty.count(), quint64(0));

    // Compact: a narrow distribution costs a few bytes per occupied bucket.
    Histogram narrow;
    for (int i = 0; i < 100000; ++i)
        narrow.record(1000000 + rng.bounded(100000));
    QVERIFY(narrow.toBytes().size() < 64);
}

void TestHistogram::malformedBytesAreRefused()
{
    Histogram h;
    for (int v = 1; v < 5000; v += 7)
        h.record(v * 1000);
    const QByteArray good = h.toBytes();
    Histogram out;
    QVERIFY(!Histogram::fromBytes(QByteArray(), &out));
    QVERIFY(!Histogram::fromBytes(QByteArrayLiteral("FH"), &out));
    QVERIFY(!Histogram::fromBytes(QByteArrayLiteral("XX\x01\x00"), &out));
    QVERIFY(!Histogram::fromBytes(QByteArrayLiteral("FH\x02\x00"), &out)); // unknown version
    for (int n = 0; n < good.size(); ++n)
        QVERIFY2(!Histogram::fromBytes(good.left(n), &out), qPrintable(QString::number(n)));
    QVERIFY(!Histogram::fromBytes(good + '\0', &out)); // trailing bytes
    // Counts that do not add up to the total.
    QByteArray badCount = good;
    badCount[3] = char(quint8(badCount[3]) ^ 1);
    QVERIFY(!Histogram::fromBytes(badCount, &out));
    // An endless varint.
    QVERIFY(!Histogram::fromBytes(QByteArrayLiteral("FH\x01") + QByteArray(20, '\xff'), &out));
}

void TestHistogram::randomBytesNeverCrash()
{
    QRandomGenerator rng(2024);
    Histogram h;
    for (int v = 1; v < 3000; ++v)
        h.record(v * 997);
    const QByteArray good = h.toBytes();
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray bytes;
        if (round % 2) {
            bytes = good;
            for (int flips = 1 + rng.bounded(4); flips > 0; --flips)
                bytes[rng.bounded(bytes.size())] = char(rng.bounded(256));
        } else {
            bytes.resize(rng.bounded(64));
            for (char &c : bytes)
                c = char(rng.bounded(256));
            if (round % 4 == 0 && bytes.size() >= 3) {
                bytes[0] = 'F';
                bytes[1] = 'H';
                bytes[2] = 1;
            }
        }
        Histogram out;
        if (Histogram::fromBytes(bytes, &out)) {
            ++accepted;
            // Whatever was accepted is consistent.
            QVERIFY(out.min() <= out.max());
            QVERIFY(out.percentile(50) >= out.min() && out.percentile(50) <= out.max());
            Histogram again;
            QVERIFY(Histogram::fromBytes(out.toBytes(), &again));
        }
    }
    QVERIFY(accepted < 20000);
}

QTEST_APPLESS_MAIN(TestHistogram)
#include "tst_histogram.moc"
