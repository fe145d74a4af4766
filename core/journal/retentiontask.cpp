#include "journal/retentiontask.h"

#include "journal/journalschema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace flowscope::Internal {

namespace {

// One statement per stage; each deletes at most chunkRows rows older than the cutoff (bound as
// :cutoff, in the unit of the table's time column).
const char *const stages[] = {
    nullptr, // events: a block at a time (stepEvents)
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
    if (m_stage == 0)
        return stepEvents(db, error);
    QSqlQuery q(db);
    q.prepare(QString::fromLatin1(stages[m_stage]));
    q.bindValue(QStringLiteral(":cutoff"), m_cutoffMs);
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

// The oldest block that holds rows older than the cutoff: its old rows go, and its time span
// shrinks to what is left (or the block goes with its last row).
bool RetentionTask::stepEvents(QSqlDatabase &db, QString *error)
{
    const qint64 cutoffNs = m_cutoffMs * 1000000;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT block FROM event_blocks WHERE min_time_ns < ? ORDER BY block"
                             " LIMIT 1"));
    q.addBindValue(cutoffNs);
    if (!q.exec()) {
        *error = q.lastError().text();
        ++m_stage;
        return false;
    }
    if (!q.next()) {
        ++m_stage;
        return true;
    }
    const qint64 block = q.value(0).toLongLong();
    const qint64 first = block << JournalSchema::eventBlockShift;
    const qint64 end = (block + 1) << JournalSchema::eventBlockShift;
    q.finish();
    bool ok
        = q.prepare(QStringLiteral("DELETE FROM events WHERE id >= ? AND id < ? AND time_ns < ?"));
    q.addBindValue(first);
    q.addBindValue(end);
    q.addBindValue(cutoffNs);
    ok = ok && q.exec();
    if (ok)
        m_removed += q.numRowsAffected();
    ok = ok
         && q.prepare(QStringLiteral("SELECT MIN(time_ns), MAX(time_ns) FROM events"
                                     " WHERE id >= ? AND id < ?"));
    q.addBindValue(first);
    q.addBindValue(end);
    ok = ok && q.exec() && q.next();
    if (ok) {
        const QVariant minNs = q.value(0);
        const QVariant maxNs = q.value(1);
        q.finish();
        if (minNs.isNull()) {
            ok = q.prepare(QStringLiteral("DELETE FROM event_blocks WHERE block = ?"));
        } else {
            ok = q.prepare(QStringLiteral("UPDATE event_blocks SET min_time_ns = ?,"
                                          " max_time_ns = ? WHERE block = ?"));
            q.addBindValue(minNs);
            q.addBindValue(maxNs);
        }
        q.addBindValue(block);
        ok = ok && q.exec();
    }
    if (!ok) {
        *error = q.lastError().text();
        ++m_stage;
    }
    return ok;
}

} // namespace flowscope::Internal
