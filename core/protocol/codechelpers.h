#pragma once

#include "protocol/fieldreader.h"

#include <QCborMap>

namespace flowscope {
namespace ValueCodec {

// Shared by the value codec's source files.
inline QCborValue jobIdValue(JobId id)
{
    return id.isNull() ? QCborValue() : QCborValue(id.toString());
}

inline void put(QCborMap &map, const char *key, const QCborValue &value)
{
    map.insert(QLatin1String(key), value);
}

inline QCborValue unsignedValue(quint64 value)
{
    // CBOR integers here are signed 64-bit; counters never come near the limit.
    return QCborValue(qint64(value));
}

// An enum field written by name: fromName(text, &value) tells the names it knows.
template<class Enum, class FromName>
void readEnum(const FieldReader &r, const char *key, FromName fromName, Enum *out, const char *what,
              bool required = true)
{
    const QString text = r.string(key, required);
    if (text.isEmpty())
        return;
    if (!fromName(text, out))
        r.fail(key, QStringLiteral("unknown %1 '%2'").arg(QLatin1String(what), text.left(40)));
}

} // namespace ValueCodec
} // namespace flowscope
