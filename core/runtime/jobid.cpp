#include "runtime/jobid.h"

namespace flowscope {

QString JobId::toString() const
{
    // By hand rather than with QString::arg: every answer and event row that names a job
    // writes one.
    static const char digits[] = "0123456789abcdef";
    char text[17];
    for (int i = 0; i < 16; ++i)
        text[i < 8 ? i : i + 1] = digits[(m_value >> (60 - 4 * i)) & 0xf];
    text[8] = '-';
    return QString::fromLatin1(text, 17);
}

JobId JobId::fromString(QStringView text, bool *ok)
{
    bool good = text.size() == 17 && text[8] == QLatin1Char('-');
    quint64 high = 0, low = 0;
    if (good) {
        bool okHigh = false, okLow = false;
        high = text.left(8).toULongLong(&okHigh, 16);
        low = text.mid(9).toULongLong(&okLow, 16);
        good = okHigh && okLow;
    }
    if (ok)
        *ok = good;
    return good ? JobId((high << 32) | low) : JobId();
}

} // namespace flowscope
