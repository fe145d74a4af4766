#include "httpendpoint.h"

#include "jobmonitorhub.h"
#include "jsonshapes.h"
#include "prometheusexporter.h"
#include "ssehub.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QTcpServer>
#include <QWebSocket>

namespace flowscope {

namespace {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponder::StatusCode;

QHttpServerResponse toResponse(const ApiReply &reply)
{
    return QHttpServerResponse(reply.body, StatusCode(reply.httpStatus));
}

QString methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Patch:
        return QStringLiteral("PATCH");
    case Method::Head:
        return QStringLiteral("HEAD");
    case Method::Options:
        return QStringLiteral("OPTIONS");
    default:
        return QStringLiteral("request");
    }
}

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
    , m_server(new QHttpServer(this))
    , m_monitors(new JobMonitorHub(engine, this))
    , m_streams(new SseHub(engine, this))
{
    addHealthRoutes(); // first: /api/jobs/interrupted must win over /api/jobs/<arg>
    addRestRoutes();
    addDebugRoutes();
    addStreamRoutes();
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
    delete m_streams;
    delete m_monitors;
    delete m_server;
}

void HttpEndpoint::addHealthRoutes()
{
    const auto add = [this](Method method, const QString &pattern, auto handler) {
        m_routes.add(methodName(method), pattern);
        m_server->route(pattern, method, std::move(handler));
    };
    const HealthHandlers *health = &m_health;
    const CheckpointHandlers *checkpoints = &m_checkpoints;
    using Request = const QHttpServerRequest &;

    add(Method::Get, QStringLiteral("/api/agents"),
        [health] { return toResponse(health->agents()); });
    add(Method::Get, QStringLiteral("/api/agents/<arg>"),
        [health](const QString &name) { return toResponse(health->agent(name)); });
    add(Method::Get, QStringLiteral("/api/alerts"),
        [health](Request request) { return toResponse(health->alerts(request.query())); });
    add(Method::Get, QStringLiteral("/api/metrics/summary"),
        [health](Request request) { return toResponse(health->metricsSummary(request.query())); });
    add(Method::Get, QStringLiteral("/api/jobs/<arg>/metrics"),
        [health](const QString &id, Request request) {
            return toResponse(health->jobMetrics(id, request.query()));
        });
    add(Method::Get, QStringLiteral("/api/flows/<arg>/metrics"),
        [health](const QString &id, Request request) {
            return toResponse(health->flowMetrics(id, request.query()));
        });
    add(Method::Get, QStringLiteral("/api/reports/health"), [health](Request request) {
        const RawReply reply = health->report(request.query());
        return QHttpServerResponse(reply.contentType, reply.body, StatusCode(reply.httpStatus));
    });

    Engine *engine = m_engine;
    add(Method::Get, QStringLiteral("/metrics"), [engine] {
        return QHttpServerResponse(PrometheusExporter::contentType(),
                                   PrometheusExporter::render(*engine));
    });

    add(Method::Get, QStringLiteral("/api/jobs/interrupted"),
        [checkpoints] { return toResponse(checkpoints->interruptedJobs()); });
    add(Method::Get, QStringLiteral("/api/jobs/<arg>/checkpoints"),
        [checkpoints](const QString &id) { return toResponse(checkpoints->checkpoints(id)); });
    add(Method::Post, QStringLiteral("/api/jobs/<arg>/checkpoints"),
        [checkpoints](const QString &id, Request request) {
            return toResponse(checkpoints->takeCheckpoint(id, request.body()));
        });
    add(Method::Post, QStringLiteral("/api/jobs/<arg>/resume-from"),
        [checkpoints](const QString &id, Request request) {
            return toResponse(checkpoints->resumeFrom(id, request.body()));
        });
    add(Method::Post, QStringLiteral("/api/jobs/<arg>/fork"),
        [checkpoints](const QString &id, Request request) {
            return toResponse(checkpoints->fork(id, request.body()));
        });
}

