#include "buswakerelay.h"

#include <QMetaObject>
#include <QObject>

namespace flowscope {

void BusWakeRelay::attach(QObject *receiver, std::function<void()> call)
{
    QMutexLocker locker(&m_mutex);
    m_receiver = receiver;
    m_call = std::move(call);
}

void BusWakeRelay::detach()
{
    QMutexLocker locker(&m_mutex);
    m_receiver = nullptr;
}

void BusWakeRelay::post()
{
    QMutexLocker locker(&m_mutex);
    if (m_receiver)
        QMetaObject::invokeMethod(m_receiver, m_call, Qt::QueuedConnection);
}

} // namespace flowscope
