#include "consoleclient.h"

#include "endpointfixture.h"
#include "events/eventbus.h"
#include "protocol/messages.h"
#include "runtime/engine.h"

using namespace flowscope;

namespace ConsoleTest {

RawClient::RawClient(QObject *parent)
    : QObject(parent)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this) // a child: moves with it
{
    m_socket.setMaxAllowedIncomingMessageSize(256 << 20);
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { receive(text.toUtf8(), false); });
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { receive(bytes, true); });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
    });
}

bool RawClient::open(const QUrl &url)
{
    m_socket.open(url);
    // A refused upgrade ends in a disconnect, not a timeout.
    EndpointTest::waitUntil(
        [&] { return m_closed || m_socket.state() == QAbstractSocket::ConnectedState; });
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool RawClient::hello(FrameCodec::Encoding encoding, int protocol)
{
    m_encoding = encoding;
    Protocol::Hello message;
    message.protocol = protocol;
    message.encoding = encoding;
    message.client = QStringLiteral("tst_consolechannel");
    const int before = m_frames.size();
    send(Protocol::toCbor(message));
    return EndpointTest::waitUntil([&] { return m_frames.size() > before || m_closed; })
           && !m_closed && m_frames.last().type == QLatin1String("welcome");
}

void RawClient::send(const QCborMap &message)
{
    sendRaw(FrameCodec::encode(message, m_encoding), m_encoding == FrameCodec::Encoding::Cbor);
}

void RawClient::sendRaw(const QByteArray &bytes, bool binary)
{
    if (binary)
        m_socket.sendBinaryMessage(bytes);
    else
        m_socket.sendTextMessage(QString::fromUtf8(bytes));
}

QCborMap RawClient::command(const QString &name, const QCborMap &args)
{
    const quint64 id = m_nextId++;
    send(Protocol::toCbor(Protocol::Command{id, name, args}));
    QCborMap reply;
    EndpointTest::waitUntil([&] {
        for (const Frame &frame : m_frames) {
            if (frame.type == QLatin1String("reply")
                && frame.body.value(QStringLiteral("id")).toInteger() == qint64(id)) {
                reply = frame.body;
                return true;
            }
        }
        return m_closed;
    });
    return reply;
}

QList<Frame> RawClient::framesOf(const QString &type) const
{
    QList<Frame> out;
    for (const Frame &frame : m_frames) {
        if (frame.type == type)
            out.append(frame);
    }
    return out;
}

void RawClient::receive(const QByteArray &bytes, bool binary)
{
    ++(binary ? m_binaryFrames : m_textFrames);
    Frame frame;
    QString error;
    if (!FrameCodec::decode(bytes, binary, &frame, &error)) {
        m_decodeError = error;
        return;
    }
    if (frame.type == QLatin1String("events")) {
        quint64 dropped = 0;
        if (!m_decoder.decode(frame, &m_events, &dropped, &error))
            m_decodeError = error;
        frame.rows.clear(); // the events are kept decoded
    }
    m_frames.append(frame);
}

void publish(Engine &engine, int count, JobId job, int batch)
{
    const Symbol flow = Symbol::intern(u"synthetic");
    const Symbol routine = Symbol::intern(u"r");
    const Symbol port = Symbol::intern(u"in");
    const Symbol agent = Symbol::intern(u"worker-x");
    std::vector<Event> events;
    for (int i = 0; i < count; ++i) {
        Event e;
        e.timeNs = EventSink::nowNs();
        e.job = job;
        e.flow = flow;
        e.routine = routine;
        e.port = port;
        e.agent = agent;
        e.activation = quint64(i + 1);
        e.type = EventType::SlotCalled;
        if (i % 100 == 0)
            e.payload = QVariantMap{{QStringLiteral("i"), i}};
        events.push_back(std::move(e));
        if (int(events.size()) == batch || i == count - 1)
            engine.bus().publish(events); // clears the vector
    }
}

QString holesNotInGaps(const RawClient &client, quint64 first, quint64 last)
{
    QList<QPair<quint64, quint64>> gaps;
    for (const Frame &frame : client.framesOf(QStringLiteral("gap"))) {
        gaps.append({quint64(frame.body.value(QStringLiteral("from")).toInteger()),
                     quint64(frame.body.value(QStringLiteral("to")).toInteger())});
    }
    const auto covered = [&](quint64 from, quint64 to) {
        for (const auto &gap : gaps) {
            if (gap.first <= from && to <= gap.second)
                return true;
        }
        return false;
    };
    quint64 expected = first;
    for (const Event &e : client.events()) {
        if (e.seq < expected)
            return QStringLiteral("seq %1 out of order").arg(e.seq);
        if (e.seq > expected && !covered(expected, e.seq - 1))
            return QStringLiteral("%1..%2 missing without a gap").arg(expected).arg(e.seq - 1);
        expected = e.seq + 1;
    }
    if (expected <= last && !covered(expected, last))
        return QStringLiteral("%1..%2 missing at the end").arg(expected).arg(last);
    return {};
}

bool contiguous(const QVector<Event> &events, quint64 first, quint64 last)
{
    if (events.size() != qsizetype(last - first + 1))
        return false;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].seq != first + quint64(i))
            return false;
    }
    return true;
}

} // namespace ConsoleTest
