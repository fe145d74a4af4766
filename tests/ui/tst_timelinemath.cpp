#include "timelinecolors.h"
#include "timelinefillbatch.h"
#include "timelinelod.h"
#include "timelinestore.h"
#include "timelineticks.h"
#include "timelineviewport.h"

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QtTest>

#include <utility>
#include <vector>

using namespace flowscope;

namespace {

// Nanoseconds since the epoch late in 2024: too large for a double to hold to the nanosecond.
constexpr qint64 epochNs = 1'733'300'000'123'456'789;

// A row of spans for TimelineLod: sorted by start, not overlapping.
struct VectorRow
{
    std::vector<std::pair<qint64, qint64>> spans;
    size_t size() const { return spans.size(); }
    qint64 start(size_t i) const { return spans[i].first; }
    qint64 end(size_t i) const { return spans[i].second; }
};

// count spans of length ns, one every period ns from `from` on.
void addRegular(VectorRow *row, qint64 count, qint64 from, qint64 period, qint64 length)
{
    for (qint64 i = 0; i < count; ++i)
        row->spans.push_back({from + i * period, from + i * period + length});
}

std::vector<TimelinePrimitive> fold(const VectorRow &row, const TimelineViewport &viewport,
                                    double widthPx, double minPx = 3)
{
    std::vector<TimelinePrimitive> primitives;
    TimelineLod::foldSpans(row, viewport, widthPx, minPx, &primitives);
    return primitives;
}

struct VectorMarks
{
    std::vector<qint64> times;
    size_t size() const { return times.size(); }
    qint64 time(size_t i) const { return times[i]; }
};

// Every span overlapping [from, to), the way a painter without level of detail would visit them.
std::vector<size_t> visibleByBruteForce(const VectorRow &row, qint64 from, qint64 to)
{
    std::vector<size_t> visible;
    for (size_t i = 0; i < row.size(); ++i) {
        if (row.end(i) >= from && row.start(i) < to)
            visible.push_back(i);
    }
    return visible;
}

} // namespace

class TestTimelineMath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void timeAndPixelsConvertExactlyAtEpochTimes();
    void zoomKeepsTheTimeUnderTheCursor_data();
    void zoomKeepsTheTimeUnderTheCursor();
    void zoomStopsAtItsLimits();
    void panMovesByPixels();
    void rangeFillsTheWidth();

    void tickStepsAreRoundAndFarEnoughApart_data();
    void tickStepsAreRoundAndFarEnoughApart();
    void tickLabelsUseOneUnitWithTheDecimalsTheStepNeeds_data();
    void tickLabelsUseOneUnitWithTheDecimalsTheStepNeeds();
    void ticksCoverTheViewAndDiffer();

    void visibleRangeIsFoundByBinarySearch();
    void subPixelSpansFoldIntoOneMarker();
    void aVisibleGapSplitsFolds();
    void wideSpansStayAsTheyAreAmongFoldedOnes();
    void foldingNeverLosesASpanAndStaysWithinOnePrimitivePerColumns();
    void foldWidthZeroDrawsEverySpan();
    void spanAtFindsTheSpanUnderATime();
    void marksFoldWithinTheirWidth();

    void fillsAreGroupedByColour();
    void storeKeepsIndicesAcrossChunksAndDrops();
};

void TestTimelineMath::timeAndPixelsConvertExactlyAtEpochTimes()
{
    const TimelineViewport viewport(epochNs, 0.5);
    QCOMPARE(viewport.xForTime(epochNs + 1001), 2002.0);
    QCOMPARE(viewport.timeAt(2002), epochNs + 1001);
    const TimelineViewport coarse(epochNs, 1000);
    for (const qint64 offset : {qint64(0), qint64(1000), qint64(123'456'000), qint64(-7000)})
        QCOMPARE(coarse.timeAt(coarse.xForTime(epochNs + offset)), epochNs + offset);
    QCOMPARE(coarse.nsForPixels(3), qint64(3000));
    QCOMPARE(TimelineViewport(epochNs, 0.05).nsForPixels(3), qint64(1)); // never below 1 ns
}

void TestTimelineMath::zoomKeepsTheTimeUnderTheCursor_data()
{
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("factor");
    QTest::newRow("in at the left edge") << 1e6 << 0.0 << 0.8;
    QTest::newRow("in mid-view") << 1e6 << 437.0 << 0.8;
    QTest::newRow("out mid-view") << 1e6 << 437.0 << 1.25;
    QTest::newRow("deep, fractional pixels") << 1.3 << 811.5 << 0.5;
    QTest::newRow("below a nanosecond a pixel") << 0.2 << 640.0 << 0.5;
    QTest::newRow("far out") << 5e9 << 100.0 << 10.0;
}

