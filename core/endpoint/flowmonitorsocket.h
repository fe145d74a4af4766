#pragma once

#include "monitorsocket.h"

namespace flowscope {

// One WebSocket client watching every job of one flow (/api/ws/flows/{id}/monitor), the jobs
// started later included:
//   {"type":"hello","flow_id","jobs":[{job_id,status}]}   once, on open: the unfinished jobs
//   {"type":"events","flow_id","events":[...],"dropped"}  each batch (after ?since=N: the held
//                                                          events of the flow past N first)
class FlowMonitorSocket : public MonitorSocket
{
    Q_OBJECT
public:
    static constexpr int queueCapacity = 50000;

    // sinceSeq: replay the flow's events still in history after it; 0 for live events only.
    FlowMonitorSocket(Engine *engine, const QString &flowId, quint64 sinceSeq,
                      std::unique_ptr<QWebSocket> socket, QObject *parent = nullptr);

    QString flowId() const { return m_flowId; }

private:
    QString m_flowId;
};

} // namespace flowscope
