#pragma once

#include <QObject>

namespace flowscope {

class AccessPolicy;
class ConsoleHub;
class Engine;
class WebSocketRouter;

// Serves the console protocol (docs/protocol.md) on ^/api/ws/console$ with AccessRole::Read:
// watching needs a read token, and commands that change the engine check Control themselves.
// policy (may be null): checks a token sent in hello, which then decides the connection's role.
// The hub is a child of parent and must go before the engine.
ConsoleHub *addConsoleChannel(WebSocketRouter &router, Engine *engine, const AccessPolicy *policy,
                              QObject *parent);

} // namespace flowscope
