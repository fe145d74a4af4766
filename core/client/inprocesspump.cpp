#include "client/inprocesspump.h"

#include "client/engineclient.h"
#include "events/eventbus.h"
#include "runtime/engine.h"

#include <QTimer>

namespace flowscope {

InProcessPump::InProcessPump(Engine *engine, EngineClient *client, int capacity)
    : m_engine(engine)
    , m_client(client)
    , m_subscription(engine->bus().subscribe(EventFilter{}, capacity))
    , m_collector(engine)
    , m_inFlight(std::make_shared<std::atomic<bool>>(false))
{}

InProcessPump::~InProcessPump()
{
    m_engine->bus().unsubscribe(m_subscription);
}

void InProcessPump::start()
{
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &InProcessPump::frame);
    m_timer->start(frameMs);
    frame();
}

void InProcessPump::frame()
{
    if (m_inFlight->load())
        return; // the client has not taken the last update yet
    ClientUpdate update;
    for (Event &e : m_subscription->takeAll())
        update.events.push_back(std::move(e));
    m_collector.collect(&update);
    update.droppedEvents = m_subscription->droppedCount();
    if (update.events.isEmpty() && !UpdateCollector::hasNews(update))
        return;
    deliver(std::move(update));
}

void InProcessPump::deliver(ClientUpdate &&update)
{
    if (!m_client)
        return;
    m_inFlight->store(true);
    QPointer<EngineClient> client = m_client;
    auto inFlight = m_inFlight;
    QMetaObject::invokeMethod(
        client.data(),
        [client, inFlight, update = std::move(update)] {
            inFlight->store(false);
            if (client)
                Q_EMIT client->updateReceived(update);
        },
        Qt::QueuedConnection);
}

} // namespace flowscope
