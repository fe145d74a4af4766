#include "debug/scriptwatchdog.h"

#include <QJSEngine>

#include <algorithm>

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
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_guards.empty()) {
            m_changed.wait(lock);
            continue;
        }
        const auto now = Clock::now();
        auto next = Clock::time_point::max();
        for (Guard *guard : m_guards) {
            if (guard->m_fired)
                continue;
            if (guard->m_deadline <= now) {
                guard->m_engine->setInterrupted(true);
                guard->m_fired = true;
            } else {
                next = std::min(next, guard->m_deadline);
            }
        }
        if (next == Clock::time_point::max())
            m_changed.wait(lock);
        else
            m_changed.wait_until(lock, next);
    }
}

ScriptWatchdog::Guard::Guard(ScriptWatchdog &watchdog, QJSEngine *engine,
                             std::chrono::milliseconds limit)
    : m_watchdog(watchdog)
    , m_engine(engine)
    , m_deadline(Clock::now() + limit)
{
    {
        std::lock_guard lock(m_watchdog.m_mutex);
        m_watchdog.m_guards.push_back(this);
    }
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
