#include "httpendpoint.h"

#include "consolechannel.h"
#include "consolehub.h"
#include "consoleroutes.h"
#include "externalagentroutes.h"
#include "flowmonitorsocket.h"
#include "guardedserver.h"
#include "jobmonitorhub.h"
#include "jsonshapes.h"
#include "prometheusexporter.h"
#include "requestparsing.h"
#include "restroutes.h"
#include "ssehub.h"
#include "tlsfiles.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QSslServer>
#include <QTcpServer>
#include <QWebSocket>

namespace flowscope {

namespace {

using Method = QHttpServerRequest::Method;
using Request = const QHttpServerRequest &;
using StatusCode = QHttpServerResponder::StatusCode;

bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare("upgrade", Qt::CaseInsensitive) == 0)
            return header.second.compare("websocket", Qt::CaseInsensitive) == 0;
    }
    return false;
}

void writeJson(QHttpServerResponder &responder, int status, const QJsonObject &body)
{
    responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
                    StatusCode(status));
}

} // namespace

HttpEndpoint::HttpEndpoint(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_handlers(engine)
    , m_debug(engine)
    , m_health(engine)
    , m_checkpoints(engine)
    , m_traces(engine)
    , m_server(new QHttpServer(this))
    , m_router(m_server, &m_routes, &m_policy)
    , m_sockets(&m_policy, this)
    , m_monitors(new JobMonitorHub(engine, this))
    , m_streams(new SseHub(engine, this))
{
    // QtHttpServer tries routes in the order they were added: the two that scripts call most
    // (health checks, starting jobs) come first, they have no path argument to shadow another.
    addFrequentRoutes();
    addHealthRoutes(); // before the REST routes: /api/jobs/interrupted must win over
                       // /api/jobs/<arg>
    addRestRoutes();
    addDebugRoutes();
    RestRoutes::add(m_router, m_sockets, engine, this);
    addStreamRoutes();
    addExternalAgentRoutes(m_router, m_sockets, engine, this);
    addWebSocketChannels();
    addWebSocketRoute();
    // Method mismatches land here too (QtHttpServer 6.4): tell 405 from 404.
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerUnrouted(request, responder);
        });
}

// Monitors unsubscribe from the bus first; the server (and the handlers that use m_handlers) goes
// before the members do.
HttpEndpoint::~HttpEndpoint()
{
    delete m_consoles;
    delete m_streams;
    delete m_monitors;
    delete m_server;
}

void HttpEndpoint::addHealthRoutes()
{
    EndpointRouter &r = m_router;
    const HealthHandlers *health = &m_health;
    const CheckpointHandlers *checkpoints = &m_checkpoints;
    constexpr AccessRole read = AccessRole::Read;
    constexpr AccessRole control = AccessRole::Control;

    r.route(Method::Get, QStringLiteral("/api/agents"), read,
            [health](Request) { return health->agents(); });
    r.route(Method::Get, QStringLiteral("/api/agents/<arg>"), read,
            [health](const QString &name, Request) { return health->agent(name); });
    r.route(Method::Get, QStringLiteral("/api/alerts"), read,
            [health](Request request) { return health->alerts(request.query()); });
    r.route(Method::Get, QStringLiteral("/api/metrics/summary"), read,
            [health](Request request) { return health->metricsSummary(request.query()); });
    r.route(Method::Get, QStringLiteral("/api/jobs/<arg>/metrics"), read,
            [health](const QString &id, Request request) {
                return health->jobMetrics(id, request.query());
            });
    r.route(Method::Get, QStringLiteral("/api/flows/<arg>/metrics"), read,
            [health](const QString &id, Request request) {
                return health->flowMetrics(id, request.query());
            });
    r.routeRaw(Method::Get, QStringLiteral("/api/reports/health"), read,
               [health](Request request) { return health->report(request.query()); });

    r.routeRaw(Method::Get, QStringLiteral("/metrics"), read, [this](Request) {
        return RawReply{200, PrometheusExporter::contentType(),
                        PrometheusExporter::render(*m_engine, subscriberStats())};
    });

    r.route(Method::Get, QStringLiteral("/api/jobs/interrupted"), read,
            [checkpoints](Request) { return checkpoints->interruptedJobs(); });
    r.route(Method::Get, QStringLiteral("/api/jobs/<arg>/checkpoints"), read,
            [checkpoints](const QString &id, Request) { return checkpoints->checkpoints(id); });
    r.route(Method::Post, QStringLiteral("/api/jobs/<arg>/checkpoints"), control,
            [checkpoints](const QString &id, Request request) {
                return checkpoints->takeCheckpoint(id, request.body());
            });
    r.route(Method::Post, QStringLiteral("/api/jobs/<arg>/resume-from"), control,
            [checkpoints](const QString &id, Request request) {
                return checkpoints->resumeFrom(id, request.body());
            });
    r.route(Method::Post, QStringLiteral("/api/jobs/<arg>/fork"), control,
            [checkpoints](const QString &id, Request request) {
                return checkpoints->fork(id, request.body());
            });
}

