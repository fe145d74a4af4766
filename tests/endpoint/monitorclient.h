#pragma once

#include "events/event.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>
#include <QWebSocket>

namespace flowscope {
class EventBus;
}

// What the monitor WebSocket tests (job and flow monitors) share.
namespace EndpointTest {

// A Routilux client reading one monitor WebSocket: every frame, decoded.
struct MonitorClient
{
    QWebSocket socket;
    QList<QJsonObject> messages;

    MonitorClient();
    // The events of every "events" message, in order of arrival.
    QList<QJsonObject> events() const;
    // Events of this type (of this job when one is given).
    int count(const QString &type, const QString &jobId = {}) const;
    bool sawType(const QString &type) const { return count(type) > 0; }
    QList<qint64> sequences() const;
};

// A monitor client that stops reading: it asks for the upgrade over a raw TCP socket whose Qt
// buffer keeps 1 byte, so the kernel's buffers fill up and the server's unsent bytes grow.
class StalledReader
{
public:
    // Sends the upgrade request for path; false when the connection fails.
    bool open(quint16 port, const QByteArray &path);
    // Reads again until a message says events were dropped (true) or the time is up.
    bool catchUpUntilToldOfMissed(int timeoutMs = 20000);
    bool isConnected() const;

private:
    QTcpSocket m_socket;
};

// Publishes rounds x 1,000 copies of prototype with a 400-character message, serving the event
// loop between rounds: far more than a stalled reader's kernel buffers, the pending-bytes cap
// and its queue hold together.
void flood(flowscope::EventBus &bus, const flowscope::Event &prototype, int rounds = 100);

} // namespace EndpointTest
