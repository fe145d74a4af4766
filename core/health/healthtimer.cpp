#include "health/healthtimer.h"

#include "health/healthmonitor.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace flowscope {

HealthTimer::HealthTimer(HealthMonitor *monitor, AlertHandler onAlerts, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_onAlerts(std::move(onAlerts))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_timer(new QTimer(this))
{
    // Precise: the default coarse timer may slip by 5% of the interval, 15 ms at 300 ms.
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HealthTimer::fire);
    // Queued, so the first arming happens in whatever thread the timer is moved to.
    rearm();
}

void HealthTimer::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void HealthTimer::rearm()
{
    QMetaObject::invokeMethod(
        this, [this] { arm(); }, Qt::QueuedConnection);
}

void HealthTimer::fire()
{
    const QVector<Alert> alerts = m_monitor->advance(m_clock());
    if (!alerts.isEmpty() && m_onAlerts)
        m_onAlerts(alerts);
    arm();
}

void HealthTimer::arm()
{
    const qint64 next = m_monitor->nextDeadlineMs();
    if (next < 0) {
        m_timer->stop(); // nothing pending until rearm() (a new agent, or a FAILED one beating)
        return;
    }
    // Beats only move deadlines later, so this may wake early with nothing due: fire() re-arms.
    const qint64 delay = std::clamp<qint64>(next - m_clock(), 0, std::numeric_limits<int>::max());
    m_timer->start(int(delay));
}

} // namespace flowscope
