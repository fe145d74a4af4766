#pragma once

#include "client/clientupdate.h"
#include "client/updatecollector.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QTimer;

namespace flowscope {

class Engine;
class EngineClient;
class Subscription;

// Lives in the engine thread for an InProcessClient: each frame it gathers new events, changed
// jobs and agents into one ClientUpdate and posts it to the client. A new update is posted only
// after the previous one was taken, so a slow GUI never piles up work: events wait (bounded) in
// the subscription instead, and what overflows is counted.
class InProcessPump : public QObject
{
    Q_OBJECT
public:
    InProcessPump(Engine *engine, EngineClient *client, int capacity);
    ~InProcessPump() override;

    void start(); // call in the engine thread
    static constexpr int frameMs = 33;

private:
    void frame();
    void deliver(ClientUpdate &&update);

    Engine *m_engine;
    QPointer<EngineClient> m_client;
    std::shared_ptr<Subscription> m_subscription;
    UpdateCollector m_collector;
    QTimer *m_timer = nullptr;
    std::shared_ptr<std::atomic<bool>> m_inFlight;
};

} // namespace flowscope
