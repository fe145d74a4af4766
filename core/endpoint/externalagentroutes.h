#pragma once

class QObject;

namespace flowscope {

class Engine;
class EndpointRouter;
class WebSocketRouter;

// The external agents' routes (POST /api/ingest, control of one agent, what the engine knows of
// them) and their WebSocket channel ^/api/ws/agents$, which lives as a child of owner.
// docs/agents.md.
void addExternalAgentRoutes(EndpointRouter &router, WebSocketRouter &sockets, Engine *engine,
                            QObject *owner);

} // namespace flowscope
