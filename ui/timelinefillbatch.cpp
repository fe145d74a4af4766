#include "timelinefillbatch.h"

#include "timelinecolors.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace flowscope {

void TimelineFillBatch::add(quint32 colorKey, double x0, double x1, int top, int height)
{
    const int left = int(std::lround(x0));
    const int right = std::max(left + 1, int(std::lround(x1)));
    add(colorKey, QRect(left, top, right - left, height));
}

void TimelineFillBatch::add(quint32 colorKey, const QRect &rect)
{
    auto it = m_index.constFind(colorKey);
    if (it == m_index.cend()) {
        it = m_index.insert(colorKey, int(m_groups.size()));
        m_groups.push_back({colorKey, {}});
    }
    m_groups[size_t(*it)].rects.push_back(rect);
}

void TimelineFillBatch::clear()
{
    for (Group &group : m_groups)
        group.rects.clear();
}

int TimelineFillBatch::colorCount() const
{
    int count = 0;
    for (const Group &group : m_groups)
        count += !group.rects.empty();
    return count;
}

int TimelineFillBatch::rectCount() const
{
    int count = 0;
    for (const Group &group : m_groups)
        count += int(group.rects.size());
    return count;
}

void TimelineFillBatch::paint(QPainter *painter, const TimelineColors &colors) const
{
    painter->save();
    painter->setPen(Qt::NoPen);
    for (const Group &group : m_groups) {
        if (group.rects.empty())
            continue;
        painter->setBrush(colors.fill(group.key));
        painter->drawRects(group.rects.data(), int(group.rects.size()));
    }
    painter->restore();
}

} // namespace flowscope
