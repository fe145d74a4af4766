#pragma once

#include "journal/jobcheckpoint.h"

#include <QByteArray>
#include <QMap>
#include <QVariant>
#include <QVector>

namespace flowscope::Internal {

// How values that have no column of their own are stored: CBOR, so that maps, lists, numbers
// and byte arrays survive the round trip (JSON would turn bytes into text and lose integers
// above 2^53).
class JournalCodec
{
public:
    // An invalid value encodes as an empty array (stored as NULL) and decodes back to invalid.
    static QByteArray encodeVariant(const QVariant &value);
    static QVariant decodeVariant(const QByteArray &bytes);

    static QByteArray encodeMap(const QVariantMap &map);
    static QVariantMap decodeMap(const QByteArray &bytes);

    static QByteArray encodeRoutineVariables(const QMap<QString, QVariantMap> &variables);
    static QMap<QString, QVariantMap> decodeRoutineVariables(const QByteArray &bytes);

    // Pending activations as an array of {id, parent, routine, slot, data}.
    static QByteArray encodePending(const QVector<PendingActivation> &pending);
    static QVector<PendingActivation> decodePending(const QByteArray &bytes);
};

} // namespace flowscope::Internal
