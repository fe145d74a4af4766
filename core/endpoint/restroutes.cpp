#include "restroutes.h"

#include "endpointrouter.h"
#include "flowhandlers.h"
#include "flowmonitorsocket.h"
#include "jobstatehandlers.h"
#include "openapidocument.h"
#include "runtime/engine.h"
#include "websocketrouter.h"

#include <QUrlQuery>
#include <QWebSocket>

namespace flowscope {

namespace {

using Method = EndpointRouter::Method;
using Request = EndpointRouter::Request;

// The socket must outlive the closing handshake; it deletes itself once disconnected.
void refuse(std::unique_ptr<QWebSocket> socket, QObject *owner, const QString &reason)
{
    QWebSocket *closing = socket.release();
    closing->setParent(owner);
    QObject::connect(closing, &QWebSocket::disconnected, closing, &QObject::deleteLater);
    closing->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
}

void acceptFlowMonitor(Engine *engine, QObject *owner, std::unique_ptr<QWebSocket> socket,
                       const QString &flowId)
{
    if (!engine->flow(flowId)) {
        refuse(std::move(socket), owner, QStringLiteral("no flow '%1'").arg(flowId));
        return;
    }
    quint64 since = 0;
    const QUrlQuery query(socket->requestUrl());
    if (query.hasQueryItem(QStringLiteral("since"))) {
        bool ok = false;
        const QString text = query.queryItemValue(QStringLiteral("since"));
        since = text.toULongLong(&ok);
        if (!ok) {
            refuse(std::move(socket), owner,
                   QStringLiteral("since: expected a sequence number, got '%1'").arg(text));
            return;
        }
    }
    auto *monitor = new FlowMonitorSocket(engine, flowId, since, std::move(socket), owner);
    QObject::connect(monitor, &MonitorSocket::closed, owner,
                     [](MonitorSocket *closed) { closed->deleteLater(); });
}

} // namespace

void RestRoutes::add(EndpointRouter &router, WebSocketRouter &sockets, Engine *engine,
                     QObject *socketOwner)
{
    const FlowHandlers flows(engine);
    const JobStateHandlers jobs(engine);
    const AccessRole read = AccessRole::Read;
    const AccessRole control = AccessRole::Control;

    // Before /api/flows/<arg>... so that "validate" is never read as a flow id.
    const auto bodyFormat = [](Request request) {
        return RestParsing::bodyFormat(EndpointRouter::header(request, "content-type"));
    };
    router.route(Method::Post, QStringLiteral("/api/flows/validate"), read,
                 [flows, bodyFormat](Request request) {
                     return flows.validateBody(request.body(), bodyFormat(request));
                 });
    router.route(Method::Post, QStringLiteral("/api/flows"), control,
                 [flows, bodyFormat](Request request) {
                     return flows.createFlow(request.body(), bodyFormat(request));
                 });
    router.route(Method::Delete, QStringLiteral("/api/flows/<arg>"), control,
                 [flows](const QString &id, Request) { return flows.deleteFlow(id); });
    router.route(Method::Post, QStringLiteral("/api/flows/<arg>/validate"), read,
                 [flows](const QString &id, Request) { return flows.validateFlow(id); });
    router.routeRaw(Method::Get, QStringLiteral("/api/flows/<arg>/export"), read,
                    [flows](const QString &id, Request request) {
                        return flows.exportFlow(id, request.query());
                    });
    router.route(
        Method::Get, QStringLiteral("/api/flows/<arg>/dsl"), read,
        [flows](const QString &id, Request request) { return flows.flowDsl(id, request.query()); });

    router.route(Method::Get, QStringLiteral("/api/jobs/<arg>/state"), read,
                 [jobs](const QString &id, Request) { return jobs.jobState(id); });
    router.route(
        Method::Get, QStringLiteral("/api/jobs/<arg>/logs"), read,
        [jobs](const QString &id, Request request) { return jobs.jobLogs(id, request.query()); });

    const QJsonObject document = OpenApiDocument::build(QStringLiteral(FLOWSCOPE_VERSION));
    router.route(Method::Get, QStringLiteral("/api/openapi.json"), read, [document](Request) {
        return ApiReply{200, document};
    });

    sockets.add(
        QStringLiteral("^/api/ws/flows/([^/]+)/monitor$"), read,
        [engine, socketOwner](std::unique_ptr<QWebSocket> socket, const QStringList &captures,
                              AccessRole) {
            acceptFlowMonitor(engine, socketOwner, std::move(socket), captures.value(0));
        },
        FlowMonitorSocket::maxIncomingBytes);
}

} // namespace flowscope
