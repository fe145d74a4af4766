#pragma once

#include "timelineviewport.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace flowscope {

// What one row of a lane draws in one frame: a span of its own, or several spans too small to
// see folded into one marker.
struct TimelinePrimitive
{
    double x0 = 0; // pixels from the left edge of the view
    double x1 = 0;
    size_t first = 0; // position in the row of the first span it stands for
    size_t count = 1; // 1: one span, drawn in its own colour

    bool isFolded() const { return count > 1; }
};

// A marker drawn for one or more instants that fall on the same few pixels.
struct TimelineMarkPrimitive
{
    double x = 0;
    size_t first = 0;
    size_t count = 1;
};

// Level of detail, the way profilers' timelines do it (Tracy, Qt Creator): clip to the visible
// range by binary search, draw spans at least minPx wide as they are, and fold each run of
// smaller spans whose gaps are smaller than minPx into one marker. Finding the end of a run is
// another binary search, and every step moves at least minPx to the right, so a row costs
// O(width / minPx · log n) however many spans it holds.
//
// A Row has size(), start(i) and end(i) (where the span is drawn to); its spans are sorted by
// start and do not overlap, so they are sorted by end too. It may also summarize its spans in
// blocks (blockSize, blocks(), blockStart(b): the start of the block's first span, blockEnd(b):
// the end of its last), as TimelineRowView does; then searches skip whole blocks through the
// summaries, and a block whose spans all fit in less than minPx joins a run without its spans
// being looked at. That makes a zoomed-out frame cost about one step per block instead of
// several cache misses per span looked up. Marks have size() and time(i), sorted.
class TimelineLod
{
public:
    // The first span ending at or after timeNs, searching from position from.
    template<typename Row>
    static size_t firstEndingFrom(const Row &row, size_t from, qint64 timeNs);
    // The first span starting at or after timeNs.
    template<typename Row>
    static size_t firstStartingFrom(const Row &row, size_t from, qint64 timeNs);
    // The span under timeNs, give or take toleranceNs (the nearest one); row.size() if none.
    template<typename Row>
    static size_t spanAt(const Row &row, qint64 timeNs, qint64 toleranceNs);

    // Appends the primitives of the visible part of row to out, left to right.
    template<typename Row>
    static void foldSpans(const Row &row, const TimelineViewport &viewport, double widthPx,
                          double minPx, std::vector<TimelinePrimitive> *out);
    // One marker per markPx pixels at most.
    template<typename Marks>
    static void foldMarks(const Marks &marks, const TimelineViewport &viewport, double widthPx,
                          double markPx, std::vector<TimelineMarkPrimitive> *out);
    template<typename Marks>
    static size_t firstMarkFrom(const Marks &marks, size_t from, qint64 timeNs);

private:
    template<typename Row>
    static constexpr auto hasBlocks(int) -> decltype(std::declval<const Row &>().blocks(), bool())
    {
        return true;
    }
    template<typename Row>
    static constexpr bool hasBlocks(...)
    {
        return false;
    }
    // A position at or after from before which every span's summary key (block end, or block
    // start when back is 1) is below timeNs.
    template<typename Row, typename Summary>
    static size_t skipBlocks(const Row &row, size_t from, qint64 timeNs, size_t back,
                             Summary summary)
    {
        const size_t block = from / Row::blockSize;
        const size_t blocks = row.blocks();
        if (block >= blocks || summary(block) >= timeNs)
            return from;
        const size_t first = lowerBound(block, blocks, timeNs, summary);
        return std::max(from, (first > back ? first - back : 0) * Row::blockSize);
    }

