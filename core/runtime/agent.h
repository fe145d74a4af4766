#pragma once

#include "debug/expression.h"
#include "events/eventbus.h"
#include "health/agenthealth.h"
#include "runtime/agentinfo.h"

#include <QJSValue>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace flowscope::Internal {

class Activation;
class EngineCore;
class WorkQueue;

// A named worker thread that runs activations from one queue until the queue is closed.
class Agent
{
public:
    Agent(EngineCore *core, const QString &name, WorkQueue *queue, bool pooled);
    ~Agent(); // joins the thread: close its queue first

    void start();
    void join();

    const QString &name() const { return m_name; }
    Symbol symbol() const { return m_symbol; }
    EventSink &sink() { return *m_sink; }
    AgentInfo info() const;
    // Beats when an interval has passed since the last beat (from this agent's thread: its run
    // loop and Context::checkpoint). A handler that never checkpoints stops the beats, which is
    // how a stuck agent shows.
    void beatIfDue();
    void noteCheckpoint();
    AgentLiveness liveness() const;
    // Inside checkpoint(), waiting for its paused job to resume.
    void setWaiting(bool waiting);
    // Stops a script handler of that job running on this agent now (the job has ended).
    void interruptScript(JobId job);
    // Created on first use, in this agent's thread, and destroyed with it.
    QJSEngine *scriptEngine();
    // Debugger expressions compiled for this agent's engine.
    ExpressionCache &expressions();
    WorkQueue *queue() const { return m_queue; }

private:
    void run();
    // Runs one activation; returns the next one already taken from the queue, if any.
    std::shared_ptr<Activation> execute(std::shared_ptr<Activation> activation);
    void setBusy(const QString &routine, JobId job);
    void beat(qint64 nowNs);
    void setIdle(bool failed);

    EngineCore *m_core;
    const QString m_name;
    const Symbol m_symbol;
    WorkQueue *m_queue;
    const bool m_pooled;
    std::unique_ptr<EventSink> m_sink;
    std::unique_ptr<QJSEngine> m_scriptEngine;
    // Held for the engine's life: QJSEngine unmaps a page of value handles whenever its last
    // handle goes, so without one held every handler or condition call maps one anew.
    QJSValue m_pinnedHandle;
    std::unique_ptr<ExpressionCache> m_expressions;

    std::thread m_thread;
    std::atomic<bool> m_alive{false};
    qint64 m_lastBeatNs = 0; // this agent's thread only
    const qint64 m_beatIntervalNs;
    mutable std::mutex m_infoMutex;
    QJSEngine *m_scriptEngineForInterrupt = nullptr; // guarded by m_infoMutex
    AgentInfo m_info;
};

} // namespace flowscope::Internal
