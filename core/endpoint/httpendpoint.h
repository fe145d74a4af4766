#pragma once

#include "accesspolicy.h"
#include "apihandlers.h"
#include "checkpointhandlers.h"
#include "debughandlers.h"
#include "endpointrouter.h"
#include "endpointsecurity.h"
#include "healthhandlers.h"
#include "routetable.h"
#include "subscriberstats.h"
#include "tracehandlers.h"
#include "websocketrouter.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <optional>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
QT_END_NAMESPACE

namespace flowscope {

class ConsoleHub;
class Engine;
class JobMonitorHub;
class SseHub;

// The Routilux-compatible monitoring and debugging API of an engine over HTTP, with the job
// monitor and debug WebSockets on the same port. Lives in the thread that created it; its handlers
// call the thread-safe Engine directly (each call is short), so that thread only needs a running
// event loop.
class HttpEndpoint : public QObject
{
    Q_OBJECT
public:
    explicit HttpEndpoint(Engine *engine, QObject *parent = nullptr);
    ~HttpEndpoint() override;

    // Tokens and roles; without a token only loopback addresses may be served. Set before listen.
    void setAccessPolicy(const AccessPolicy &policy);
    // Tokens and TLS together (what the command line gives); false with *error for bad TLS files.
    bool configure(const EndpointSecurity &security, QString *error);
    // Serve HTTPS and WSS with this PEM certificate (chain) and key; false with *error otherwise.
    bool setTls(const QString &certificatePath, const QString &keyPath, QString *error);
    // The routers further channels register with (before listen).
    EndpointRouter &router() { return m_router; }
    WebSocketRouter &webSockets() { return m_sockets; }
    // Every HTTP route registered, for checking the OpenAPI document against it.
    const RouteTable &routeTable() const { return m_routes; }

    // Returns the port really bound (port 0 picks a free one), or 0 with *error set.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    quint16 port() const;
    // Open job monitor WebSockets (for tests and status displays).
    int monitorCount() const;
    // Open job debug WebSockets.
    int debuggerCount() const;
    // Every open event stream, job or flow monitor and console connection with its sent / dropped
    // counts.
    SubscriberStatsList subscriberStats() const;
    // The console protocol's connections (/api/ws/console, docs/protocol.md).
    ConsoleHub *consoles() const { return m_consoles; }
    // Open event streams (GET /api/events/stream).
    int streamCount() const;
    // Time between heartbeats on event streams opened from now on (default 15 s).
    void setStreamHeartbeatInterval(int ms);
    // Event streams open at once (default SseHub::defaultMaxClients).
    void setMaxStreams(int count);

private:
    void addFrequentRoutes();
    void addHealthRoutes();
    void addRestRoutes();
    void addDebugRoutes();
    void addStreamRoutes();
    void addWebSocketChannels();
    void addWebSocketRoute();
    void acceptWebSockets();
    // 404, or 405 with Allow when the path is served under other methods.
    void answerUnrouted(const QHttpServerRequest &request, QHttpServerResponder &responder) const;

    Engine *m_engine;
    ApiHandlers m_handlers;
    DebugHandlers m_debug;
    HealthHandlers m_health;
    CheckpointHandlers m_checkpoints;
    TraceHandlers m_traces;
    AccessPolicy m_policy;
    RouteTable m_routes;
    std::optional<QSslConfiguration> m_tls;
    QHttpServer *m_server;
    EndpointRouter m_router;
    WebSocketRouter m_sockets;
    JobMonitorHub *m_monitors;
    SseHub *m_streams;
    ConsoleHub *m_consoles = nullptr;
    quint16 m_port = 0;
};

} // namespace flowscope
