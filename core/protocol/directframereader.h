#pragma once

#include "protocol/framecodec.h"

namespace flowscope {

// Decodes a CBOR frame into the same Frame as the general reader (FrameCodec), but reads event
// rows straight from the bytes: through QCborStreamReader, item by item, they were most of a
// client's time. Only the usual shape is read here — a map of definite length with ASCII keys
// met once each, rows of 12 or 13 values whose integers are plain heads; other values go through
// QCborValue as before. Anything else, and every malformed frame, is left to the general reader,
// so that what a frame means and how a bad one is refused have one definition.
class DirectFrameReader
{
public:
    // True: frame holds the body and rows (its type is for the caller to check). False: not
    // decoded here; frame may hold a partial result.
    static bool read(const QByteArray &bytes, Frame *frame);

private:
    explicit DirectFrameReader(const QByteArray &bytes);

    bool readFrame(Frame *frame);
    // One head: major type and argument; false past the end and for indefinite or reserved ones.
    bool head(quint8 *major, quint64 *argument);
    bool rows(QVector<EventRow> *rows);
    bool row(EventRow *row);
    bool signedField(qint64 *value);
    bool unsignedField(quint64 *value);
    // One value of any kind through QCborValue; level: the nesting level it sits in.
    bool value(int level, QCborValue *out);

    const uchar *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

} // namespace flowscope
