#include "searchformat.h"

#include <cmath>

namespace flowscope::SearchFormat {

namespace {

// ns / divisor rounded to whole quanta (divisor / 10^decimals), exactly as QString::arg prints
// the double ns / divisor with that many decimals: the double's binary value decides, and only
// an exact tie rounds away from zero.
quint64 roundedQuanta(qint64 ns, qint64 quantum, qint64 divisor)
{
    const quint64 whole = quint64(ns / quantum);
    const qint64 rest = ns % quantum;
    if (2 * rest < quantum)
        return whole;
    if (2 * rest > quantum)
        return whole + 1;
    // A tie of the exact quotient: the double nearest to it lies above, below or on it.
    const double d = double(ns) / double(divisor);
    int exponent = 0;
    const double mantissa = std::frexp(d, &exponent);
    const auto bits = qint64(std::ldexp(mantissa, 53));
    exponent -= 53; // d == bits * 2^exponent
    __int128 scaled = __int128(bits) * divisor;
    __int128 exact = ns;
    if (exponent >= 0)
        scaled <<= exponent;
    else
        exact <<= -exponent;
    return scaled >= exact ? whole + 1 : whole;
}

int fixed(quint64 quanta, int decimals, char *out)
{
    quint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    int length = decimal(quanta / scale, out);
    out[length++] = '.';
    quint64 fraction = quanta % scale;
    for (int i = decimals - 1; i >= 0; --i) {
        out[length + i] = char('0' + fraction % 10);
        fraction /= 10;
    }
    return length + decimals;
}

} // namespace

int decimal(quint64 v, char *out)
{
    char reversed[decimalCapacity];
    int n = 0;
    do {
        reversed[n++] = char('0' + v % 10);
        v /= 10;
    } while (v);
    for (int i = 0; i < n; ++i)
        out[i] = reversed[n - 1 - i];
    return n;
}

void clock(qint64 timeNs, qint64 utcOffsetMs, char *out)
{
    constexpr qint64 msPerDay = 24 * 3600 * 1000;
    qint64 ms = (timeNs / 1000000 + utcOffsetMs) % msPerDay;
    if (ms < 0)
        ms += msPerDay;
    const auto two = [](qint64 v, char *at) {
        at[0] = char('0' + v / 10);
        at[1] = char('0' + v % 10);
    };
    two(ms / 3600000, out);
    out[2] = ':';
    two(ms / 60000 % 60, out + 3);
    out[5] = ':';
    two(ms / 1000 % 60, out + 6);
    out[8] = '.';
    const qint64 millis = ms % 1000;
    out[9] = char('0' + millis / 100);
    out[10] = char('0' + millis / 10 % 10);
    out[11] = char('0' + millis % 10);
}

DurationUnit durationUnit(qint64 durationNs)
{
    if (durationNs < 1000000)
        return DurationUnit::Micros;
    if (durationNs < 10000000000LL)
        return DurationUnit::Millis;
    return DurationUnit::Seconds;
}

int durationNumber(qint64 durationNs, char *out)
{
    switch (durationUnit(durationNs)) {
    case DurationUnit::Micros:
        return fixed(roundedQuanta(durationNs, 100, 1000), 1, out);
    case DurationUnit::Millis:
        return fixed(roundedQuanta(durationNs, 100000, 1000000), 1, out);
    case DurationUnit::Seconds:
        return fixed(roundedQuanta(durationNs, 10000000, 1000000000), 2, out);
    }
    return 0;
}

} // namespace flowscope::SearchFormat
