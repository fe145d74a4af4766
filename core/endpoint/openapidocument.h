#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace flowscope {

// The OpenAPI 3.0 description of every route of the endpoint (GET /api/openapi.json), built
// from the table in openapiroutes.cpp. WebSocket channels are listed as GET operations that
// answer 101 Switching Protocols.
namespace OpenApiDocument {

QJsonObject build(const QString &version);

// (method, path) of every documented operation, the path in QtHttpServer's form ("<arg>" for
// each parameter), for checking the table against the routes really registered.
QList<QPair<QString, QString>> routes();

} // namespace OpenApiDocument
} // namespace flowscope
