#include "runtime/enginemetricsfeed.h"

#include "events/eventbus.h"
#include "journal/journal.h"
#include "runtime/enginepersistence.h"
#include "runtime/persistencelink.h"

#include <limits>

namespace flowscope::Internal {

namespace {

constexpr int rollupCheckMs = 1000;

} // namespace

EngineMetricsFeed::EngineMetricsFeed(EventBus &bus, const PersistenceLink &journal)
    : m_bus(bus)
    , m_journal(journal)
{
    EventFilter metricEvents;
    metricEvents.typeMask
        = eventTypeBit(EventType::RoutineEnded) | eventTypeBit(EventType::RoutineError)
          | eventTypeBit(EventType::JobStarted) | eventTypeBit(EventType::JobCompleted)
          | eventTypeBit(EventType::JobFailed) | eventTypeBit(EventType::JobCancelled)
          | eventTypeBit(EventType::Metric);
    m_feed = m_bus.subscribe(metricEvents, 1 << 20);
}

EngineMetricsFeed::~EngineMetricsFeed()
{
    m_bus.unsubscribe(m_feed);
}

void EngineMetricsFeed::drain(qint64 nowMs)
{
    const std::vector<Event> batch = m_feed->takeAll();
    if (!batch.empty())
        m_metrics.consume(batch);
    if (nowMs - m_lastRollupMs < rollupCheckMs)
        return;
    m_lastRollupMs = nowMs;
    std::vector<MetricsRollup> rollups = m_metrics.takeRollups(nowMs);
    EnginePersistence *persistence = m_journal.get();
    if (persistence && !rollups.empty() && !persistence->suspended())
        persistence->journal().appendRollups(std::move(rollups));
}

void EngineMetricsFeed::flushAll()
{
    EnginePersistence *persistence = m_journal.get();
    if (!persistence)
        return;
    m_metrics.consume(m_feed->takeAll());
    std::vector<MetricsRollup> rollups
        = m_metrics.takeRollups(std::numeric_limits<qint64>::max() / 2);
    if (!rollups.empty())
        persistence->journal().appendRollups(std::move(rollups));
}

} // namespace flowscope::Internal
