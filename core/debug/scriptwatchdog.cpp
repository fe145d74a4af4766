#include "debug/scriptwatchdog.h"

#include <QJSEngine>

#include <pthread.h>

namespace flowscope {

ScriptWatchdog::ScriptWatchdog()
    : m_thread([this] { run(); })
{}

ScriptWatchdog::~ScriptWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ScriptWatchdog::run()
{
    pthread_setname_np(pthread_self(), "flowscope-watch");
    constexpr auto tick = std::chrono::milliseconds(1);
    constexpr auto linger = std::chrono::milliseconds(100);
    std::unique_lock lock(m_mutex);
    auto lastActive = Clock::now();
    while (!m_stopping) {
        const auto now = Clock::now();
        if (!m_guards.empty())
            lastActive = now;
        else if (now - lastActive > linger) {
            m_sleeping = true;
            m_changed.wait(lock);
            m_sleeping = false;
            lastActive = Clock::now();
            continue;
        }
        for (Guard *guard : m_guards) {
            if (!guard->m_fired && guard->m_deadline <= now) {
                guard->m_engine->setInterrupted(true);
                guard->m_fired = true;
            }
        }
        m_changed.wait_for(lock, tick);
    }
}

ScriptWatchdog::Guard::Guard(ScriptWatchdog &watchdog, QJSEngine *engine,
                             std::chrono::milliseconds limit)
    : m_watchdog(watchdog)
    , m_engine(engine)
    , m_deadline(Clock::now() + limit)
{
    std::lock_guard lock(m_watchdog.m_mutex);
    m_watchdog.m_guards.push_back(this);
    if (m_watchdog.m_sleeping)
        m_watchdog.m_changed.notify_all();
}

ScriptWatchdog::Guard::~Guard()
{
    std::lock_guard lock(m_watchdog.m_mutex);
    m_watchdog.m_guards.remove(this);
    if (m_fired)
        m_engine->setInterrupted(false); // the engine serves the next evaluation
}

bool ScriptWatchdog::Guard::interrupted() const
{
    std::lock_guard lock(m_watchdog.m_mutex);
    return m_fired;
}

} // namespace flowscope
