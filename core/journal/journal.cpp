#include "journal/journal.h"

#include "journal/journalreader.h"
#include "journal/journalschema.h"
#include "journal/journalwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace flowscope {

Journal::Journal()
    : Journal(Config())
{}

Journal::Journal(const Config &config)
    : m_config(config)
{
    m_config.maxBatch = std::max(1, m_config.maxBatch);
    m_config.commitIntervalMs = std::max(1, m_config.commitIntervalMs);
    m_config.busCapacity = std::max(1, m_config.busCapacity);
}

Journal::~Journal() = default; // the writer detaches, flushes and stops

QString Journal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/flowscope.db");
}

bool Journal::open(const QString &path, QString *error)
{
    m_writer.reset();
    m_path.clear();
    QString failure;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const Internal::JournalSchema::Inspection inspection
        = Internal::JournalSchema::inspect(absolute);
    if (inspection.state == Internal::JournalSchema::State::Refused) {
        failure = inspection.error;
    } else if (!QDir().mkpath(QFileInfo(absolute).absolutePath())) {
        failure = QStringLiteral("%1: cannot create its folder").arg(absolute);
    } else {
        auto writer = std::make_unique<Internal::JournalWriter>(absolute, m_config);
        if (writer->start(inspection, &failure)) {
            m_writer = std::move(writer);
            m_path = absolute;
            return true;
        }
    }
    if (error)
        *error = failure;
    return false;
}

bool Journal::isOpen() const
{
    return bool(m_writer);
}

QString Journal::path() const
{
    return m_path;
}

void Journal::attach(EventBus *bus)
{
    if (m_writer && bus)
        m_writer->attach(bus);
}

void Journal::detach()
{
    if (m_writer)
        m_writer->detach();
}

void Journal::appendEvents(std::vector<Event> batch)
{
    if (m_writer)
        m_writer->appendEvents(std::move(batch));
}

void Journal::appendAlert(const Alert &alert)
{
    if (m_writer)
        m_writer->appendAlert(alert);
}

void Journal::appendRollups(std::vector<MetricsRollup> rollups)
{
    if (m_writer)
        m_writer->appendRollups(std::move(rollups));
}

void Journal::recordJob(const JobRecord &job)
{
    if (m_writer)
        m_writer->recordJob(job);
}

void Journal::saveCheckpoint(JobCheckpoint *checkpoint)
{
    if (m_writer && checkpoint)
        m_writer->saveCheckpoint(checkpoint);
}

void Journal::flush()
{
    if (m_writer)
        m_writer->flush();
}

quint64 Journal::writtenEvents() const
{
    return m_writer ? m_writer->writtenEvents() : 0;
}

quint64 Journal::droppedEvents() const
{
    return m_writer ? m_writer->droppedEvents() : 0;
}

QString Journal::lastError() const
{
    return m_writer ? m_writer->lastError() : QString();
}

QVector<Event> Journal::events(JobId job, qint64 fromNs, qint64 toNs, int limit) const
{
    return m_writer ? m_writer->reader().events(job, fromNs, toNs, limit) : QVector<Event>();
}

QVector<Event> Journal::eventsInRange(qint64 fromNs, qint64 toNs, quint64 afterSeq, int limit) const
{
    return m_writer ? m_writer->reader().eventsInRange(fromNs, toNs, afterSeq, limit)
                    : QVector<Event>();
}

QVector<Alert> Journal::alerts(qint64 fromMs, qint64 toMs, int limit) const
{
    return m_writer ? m_writer->reader().alerts(fromMs, toMs, limit) : QVector<Alert>();
}

std::vector<MetricsRollup> Journal::rollups(MetricScope scope, const QString &key, qint64 fromMs,
                                            qint64 toMs) const
{
    return m_writer ? m_writer->reader().rollups(scope, key, fromMs, toMs)
                    : std::vector<MetricsRollup>();
}

QStringList Journal::rollupKeys(MetricScope scope, qint64 fromMs, qint64 toMs) const
{
    return m_writer ? m_writer->reader().rollupKeys(scope, fromMs, toMs) : QStringList();
}

std::optional<JobRecord> Journal::job(JobId id) const
{
    return m_writer ? m_writer->reader().job(id) : std::nullopt;
}

QVector<JobRecord> Journal::interruptedJobs() const
{
    return m_writer ? m_writer->reader().interruptedJobs() : QVector<JobRecord>();
}

QVector<JobCheckpoint> Journal::checkpoints(JobId job) const
{
    return m_writer ? m_writer->reader().checkpoints(job) : QVector<JobCheckpoint>();
}

std::optional<JobCheckpoint> Journal::checkpoint(quint64 id) const
{
    return m_writer ? m_writer->reader().checkpoint(id) : std::nullopt;
}

quint64 Journal::maxActivationId() const
{
    return m_writer ? m_writer->reader().maxActivationId() : 0;
}

quint64 Journal::maxSequence() const
{
    return m_writer ? m_writer->reader().maxSequence() : 0;
}

qint64 Journal::applyRetention(qint64 nowMs)
{
    if (!m_writer)
        return 0;
    return m_writer->applyRetention(nowMs - qint64(m_config.retentionDays) * 86400000);
}

QString Journal::integrityCheck() const
{
    return m_writer ? m_writer->reader().integrityCheck() : QStringLiteral("not open");
}

} // namespace flowscope
