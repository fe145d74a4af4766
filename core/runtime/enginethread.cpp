#include "runtime/enginethread.h"

#include <QAbstractEventDispatcher>
#include <QEventLoop>
#include <QTimer>

#include <future>

#include <pthread.h>

namespace flowscope::Internal {

EngineThread::EngineThread(std::vector<Task> tasks, std::function<void(QObject *)> setUp,
                           std::function<void()> afterEvents)
{
    std::promise<std::pair<QObject *, QAbstractEventDispatcher *>> ready;
    m_thread = std::thread([this, &ready, tasks = std::move(tasks), setUp = std::move(setUp),
                            afterEvents = std::move(afterEvents)] {
        pthread_setname_np(pthread_self(), "flowscope-engine");
        QEventLoop loop; // creates the thread's event dispatcher
        QObject context;
        if (setUp)
            setUp(&context);
        for (const Task &task : tasks) {
            auto *timer = new QTimer(&context);
            QObject::connect(timer, &QTimer::timeout, &context, task.run);
            timer->start(task.intervalMs);
        }
        ready.set_value({&context, QAbstractEventDispatcher::instance()});
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
            if (afterEvents)
                afterEvents();
        }
    });
    std::tie(m_context, m_dispatcher) = ready.get_future().get();
}

void EngineThread::wake()
{
    std::lock_guard lock(m_mutex);
    if (!m_stopping)
        m_dispatcher->wakeUp();
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
