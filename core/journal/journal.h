#pragma once

#include "events/event.h"
#include "health/alert.h"
#include "journal/jobcheckpoint.h"
#include "metrics/metricsrollup.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>
#include <vector>

namespace flowscope {

class EventBus;

namespace Internal {
class JournalWriter;
}

// The engine's SQLite journal (QtSql, QSQLITE): events, alerts, metric rollups, jobs and their
// checkpoints in one file. WAL mode; a writer thread commits in batched transactions; queries use
// their own connection per calling thread, so they never wait for the writer. The schema carries
// a version and older files are migrated on open (docs/persistence.md).
//
// Appends are thread-safe and never block on disk: they queue for the writer. flush() waits until
// everything queued before it is committed.
class Journal
{
public:
    struct Config
    {
        int retentionDays = 30;    // events, alerts and rollups older than this are removed
        int maxBatch = 20000;      // rows per transaction at most
        int commitIntervalMs = 50; // a partial batch is committed after at most this long
        int busCapacity = 1 << 20; // events the bus may hold for the writer before dropping
    };

    static constexpr int schemaVersion = 1; // grows with every migration

    Journal();
    explicit Journal(const Config &config);
    ~Journal(); // flushes and closes

    // Opens or creates the file (and its folder), migrating an older schema. A file that is not a
    // journal, or of a newer schema, is refused with a message naming the file and the reason,
    // and left untouched.
    bool open(const QString &path, QString *error);
    bool isOpen() const;
    QString path() const;
    const Config &config() const { return m_config; }
    // The default file: <user data folder>/flowscope.db (QStandardPaths::AppDataLocation).
    static QString defaultPath();

    // Records every event the bus publishes from now on (a subscription drained by the writer).
    // Events the bus had to drop because the writer fell behind are counted (droppedEvents).
    void attach(EventBus *bus);
    void detach();

    void appendEvents(std::vector<Event> batch);
    void appendAlert(const Alert &alert);
    void appendRollups(std::vector<MetricsRollup> rollups);
    void recordJob(const JobRecord &job); // insert or update by id
    // Assigns checkpoint->id (synchronously) and queues it; the job's record points at it.
    void saveCheckpoint(JobCheckpoint *checkpoint);
    void flush();

    quint64 writtenEvents() const;
    quint64 droppedEvents() const;
    QString lastError() const; // the writer's last failure (disk full, ...), empty when none

    // Queries (any thread; they see what was committed).
    // One job's events with fromNs <= time_ns < toNs, oldest first; limit < 0: all.
    QVector<Event> events(JobId job, qint64 fromNs, qint64 toNs, int limit = -1) const;
    // Every job's events in a time range, after a sequence number (for replays), oldest first.
    QVector<Event> eventsInRange(qint64 fromNs, qint64 toNs, quint64 afterSeq, int limit) const;
    QVector<Alert> alerts(qint64 fromMs, qint64 toMs, int limit = -1) const; // newest first
    std::vector<MetricsRollup> rollups(MetricScope scope, const QString &key, qint64 fromMs,
                                       qint64 toMs) const;
    // The keys of a scope with rollups starting in [fromMs, toMs), sorted.
    QStringList rollupKeys(MetricScope scope, qint64 fromMs, qint64 toMs) const;
    std::optional<JobRecord> job(JobId id) const;
    // Jobs whose last recorded status is pending, running or paused: a process ended under them.
    QVector<JobRecord> interruptedJobs() const;
    QVector<JobCheckpoint> checkpoints(JobId job) const; // oldest first
    std::optional<JobCheckpoint> checkpoint(quint64 id) const;
    quint64 maxActivationId() const; // over events and checkpoints, so restarts continue above it
    quint64 maxSequence() const;

    // Deletes events, alerts and rollups older than the retention (nowMs - retentionDays) and
    // the checkpoints of finished jobs older than that; never a running or interrupted job's
    // last checkpoint. Returns the rows removed.
    qint64 applyRetention(qint64 nowMs);
    // PRAGMA integrity_check: "ok" or what SQLite reports.
    QString integrityCheck() const;

private:
    Config m_config;
    std::unique_ptr<Internal::JournalWriter> m_writer;
    QString m_path;
};

} // namespace flowscope
