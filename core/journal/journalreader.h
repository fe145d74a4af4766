#pragma once

#include "events/event.h"
#include "health/alert.h"
#include "journal/jobcheckpoint.h"
#include "metrics/metricsrollup.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

#include <map>
#include <mutex>
#include <optional>
#include <vector>

class QSqlQuery;
class QThread;

namespace flowscope::Internal {

// The journal's queries. Each calling thread gets its own read-only connection, made on first
// use, so readers never wait for the writer (WAL) nor for each other.
class JournalReader
{
public:
    explicit JournalReader(const QString &path);
    ~JournalReader(); // closes every thread's connection

    QVector<Event> events(JobId job, qint64 fromNs, qint64 toNs, int limit) const;
    QVector<Event> eventsInRange(qint64 fromNs, qint64 toNs, quint64 afterSeq, int limit) const;
    QVector<Alert> alerts(qint64 fromMs, qint64 toMs, int limit) const;
    QStringList rollupKeys(MetricScope scope, qint64 fromMs, qint64 toMs) const;
    std::vector<MetricsRollup> rollups(MetricScope scope, const QString &key, qint64 fromMs,
                                       qint64 toMs) const;
    std::optional<JobRecord> job(JobId id) const;
    QVector<JobRecord> interruptedJobs() const;
    QVector<JobCheckpoint> checkpoints(JobId job) const;
    std::optional<JobCheckpoint> checkpoint(quint64 id) const;
    quint64 maxActivationId() const;
    quint64 maxSequence() const;
    QString integrityCheck() const;

private:
    QSqlDatabase connection() const;
    QVector<Event> readEvents(QSqlQuery &q) const;
    Symbol symbol(qint64 nameId, QSqlDatabase &db) const;
    qint64 metaValue(QSqlDatabase &db, const char *key) const;
    static JobRecord readJob(const QSqlQuery &q);
    static JobCheckpoint readCheckpoint(const QSqlQuery &q);

    const QString m_path;
    mutable std::mutex m_mutex; // guards the connections and the name cache
    struct Connection
    {
        QString name;
        QSqlDatabase db;
    };
    mutable std::map<QThread *, Connection> m_connections;
    mutable QStringList m_retired; // connections of threads that ended, removed at the end
    mutable int m_made = 0;
    mutable QHash<qint64, Symbol> m_symbols; // the file's name ids, as this process's symbols
};

} // namespace flowscope::Internal
