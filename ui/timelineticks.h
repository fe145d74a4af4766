#pragma once

#include "timelineviewport.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace flowscope {

struct TimelineTick
{
    qint64 timeNs = 0;
    QString label;
};

// The time axis: ticks at round steps (1, 2, 5 × 10ⁿ ns up to seconds; 10, 15, 30 s and 1, 2, 5,
// 10, 15, 30 min and hours beyond), labelled as the time since an origin in one unit for the
// whole axis — ns, µs, ms or s, "m:ss" from two minutes and "h:mm:ss" from an hour — with as many
// decimals as the step needs, so neighbouring labels always differ.
class TimelineTicks
{
    Q_DECLARE_TR_FUNCTIONS(TimelineTicks)
public:
    // The smallest round step that puts ticks at least minSpacingPx apart.
    static qint64 stepFor(double nsPerPixel, double minSpacingPx);
    // The ticks of a view widthPx wide, their times measured from originNs.
    static QVector<TimelineTick> ticks(const TimelineViewport &viewport, double widthPx,
                                       qint64 originNs, double minSpacingPx);
    // One label: offsetNs after the origin, precise to stepNs, in the unit the largest offset
    // on the axis (maxOffsetNs) calls for.
    static QString label(qint64 offsetNs, qint64 stepNs, qint64 maxOffsetNs);
    // Decimals needed to show multiples of stepNs in a unit of unitNs.
    static int decimalsFor(qint64 stepNs, qint64 unitNs);
};

} // namespace flowscope
