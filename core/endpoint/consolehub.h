#pragma once

#include "accesspolicy.h"
#include "consolechannel.h"
#include "consolecommands.h"

#include <QList>
#include <QObject>

#include <memory>

class QWebSocket;

namespace flowscope {

class Engine;

// The open console connections of an endpoint and the commands they share.
class ConsoleHub : public QObject
{
    Q_OBJECT
public:
    ConsoleHub(Engine *engine, ConsoleChannel::TokenCheck tokenCheck = {},
               QObject *parent = nullptr);
    ~ConsoleHub() override;

    // Takes a WebSocket the router accepted for /api/ws/console with the caller's role.
    void accept(std::unique_ptr<QWebSocket> socket, AccessRole granted);
    int channelCount() const { return m_channels.size(); }
    // Applies to connections accepted from now on (tests use small caps).
    void setLimits(const ConsoleChannel::Limits &limits) { m_limits = limits; }
    const QList<ConsoleChannel *> &channels() const { return m_channels; }

private:
    void forget(ConsoleChannel *channel);

    Engine *m_engine;
    ConsoleChannel::TokenCheck m_tokenCheck;
    ConsoleCommands m_commands;
    ConsoleChannel::Limits m_limits;
    QList<ConsoleChannel *> m_channels;
};

} // namespace flowscope
