#pragma once

#include "metrics/metricscollector.h"

#include <memory>

namespace flowscope {
class EventBus;
class Subscription;
} // namespace flowscope

namespace flowscope::Internal {

class PersistenceLink;

// Feeds the engine's metrics from the bus: a subscription to the events metrics are made of,
// drained in batches by the engine thread, and the closed rollup intervals written to the journal.
class EngineMetricsFeed
{
public:
    EngineMetricsFeed(EventBus &bus, const PersistenceLink &journal);
    ~EngineMetricsFeed(); // unsubscribes

    MetricsCollector &collector() { return m_metrics; }
    // In the engine thread, periodically.
    void drain(qint64 nowMs);
    // At shutdown, while the journal is still open: the last, unfinished interval is kept too.
    void flushAll();

private:
    EventBus &m_bus;
    const PersistenceLink &m_journal;
    MetricsCollector m_metrics;
    std::shared_ptr<Subscription> m_feed;
    qint64 m_lastRollupMs = 0; // engine thread only
};

} // namespace flowscope::Internal