void HttpEndpoint::addFrequentRoutes()
{
    const ApiHandlers *api = &m_handlers;
    m_router.route(Method::Get, QStringLiteral("/api/health"), AccessRole::Read,
                   [api](Request) { return api->health(); });
    m_router.route(Method::Post, QStringLiteral("/api/jobs"), AccessRole::Control,
                   [api](Request request) { return api->createJob(request.body()); });
}

void HttpEndpoint::addRestRoutes()
{
    EndpointRouter &r = m_router;
    const ApiHandlers *api = &m_handlers;
    constexpr AccessRole read = AccessRole::Read;
    constexpr AccessRole control = AccessRole::Control;

    r.route(Method::Get, QStringLiteral("/api/flows"), read,
            [api](Request) { return api->flows(); });
    r.route(Method::Get, QStringLiteral("/api/flows/<arg>"), read,
            [api](const QString &id, Request) { return api->flow(id); });
    r.route(Method::Get, QStringLiteral("/api/classes"), read,
            [api](Request) { return api->classes(); });

    r.route(Method::Get, QStringLiteral("/api/jobs"), read,
            [api](Request request) { return api->jobs(request.query()); });
    r.route(Method::Get, QStringLiteral("/api/jobs/<arg>"), read,
            [api](const QString &id, Request) { return api->job(id); });
    r.route(Method::Get, QStringLiteral("/api/jobs/<arg>/status"), read,
            [api](const QString &id, Request) { return api->jobStatus(id); });
    m_traces.addRoutes(r);
    using Action = ApiHandlers::JobAction;
    const QList<QPair<QString, Action>> actions{{QStringLiteral("pause"), Action::Pause},
                                                {QStringLiteral("resume"), Action::Resume},
                                                {QStringLiteral("cancel"), Action::Cancel}};
    for (const auto &[name, action] : actions) {
        r.route(Method::Post, QStringLiteral("/api/jobs/<arg>/") + name, control,
                [api, a = action](const QString &id, Request) { return api->controlJob(id, a); });
    }
}

void HttpEndpoint::addDebugRoutes()
{
    EndpointRouter &r = m_router;
    const DebugHandlers *debug = &m_debug;
    using Control = DebugHandlers::Control;
    constexpr AccessRole read = AccessRole::Read;
    constexpr AccessRole control = AccessRole::Control;

    // Breakpoints of one job (and its flow's), and of a flow (every job of it).
    const QString jobBps = QStringLiteral("/api/jobs/<arg>/breakpoints");
    r.route(Method::Post, jobBps, control, [debug](const QString &id, Request request) {
        return debug->addJobBreakpoint(id, request.body());
    });
    r.route(Method::Get, jobBps, read,
            [debug](const QString &id, Request) { return debug->jobBreakpoints(id); });
    r.route(Method::Put, jobBps + QStringLiteral("/<arg>"), control,
            [debug](const QString &id, const QString &bp, Request request) {
                return debug->enableJobBreakpoint(id, bp, request.query());
            });
    r.route(Method::Delete, jobBps + QStringLiteral("/<arg>"), control,
            [debug](const QString &id, const QString &bp, Request) {
                return debug->removeJobBreakpoint(id, bp);
            });
    const QString flowBps = QStringLiteral("/api/flows/<arg>/breakpoints");
    r.route(Method::Post, flowBps, control, [debug](const QString &id, Request request) {
        return debug->addFlowBreakpoint(id, request.body());
    });
    r.route(Method::Get, flowBps, read,
            [debug](const QString &id, Request) { return debug->flowBreakpoints(id); });
    r.route(Method::Put, flowBps + QStringLiteral("/<arg>"), control,
            [debug](const QString &id, const QString &bp, Request request) {
                return debug->enableFlowBreakpoint(id, bp, request.query());
            });
    r.route(Method::Delete, flowBps + QStringLiteral("/<arg>"), control,
            [debug](const QString &id, const QString &bp, Request) {
                return debug->removeFlowBreakpoint(id, bp);
            });

    const QString dbg = QStringLiteral("/api/jobs/<arg>/debug/");
    r.route(Method::Get, dbg + QStringLiteral("session"), read,
            [debug](const QString &id, Request) { return debug->session(id); });
    // Routilux documents step_over / step_into while its server served step-over: take both.
    const QList<QPair<QString, Control>> controls{
        {QStringLiteral("resume"), Control::Continue},
        {QStringLiteral("continue"), Control::Continue},
        {QStringLiteral("pause"), Control::Pause},
        {QStringLiteral("step-over"), Control::StepOver},
        {QStringLiteral("step_over"), Control::StepOver},
        {QStringLiteral("step-into"), Control::StepInto},
        {QStringLiteral("step_into"), Control::StepInto},
        {QStringLiteral("step-out"), Control::StepOut},
        {QStringLiteral("step_out"), Control::StepOut},
    };
    for (const auto &[name, c] : controls) {
        r.route(Method::Post, dbg + name, control,
                [debug, c = c](const QString &id, Request) { return debug->control(id, c); });
    }
    r.route(Method::Get, dbg + QStringLiteral("variables"), read,
            [debug](const QString &id, Request request) {
                return debug->variables(id, request.query());
            });
    r.route(Method::Put, dbg + QStringLiteral("variables/<arg>"), control,
            [debug](const QString &id, const QString &name, Request request) {
                return debug->setVariable(id, name, request.body());
            });
    r.route(Method::Get, dbg + QStringLiteral("call-stack"), read,
            [debug](const QString &id, Request) { return debug->callStack(id); });
    // Evaluating runs expressions in the job: a control right.
    r.route(Method::Post, dbg + QStringLiteral("evaluate"), control,
            [debug](const QString &id, Request request) {
                return debug->evaluate(id, request.body());
            });
}

