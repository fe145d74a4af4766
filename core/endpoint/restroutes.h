#pragma once

class QObject;

namespace flowscope {

class Engine;
class EndpointRouter;
class WebSocketRouter;

// The flow and job-state part of the REST API, in one call: POST /api/flows, DELETE
// /api/flows/{id}, flow validation and export, GET /api/jobs/{id}/state and /logs, GET
// /api/openapi.json, and the flow monitor WebSocket (/api/ws/flows/{id}/monitor), whose sockets
// become children of socketOwner (in the endpoint's thread).
namespace RestRoutes {

void add(EndpointRouter &router, WebSocketRouter &sockets, Engine *engine, QObject *socketOwner);

} // namespace RestRoutes
} // namespace flowscope
