#pragma once

#include <chrono>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>

class QJSEngine;

namespace flowscope {

// Interrupts JavaScript that runs past its deadline (a runaway breakpoint condition, say), from
// a thread of its own, since a looping script never returns to check a clock itself. While
// evaluations come, the thread checks every millisecond and is not woken per evaluation (that
// wake-up would cost more than the evaluation); after a quiet spell it sleeps until the next.
class ScriptWatchdog
{
public:
    using Clock = std::chrono::steady_clock;

    ScriptWatchdog();
    ~ScriptWatchdog();
    ScriptWatchdog(const ScriptWatchdog &) = delete;
    ScriptWatchdog &operator=(const ScriptWatchdog &) = delete;

    // Watches one evaluation for its lifetime; interrupted() tells whether the deadline struck.
    class Guard
    {
    public:
        Guard(ScriptWatchdog &watchdog, QJSEngine *engine, std::chrono::milliseconds limit);
        ~Guard();
        Guard(const Guard &) = delete;
        Guard &operator=(const Guard &) = delete;
        bool interrupted() const;

    private:
        friend class ScriptWatchdog;
        ScriptWatchdog &m_watchdog;
        QJSEngine *m_engine;
        Clock::time_point m_deadline;
        bool m_fired = false; // guarded by the watchdog's mutex
    };

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::list<Guard *> m_guards;
    bool m_stopping = false;
    bool m_sleeping = false; // waiting for a guard, not polling
    std::thread m_thread;
};

} // namespace flowscope
