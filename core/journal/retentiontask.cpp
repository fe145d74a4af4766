#include "journal/retentiontask.h"

#include <QSqlError>
#include <QSqlQuery>

namespace flowscope::Internal {

namespace {

// One statement per stage; each deletes at most chunkRows rows older than the cutoff (bound as
// :cutoff, in the unit of the table's time column).
const char *const stages[] = {
    "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE time_ns < :cutoff LIMIT 5000)",
    "DELETE FROM alerts WHERE id IN (SELECT id FROM alerts WHERE time_ms < :cutoff LIMIT 5000)",
    "DELETE FROM rollups WHERE id IN (SELECT id FROM rollups WHERE start_ms < :cutoff"
    " LIMIT 5000)",
    // Old checkpoints of finished jobs, and old ones of other jobs except each job's last: a job
    // that may still be resumed keeps the checkpoint it resumes from.
    "DELETE FROM checkpoints WHERE id IN (SELECT c.id FROM checkpoints c"
    " LEFT JOIN jobs j ON j.id = c.job WHERE c.time_ms < :cutoff AND"
    " (j.status IN ('completed', 'failed', 'cancelled')"
    "  OR c.id < (SELECT MAX(c2.id) FROM checkpoints c2 WHERE c2.job = c.job)) LIMIT 5000)",
    "DELETE FROM jobs WHERE id IN (SELECT j.id FROM jobs j"
    " WHERE j.status IN ('completed', 'failed', 'cancelled')"
    " AND MAX(j.created_ms, j.updated_ms, j.finished_ms) < :cutoff"
    " AND NOT EXISTS (SELECT 1 FROM checkpoints c WHERE c.job = j.id) LIMIT 5000)",
};

} // namespace

RetentionTask::RetentionTask(qint64 cutoffMs)
    : m_cutoffMs(cutoffMs)
{}

bool RetentionTask::step(QSqlDatabase &db, QString *error)
{
    if (isDone())
        return true;
    QSqlQuery q(db);
    q.prepare(QString::fromLatin1(stages[m_stage]));
    q.bindValue(QStringLiteral(":cutoff"), m_stage == 0 ? m_cutoffMs * 1000000 : m_cutoffMs);
    if (!q.exec()) {
        *error = q.lastError().text();
        ++m_stage; // an error in one table does not stop the others from being cleaned
        return false;
    }
    const int removed = q.numRowsAffected();
    m_removed += removed;
    if (removed < chunkRows)
        ++m_stage;
    return true;
}

} // namespace flowscope::Internal
