#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <mutex>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace flowscope::Internal {

class Activation;
using ActivationPtr = std::shared_ptr<Activation>;

// Activations waiting for an agent. The shared pool has one queue served by several agents; a
// named agent has its own.
class WorkQueue
{
public:
    void push(ActivationPtr activation);
    // Blocks until an activation arrives or the queue is closed (then returns nullptr).
    ActivationPtr pop();
    ActivationPtr tryPop();
    // Like pop, but gives up after timeoutMs (nullptr, *closed false).
    ActivationPtr popFor(qint64 timeoutMs, bool *closed);
    // The queued activations that match, in queue order (they stay queued).
    std::vector<ActivationPtr> copyIf(const std::function<bool(const Activation &)> &match);
    void close();
    // Some agent sleeps on this queue: a push will wake a thread.
    bool hasSleepers() const { return m_sleepers.load(std::memory_order_relaxed) > 0; }
    std::deque<ActivationPtr> takeAll();

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<ActivationPtr> m_items;
    std::atomic<int> m_sleepers{0};
    bool m_closed = false;
};

} // namespace flowscope::Internal
