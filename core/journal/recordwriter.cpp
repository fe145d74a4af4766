#include "journal/recordwriter.h"

#include "journal/journalcodec.h"

#include <QSqlError>

#include <algorithm>

namespace flowscope::Internal {

namespace {

QString sql(const char *text)
{
    return QString::fromLatin1(text);
}

QVariant blob(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(bytes);
}

// A null QString binds as NULL; text columns hold "" for "none".
QString text(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

} // namespace

RecordWriter::RecordWriter(const QSqlDatabase &db)
    : m_db(db)
    , m_alert(db)
    , m_rollup(db)
    , m_job(db)
    , m_checkpoint(db)
    , m_checkpointJob(db)
    , m_meta(db)
{}

bool RecordWriter::prepare(QString *error)
{
    const bool ok
        = m_alert.prepare(
              sql("INSERT INTO alerts(alert_id, time_ms, level, agent, from_state, to_state,"
                  " message, diagnosis, routine, last_beat_ms) VALUES (?,?,?,?,?,?,?,?,?,?)"))
          && m_rollup.prepare(
              sql("INSERT INTO rollups(start_ms, span_ms, scope, key, activations, errors,"
                  " slot_calls, event_emits, jobs_started, jobs_completed, jobs_failed,"
                  " jobs_cancelled, histogram, fields) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"))
          // The last checkpoint only moves forward: a record written by someone who did not
          // know of a newer checkpoint keeps it.
          && m_job.prepare(
              sql("INSERT INTO jobs(id, flow_id, flow_dsl, status, error, created_ms, updated_ms,"
                  " finished_ms, last_checkpoint, forked_from, forked_checkpoint)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                  " flow_id = excluded.flow_id,"
                  " flow_dsl = IFNULL(excluded.flow_dsl, jobs.flow_dsl),"
                  " status = excluded.status, error = excluded.error,"
                  " created_ms = excluded.created_ms, updated_ms = excluded.updated_ms,"
                  " finished_ms = excluded.finished_ms,"
                  " last_checkpoint = MAX(jobs.last_checkpoint, excluded.last_checkpoint),"
                  " forked_from = excluded.forked_from,"
                  " forked_checkpoint = excluded.forked_checkpoint"))
          && m_checkpoint.prepare(
              sql("INSERT INTO checkpoints(id, job, flow_id, time_ms, reason, status, progress,"
                  " entry_routine, entry_slot, params, variables, routine_variables, pending,"
                  " max_pending, activations_done, last_seq)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"))
          // A checkpoint of a job the journal has no record of yet makes one.
          && m_checkpointJob.prepare(
              sql("INSERT INTO jobs(id, flow_id, status, created_ms, updated_ms,"
                  " last_checkpoint) VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                  " last_checkpoint = MAX(jobs.last_checkpoint, excluded.last_checkpoint)"))
          && m_meta.prepare(sql("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"));
    if (!ok)
        *error = m_db.lastError().text();
    return ok;
}

void RecordWriter::finish()
{
    m_alert = QSqlQuery();
    m_rollup = QSqlQuery();
    m_job = QSqlQuery();
    m_checkpoint = QSqlQuery();
    m_checkpointJob = QSqlQuery();
    m_meta = QSqlQuery();
}

bool RecordWriter::run(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

bool RecordWriter::writeAlert(const Alert &a, QString *error)
{
    QSqlQuery &q = m_alert;
    q.bindValue(0, qint64(a.id));
    q.bindValue(1, a.timeMs);
    q.bindValue(2, int(a.level));
    q.bindValue(3, text(a.agent));
    q.bindValue(4, int(a.from));
    q.bindValue(5, int(a.to));
    q.bindValue(6, text(a.message));
    q.bindValue(7, text(a.diagnosis));
    q.bindValue(8, text(a.routine));
    q.bindValue(9, a.lastBeatMs);
    return run(q, error);
}

bool RecordWriter::writeRollup(const MetricsRollup &r, QString *error)
{
    QSqlQuery &q = m_rollup;
    q.bindValue(0, r.startMs);
    q.bindValue(1, r.spanMs);
    q.bindValue(2, int(r.scope));
    q.bindValue(3, text(r.key));
    q.bindValue(4, qint64(r.activations));
    q.bindValue(5, qint64(r.errors));
    q.bindValue(6, qint64(r.slotCalls));
    q.bindValue(7, qint64(r.eventEmits));
    q.bindValue(8, qint64(r.jobsStarted));
    q.bindValue(9, qint64(r.jobsCompleted));
    q.bindValue(10, qint64(r.jobsFailed));
    q.bindValue(11, qint64(r.jobsCancelled));
    q.bindValue(12, blob(r.histogram));
    q.bindValue(13, blob(JournalCodec::encodeMap(r.fields)));
    return run(q, error);
}

bool RecordWriter::writeJob(const JobRecord &j, QString *error)
{
    QSqlQuery &q = m_job;
    q.bindValue(0, qint64(j.id.value()));
    q.bindValue(1, text(j.flowId));
    q.bindValue(2, blob(j.flowDsl));
    q.bindValue(3, jobStatusName(j.status));
    q.bindValue(4, text(j.error));
    q.bindValue(5, j.createdMs);
    q.bindValue(6, j.updatedMs);
    q.bindValue(7, j.finishedMs);
    q.bindValue(8, qint64(j.lastCheckpoint));
    q.bindValue(9, qint64(j.forkedFrom.value()));
    q.bindValue(10, qint64(j.forkedCheckpoint));
    return run(q, error);
}

bool RecordWriter::writeCheckpoint(const JobCheckpoint &c, QString *error)
{
    quint64 maxPending = 0;
    for (const PendingActivation &p : c.pending)
        maxPending = std::max({maxPending, p.id, p.parent});
    QSqlQuery &q = m_checkpoint;
    q.bindValue(0, qint64(c.id));
    q.bindValue(1, qint64(c.job.value()));
    q.bindValue(2, text(c.flowId));
    q.bindValue(3, c.timeMs);
    q.bindValue(4, text(c.reason));
    q.bindValue(5, jobStatusName(c.status));
    q.bindValue(6, c.progress);
    q.bindValue(7, text(c.entryRoutine));
    q.bindValue(8, text(c.entrySlot));
    q.bindValue(9, blob(JournalCodec::encodeMap(c.params)));
    q.bindValue(10, blob(JournalCodec::encodeMap(c.variables)));
    q.bindValue(11, blob(JournalCodec::encodeRoutineVariables(c.routineVariables)));
    q.bindValue(12, blob(JournalCodec::encodePending(c.pending)));
    q.bindValue(13, qint64(maxPending));
    q.bindValue(14, qint64(c.activationsDone));
    q.bindValue(15, qint64(c.lastSeq));
    if (!run(q, error))
        return false;
    QSqlQuery &jq = m_checkpointJob;
    jq.bindValue(0, qint64(c.job.value()));
    jq.bindValue(1, text(c.flowId));
    jq.bindValue(2, jobStatusName(c.status));
    jq.bindValue(3, c.timeMs);
    jq.bindValue(4, c.timeMs);
    jq.bindValue(5, qint64(c.id));
    return run(jq, error);
}

bool RecordWriter::writeMeta(const QString &key, qint64 value, QString *error)
{
    m_meta.bindValue(0, key);
    m_meta.bindValue(1, QString::number(value));
    return run(m_meta, error);
}

} // namespace flowscope::Internal
