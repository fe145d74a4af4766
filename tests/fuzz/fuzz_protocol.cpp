// Fuzzes the console protocol's decoder (core/protocol/): the input as a frame, CBOR when its
// first byte is a CBOR map or array head, JSON text otherwise; then everything a client or the
// server reads from a frame of that type: the messages, the event rows through a string table
// that persists across inputs (as on one connection), and the value codec's types. A frame the
// direct reader takes must mean what Qt's own CBOR reader makes of it.
#include "fuzzcheck.h"
#include "protocol/cborwriter.h"
#include "protocol/directframereader.h"
#include "protocol/eventcodec.h"
#include "protocol/framecodec.h"
#include "protocol/messages.h"
#include "protocol/valuecodec.h"

using namespace flowscope;
using FuzzCheck::check;

namespace {

// The rows as Qt reads them back from plain CBOR (unsigned values past qint64 included).
QCborValue rowsAsQtReadsThem(const QVector<EventRow> &rows)
{
    QByteArray bytes;
    CborWriter writer(&bytes);
    writer.startArray(quint64(rows.size()));
    for (const EventRow &r : rows) {
        writer.startArray(r.payload.isUndefined() ? 12 : 13);
        writer.unsignedInt(r.seqDelta);
        writer.integer(r.timeOffsetNs);
        for (quint64 field : {r.type, r.status, r.job, r.flow, r.routine, r.port, r.agent,
                              r.activation, r.parentActivation})
            writer.unsignedInt(field);
        writer.integer(r.durationNs);
        if (!r.payload.isUndefined()) {
            const QByteArray payload = r.payload.toCbor();
            writer.raw(payload.constData(), payload.size());
        }
    }
    return QCborValue::fromCbor(bytes);
}

void checkDirectRead(const QByteArray &bytes)
{
    Frame direct;
    if (!DirectFrameReader::read(bytes, &direct))
        return;
    // Read directly: no deeper than the nesting limit, so QCborValue may recurse into it.
    const QCborMap parsed = QCborValue::fromCbor(bytes).toMap();
    QCborMap rebuilt;
    qsizetype bodyFields = 0;
    for (auto it = parsed.cbegin(); it != parsed.cend(); ++it) {
        if (it.key() == QCborValue(QStringLiteral("events")) && it.value().isArray()) {
            rebuilt.insert(it.key(), rowsAsQtReadsThem(direct.rows));
        } else {
            rebuilt.insert(it.key(), direct.body.value(it.key()));
            ++bodyFields;
        }
    }
    check(rebuilt == parsed && bodyFields == direct.body.size(),
          "a frame read directly means what Qt's CBOR reader makes of it", bytes);
}

template<class T>
void decodeAll(const FieldReader &r, const char *key)
{
    (void)ValueCodec::decodeList<T>(r, key);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const bool binary = size > 0 && ((data[0] & 0xe0) == 0xa0 || (data[0] & 0xe0) == 0x80);
    if (binary)
        checkDirectRead(bytes);
    Frame frame;
    QString error;
    if (!FrameCodec::decode(bytes, binary, &frame, &error)) {
        check(!error.isEmpty(), "a refused frame says why", bytes);
        return 0;
    }
    check(!frame.type.isEmpty(), "a decoded frame has a type", bytes);

    static EventDecoder decoder; // one connection's table, across inputs
    QVector<Event> events;
    quint64 dropped = 0;
    if (!decoder.decode(frame, &events, &dropped, &error))
        check(!error.isEmpty(), "a refused events frame says why", bytes);
    for (qsizetype i = 1; i < events.size(); ++i)
        check(events[i].seq > events[i - 1].seq, "decoded events are in sequence order", bytes);

    Protocol::Hello hello;
    Protocol::Welcome welcome;
    Protocol::Subscribe subscribe;
    Protocol::Command command;
    Protocol::Reply reply;
    Protocol::Error message;
    Protocol::Gap gap;
    (void)Protocol::parse(frame, &hello, &error);
    (void)Protocol::parse(frame, &welcome, &error);
    (void)Protocol::parse(frame, &subscribe, &error);
    (void)Protocol::parse(frame, &command, &error);
    (void)Protocol::parse(frame, &reply, &error);
    (void)Protocol::parse(frame, &message, &error);
    (void)Protocol::parse(frame, &gap, &error);

    // Lists of every value type, under keys named after them.
    const FieldReader r(frame.body, frame.type);
    decodeAll<JobInfo>(r, "jobs");
    decodeAll<AgentInfo>(r, "agents");
    decodeAll<AgentHealth>(r, "health");
    decodeAll<Alert>(r, "alerts");
    decodeAll<FlowDefinition>(r, "flows");
    decodeAll<Breakpoint>(r, "breakpoints");
    decodeAll<MetricsPoint>(r, "series");
    decodeAll<MetricsSummary>(r, "routines");
    decodeAll<JobRecord>(r, "records");
    decodeAll<JobCheckpoint>(r, "checkpoints");
    DebugState state;
    ValueCodec::decode(r.child("state"), &state);
    EvaluationResult result;
    ValueCodec::decode(r.child("result"), &result);

    // What decoded encodes again and decodes again (the rows aside).
    Frame again;
    check(FrameCodec::decode(FrameCodec::encode(frame.body, FrameCodec::Encoding::Cbor), true,
                             &again, &error),
          "a decoded frame's fields encode and decode again", bytes);
    check(again.type == frame.type, "the type survives", bytes);
    return 0;
}