void HttpEndpoint::addRestRoutes()
{
    // Each route is registered with the server and in the table the missing handler reads.
    const auto get = [this](const QString &pattern, auto handler) {
        m_routes.add(QStringLiteral("GET"), pattern);
        m_server->route(pattern, Method::Get, std::move(handler));
    };
    const auto post = [this](const QString &pattern, auto handler) {
        m_routes.add(QStringLiteral("POST"), pattern);
        m_server->route(pattern, Method::Post, std::move(handler));
    };
    const ApiHandlers *api = &m_handlers;

    get(QStringLiteral("/api/health"), [api] { return toResponse(api->health()); });
    get(QStringLiteral("/api/flows"), [api] { return toResponse(api->flows()); });
    get(QStringLiteral("/api/flows/<arg>"),
        [api](const QString &id) { return toResponse(api->flow(id)); });
    get(QStringLiteral("/api/classes"), [api] { return toResponse(api->classes()); });

    post(QStringLiteral("/api/jobs"), [api](const QHttpServerRequest &request) {
        return toResponse(api->createJob(request.body()));
    });
    get(QStringLiteral("/api/jobs"), [api](const QHttpServerRequest &request) {
        return toResponse(api->jobs(request.query()));
    });
    get(QStringLiteral("/api/jobs/<arg>"),
        [api](const QString &id) { return toResponse(api->job(id)); });
    get(QStringLiteral("/api/jobs/<arg>/status"),
        [api](const QString &id) { return toResponse(api->jobStatus(id)); });
    get(QStringLiteral("/api/jobs/<arg>/trace"),
        [api](const QString &id, const QHttpServerRequest &request) {
            return toResponse(api->trace(id, request.query()));
        });
    post(QStringLiteral("/api/jobs/<arg>/pause"), [api](const QString &id) {
        return toResponse(api->controlJob(id, ApiHandlers::JobAction::Pause));
    });
    post(QStringLiteral("/api/jobs/<arg>/resume"), [api](const QString &id) {
        return toResponse(api->controlJob(id, ApiHandlers::JobAction::Resume));
    });
    post(QStringLiteral("/api/jobs/<arg>/cancel"), [api](const QString &id) {
        return toResponse(api->controlJob(id, ApiHandlers::JobAction::Cancel));
    });
}

