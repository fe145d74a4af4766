#include "protocol/directframereader.h"

#include <QCborStreamReader>

#include <limits>

namespace flowscope {

namespace {

constexpr quint8 unsignedType = 0;
constexpr quint8 negativeType = 1;
constexpr quint8 textType = 3;
constexpr quint8 arrayType = 4;
constexpr quint8 mapType = 5;
constexpr int rowFields = 12; // without the optional payload
constexpr int smallestRow = 1 + rowFields;
// Where things sit: the frame's map is level 1, its values 1 deeper, a row's payload in level 3.
constexpr int frameLevel = 1;
constexpr int rowLevel = 3;

} // namespace

DirectFrameReader::DirectFrameReader(const QByteArray &bytes)
    : m_data(reinterpret_cast<const uchar *>(bytes.constData()))
    , m_size(bytes.size())
{}

bool DirectFrameReader::read(const QByteArray &bytes, Frame *frame)
{
    return DirectFrameReader(bytes).readFrame(frame);
}

bool DirectFrameReader::head(quint8 *major, quint64 *argument)
{
    if (m_pos >= m_size)
        return false;
    const uchar initial = m_data[m_pos++];
    *major = initial >> 5;
    const uchar info = initial & 0x1f;
    if (info < 24) {
        *argument = info;
        return true;
    }
    if (info > 27) // 28..30 reserved, 31 indefinite length
        return false;
    const int bytes = 1 << (info - 24);
    if (m_size - m_pos < bytes)
        return false;
    quint64 value = 0;
    for (int i = 0; i < bytes; ++i)
        value = (value << 8) | m_data[m_pos++];
    *argument = value;
    return true;
}

bool DirectFrameReader::unsignedField(quint64 *value)
{
    quint8 major;
    return head(&major, value) && major == unsignedType;
}

bool DirectFrameReader::signedField(qint64 *value)
{
    constexpr quint64 largest = quint64(std::numeric_limits<qint64>::max());
    quint8 major;
    quint64 argument;
    if (!head(&major, &argument))
        return false;
    if (major == unsignedType && argument <= largest) {
        *value = qint64(argument);
        return true;
    }
    // -1 - argument, as far as the general reader takes it without overflow.
    if (major == negativeType && argument < largest) {
        *value = -1 - qint64(argument);
        return true;
    }
    return false;
}

bool DirectFrameReader::row(EventRow *row)
{
    quint8 major;
    quint64 length;
    if (!head(&major, &length) || major != arrayType
        || (length != rowFields && length != rowFields + 1))
        return false;
    const bool ok = unsignedField(&row->seqDelta) && signedField(&row->timeOffsetNs)
                    && unsignedField(&row->type) && unsignedField(&row->status)
                    && unsignedField(&row->job) && unsignedField(&row->flow)
                    && unsignedField(&row->routine) && unsignedField(&row->port)
                    && unsignedField(&row->agent) && unsignedField(&row->activation)
                    && unsignedField(&row->parentActivation) && signedField(&row->durationNs);
    return ok && (length == rowFields || value(rowLevel, &row->payload));
}

bool DirectFrameReader::rows(QVector<EventRow> *rows)
{
    quint8 major;
    quint64 count;
    if (!head(&major, &count) || major != arrayType
        || count > quint64((m_size - m_pos) / smallestRow))
        return false;
    const qsizetype first = rows->size();
    rows->resize(first + qsizetype(count));
    EventRow *out = rows->data() + first;
    for (quint64 i = 0; i < count; ++i) {
        if (!row(out + i))
            return false;
    }
    return true;
}

bool DirectFrameReader::value(int level, QCborValue *out)
{
    // The bytes are not copied: both readers stop at the end of the one value.
    const QByteArray rest
        = QByteArray::fromRawData(reinterpret_cast<const char *>(m_data + m_pos), m_size - m_pos);
    QCborStreamReader probe(rest);
    if (!FrameCodec::nestingWithin(probe, level) || probe.lastError() != QCborError::NoError)
        return false;
    QCborStreamReader reader(rest);
    *out = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError)
        return false;
    m_pos += qsizetype(reader.currentOffset());
    return true;
}

bool DirectFrameReader::readFrame(Frame *frame)
{
    quint8 major;
    quint64 pairs;
    if (!head(&major, &pairs) || major != mapType)
        return false;
    bool rowsRead = false;
    for (quint64 i = 0; i < pairs; ++i) {
        quint64 length;
        if (!head(&major, &length) || major != textType || length > quint64(m_size - m_pos))
            return false;
        const auto *key = reinterpret_cast<const char *>(m_data + m_pos);
        for (quint64 k = 0; k < length; ++k) {
            if (uchar(key[k]) >= 0x80)
                return false; // not ASCII: the general reader checks its UTF-8
        }
        m_pos += qsizetype(length);
        const QLatin1String name(key, qsizetype(length));
        const QString field(name);
        if (frame->body.contains(field) || (rowsRead && name == QLatin1String("events")))
            return false; // a repeated key: the general reader's rules
        if (name == QLatin1String("events") && m_pos < m_size
            && (m_data[m_pos] >> 5) == arrayType) {
            if (!rows(&frame->rows))
                return false;
            rowsRead = true;
            continue;
        }
        QCborValue content;
        if (!value(frameLevel, &content))
            return false;
        frame->body.insert(field, content);
    }
    return m_pos == m_size;
}

} // namespace flowscope
