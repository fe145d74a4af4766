#pragma once

#include "events/event.h"
#include "protocol/eventcodec.h"
#include "protocol/framecodec.h"

#include <QCborMap>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

namespace flowscope {
class Engine;
}

// What the console protocol tests share: a client that speaks the protocol by hand over a raw
// QWebSocket and keeps every frame it receives, decoded, with the events resolved.
namespace ConsoleTest {

class RawClient : public QObject
{
    Q_OBJECT
public:
    explicit RawClient(QObject *parent = nullptr);

    // Opens the socket and waits until it is connected.
    bool open(const QUrl &url);
    // hello with the given encoding and protocol; waits for welcome (or an error).
    bool hello(flowscope::FrameCodec::Encoding encoding, int protocol = 1);
    void send(const QCborMap &message);
    void sendRaw(const QByteArray &bytes, bool binary);
    // command {id, name, args}; waits for its reply and returns it (the map of the reply frame).
    QCborMap command(const QString &name, const QCborMap &args = {});

    QWebSocket &socket() { return m_socket; }
    flowscope::FrameCodec::Encoding encoding() const { return m_encoding; }
    const QList<flowscope::Frame> &frames() const { return m_frames; }
    QList<flowscope::Frame> framesOf(const QString &type) const;
    const QVector<flowscope::Event> &events() const { return m_events; }
    QString decodeError() const { return m_decodeError; }
    bool closed() const { return m_closed; }
    int closeCode() const { return m_closeCode; }
    bool textOnly() const { return m_binaryFrames == 0; }
    bool binaryOnly() const { return m_textFrames == 0; }

private:
    void receive(const QByteArray &bytes, bool binary);

    QWebSocket m_socket;
    flowscope::FrameCodec::Encoding m_encoding = flowscope::FrameCodec::Encoding::Json;
    flowscope::EventDecoder m_decoder;
    QList<flowscope::Frame> m_frames;
    QVector<flowscope::Event> m_events;
    QString m_decodeError;
    quint64 m_nextId = 1;
    int m_textFrames = 0;
    int m_binaryFrames = 0;
    bool m_closed = false;
    int m_closeCode = 0;
};

// Publishes count events straight to the engine's bus, in batches of batch, as sinks do:
// SlotCalled events of job on routine "r" of flow "synthetic" by agent "worker-x".
void publish(flowscope::Engine &engine, int count, flowscope::JobId job = flowscope::JobId(7),
             int batch = 512);

// Empty when every seq in [first, last] is an event of client or inside one of its gaps, else
// what is missing.
QString holesNotInGaps(const RawClient &client, quint64 first, quint64 last);

// Whether events are seq first, first + 1, ... without a hole.
bool contiguous(const QVector<flowscope::Event> &events, quint64 first, quint64 last);

} // namespace ConsoleTest
