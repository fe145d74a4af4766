#include "remoteengines.h"

#include "enginelist.h"
#include "remote/remoteclient.h"

namespace flowscope {

void enableRemoteEngines(EngineList *engines)
{
    engines->setClientFactory([](const EngineProfile &profile, QObject *parent) {
        RemoteEndpoint endpoint;
        endpoint.url = profile.url;
        endpoint.token = profile.token;
        auto *client = new RemoteClient(endpoint, parent);
        client->open(); // and it reconnects by itself until the console closes it
        return client;
    });
    engines->setErrorReader([](const EngineClient *client) {
        const auto *remote = qobject_cast<const RemoteClient *>(client);
        return remote ? remote->lastError() : QString();
    });
}

} // namespace flowscope
