#pragma once

#include "accesspolicy.h"
#include "apihandlers.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>

#include <functional>

QT_BEGIN_NAMESPACE
class QHttpServer;
QT_END_NAMESPACE

namespace flowscope {

class RouteTable;

// Registers the endpoint's routes: each with the server and in the RouteTable (for 405 / 404),
// and each behind the access check, so a handler runs only for a caller with the role it needs
// (401 without valid credentials, 403 with a read-only token on a control route).
// Path arguments arrive as QStrings, in order, before the request.
class EndpointRouter
{
public:
    using Method = QHttpServerRequest::Method;
    using Request = const QHttpServerRequest &;
    using Handler0 = std::function<ApiReply(Request)>;
    using Handler1 = std::function<ApiReply(const QString &, Request)>;
    using Handler2 = std::function<ApiReply(const QString &, const QString &, Request)>;
    using RawHandler0 = std::function<RawReply(Request)>;
    using RawHandler1 = std::function<RawReply(const QString &, Request)>;
    // Writes its own answer (streams); the responder may be kept alive.
    using StreamHandler = std::function<void(Request, QHttpServerResponder &&)>;

    EndpointRouter(QHttpServer *server, RouteTable *table, const AccessPolicy *policy);

    void route(Method method, const QString &pattern, AccessRole needed, Handler0 handler);
    void route(Method method, const QString &pattern, AccessRole needed, Handler1 handler);
    void route(Method method, const QString &pattern, AccessRole needed, Handler2 handler);
    void routeRaw(Method method, const QString &pattern, AccessRole needed, RawHandler0 handler);
    void routeRaw(Method method, const QString &pattern, AccessRole needed, RawHandler1 handler);
    void routeStream(Method method, const QString &pattern, AccessRole needed,
                     StreamHandler handler);

    // The refusal for a request lacking `needed`, or an empty optional-like reply (status 0).
    ApiReply refusal(Request request, AccessRole needed) const;
    AccessRole roleOf(Request request) const;

    static QString methodName(Method method);
    // A request header's value, its name matched without regard to case; empty when absent.
    static QByteArray header(Request request, const char *name);

private:
    QHttpServer *m_server;
    RouteTable *m_table;
    const AccessPolicy *m_policy;
};

} // namespace flowscope
