#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>
#include <QString>
#include <QVector>

class QCborStreamReader;

namespace flowscope {

// One row of an events frame as it came off the wire, before its symbols are resolved
// (EventDecoder does that). Field meanings: docs/protocol.md, "events".
struct EventRow
{
    quint64 seqDelta = 0;
    qint64 timeOffsetNs = 0;
    quint64 type = 0;
    quint64 status = 0;
    quint64 job = 0; // symbol table indexes; 0: none
    quint64 flow = 0;
    quint64 routine = 0;
    quint64 port = 0;
    quint64 agent = 0;
    quint64 activation = 0;
    quint64 parentActivation = 0;
    qint64 durationNs = 0;
    QCborValue payload; // undefined: none
};

// A decoded message: its type, its fields, and for an events frame its rows.
struct Frame
{
    QString type;
    QCborMap body; // every top-level field but "events" of an events frame
    QVector<EventRow> rows;
};

// Frames are JSON text or CBOR binary WebSocket messages holding one map with a "type" field.
// Both decode through the same CBOR reader (JSON is converted first), so a frame means the same
// in either encoding. Nothing is trusted: the first problem is returned with its place.
namespace FrameCodec {

enum class Encoding { Json, Cbor };

QString encodingName(Encoding encoding); // "json", "cbor"
bool encodingFromName(QStringView name, Encoding *encoding);

QByteArray encode(const QCborMap &message, Encoding encoding);
// Re-encodes a CBOR frame (as EventEncoder writes them) as JSON text.
QByteArray cborToJson(const QByteArray &cbor);

// binary: the WebSocket message was binary (CBOR); else text (JSON). A frame decoded into again
// keeps the memory of its rows.
bool decode(const QByteArray &bytes, bool binary, Frame *frame, QString *error);

// Values nested deeper are refused before QCborValue recurses into them.
constexpr int maxNesting = 64;
// Whether the value at reader, inside `level` containers, nests within maxNesting. Stops at the
// first CBOR error (and says true: the decoding that follows reports it), leaving the reader past
// the value otherwise.
bool nestingWithin(QCborStreamReader &reader, int level);

} // namespace FrameCodec

} // namespace flowscope