void TestTimelineMath::zoomKeepsTheTimeUnderTheCursor()
{
    QFETCH(double, nsPerPixel);
    QFETCH(double, x);
    QFETCH(double, factor);
    TimelineViewport viewport(epochNs, nsPerPixel);
    const double exactBefore = x * nsPerPixel; // from the left edge, in ns
    viewport.zoomAround(x, factor);
    QCOMPARE(viewport.nsPerPixel(), nsPerPixel * factor);
    const double exactAfter = double(viewport.startNs() - epochNs) + x * viewport.nsPerPixel();
    QVERIFY2(std::abs(exactAfter - exactBefore) <= 1.0,
             qPrintable(QStringLiteral("moved by %1 ns").arg(exactAfter - exactBefore)));
}

void TestTimelineMath::zoomStopsAtItsLimits()
{
    TimelineViewport viewport(epochNs, 1);
    for (int i = 0; i < 100; ++i)
        viewport.zoomAround(500, 0.5);
    QCOMPARE(viewport.nsPerPixel(), TimelineViewport::minNsPerPixel);
    for (int i = 0; i < 200; ++i)
        viewport.zoomAround(500, 2);
    QCOMPARE(viewport.nsPerPixel(), TimelineViewport::maxNsPerPixel);
    viewport.zoomAround(0, 0); // nonsense is ignored
    viewport.zoomAround(0, -1);
    QCOMPARE(viewport.nsPerPixel(), TimelineViewport::maxNsPerPixel);
}

