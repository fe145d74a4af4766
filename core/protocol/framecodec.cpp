#include "protocol/framecodec.h"

#include "protocol/directframereader.h"

#include <QCborStreamReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace flowscope {
namespace FrameCodec {

namespace {

constexpr int eventRowFields = 12; // without the optional payload

// Reads one event row: an array of 12 integers and an optional payload.
class RowReader
{
public:
    RowReader(QCborStreamReader &reader, qsizetype index, QString *error)
        : m_reader(reader)
        , m_index(index)
        , m_error(error)
    {}

    bool read(EventRow *row)
    {
        if (!m_reader.isArray() || !m_reader.isLengthKnown())
            return fail(-1, QStringLiteral("expected an array of 12 or 13 values"));
        const quint64 length = m_reader.length();
        if (length != eventRowFields && length != eventRowFields + 1)
            return fail(-1, QStringLiteral("expected 12 or 13 values, got %1").arg(length));
        m_reader.enterContainer();
        quint64 *const unsignedFields[] = {&row->seqDelta,
                                           nullptr,
                                           &row->type,
                                           &row->status,
                                           &row->job,
                                           &row->flow,
                                           &row->routine,
                                           &row->port,
                                           &row->agent,
                                           &row->activation,
                                           &row->parentActivation,
                                           nullptr};
        for (int i = 0; i < eventRowFields; ++i) {
            if (unsignedFields[i]) {
                if (!m_reader.isUnsignedInteger())
                    return fail(i, QStringLiteral("expected an unsigned integer"));
                *unsignedFields[i] = m_reader.toUnsignedInteger();
            } else {
                qint64 *target = i == 1 ? &row->timeOffsetNs : &row->durationNs;
                if (!m_reader.isInteger())
                    return fail(i, QStringLiteral("expected an integer"));
                const QCborStreamReader::Type type = m_reader.type();
                if (type == QCborStreamReader::UnsignedInteger
                    && m_reader.toUnsignedInteger() > quint64(std::numeric_limits<qint64>::max()))
                    return fail(i, QStringLiteral("integer out of range"));
                if (type == QCborStreamReader::NegativeInteger
                    && quint64(m_reader.toNegativeInteger())
                           > quint64(std::numeric_limits<qint64>::max()))
                    return fail(i, QStringLiteral("integer out of range"));
                *target = m_reader.toInteger();
            }
            m_reader.next();
        }
        if (length > eventRowFields) {
            row->payload = QCborValue::fromCbor(m_reader);
            if (m_reader.lastError() != QCborError::NoError)
                return fail(12, m_reader.lastError().toString());
        }
        return m_reader.leaveContainer() || fail(-1, m_reader.lastError().toString());
    }

private:
    bool fail(int field, const QString &what)
    {
        *m_error = field < 0
                       ? QStringLiteral("events[%1]: %2").arg(m_index).arg(what)
                       : QStringLiteral("events[%1][%2]: %3").arg(m_index).arg(field).arg(what);
        return false;
    }

