#include "timelineviewport.h"

#include <algorithm>
#include <cmath>

namespace flowscope {

TimelineViewport::TimelineViewport(qint64 startNs, double nsPerPixel)
    : m_startNs(startNs)
    , m_nsPerPixel(clampScale(nsPerPixel))
{}

TimelineViewport TimelineViewport::fromRange(qint64 startNs, qint64 endNs, double widthPx)
{
    const qint64 length = std::max<qint64>(endNs - startNs, 1);
    return TimelineViewport(startNs, double(length) / std::max(widthPx, 1.0));
}

qint64 TimelineViewport::timeAt(double x) const
{
    return m_startNs + qint64(std::llround(x * m_nsPerPixel));
}

qint64 TimelineViewport::nsForPixels(double px) const
{
    return std::max<qint64>(1, qint64(std::llround(px * m_nsPerPixel)));
}

void TimelineViewport::zoomAround(double x, double factor)
{
    if (!(factor > 0))
        return;
    // The exact time under x, kept as an integer plus a fraction of a nanosecond.
    const double offset = x * m_nsPerPixel;
    const qint64 whole = qint64(std::floor(offset));
    const double fraction = offset - double(whole);
    const qint64 anchor = m_startNs + whole;
    m_nsPerPixel = clampScale(m_nsPerPixel * factor);
    m_startNs = anchor - qint64(std::llround(x * m_nsPerPixel - fraction));
}

void TimelineViewport::panByPixels(double dx)
{
    m_startNs -= qint64(std::llround(dx * m_nsPerPixel));
}

void TimelineViewport::placeTime(qint64 timeNs, double x)
{
    m_startNs = timeNs - qint64(std::llround(x * m_nsPerPixel));
}

double TimelineViewport::clampScale(double nsPerPixel)
{
    if (!std::isfinite(nsPerPixel))
        return maxNsPerPixel;
    return std::clamp(nsPerPixel, minNsPerPixel, maxNsPerPixel);
}

} // namespace flowscope
