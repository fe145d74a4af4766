#pragma once

#include "monitorsocket.h"
#include "runtime/jobid.h"

namespace flowscope {

// One WebSocket client watching one job (/api/ws/jobs/{id}/monitor):
//   {"type":"hello","job_id","status"}                 once, on open
//   {"type":"events","job_id","events":[...],"dropped"} the history, then each batch
class JobMonitorSocket : public MonitorSocket
{
    Q_OBJECT
public:
    static constexpr int queueCapacity = 20000;

    JobMonitorSocket(Engine *engine, JobId job, std::unique_ptr<QWebSocket> socket,
                     QObject *parent = nullptr);

    JobId job() const { return m_job; }

private:
    JobId m_job;
};

} // namespace flowscope