    // The first position in [from, size) for which key(position) >= value; keys ascend.
    // Galloping from `from`: while folding, the answer is usually a few spans on, so the probes
    // stay close together (in cache) instead of starting from the middle of the row.
    template<typename Key>
    static size_t lowerBound(size_t from, size_t size, qint64 value, Key key)
    {
        size_t low = from; // every position before low has a smaller key
        size_t high = from;
        for (size_t step = 1; high < size && key(high) < value; step *= 2) {
            low = high + 1;
            high = low + step;
        }
        high = std::min(high, size); // key(high) >= value, or high == size
        while (low < high) {
            const size_t middle = low + (high - low) / 2;
            if (key(middle) < value)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
};

template<typename Row>
size_t TimelineLod::firstEndingFrom(const Row &row, size_t from, qint64 timeNs)
{
    if constexpr (hasBlocks<Row>(0)) {
        // Blocks ending before timeNs hold only spans that do.
        from = skipBlocks(row, from, timeNs, 0, [&row](size_t b) { return row.blockEnd(b); });
    }
    return lowerBound(from, row.size(), timeNs, [&row](size_t i) { return row.end(i); });
}

template<typename Row>
size_t TimelineLod::firstStartingFrom(const Row &row, size_t from, qint64 timeNs)
{
    if constexpr (hasBlocks<Row>(0)) {
        // The answer lies in the block before the first that starts at or after timeNs.
        from = skipBlocks(row, from, timeNs, 1, [&row](size_t b) { return row.blockStart(b); });
    }
    return lowerBound(from, row.size(), timeNs, [&row](size_t i) { return row.start(i); });
}

template<typename Marks>
size_t TimelineLod::firstMarkFrom(const Marks &marks, size_t from, qint64 timeNs)
{
    return lowerBound(from, marks.size(), timeNs, [&marks](size_t i) { return marks.time(i); });
}

template<typename Row>
size_t TimelineLod::spanAt(const Row &row, qint64 timeNs, qint64 toleranceNs)
{
    const size_t n = row.size();
    size_t best = n;
    qint64 bestDistance = toleranceNs + 1;
    // Spans ending before timeNs - tolerance are too far left; at most the two that straddle
    // timeNs can be nearer than the tolerance.
    for (size_t i = firstEndingFrom(row, 0, timeNs - toleranceNs); i < n; ++i) {
        const qint64 start = row.start(i);
        if (start > timeNs + toleranceNs)
            break;
        const qint64 distance = timeNs < start        ? start - timeNs
                                : timeNs > row.end(i) ? timeNs - row.end(i)
                                                      : 0;
        if (distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
        if (distance == 0)
            break;
    }
    return best;
}

template<typename Row>
void TimelineLod::foldSpans(const Row &row, const TimelineViewport &viewport, double widthPx,
                            double minPx, std::vector<TimelinePrimitive> *out)
{
    const qint64 viewStart = viewport.startNs();
    const qint64 viewEnd = viewport.endNs(widthPx);
    const qint64 minNs = viewport.nsForPixels(minPx);
    const auto x = [&viewport, widthPx](qint64 t) {
        return std::clamp(viewport.xForTime(t), -2.0, widthPx + 2.0);
    };
    // The visible spans: [i, n).
    size_t i = firstEndingFrom(row, 0, viewStart);
    const size_t n = firstStartingFrom(row, i, viewEnd);
    while (i < n) {
        const qint64 start = row.start(i);
        qint64 end = row.end(i);
        if (end - start >= minNs) {
            out->push_back({x(start), x(end), i, 1});
            ++i;
            continue;
        }
        size_t j = i + 1;
        for (;;) {
            // Spans ending less than minNs after the run are small and close: all of them join.
            const size_t k = std::min(n, firstEndingFrom(row, j, end + minNs));
            if (k > j) {
                end = std::max(end, row.end(k - 1));
                j = k;
            }
            if (j >= n)
                break;
            const qint64 nextStart = row.start(j);
            // A visible gap ends the run.
            if (nextStart - end >= minNs)
                break;
            if constexpr (hasBlocks<Row>(0)) {
                // The rest of j's block and the whole blocks after it, while each fits in less
                // than minNs and follows closely: all their spans are small and close.
                size_t block = j / Row::blockSize;
                qint64 blockFrom = nextStart;
                bool absorbed = false;
                while (block < row.blocks() && (block + 1) * Row::blockSize <= n
                       && blockFrom - end < minNs && row.blockEnd(block) - blockFrom < minNs) {
                    end = std::max(end, row.blockEnd(block));
                    j = ++block * Row::blockSize;
                    absorbed = true;
                    if (block < row.blocks())
                        blockFrom = row.blockStart(block);
                }
                if (absorbed)
                    continue;
            }
            // A span big enough to draw ends the run; a small one joins it.
            const qint64 nextEnd = row.end(j);
            if (nextEnd - nextStart >= minNs)
                break;
            end = std::max(end, nextEnd);
            ++j;
        }
        const double x0 = x(start);
        out->push_back({x0, std::max(x(end), x0 + (j - i > 1 ? minPx : 1.0)), i, j - i});
        i = j;
    }
}

template<typename Marks>
void TimelineLod::foldMarks(const Marks &marks, const TimelineViewport &viewport, double widthPx,
                            double markPx, std::vector<TimelineMarkPrimitive> *out)
{
    const size_t n = marks.size();
    const qint64 half = viewport.nsForPixels(markPx / 2);
    const qint64 viewEnd = viewport.endNs(widthPx) + half;
    size_t i = firstMarkFrom(marks, 0, viewport.startNs() - half);
    while (i < n) {
        const qint64 t = marks.time(i);
        if (t > viewEnd)
            break;
        const double x = viewport.xForTime(t);
        const size_t j = std::max(i + 1, firstMarkFrom(marks, i + 1, viewport.timeAt(x + markPx)));
        out->push_back({x, i, j - i});
        i = j;
    }
}

} // namespace flowscope
