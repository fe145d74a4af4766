#pragma once

#include <QtGlobal>

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class QObject;
class QAbstractEventDispatcher;

namespace flowscope::Internal {

// The engine's own thread: an event loop running periodic tasks (housekeeping, metrics) and
// whatever clients post to context(). A std::thread, not a QThread, so that its start and join
// are visible to ThreadSanitizer. Needs a QCoreApplication.
class EngineThread
{
public:
    struct Task
    {
        std::function<void()> run;
        int intervalMs;
    };

    // setUp runs first in the thread, with the context: objects it parents to the context live in
    // this thread and are destroyed in it.
    // afterEvents runs in the thread after each round of events, and after every wake().
    EngineThread(std::vector<Task> tasks, std::function<void(QObject *context)> setUp = {},
                 std::function<void()> afterEvents = {});
    ~EngineThread(); // stops the loop and joins

    EngineThread(const EngineThread &) = delete;
    EngineThread &operator=(const EngineThread &) = delete;

    QObject *context() const { return m_context; }
    // Wakes the thread from any thread, to run afterEvents. Unlike a queued call, it hands over
    // no data through Qt's (uninstrumented) event queue: callers publish through atomics.
    void wake();

private:
    std::thread m_thread;
    QObject *m_context = nullptr;                     // lives in m_thread
    QAbstractEventDispatcher *m_dispatcher = nullptr; // of m_thread
    std::mutex m_mutex;
    bool m_stopping = false; // guarded by m_mutex
};

} // namespace flowscope::Internal
