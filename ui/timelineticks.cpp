#include "timelineticks.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace flowscope {

namespace {

constexpr qint64 us = 1000;
constexpr qint64 ms = 1000 * us;
constexpr qint64 s = 1000 * ms;
constexpr qint64 minute = 60 * s;
constexpr qint64 hour = 60 * minute;

// Beyond 5 s the steps follow the clock rather than the decimal system.
constexpr std::array<qint64, 15> clockSteps
    = {10 * s,      15 * s, 30 * s,   minute,   2 * minute, 5 * minute, 10 * minute, 15 * minute,
       30 * minute, hour,   2 * hour, 3 * hour, 6 * hour,   12 * hour,  24 * hour};

qint64 power10(int n)
{
    qint64 p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

// "12" + decimals of the fraction (value % unit), exactly, with the locale's decimal point.
QString fixed(qint64 value, qint64 unit, int decimals)
{
    QString text = QString::number(value / unit);
    if (decimals > 0) {
        const qint64 fraction = (value % unit) / (unit / power10(decimals));
        text += QLocale().decimalPoint();
        text += QStringLiteral("%1").arg(fraction, decimals, 10, QLatin1Char('0'));
    }
    return text;
}

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

qint64 TimelineTicks::stepFor(double nsPerPixel, double minSpacingPx)
{
    const double wanted = nsPerPixel * minSpacingPx;
    for (qint64 decade = 1; decade <= s; decade *= 10) {
        for (const qint64 m : {1, 2, 5}) {
            if (double(m * decade) >= wanted)
                return m * decade;
        }
    }
    for (const qint64 step : clockSteps) {
        if (double(step) >= wanted)
            return step;
    }
    // Days: whole multiples of a day.
    return qint64(std::ceil(wanted / double(24 * hour))) * 24 * hour;
}

int TimelineTicks::decimalsFor(qint64 stepNs, qint64 unitNs)
{
    int decimals = 0;
    while (decimals < 9 && (stepNs * power10(decimals)) % unitNs != 0)
        ++decimals;
    return decimals;
}

QString TimelineTicks::label(qint64 offsetNs, qint64 stepNs, qint64 maxOffsetNs)
{
    const QString sign = offsetNs < 0 ? QStringLiteral("−") : QString();
    const qint64 value = std::abs(offsetNs);
    const qint64 largest = std::max(std::abs(maxOffsetNs), value);
    if (largest < us)
        return sign + tr("%1 ns").arg(value);
    if (largest < ms)
        return sign + tr("%1 µs").arg(fixed(value, us, decimalsFor(stepNs, us)));
    if (largest < s)
        return sign + tr("%1 ms").arg(fixed(value, ms, decimalsFor(stepNs, ms)));
    if (largest < 2 * minute)
        return sign + tr("%1 s").arg(fixed(value, s, decimalsFor(stepNs, s)));
    const QString seconds
        = (value % minute < 10 * s ? QStringLiteral("0") : QString())
          + fixed(value % minute, s, decimalsFor(stepNs % minute == 0 ? s : stepNs, s));
    if (largest < hour)
        return sign + QStringLiteral("%1:%2").arg(value / minute).arg(seconds);
    return sign
           + QStringLiteral("%1:%2:%3")
                 .arg(value / hour)
                 .arg(twoDigits(value % hour / minute), seconds);
}

QVector<TimelineTick> TimelineTicks::ticks(const TimelineViewport &viewport, double widthPx,
                                           qint64 originNs, double minSpacingPx)
{
    const qint64 step = stepFor(viewport.nsPerPixel(), minSpacingPx);
    const qint64 first = viewport.startNs() - originNs;
    const qint64 last = viewport.endNs(widthPx) - originNs;
    // The first multiple of the step at or after the left edge (floor division for negatives).
    qint64 tick = first / step * step;
    if (tick < first)
        tick += step;
    const qint64 maxOffset = std::max(std::abs(first), std::abs(last));
    QVector<TimelineTick> ticks;
    for (; tick <= last; tick += step)
        ticks.push_back({originNs + tick, label(tick, step, maxOffset)});
    return ticks;
}

} // namespace flowscope
