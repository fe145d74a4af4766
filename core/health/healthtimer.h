#pragma once

#include "health/alert.h"

#include <QObject>
#include <QVector>

#include <functional>

class QTimer;

namespace flowscope {

class HealthMonitor;

// Drives a HealthMonitor in real time from the thread it lives in: one precise single-shot
// timer armed at the monitor's next deadline, so a transition is declared within a few
// milliseconds of it and nothing polls. rearm() may be called from any thread (after addAgent).
class HealthTimer : public QObject
{
    Q_OBJECT
public:
    using AlertHandler = std::function<void(const QVector<Alert> &)>;
    using Clock = std::function<qint64()>; // ms since the Unix epoch

    HealthTimer(HealthMonitor *monitor, AlertHandler onAlerts, QObject *parent = nullptr);
    void setClock(Clock clock); // default: QDateTime::currentMSecsSinceEpoch

    // Thread-safe: re-reads the next deadline in the timer's thread.
    void rearm();

private:
    void fire();
    void arm();

    HealthMonitor *m_monitor;
    AlertHandler m_onAlerts;
    Clock m_clock;
    QTimer *m_timer;
};

} // namespace flowscope
