#include "jobmonitorsocket.h"

#include "runtime/engine.h"

#include <QWebSocket>

namespace flowscope {

JobMonitorSocket::JobMonitorSocket(Engine *engine, JobId job, std::unique_ptr<QWebSocket> socket,
                                   QObject *parent)
    : MonitorSocket(engine, QStringLiteral("job_id"), job.toString(), std::move(socket), parent)
    , m_job(job)
{
    EventFilter filter;
    filter.job = job;
    subscribe(filter, queueCapacity);

    const std::optional<JobInfo> info = engine->job(job);
    sendText({{QStringLiteral("type"), QStringLiteral("hello")},
              {QStringLiteral("job_id"), job.toString()},
              {QStringLiteral("status"),
               info ? jobStatusName(info->status) : QStringLiteral("unknown")}});
    sendHistory(engine->trace(job));
    sendPending();
}

} // namespace flowscope
