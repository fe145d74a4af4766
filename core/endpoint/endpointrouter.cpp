#include "endpointrouter.h"

#include "jsonshapes.h"
#include "routetable.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>

namespace flowscope {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

QHttpServerResponse toResponse(const ApiReply &reply)
{
    if (reply.httpStatus == 204)
        return QHttpServerResponse(StatusCode::NoContent); // RFC 9110: no content, no body
    QHttpServerResponse response(QByteArrayLiteral("application/json"), reply.text(),
                                 StatusCode(reply.httpStatus));
    // RFC 9110: a 401 names the scheme the client should use.
    if (reply.httpStatus == 401)
        response.addHeader("WWW-Authenticate", "Bearer realm=\"flowscope\"");
    return response;
}

QHttpServerResponse toResponse(const RawReply &reply)
{
    return QHttpServerResponse(reply.contentType, reply.body, StatusCode(reply.httpStatus));
}

} // namespace

QByteArray EndpointRouter::header(Request request, const char *name)
{
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QString EndpointRouter::methodName(Method method)
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

EndpointRouter::EndpointRouter(QHttpServer *server, RouteTable *table, const AccessPolicy *policy)
    : m_server(server)
    , m_table(table)
    , m_policy(policy)
{}

AccessRole EndpointRouter::roleOf(Request request) const
{
    return m_policy->roleFor(request.headers(), request.query());
}

ApiReply EndpointRouter::refusal(Request request, AccessRole needed) const
{
    ApiReply reply;
    reply.httpStatus = 0;
    const AccessRole role = roleOf(request);
    if (role >= needed)
        return reply;
    // The message never echoes what was presented.
    if (role == AccessRole::None) {
        reply.httpStatus = 401;
        reply.body = EndpointJson::error(401, QStringLiteral("a valid token is required: send "
                                                             "Authorization: Bearer <token>"));
    } else {
        reply.httpStatus = 403;
        reply.body = EndpointJson::error(
            403, QStringLiteral("%1 %2 needs a control token; this token may only watch")
                     .arg(methodName(request.method()), request.url().path()));
    }
    return reply;
}

void EndpointRouter::route(Method method, const QString &pattern, AccessRole needed,
                           Handler0 handler)
{
    m_table->add(methodName(method), pattern);
    m_server->route(pattern, method, [this, needed, handler](Request request) {
        const ApiReply refused = refusal(request, needed);
        return toResponse(refused.httpStatus ? refused : handler(request));
    });
}

void EndpointRouter::route(Method method, const QString &pattern, AccessRole needed,
                           Handler1 handler)
{
    m_table->add(methodName(method), pattern);
    m_server->route(pattern, method, [this, needed, handler](const QString &a, Request request) {
        const ApiReply refused = refusal(request, needed);
        return toResponse(refused.httpStatus ? refused : handler(a, request));
    });
}

void EndpointRouter::route(Method method, const QString &pattern, AccessRole needed,
                           Handler2 handler)
{
    m_table->add(methodName(method), pattern);
    m_server->route(pattern, method,
                    [this, needed, handler](const QString &a, const QString &b, Request request) {
                        const ApiReply refused = refusal(request, needed);
                        return toResponse(refused.httpStatus ? refused : handler(a, b, request));
                    });
}

void EndpointRouter::routeRaw(Method method, const QString &pattern, AccessRole needed,
                              RawHandler0 handler)
{
    m_table->add(methodName(method), pattern);
    m_server->route(pattern, method, [this, needed, handler](Request request) {
        const ApiReply refused = refusal(request, needed);
        return refused.httpStatus ? toResponse(refused) : toResponse(handler(request));
    });
}

void EndpointRouter::routeRaw(Method method, const QString &pattern, AccessRole needed,
                              RawHandler1 handler)
{
    m_table->add(methodName(method), pattern);
    m_server->route(pattern, method, [this, needed, handler](const QString &a, Request request) {
        const ApiReply refused = refusal(request, needed);
        return refused.httpStatus ? toResponse(refused) : toResponse(handler(a, request));
    });
}

void EndpointRouter::routeStream(Method method, const QString &pattern, AccessRole needed,
                                 StreamHandler handler)
{
    m_table->add(methodName(method), pattern);
    m_server->route(
        pattern, method,
        [this, needed, handler](Request request, QHttpServerResponder &&responder) {
            const ApiReply refused = refusal(request, needed);
            if (!refused.httpStatus) {
                handler(request, std::move(responder));
                return;
            }
            const QByteArray body = QJsonDocument(refused.body).toJson(QJsonDocument::Compact);
            if (refused.httpStatus == 401) {
                responder.write(body,
                                {{"Content-Type", "application/json"},
                                 {"WWW-Authenticate", "Bearer realm=\"flowscope\""}},
                                StatusCode(refused.httpStatus));
            } else {
                responder.write(body, "application/json", StatusCode(refused.httpStatus));
            }
        });
}

} // namespace flowscope
