#pragma once

#include "health/healthstate.h"

#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace flowscope {

// A health transition of one agent, as kept in the alert log and the journal.
struct Alert
{
    quint64 id = 0;    // per engine, increasing; 0 until recorded
    qint64 timeMs = 0; // ms since the Unix epoch
    AlertLevel level = AlertLevel::Info;
    QString agent;
    HealthState from = HealthState::Healthy;
    HealthState to = HealthState::Healthy;
    QString message;   // one line for people, e.g. "worker-2 is stuck in routine 'scan' for 2.1 s"
    QString diagnosis; // "", "stuck", "dead" or "silent" (see AgentHealth)
    QString routine;   // the routine a stuck agent is in
    qint64 lastBeatMs = 0;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::Alert)
