#pragma once

#include <QMutex>
#include <QPointer>

#include <functional>

class QObject;

namespace flowscope {

// Carries an event-bus wake-up to a receiver in its own thread. The bus calls post() from any
// producer thread, at any moment, even while the receiver is being destroyed: the lock makes
// "post to a live receiver" and "the receiver is gone" (detach) mutually exclusive. Shared
// (std::shared_ptr) by the receiver and the wake callback, so it outlives either.
class BusWakeRelay
{
public:
    // call runs in the receiver's thread, queued.
    void attach(QObject *receiver, std::function<void()> call);
    void detach();
    void post();

private:
    QMutex m_mutex;
    QObject *m_receiver = nullptr;
    std::function<void()> m_call;
};

} // namespace flowscope
