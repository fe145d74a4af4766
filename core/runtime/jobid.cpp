#include "runtime/jobid.h"

namespace flowscope {

QString JobId::toString() const
{
    return QStringLiteral("%1-%2")
        .arg(quint32(m_value >> 32), 8, 16, QLatin1Char('0'))
        .arg(quint32(m_value), 8, 16, QLatin1Char('0'));
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