    QCborStreamReader &m_reader;
    qsizetype m_index;
    QString *m_error;
};

bool readString(QCborStreamReader &reader, QString *out)
{
    out->clear();
    auto chunk = reader.readString();
    while (chunk.status == QCborStreamReader::Ok) {
        out->append(chunk.data);
        chunk = reader.readString();
    }
    return chunk.status == QCborStreamReader::EndOfString;
}

bool readRows(QCborStreamReader &reader, QVector<EventRow> *rows, QString *error)
{
    if (!reader.isArray()) {
        *error = QStringLiteral("events: expected an array");
        return false;
    }
    if (reader.isLengthKnown())
        rows->reserve(qsizetype(std::min<quint64>(reader.length(), 1u << 20)));
    reader.enterContainer();
    for (qsizetype i = 0; reader.hasNext(); ++i) {
        EventRow row;
        if (!RowReader(reader, i, error).read(&row))
            return false;
        rows->push_back(std::move(row));
    }
    if (!reader.leaveContainer()) {
        *error = QStringLiteral("events: ") + reader.lastError().toString();
        return false;
    }
    return true;
}

// Empties the frame but keeps the rows' memory, for a reader that decodes into the same Frame.
void clear(Frame *frame)
{
    frame->type.clear();
    frame->body = QCborMap();
    frame->rows.clear();
}

// The general reader: any well-formed frame, and the error of any other.
bool readCbor(const QByteArray &bytes, Frame *frame, QString *error)
{
    QCborStreamReader probe(bytes);
    if (!nestingWithin(probe, 0)) {
        *error = QStringLiteral("frame: nested deeper than %1 levels").arg(maxNesting);
        return false;
    }
    QCborStreamReader reader(bytes);
    if (!reader.isMap()) {
        *error = QStringLiteral("frame: expected a map");
        return false;
    }
    reader.enterContainer();
    while (reader.hasNext()) {
        QString key;
        if (!reader.isString() || !readString(reader, &key)) {
            *error = QStringLiteral("frame: keys must be strings");
            return false;
        }
        if (key == QLatin1String("events") && reader.isArray()) {
            if (!readRows(reader, &frame->rows, error))
                return false;
            continue;
        }
        const QCborValue value = QCborValue::fromCbor(reader);
        if (reader.lastError() != QCborError::NoError)
            break;
        frame->body.insert(key, value);
    }
    if (reader.lastError() != QCborError::NoError || !reader.leaveContainer()) {
        *error = QStringLiteral("frame: not valid CBOR (%1)").arg(reader.lastError().toString());
        return false;
    }
    if (reader.currentOffset() != bytes.size()) {
        *error = QStringLiteral("frame: %1 bytes after the message")
                     .arg(bytes.size() - reader.currentOffset());
        return false;
    }
    return true;
}

bool decodeCbor(const QByteArray &bytes, Frame *frame, QString *error)
{
    if (!DirectFrameReader::read(bytes, frame)) {
        clear(frame);
        if (!readCbor(bytes, frame, error))
            return false;
    }
    const QCborValue type = frame->body.value(QStringLiteral("type"));
    if (!type.isString() || type.toString().isEmpty()) {
        *error = type.isUndefined() ? QStringLiteral("type: missing")
                                    : QStringLiteral("type: expected a string");
        return false;
    }
    frame->type = type.toString();
    return true;
}

} // namespace

bool nestingWithin(QCborStreamReader &reader, int level)
{
    int open = 0; // containers of this value entered and not yet left
    do {
        if (reader.lastError() != QCborError::NoError || reader.isInvalid())
            return true;
        if (open > 0 && !reader.hasNext()) {
            reader.leaveContainer();
            --open;
        } else if (reader.isContainer()) {
            if (level + open + 1 > maxNesting)
                return false;
            reader.enterContainer();
            ++open;
        } else {
            reader.next();
        }
    } while (open > 0);
    return true;
}

QString encodingName(Encoding encoding)
{
    return encoding == Encoding::Cbor ? QStringLiteral("cbor") : QStringLiteral("json");
}

bool encodingFromName(QStringView name, Encoding *encoding)
{
    if (name == QLatin1String("json"))
        *encoding = Encoding::Json;
    else if (name == QLatin1String("cbor"))
        *encoding = Encoding::Cbor;
    else
        return false;
    return true;
}

QByteArray encode(const QCborMap &message, Encoding encoding)
{
    if (encoding == Encoding::Cbor)
        return message.toCborValue().toCbor();
    return QJsonDocument(message.toJsonObject()).toJson(QJsonDocument::Compact);
}

QByteArray cborToJson(const QByteArray &cbor)
{
    return QJsonDocument(QCborValue::fromCbor(cbor).toMap().toJsonObject())
        .toJson(QJsonDocument::Compact);
}

bool decode(const QByteArray &bytes, bool binary, Frame *frame, QString *error)
{
    clear(frame);
    if (binary)
        return decodeCbor(bytes, frame, error);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("frame: not valid JSON at offset %1 (%2)")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("frame: expected a JSON object");
        return false;
    }
    return decodeCbor(QCborValue::fromJsonValue(document.object()).toCbor(), frame, error);
}

} // namespace FrameCodec
} // namespace flowscope
