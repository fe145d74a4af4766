#pragma once

#include <QString>
#include <QVector>

namespace flowscope {

// What one network subscriber of the endpoint got and lost, for GET /metrics.
struct SubscriberStats
{
    QString kind; // "sse", "job_monitor", "flow_monitor", "console"
    QString id;   // unique among the open subscribers of its kind
    quint64 sent = 0;
    quint64 dropped = 0;
};

using SubscriberStatsList = QVector<SubscriberStats>;

} // namespace flowscope
