#pragma once

namespace flowscope {

class EngineList;

// Lets the console connect to engines over the network: the engine list's clients for profiles
// are RemoteClients (core/remote), opened at once, their lastError() as the engine's last error.
void enableRemoteEngines(EngineList *engines);

} // namespace flowscope
