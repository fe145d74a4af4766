#pragma once

#include <QHash>
#include <QRect>

#include <vector>

class QPainter;

namespace flowscope {

class TimelineColors;

// Rectangles collected during a frame by colour, then filled with one drawRects per colour:
// brush changes are what costs when thousands of small rectangles are painted. Whole pixels,
// because the raster engine fills integer rectangles several times faster than fractional ones
// (and they are crisper). The buffers are kept between frames.
class TimelineFillBatch
{
public:
    void add(quint32 colorKey, const QRect &rect);
    // From x0 to x1 rounded to whole pixels, at least one wide.
    void add(quint32 colorKey, double x0, double x1, int top, int height);
    void clear();
    int colorCount() const;
    int rectCount() const;
    void paint(QPainter *painter, const TimelineColors &colors) const;

private:
    struct Group
    {
        quint32 key = 0;
        std::vector<QRect> rects;
    };
    std::vector<Group> m_groups;
    QHash<quint32, int> m_index; // colour key -> group
};

} // namespace flowscope
