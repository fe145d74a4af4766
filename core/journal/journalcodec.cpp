#include "journal/journalcodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

namespace flowscope::Internal {

namespace {

QCborValue fromBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return QCborValue();
    return QCborValue::fromCbor(bytes);
}

// Activation ids are unsigned; CBOR integers here are signed 64-bit, so the bits are kept as is.
qint64 toSigned(quint64 v)
{
    return qint64(v);
}

} // namespace

QByteArray JournalCodec::encodeVariant(const QVariant &value)
{
    if (!value.isValid())
        return {};
    return QCborValue::fromVariant(value).toCbor();
}

QVariant JournalCodec::decodeVariant(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {};
    return fromBytes(bytes).toVariant();
}

QByteArray JournalCodec::encodeMap(const QVariantMap &map)
{
    if (map.isEmpty())
        return {};
    return QCborValue(QCborMap::fromVariantMap(map)).toCbor();
}

QVariantMap JournalCodec::decodeMap(const QByteArray &bytes)
{
    return fromBytes(bytes).toMap().toVariantMap();
}

QByteArray JournalCodec::encodeRoutineVariables(const QMap<QString, QVariantMap> &variables)
{
    if (variables.isEmpty())
        return {};
    QCborMap map;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        map.insert(it.key(), QCborMap::fromVariantMap(it.value()));
    return QCborValue(map).toCbor();
}

QMap<QString, QVariantMap> JournalCodec::decodeRoutineVariables(const QByteArray &bytes)
{
    QMap<QString, QVariantMap> result;
    const QCborMap map = fromBytes(bytes).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        result.insert(it.key().toString(), it.value().toMap().toVariantMap());
    return result;
}

QByteArray JournalCodec::encodePending(const QVector<PendingActivation> &pending)
{
    if (pending.isEmpty())
        return {};
    QCborArray array;
    for (const PendingActivation &p : pending) {
        QCborMap item;
        item.insert(QStringLiteral("id"), toSigned(p.id));
        item.insert(QStringLiteral("parent"), toSigned(p.parent));
        item.insert(QStringLiteral("routine"), p.routine);
        item.insert(QStringLiteral("slot"), p.slot);
        if (p.data.isValid())
            item.insert(QStringLiteral("data"), QCborValue::fromVariant(p.data));
        array.append(item);
    }
    return QCborValue(array).toCbor();
}

QVector<PendingActivation> JournalCodec::decodePending(const QByteArray &bytes)
{
    QVector<PendingActivation> result;
    const QCborArray array = fromBytes(bytes).toArray();
    result.reserve(array.size());
    for (const QCborValue &value : array) {
        const QCborMap item = value.toMap();
        PendingActivation p;
        p.id = quint64(item.value(QStringLiteral("id")).toInteger());
        p.parent = quint64(item.value(QStringLiteral("parent")).toInteger());
        p.routine = item.value(QStringLiteral("routine")).toString();
        p.slot = item.value(QStringLiteral("slot")).toString();
        const QCborValue data = item.value(QStringLiteral("data"));
        if (!data.isUndefined())
            p.data = data.toVariant();
        result.push_back(std::move(p));
    }
    return result;
}

} // namespace flowscope::Internal
