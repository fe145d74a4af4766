#include "monitorclient.h"

#include "endpointfixture.h"
#include "events/eventbus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace flowscope;

namespace EndpointTest {

MonitorClient::MonitorClient()
{
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                     [this](const QString &text) {
                         messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
                     });
}

QList<QJsonObject> MonitorClient::events() const
{
    QList<QJsonObject> all;
    for (const QJsonObject &m : messages) {
        const QJsonArray list = m.value(QStringLiteral("events")).toArray();
        for (const QJsonValue &e : list)
            all.append(e.toObject());
    }
    return all;
}

int MonitorClient::count(const QString &type, const QString &jobId) const
{
    const QList<QJsonObject> all = events();
    return int(std::count_if(all.begin(), all.end(), [&](const QJsonObject &e) {
        return e.value(QStringLiteral("type")).toString() == type
               && (jobId.isEmpty() || e.value(QStringLiteral("job_id")).toString() == jobId);
    }));
}

QList<qint64> MonitorClient::sequences() const
{
    QList<qint64> seqs;
    const QList<QJsonObject> all = events();
    for (const QJsonObject &e : all)
        seqs.append(e.value(QStringLiteral("seq")).toInteger());
    return seqs;
}

bool StalledReader::open(quint16 port, const QByteArray &path)
{
    m_socket.setReadBufferSize(1);
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!m_socket.waitForConnected(5000))
        return false;
    m_socket.write("GET " + path
                   + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: "
                     "Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n");
    return true;
}

bool StalledReader::catchUpUntilToldOfMissed(int timeoutMs)
{
    m_socket.setReadBufferSize(0);
    QByteArray received;
    qsizetype searched = 0;
    static const QRegularExpression missed(QStringLiteral("\"dropped\":[1-9]"));
    return waitUntil(
        [&] {
            received += m_socket.readAll();
            // Only what arrived since the last look (with room for a match across the edge).
            const qsizetype from = qMax<qsizetype>(0, searched - 16);
            searched = received.size();
            return missed.match(QString::fromLatin1(received.mid(from))).hasMatch();
        },
        timeoutMs);
}

bool StalledReader::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void flood(EventBus &bus, const Event &prototype, int rounds)
{
    Event event = prototype;
    event.payload = QVariantMap{{QStringLiteral("message"), QString(400, QLatin1Char('x'))}};
    std::vector<Event> batch;
    for (int round = 0; round < rounds; ++round) {
        batch.assign(1000, event);
        bus.publish(batch);
        QTest::qWait(2);
    }
}

} // namespace EndpointTest