void HttpEndpoint::addStreamRoutes()
{
    SseHub *streams = m_streams;
    // The SWF paths end with a slash; status routes first so the stream routes never shadow them.
    const QStringList bases{QStringLiteral("/api/events/stream"),
                            QStringLiteral("/api/messages/stream/")};
    for (const QString &base : bases) {
        const QString status = base.endsWith(QLatin1Char('/')) ? base + QStringLiteral("status/")
                                                               : base + QStringLiteral("/status");
        m_router.routeRaw(Method::Get, status, AccessRole::Read, [streams](Request) {
            return RawReply{200, "application/json",
                            QJsonDocument(streams->status()).toJson(QJsonDocument::Compact)};
        });
    }
    for (const QString &base : bases) {
        m_router.routeStream(Method::Get, base, AccessRole::Read,
                             [streams](Request request, QHttpServerResponder &&responder) {
                                 streams->open(request, std::move(responder));
                             });
    }
}

void HttpEndpoint::addWebSocketChannels()
{
    JobMonitorHub *hub = m_monitors;
    const auto toHub = [hub](std::unique_ptr<QWebSocket> socket, const QStringList &, AccessRole) {
        hub->accept(std::move(socket));
    };
    m_sockets.add(QStringLiteral("^/api/ws/jobs/[^/]+/monitor$"), AccessRole::Read, toHub);
    // The debug channel steps, sets variables and evaluates: a control right.
    m_sockets.add(QStringLiteral("^/api/ws/jobs/[^/]+/debug$"), AccessRole::Control, toHub);
    m_consoles = addConsoleChannel(m_sockets, m_engine, &m_policy, this);
}

void HttpEndpoint::addWebSocketRoute()
{
    // QtHttpServer 6.4 upgrades a connection only when a route matches its path and writes
    // nothing. This catch-all GET route, registered last, lets through the upgrades of callers
    // with the role the channel needs (the router closes unserved paths with 1008), refuses the
    // others with 401 / 403 before any upgrade, and answers plain GETs that no other route took.
    m_routes.add(QStringLiteral("GET"), QStringLiteral("/api/ws/<arg>"));
    m_server->route(QStringLiteral("/<arg>"), Method::Get,
                    [this](const QUrl &, Request request, QHttpServerResponder &&responder) {
                        const QString path = request.url().path();
                        if (isWebSocketUpgrade(request)) {
                            AccessRole needed = AccessRole::None;
                            if (!m_sockets.serves(path, &needed))
                                return;
                            const ApiReply refused = m_router.refusal(request, needed);
                            if (refused.httpStatus)
                                writeJson(responder, refused.httpStatus, refused.body);
                            return;
                        }
                        if (!path.startsWith(QStringLiteral("/api/ws/"))) {
                            answerUnrouted(request, responder);
                            return;
                        }
                        const QString message = QStringLiteral("%1 is a WebSocket endpoint: send "
                                                               "an Upgrade: websocket request")
                                                    .arg(path);
                        writeJson(responder, 400, EndpointJson::error(400, message));
                    });
    connect(m_server, &QHttpServer::newWebSocketConnection, this, &HttpEndpoint::acceptWebSockets);
}