void HttpEndpoint::addDebugRoutes()
{
    // Each route is registered with the server and in the table the missing handler reads.
    const auto add = [this](Method method, const QString &pattern, auto handler) {
        m_routes.add(methodName(method), pattern);
        m_server->route(pattern, method, std::move(handler));
    };
    const DebugHandlers *debug = &m_debug;
    using Request = const QHttpServerRequest &;
    using Control = DebugHandlers::Control;

    // Breakpoints of one job (and its flow's), and of a flow (every job of it).
    const QString jobBps = QStringLiteral("/api/jobs/<arg>/breakpoints");
    add(Method::Post, jobBps, [debug](const QString &id, Request request) {
        return toResponse(debug->addJobBreakpoint(id, request.body()));
    });
    add(Method::Get, jobBps,
        [debug](const QString &id) { return toResponse(debug->jobBreakpoints(id)); });
    add(Method::Put, jobBps + QStringLiteral("/<arg>"),
        [debug](const QString &id, const QString &bp, Request request) {
            return toResponse(debug->enableJobBreakpoint(id, bp, request.query()));
        });
    add(Method::Delete, jobBps + QStringLiteral("/<arg>"),
        [debug](const QString &id, const QString &bp) {
            return toResponse(debug->removeJobBreakpoint(id, bp));
        });
    const QString flowBps = QStringLiteral("/api/flows/<arg>/breakpoints");
    add(Method::Post, flowBps, [debug](const QString &id, Request request) {
        return toResponse(debug->addFlowBreakpoint(id, request.body()));
    });
    add(Method::Get, flowBps,
        [debug](const QString &id) { return toResponse(debug->flowBreakpoints(id)); });
    add(Method::Put, flowBps + QStringLiteral("/<arg>"),
        [debug](const QString &id, const QString &bp, Request request) {
            return toResponse(debug->enableFlowBreakpoint(id, bp, request.query()));
        });
    add(Method::Delete, flowBps + QStringLiteral("/<arg>"),
        [debug](const QString &id, const QString &bp) {
            return toResponse(debug->removeFlowBreakpoint(id, bp));
        });

    const QString dbg = QStringLiteral("/api/jobs/<arg>/debug/");
    add(Method::Get, dbg + QStringLiteral("session"),
        [debug](const QString &id) { return toResponse(debug->session(id)); });
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
    for (const auto &[name, control] : controls) {
        add(Method::Post, dbg + name,
            [debug, c = control](const QString &id) { return toResponse(debug->control(id, c)); });
    }
    add(Method::Get, dbg + QStringLiteral("variables"),
        [debug](const QString &id, Request request) {
            return toResponse(debug->variables(id, request.query()));
        });
    add(Method::Put, dbg + QStringLiteral("variables/<arg>"),
        [debug](const QString &id, const QString &name, Request request) {
            return toResponse(debug->setVariable(id, name, request.body()));
        });
    add(Method::Get, dbg + QStringLiteral("call-stack"),
        [debug](const QString &id) { return toResponse(debug->callStack(id)); });
    add(Method::Post, dbg + QStringLiteral("evaluate"),
        [debug](const QString &id, Request request) {
            return toResponse(debug->evaluate(id, request.body()));
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
        m_routes.add(QStringLiteral("GET"), status);
        m_server->route(status, Method::Get, [streams](const QHttpServerRequest &) {
            return QHttpServerResponse(streams->status());
        });
    }
    for (const QString &base : bases) {
        m_routes.add(QStringLiteral("GET"), base);
        m_server->route(
            base, Method::Get,
            [streams](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                streams->open(request, std::move(responder));
            });
    }
}

void HttpEndpoint::addWebSocketRoute()
{
    // QtHttpServer 6.4 upgrades a connection only when a route matches its path and writes
    // nothing. This catch-all GET route, registered last, lets every WebSocket upgrade through
    // (the hub closes the ones it does not serve with 1008) and answers plain GETs that no other
    // route took.
    m_routes.add(QStringLiteral("GET"), QStringLiteral("/api/ws/<arg>"));
    m_server->route(
        QStringLiteral("/<arg>"), Method::Get,
        [this](const QUrl &, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            if (isWebSocketUpgrade(request))
                return;
            const QString path = request.url().path();
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
        const QString message
            = QStringLiteral("no route for %1 %2").arg(methodName(request.method()), path);
        writeJson(responder, 404, EndpointJson::error(404, message));
        return;
    }
    const QString allowList = allowed.join(QStringLiteral(", "));
    const QString message = QStringLiteral("method %1 not allowed on %2 (allowed: %3)")
                                .arg(methodName(request.method()), path, allowList);
    responder.write(QJsonDocument(EndpointJson::error(405, message)).toJson(QJsonDocument::Compact),
                    {{"Content-Type", "application/json"}, {"Allow", allowList.toUtf8()}},
                    StatusCode::MethodNotAllowed);
}

void HttpEndpoint::acceptWebSockets()
{
    while (m_server->hasPendingWebSocketConnections())
        m_monitors->accept(m_server->nextPendingWebSocketConnection());
}

quint16 HttpEndpoint::listen(const QHostAddress &address, quint16 port, QString *error)
{
    // A QTcpServer of our own, to report why listening failed (QHttpServer::listen only says 0).
    auto *tcpServer = new QTcpServer(m_server);
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

void HttpEndpoint::setStreamHeartbeatInterval(int ms)
{
    m_streams->setHeartbeatInterval(ms);
}

} // namespace flowscope
