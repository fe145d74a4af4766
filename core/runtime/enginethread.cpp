#include "runtime/enginethread.h"

#include <QAbstractEventDispatcher>
#include <QEventLoop>
#include <QTimer>

#include <future>

#include <pthread.h>

namespace flowscope::Internal {

EngineThread::EngineThread(Task housekeeping, Task heartbeat)
{
    std::promise<std::pair<QObject *, QAbstractEventDispatcher *>> ready;
    m_thread = std::thread([this, &ready, housekeeping, heartbeat] {
        pthread_setname_np(pthread_self(), "flowscope-engine");
        QEventLoop loop; // creates the thread's event dispatcher
        QObject context;
        QTimer housekeepingTimer;
        QObject::connect(&housekeepingTimer, &QTimer::timeout, &context, housekeeping.run);
        housekeepingTimer.start(housekeeping.intervalMs);
        QTimer heartbeatTimer;
        heartbeatTimer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&heartbeatTimer, &QTimer::timeout, &context, heartbeat.run);
        heartbeatTimer.start(heartbeat.intervalMs);
        ready.set_value({&context, QAbstractEventDispatcher::instance()});
        heartbeat.run();
        // Our own loop instead of exec(): stopping is a flag and a thread-safe wake-up, with no
        // queued call whose bookkeeping happens inside (uninstrumented) Qt. The flag is read under
        // the lock the destructor holds while it wakes us, so the dispatcher outlives the wake-up.
        for (;;) {
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping)
                    break;
            }
            loop.processEvents(QEventLoop::WaitForMoreEvents | QEventLoop::EventLoopExec);
        }
    });
    std::tie(m_context, m_dispatcher) = ready.get_future().get();
}

EngineThread::~EngineThread()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_dispatcher->wakeUp();
    }
    m_thread.join();
}

} // namespace flowscope::Internal
