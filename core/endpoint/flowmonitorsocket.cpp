#include "flowmonitorsocket.h"

#include "events/eventbus.h"
#include "runtime/engine.h"

#include <QWebSocket>

namespace flowscope {

FlowMonitorSocket::FlowMonitorSocket(Engine *engine, const QString &flowId, quint64 sinceSeq,
                                     std::unique_ptr<QWebSocket> socket, QObject *parent)
    : MonitorSocket(engine, QStringLiteral("flow_id"), flowId, std::move(socket), parent)
    , m_flowId(flowId)
{
    EventFilter filter;
    filter.flow = Symbol::intern(flowId);
    subscribe(filter, queueCapacity);

    QJsonArray jobs;
    const QVector<JobInfo> all = engine->jobs();
    for (const JobInfo &info : all) {
        if (info.flowId == flowId && !isFinished(info.status)) {
            jobs.append(QJsonObject{{QStringLiteral("job_id"), info.id.toString()},
                                    {QStringLiteral("status"), jobStatusName(info.status)}});
        }
    }
    sendText({{QStringLiteral("type"), QStringLiteral("hello")},
              {QStringLiteral("flow_id"), flowId},
              {QStringLiteral("jobs"), jobs}});
    if (sinceSeq > 0)
        sendHistory(engine->bus().history(filter, sinceSeq));
    sendPending();
}

} // namespace flowscope
