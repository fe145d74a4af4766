#pragma once

#include <QtGlobal>

namespace flowscope {

// What part of time the timeline shows: the time at its left edge and how many nanoseconds one
// pixel stands for. Times are nanoseconds since the Unix epoch (≈ 1.7e18), too large for a double
// to hold to the nanosecond, so every conversion subtracts in integers first.
class TimelineViewport
{
public:
    // From 1/20 ns a pixel (nothing finer is recorded) to one day per 100 pixels.
    static constexpr double minNsPerPixel = 0.05;
    static constexpr double maxNsPerPixel = 864e9;

    TimelineViewport() = default;
    TimelineViewport(qint64 startNs, double nsPerPixel);
    // The range [startNs, endNs) over widthPx pixels.
    static TimelineViewport fromRange(qint64 startNs, qint64 endNs, double widthPx);

    qint64 startNs() const { return m_startNs; }
    double nsPerPixel() const { return m_nsPerPixel; }
    // The time at the right edge of a view widthPx wide.
    qint64 endNs(double widthPx) const { return timeAt(widthPx); }

    double xForTime(qint64 timeNs) const { return double(timeNs - m_startNs) / m_nsPerPixel; }
    qint64 timeAt(double x) const;
    // A length in pixels as nanoseconds, at least 1.
    qint64 nsForPixels(double px) const;

    // Scales around the pixel x so that the time under it stays put; factor < 1 zooms in.
    void zoomAround(double x, double factor);
    // Moves the content right by dx pixels (a drag to the right shows earlier times).
    void panByPixels(double dx);
    // Puts timeNs at pixel x, keeping the scale.
    void placeTime(qint64 timeNs, double x);

    friend bool operator==(const TimelineViewport &a, const TimelineViewport &b)
    {
        return a.m_startNs == b.m_startNs && a.m_nsPerPixel == b.m_nsPerPixel;
    }
    friend bool operator!=(const TimelineViewport &a, const TimelineViewport &b)
    {
        return !(a == b);
    }

private:
    static double clampScale(double nsPerPixel);

    qint64 m_startNs = 0;
    double m_nsPerPixel = 1e6; // 1 ms a pixel
};

} // namespace flowscope
