#include "consolehub.h"

#include <QWebSocket>

namespace flowscope {

ConsoleHub::ConsoleHub(Engine *engine, ConsoleChannel::TokenCheck tokenCheck, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_tokenCheck(std::move(tokenCheck))
    , m_commands(engine)
{}

ConsoleHub::~ConsoleHub()
{
    // Channels unsubscribe from the bus while the engine is still there.
    const QList<ConsoleChannel *> channels = m_channels;
    m_channels.clear();
    qDeleteAll(channels);
}

void ConsoleHub::accept(std::unique_ptr<QWebSocket> socket, AccessRole granted)
{
    auto *channel = new ConsoleChannel(m_engine, &m_commands, m_tokenCheck, std::move(socket),
                                       granted, m_limits, this);
    m_channels.append(channel);
    connect(channel, &ConsoleChannel::closed, this, &ConsoleHub::forget);
}

void ConsoleHub::forget(ConsoleChannel *channel)
{
    if (m_channels.removeOne(channel))
        channel->deleteLater();
}

} // namespace flowscope