void HttpEndpoint::answerUnrouted(const QHttpServerRequest &request,
                                  QHttpServerResponder &responder) const
{
    const QString path = request.url().path();
    const QStringList allowed = m_routes.methodsFor(path);
    if (allowed.isEmpty()) {
        const QString message = QStringLiteral("no route for %1 %2")
                                    .arg(EndpointRouter::methodName(request.method()), path);
        writeJson(responder, 404, EndpointJson::error(404, message));
        return;
    }
    const QString allowList = allowed.join(QStringLiteral(", "));
    const QString message = QStringLiteral("method %1 not allowed on %2 (allowed: %3)")
                                .arg(EndpointRouter::methodName(request.method()), path, allowList);
    responder.write(QJsonDocument(EndpointJson::error(405, message)).toJson(QJsonDocument::Compact),
                    {{"Content-Type", "application/json"}, {"Allow", allowList.toUtf8()}},
                    StatusCode::MethodNotAllowed);
}

void HttpEndpoint::acceptWebSockets()
{
    while (m_server->hasPendingWebSocketConnections())
        m_sockets.accept(m_server->nextPendingWebSocketConnection());
}

void HttpEndpoint::setAccessPolicy(const AccessPolicy &policy)
{
    m_policy = policy;
}

bool HttpEndpoint::configure(const EndpointSecurity &security, QString *error)
{
    AccessPolicy policy;
    policy.setControlToken(security.controlToken);
    policy.setReadToken(security.readToken);
    setAccessPolicy(policy);
    return !security.usesTls() || setTls(security.tlsCertificate, security.tlsKey, error);
}

bool HttpEndpoint::setTls(const QString &certificatePath, const QString &keyPath, QString *error)
{
    TlsFiles files;
    if (!files.load(certificatePath, keyPath, error))
        return false;
    m_tls = files.configuration();
    return true;
}

quint16 HttpEndpoint::listen(const QHostAddress &address, quint16 port, QString *error)
{
    QString why;
    if (!m_policy.mayListenOn(address.toString(), address.isLoopback(), &why)) {
        if (error)
            *error = why;
        return 0;
    }
    // A server of our own, to report why listening failed (QHttpServer::listen only says 0) and to
    // guard every connection's request size.
    QTcpServer *tcpServer = nullptr;
    if (m_tls) {
        auto *sslServer = new GuardedServer<QSslServer>(RequestParsing::maxBodyBytes, m_server);
        sslServer->setSslConfiguration(*m_tls);
        tcpServer = sslServer;
    } else {
        tcpServer = new GuardedServer<QTcpServer>(RequestParsing::maxBodyBytes, m_server);
    }
    if (!tcpServer->listen(address, port)) {
        if (error) {
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(tcpServer->errorString());
        }
        delete tcpServer;
        return 0;
    }
    m_server->bind(tcpServer);
    m_port = tcpServer->serverPort();
    return m_port;
}

quint16 HttpEndpoint::port() const
{
    return m_port;
}

SubscriberStatsList HttpEndpoint::subscriberStats() const
{
    SubscriberStatsList stats = m_streams->subscriberStats();
    stats += m_monitors->subscriberStats();
    // RestRoutes makes flow monitors this object's children.
    const auto flowMonitors = findChildren<FlowMonitorSocket *>(Qt::FindDirectChildrenOnly);
    for (const FlowMonitorSocket *monitor : flowMonitors) {
        stats.append({QStringLiteral("flow_monitor"),
                      monitor->flowId() + QLatin1Char('@') + QString::number(quintptr(monitor), 16),
                      monitor->sentCount(), monitor->droppedCount()});
    }
    if (m_consoles) {
        for (const ConsoleChannel *channel : m_consoles->channels()) {
            stats.append({QStringLiteral("console"), QString::number(quintptr(channel), 16),
                          channel->sentEvents(), channel->skippedEvents()});
        }
    }
    return stats;
}

int HttpEndpoint::monitorCount() const
{
    return m_monitors->monitorCount();
}

int HttpEndpoint::debuggerCount() const
{
    return m_monitors->debuggerCount();
}

int HttpEndpoint::streamCount() const
{
    return m_streams->clientCount();
}

void HttpEndpoint::setMaxStreams(int count)
{
    m_streams->setMaxClients(count);
}

void HttpEndpoint::setStreamHeartbeatInterval(int ms)
{
    m_streams->setHeartbeatInterval(ms);
}

} // namespace flowscope
