#include "client/engineclient.h"

namespace flowscope {

void EngineClient::registerMetaTypes()
{
    qRegisterMetaType<ClientUpdate>();
    qRegisterMetaType<JobId>();
    qRegisterMetaType<DebugState>();
    qRegisterMetaType<EvaluationResult>();
    qRegisterMetaType<QVector<Breakpoint>>();
    qRegisterMetaType<MetricsSummary>();
    qRegisterMetaType<QVector<MetricsPoint>>();
    qRegisterMetaType<QVector<MetricsSummary>>();
    qRegisterMetaType<QVector<JobRecord>>();
    qRegisterMetaType<QVector<JobCheckpoint>>();
    qRegisterMetaType<EngineClient::ConnectionState>();
}

} // namespace flowscope