void TestTimelineMath::panMovesByPixels()
{
    TimelineViewport viewport(epochNs, 1000);
    viewport.panByPixels(100); // dragging right brings earlier times into view
    QCOMPARE(viewport.startNs(), epochNs - 100'000);
    viewport.panByPixels(-250.5);
    QCOMPARE(viewport.startNs(), epochNs + 150'500);
    viewport.placeTime(epochNs, 200);
    QCOMPARE(viewport.timeAt(200), epochNs);
}

void TestTimelineMath::rangeFillsTheWidth()
{
    const auto viewport = TimelineViewport::fromRange(epochNs, epochNs + 2'000'000'000, 800);
    QCOMPARE(viewport.startNs(), epochNs);
    QCOMPARE(viewport.nsPerPixel(), 2.5e6);
    QCOMPARE(viewport.endNs(800), epochNs + 2'000'000'000);
}

void TestTimelineMath::tickStepsAreRoundAndFarEnoughApart_data()
{
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<qint64>("step");
    QTest::newRow("1 ns a pixel") << 1.0 << qint64(100);
    QTest::newRow("7 ns a pixel") << 7.0 << qint64(1000);
    QTest::newRow("15 ns a pixel") << 15.0 << qint64(2000);
    QTest::newRow("40 µs a pixel") << 4e4 << qint64(5'000'000);
    QTest::newRow("1 ms a pixel") << 1e6 << qint64(100'000'000);
    QTest::newRow("70 ms a pixel: 10 s") << 7e7 << qint64(10'000'000'000);
    QTest::newRow("120 ms a pixel: 15 s") << 1.2e8 << qint64(15'000'000'000);
    QTest::newRow("1 s a pixel: 2 min") << 1e9 << qint64(120'000'000'000);
    QTest::newRow("5 min a pixel: 12 h") << 3e11 << qint64(43'200'000'000'000);
}

void TestTimelineMath::tickStepsAreRoundAndFarEnoughApart()
{
    QFETCH(double, nsPerPixel);
    QFETCH(qint64, step);
    QCOMPARE(TimelineTicks::stepFor(nsPerPixel, 100), step);
    QVERIFY(double(step) / nsPerPixel >= 100);
}

void TestTimelineMath::tickLabelsUseOneUnitWithTheDecimalsTheStepNeeds_data()
{
    constexpr qint64 us = 1000, ms = 1000 * us, s = 1000 * ms;
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<qint64>("maxOffset");
    QTest::addColumn<QString>("label");
    QTest::newRow("ns") << qint64(300) << qint64(100) << qint64(900) << QStringLiteral("300 ns");
    QTest::newRow("zero") << qint64(0) << qint64(200) << qint64(900) << QStringLiteral("0 ns");
    QTest::newRow("µs with a decimal")
        << qint64(1500) << qint64(500) << 3 * us << QStringLiteral("1.5 µs");
    QTest::newRow("µs, step of 50 ns")
        << qint64(1550) << qint64(50) << 3 * us << QStringLiteral("1.55 µs");
    QTest::newRow("ms") << 2 * ms + 500 * us << 500 * us << 10 * ms << QStringLiteral("2.5 ms");
    QTest::newRow("ms, whole step") << 20 * ms << 10 * ms << 100 * ms << QStringLiteral("20 ms");
    QTest::newRow("s") << 90 * s << 10 * s << 100 * s << QStringLiteral("90 s");
    QTest::newRow("s, deep") << 5 * s + 2 << qint64(2) << 5 * s + 10
                             << QStringLiteral("5.000000002 s");
    QTest::newRow("minutes") << 125 * s << 5 * s << 300 * s << QStringLiteral("2:05");
    QTest::newRow("minutes, deep")
        << 720 * s + 2 * us << 2 * us << 720 * s + 10 * us << QStringLiteral("12:00.000002");
    QTest::newRow("hours") << 3723 * s << 60 * s << 4000 * s << QStringLiteral("1:02:03");
    QTest::newRow("before the origin")
        << -500 * ms << 100 * ms << 1 * s << QStringLiteral("−0.5 s");
}

void TestTimelineMath::tickLabelsUseOneUnitWithTheDecimalsTheStepNeeds()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, step);
    QFETCH(qint64, maxOffset);
    QFETCH(QString, label);
    QCOMPARE(TimelineTicks::label(offset, step, maxOffset), label);
}

void TestTimelineMath::ticksCoverTheViewAndDiffer()
{
    // 1,234 ns after the origin, 10 ns a pixel, 1,000 pixels: 1.234 µs to 11.234 µs.
    const TimelineViewport viewport(epochNs + 1234, 10);
    const QVector<TimelineTick> ticks = TimelineTicks::ticks(viewport, 1000, epochNs, 100);
    QCOMPARE(ticks.size(), 10);
    QCOMPARE(ticks.first().timeNs, epochNs + 2000);
    QCOMPARE(ticks.first().label, QStringLiteral("2 µs"));
    QCOMPARE(ticks.last().label, QStringLiteral("11 µs"));
    for (int i = 1; i < ticks.size(); ++i) {
        QVERIFY(ticks[i].label != ticks[i - 1].label);
        QVERIFY(viewport.xForTime(ticks[i].timeNs) - viewport.xForTime(ticks[i - 1].timeNs) >= 100);
    }
    // Deep inside twelve minutes: labels still differ from each other.
    const TimelineViewport deep(epochNs + 720'000'000'000, 0.5);
    const QVector<TimelineTick> deepTicks = TimelineTicks::ticks(deep, 1000, epochNs, 100);
    QVERIFY(deepTicks.size() >= 5);
    QCOMPARE(deepTicks.first().label, QStringLiteral("12:00.00000000"));
    QCOMPARE(deepTicks[1].label, QStringLiteral("12:00.00000005"));
}

void TestTimelineMath::visibleRangeIsFoundByBinarySearch()
{
    VectorRow row;
    addRegular(&row, 1000, 0, 100, 50);
    QCOMPARE(TimelineLod::firstEndingFrom(row, 0, 25'000), size_t(250));
    QCOMPARE(TimelineLod::firstEndingFrom(row, 0, 25'051), size_t(251));
    QCOMPARE(TimelineLod::firstStartingFrom(row, 0, 34'950), size_t(350));
    QCOMPARE(TimelineLod::firstStartingFrom(row, 0, 1e9), size_t(1000));

    // 25 µs to 35 µs at 10 ns a pixel: each span is 5 px, drawn as it is.
    const auto primitives = fold(row, TimelineViewport(25'000, 10), 1000);
    QCOMPARE(primitives.size(), size_t(100));
    QCOMPARE(primitives.front().first, size_t(250));
    QCOMPARE(primitives.back().first, size_t(349));
    for (const TimelinePrimitive &p : primitives) {
        QVERIFY(!p.isFolded());
        QCOMPARE(p.x1 - p.x0, 5.0);
    }
    QCOMPARE(primitives.front().x0, 0.0);
}

void TestTimelineMath::subPixelSpansFoldIntoOneMarker()
{
    // A million 50 ns spans every 100 ns, seen whole on 1,000 px (100 µs a pixel).
    VectorRow row;
    addRegular(&row, 1'000'000, 0, 100, 50);
    const auto primitives = fold(row, TimelineViewport::fromRange(0, 100'000'000, 1000), 1000);
    QCOMPARE(primitives.size(), size_t(1));
    QVERIFY(primitives[0].isFolded());
    QCOMPARE(primitives[0].count, size_t(1'000'000));
    QCOMPARE(primitives[0].x0, 0.0);
    QVERIFY(primitives[0].x1 >= 999 && primitives[0].x1 <= 1000);
}

void TestTimelineMath::aVisibleGapSplitsFolds()
{
    // Two clusters of 100 tiny spans, 10 px apart at 1 µs a pixel.
    VectorRow row;
    addRegular(&row, 100, 0, 20, 10);
    addRegular(&row, 100, 12'000, 20, 10);
    const auto primitives = fold(row, TimelineViewport(0, 1000), 500);
    QCOMPARE(primitives.size(), size_t(2));
    QCOMPARE(primitives[0].count, size_t(100));
    QCOMPARE(primitives[1].first, size_t(100));
    QCOMPARE(primitives[1].count, size_t(100));
    QVERIFY(primitives[1].x0 - primitives[0].x1 >= 3);
}

void TestTimelineMath::wideSpansStayAsTheyAreAmongFoldedOnes()
{
    // wide, 50 tiny, wide, one tiny alone after a gap: at 1 µs a pixel.
    VectorRow row;
    row.spans.push_back({0, 100'000}); // 100 px
    addRegular(&row, 50, 100'000, 30, 20);
    row.spans.push_back({102'000, 150'000}); // 48 px
    row.spans.push_back({200'000, 200'500}); // half a pixel, alone
    const auto primitives = fold(row, TimelineViewport(0, 1000), 400);
    QCOMPARE(primitives.size(), size_t(4));
    QCOMPARE(primitives[0].count, size_t(1));
    QCOMPARE(primitives[1].first, size_t(1));
    QCOMPARE(primitives[1].count, size_t(50));
    QCOMPARE(primitives[2].first, size_t(51));
    QVERIFY(!primitives[2].isFolded());
    // A lone small span keeps its own colour (count 1), at least a pixel wide.
    QCOMPARE(primitives[3].first, size_t(52));
    QVERIFY(!primitives[3].isFolded());
    QVERIFY(primitives[3].x1 - primitives[3].x0 >= 1);
}

void TestTimelineMath::foldingNeverLosesASpanAndStaysWithinOnePrimitivePerColumns()
{
    // Spans of mixed lengths (10 ns to 10 ms, log-uniform) with mixed gaps.
    QRandomGenerator random(42);
    VectorRow row;
    qint64 t = 0;
    for (int i = 0; i < 200'000; ++i) {
        t += qint64(std::pow(10.0, 1 + 5 * random.generateDouble()));
        const qint64 length = qint64(std::pow(10.0, 1 + 6 * random.generateDouble()));
        row.spans.push_back({t, t + length});
        t += length;
    }
    const double width = 1200;
    for (const double fraction : {1.0, 0.1, 0.01, 1e-4, 1e-6}) {
        const qint64 length = std::max<qint64>(1000, qint64(double(t) * fraction));
        const qint64 from = (t - length) / 2;
        const auto viewport = TimelineViewport::fromRange(from, from + length, width);
        const auto primitives = fold(row, viewport, width);
        const std::vector<size_t> visible
            = visibleByBruteForce(row, viewport.startNs(), viewport.endNs(width));
        size_t covered = 0;
        size_t next = visible.empty() ? 0 : visible.front();
        for (size_t i = 0; i < primitives.size(); ++i) {
            QCOMPARE(primitives[i].first, next); // contiguous, in order
            next += primitives[i].count;
            covered += primitives[i].count;
            if (i > 0)
                QVERIFY(primitives[i].x0 >= primitives[i - 1].x0);
        }
        QCOMPARE(covered, visible.size());
        QVERIFY2(
            primitives.size() <= size_t(width / 3) + 2,
            qPrintable(QStringLiteral("%1 primitives at %2").arg(primitives.size()).arg(fraction)));
    }
}

void TestTimelineMath::foldWidthZeroDrawsEverySpan()
{
    VectorRow row;
    addRegular(&row, 10'000, 0, 100, 50);
    QCOMPARE(fold(row, TimelineViewport::fromRange(0, 1'000'000, 100), 100, 0).size(),
             size_t(10'000));
}

void TestTimelineMath::spanAtFindsTheSpanUnderATime()
{
    VectorRow row;
    row.spans = {{100, 200}, {300, 400}, {1000, 1001}};
    QCOMPARE(TimelineLod::spanAt(row, 150, 0), size_t(0));
    QCOMPARE(TimelineLod::spanAt(row, 200, 0), size_t(0));
    QCOMPARE(TimelineLod::spanAt(row, 250, 0), row.size());
    QCOMPARE(TimelineLod::spanAt(row, 280, 30), size_t(1)); // nearest within the tolerance
    QCOMPARE(TimelineLod::spanAt(row, 990, 20), size_t(2));
    QCOMPARE(TimelineLod::spanAt(row, 5000, 20), row.size());
}

void TestTimelineMath::marksFoldWithinTheirWidth()
{
    VectorMarks marks;
    for (qint64 i = 0; i < 10'000; ++i)
        marks.times.push_back(1'000'000 + i); // 10 µs: one pixel at 10 µs a pixel
    marks.times.push_back(2'000'000);         // 100 px later
    std::vector<TimelineMarkPrimitive> primitives;
    TimelineLod::foldMarks(marks, TimelineViewport(0, 10'000), 1000, 7, &primitives);
    QCOMPARE(primitives.size(), size_t(2));
    QCOMPARE(primitives[0].count, size_t(10'000));
    QCOMPARE(primitives[0].x, 100.0);
    QCOMPARE(primitives[1].first, size_t(10'000));
    QCOMPARE(primitives[1].x, 200.0);
}

void TestTimelineMath::fillsAreGroupedByColour()
{
    const TimelineColors colors;
    TimelineFillBatch batch;
    const quint32 a = TimelineColors::spanKey(1, TimelineStatus::Ok, false);
    const quint32 b = TimelineColors::spanKey(2, TimelineStatus::Ok, false);
    for (int i = 0; i < 30; ++i)
        batch.add(i % 3 == 0   ? a
                  : i % 3 == 1 ? b
                               : TimelineColors::foldedKey,
                  QRect(i * 10, 0, 8, 10));
    QCOMPARE(batch.colorCount(), 3);
    QCOMPARE(batch.rectCount(), 30);
    QImage image(300, 10, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        batch.paint(&painter, colors);
    }
    QCOMPARE(image.pixel(4, 5), colors.fill(a).rgb());
    QCOMPARE(image.pixel(14, 5), colors.fill(b).rgb());
    QCOMPARE(image.pixel(24, 5), colors.fill(TimelineColors::foldedKey).rgb());
    QCOMPARE(image.pixel(9, 5), QColor(Qt::white).rgb());
    QVERIFY(colors.fill(a) != colors.fill(b));
    QVERIFY(colors.fill(TimelineColors::spanKey(1, TimelineStatus::Error, false))
            != colors.fill(a));
    batch.clear();
    QCOMPARE(batch.rectCount(), 0);
    QCOMPARE(batch.colorCount(), 0);
}

void TestTimelineMath::storeKeepsIndicesAcrossChunksAndDrops()
{
    TimelineStore<qint64> store;
    constexpr qint64 n = 3 * qint64(TimelineStore<qint64>::chunkSize) + 17;
    for (qint64 i = 0; i < n; ++i)
        QCOMPARE(store.append(i * 7), quint64(i));
    QCOMPARE(store.size(), n);
    const quint64 full = store.bytes();
    store.dropOldest(TimelineStore<qint64>::chunkSize + 5);
    QCOMPARE(store.firstIndex(), quint64(TimelineStore<qint64>::chunkSize + 5));
    QCOMPARE(store.at(store.firstIndex()), qint64(store.firstIndex()) * 7);
    QCOMPARE(store.byRef(TimelineStore<qint64>::refOf(n - 1)), (n - 1) * 7);
    QVERIFY(store.bytes() < full); // the wholly dropped chunk is freed
    store.dropOldest(quint64(n));  // more than held: all
    QVERIFY(store.isEmpty());
    QCOMPARE(store.append(1), quint64(n));
    QCOMPARE(store.at(quint64(n)), qint64(1));
}

QTEST_MAIN(TestTimelineMath)
#include "tst_timelinemath.moc"
