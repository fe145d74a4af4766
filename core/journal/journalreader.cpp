#include "journal/journalreader.h"

#include "journal/journalcodec.h"
#include "journal/journalschema.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace flowscope::Internal {

namespace {

QString sql(const char *text)
{
    return QString::fromLatin1(text);
}

const char *const eventColumns
    = "SELECT seq, time_ns, duration_ns, job, activation, parent_activation, type, status,"
      " flow, routine, port, agent, payload FROM events ";

const char *const jobColumns
    = "SELECT id, flow_id, flow_dsl, status, error, created_ms, updated_ms, finished_ms,"
      " last_checkpoint, forked_from, forked_checkpoint FROM jobs ";

const char *const checkpointColumns
    = "SELECT id, job, flow_id, time_ms, reason, status, progress, entry_routine, entry_slot,"
      " params, variables, routine_variables, pending, activations_done, last_seq"
      " FROM checkpoints ";

JobStatus statusFrom(const QVariant &value)
{
    JobStatus status = JobStatus::Pending;
    jobStatusFromName(value.toString(), &status);
    return status;
}

} // namespace

JournalReader::JournalReader(const QString &path)
    : m_path(path)
{}

JournalReader::~JournalReader()
{
    QStringList names = m_retired;
    for (auto &entry : m_connections)
        names << entry.second.name;
    m_connections.clear(); // drops the handles, so that removing does not find them in use
    for (const QString &name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

QSqlDatabase JournalReader::connection() const
{
    std::lock_guard lock(m_mutex);
    QThread *thread = QThread::currentThread();
    auto it = m_connections.find(thread);
    if (it != m_connections.end()) {
        // A thread that ended can leave its address to a new one: that one gets its own.
        if (it->second.db.driver()->thread() == thread)
            return it->second.db;
        m_retired << it->second.name;
        m_connections.erase(it);
    }
    const QString name
        = QStringLiteral("flowscope-journal-read-%1-%2").arg(quintptr(this), 0, 16).arg(++m_made);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (db.open()) {
        QSqlQuery q(db);
        q.exec(sql("PRAGMA cache_size = -32768"));
    } else {
        qWarning("journal: cannot open %s for reading: %s", qUtf8Printable(m_path),
                 qUtf8Printable(db.lastError().text()));
    }
    m_connections[thread] = Connection{name, db};
    return db;
}

Symbol JournalReader::symbol(qint64 nameId, QSqlDatabase &db) const
{
    if (nameId == 0)
        return {};
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_symbols.constFind(nameId);
        if (it != m_symbols.constEnd())
            return *it;
    }
    // Names only grow: read every one this process has not seen yet.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql("SELECT id, name FROM names WHERE id >= ?"));
    q.addBindValue(nameId);
    q.exec();
    QHash<qint64, Symbol> found;
    while (q.next())
        found.insert(q.value(0).toLongLong(), Symbol::intern(q.value(1).toString()));
    std::lock_guard lock(m_mutex);
    m_symbols.insert(found);
    return m_symbols.value(nameId);
}

QVector<Event> JournalReader::readEvents(QSqlQuery &q) const
{
    QVector<Event> result;
    QSqlDatabase db = connection();
    // Name ids repeat from row to row: a local cache saves the shared one's lock.
    QHash<qint64, Symbol> local;
    const auto sym = [&](const QVariant &v) {
        const qint64 id = v.toLongLong();
        if (id == 0)
            return Symbol();
        const auto it = local.constFind(id);
        if (it != local.constEnd())
            return *it;
        const Symbol s = symbol(id, db);
        local.insert(id, s);
        return s;
    };
    while (q.next()) {
        Event e;
        e.seq = quint64(q.value(0).toLongLong());
        e.timeNs = q.value(1).toLongLong();
        e.durationNs = q.value(2).toLongLong();
        e.job = JobId(quint64(q.value(3).toLongLong()));
        e.activation = quint64(q.value(4).toLongLong());
        e.parentActivation = quint64(q.value(5).toLongLong());
        e.type = EventType(q.value(6).toInt());
        e.status = EventStatus(q.value(7).toInt());
        e.flow = sym(q.value(8));
        e.routine = sym(q.value(9));
        e.port = sym(q.value(10));
        e.agent = sym(q.value(11));
        const QByteArray payload = q.value(12).toByteArray();
        if (!payload.isEmpty())
            e.payload = JournalCodec::decodeVariant(payload);
        result.push_back(std::move(e));
    }
    return result;
}

QVector<Event> JournalReader::events(JobId job, qint64 fromNs, qint64 toNs, int limit) const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(sql(eventColumns)
              + sql("WHERE job = ? AND time_ns >= ? AND time_ns < ? ORDER BY time_ns, id LIMIT ?"));
    q.addBindValue(qint64(job.value()));
    q.addBindValue(fromNs);
    q.addBindValue(toNs);
    q.addBindValue(limit);
    if (!q.exec())
        return {};
    return readEvents(q);
}

QVector<Event> JournalReader::eventsInRange(qint64 fromNs, qint64 toNs, quint64 afterSeq,
                                            int limit) const
{
    // The blocks whose time span meets the range, then their rows in id order (the order the
    // writer received them in, which is sequence order).
    QSqlDatabase db = connection();
    QSqlQuery blocks(db);
    blocks.setForwardOnly(true);
    blocks.prepare(sql("SELECT block FROM event_blocks WHERE max_time_ns >= ? AND min_time_ns < ?"
                       " ORDER BY block"));
    blocks.addBindValue(fromNs);
    blocks.addBindValue(toNs);
    if (!blocks.exec())
        return {};
    std::vector<std::pair<qint64, qint64>> ranges; // [first, last] block, adjacent ones merged
    while (blocks.next()) {
        const qint64 block = blocks.value(0).toLongLong();
        if (!ranges.empty() && ranges.back().second + 1 == block)
            ranges.back().second = block;
        else
            ranges.emplace_back(block, block);
    }
    blocks.finish();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql(eventColumns)
              + sql("WHERE id >= ? AND id < ? AND time_ns >= ? AND time_ns < ? AND seq > ?"
                    " ORDER BY id LIMIT ?"));
    QVector<Event> result;
    const int shift = JournalSchema::eventBlockShift;
    for (const auto &[first, last] : ranges) {
        if (limit >= 0 && result.size() >= limit)
            break;
        q.bindValue(0, first << shift);
        q.bindValue(1, (last + 1) << shift);
        q.bindValue(2, fromNs);
        q.bindValue(3, toNs);
        // 0: from the start, including events appended without a sequence number.
        q.bindValue(4, afterSeq == 0 ? qint64(-1) : qint64(afterSeq));
        q.bindValue(5, limit < 0 ? -1 : limit - int(result.size()));
        if (!q.exec())
            return result;
        result += readEvents(q);
    }
    return result;
}

QVector<Alert> JournalReader::alerts(qint64 fromMs, qint64 toMs, int limit) const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(sql("SELECT alert_id, time_ms, level, agent, from_state, to_state, message,"
                  " diagnosis, routine, last_beat_ms FROM alerts WHERE time_ms >= ?"
                  " AND time_ms < ? ORDER BY time_ms DESC, id DESC LIMIT ?"));
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    q.addBindValue(limit);
    QVector<Alert> result;
    if (!q.exec())
        return result;
    while (q.next()) {
        Alert a;
        a.id = quint64(q.value(0).toLongLong());
        a.timeMs = q.value(1).toLongLong();
        a.level = AlertLevel(q.value(2).toInt());
        a.agent = q.value(3).toString();
        a.from = HealthState(q.value(4).toInt());
        a.to = HealthState(q.value(5).toInt());
        a.message = q.value(6).toString();
        a.diagnosis = q.value(7).toString();
        a.routine = q.value(8).toString();
        a.lastBeatMs = q.value(9).toLongLong();
        result.push_back(std::move(a));
    }
    return result;
}

QStringList JournalReader::rollupKeys(MetricScope scope, qint64 fromMs, qint64 toMs) const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(sql("SELECT DISTINCT key FROM rollups WHERE scope = ? AND start_ms >= ?"
                  " AND start_ms < ? ORDER BY key"));
    q.addBindValue(int(scope));
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    QStringList keys;
    if (q.exec()) {
        while (q.next())
            keys << q.value(0).toString();
    }
    return keys;
}

std::vector<MetricsRollup> JournalReader::rollups(MetricScope scope, const QString &key,
                                                  qint64 fromMs, qint64 toMs) const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(sql("SELECT start_ms, span_ms, activations, errors, slot_calls, event_emits,"
                  " jobs_started, jobs_completed, jobs_failed, jobs_cancelled, histogram, fields"
                  " FROM rollups WHERE scope = ? AND key = ? AND start_ms >= ? AND start_ms < ?"
                  " ORDER BY start_ms, id"));
    q.addBindValue(int(scope));
    q.addBindValue(key.isNull() ? QStringLiteral("") : key); // a null QString binds as NULL
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    std::vector<MetricsRollup> result;
    if (!q.exec())
        return result;
    while (q.next()) {
        MetricsRollup r;
        r.startMs = q.value(0).toLongLong();
        r.spanMs = q.value(1).toInt();
        r.scope = scope;
        r.key = key;
        r.activations = quint64(q.value(2).toLongLong());
        r.errors = quint64(q.value(3).toLongLong());
        r.slotCalls = quint64(q.value(4).toLongLong());
        r.eventEmits = quint64(q.value(5).toLongLong());
        r.jobsStarted = quint64(q.value(6).toLongLong());
        r.jobsCompleted = quint64(q.value(7).toLongLong());
        r.jobsFailed = quint64(q.value(8).toLongLong());
        r.jobsCancelled = quint64(q.value(9).toLongLong());
        r.histogram = q.value(10).toByteArray();
        r.fields = JournalCodec::decodeMap(q.value(11).toByteArray());
        result.push_back(std::move(r));
    }
    return result;
}

JobRecord JournalReader::readJob(const QSqlQuery &q)
{
    JobRecord r;
    r.id = JobId(quint64(q.value(0).toLongLong()));
    r.flowId = q.value(1).toString();
    r.flowDsl = q.value(2).toByteArray();
    r.status = statusFrom(q.value(3));
    r.error = q.value(4).toString();
    r.createdMs = q.value(5).toLongLong();
    r.updatedMs = q.value(6).toLongLong();
    r.finishedMs = q.value(7).toLongLong();
    r.lastCheckpoint = quint64(q.value(8).toLongLong());
    r.forkedFrom = JobId(quint64(q.value(9).toLongLong()));
    r.forkedCheckpoint = quint64(q.value(10).toLongLong());
    return r;
}

std::optional<JobRecord> JournalReader::job(JobId id) const
{
    QSqlQuery q(connection());
    q.prepare(sql(jobColumns) + sql("WHERE id = ?"));
    q.addBindValue(qint64(id.value()));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readJob(q);
}

QVector<JobRecord> JournalReader::interruptedJobs() const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    QVector<JobRecord> result;
    if (!q.exec(sql(jobColumns)
                + sql("WHERE status IN ('pending', 'running', 'paused') ORDER BY created_ms, id")))
        return result;
    while (q.next())
        result.push_back(readJob(q));
    return result;
}

JobCheckpoint JournalReader::readCheckpoint(const QSqlQuery &q)
{
    JobCheckpoint c;
    c.id = quint64(q.value(0).toLongLong());
    c.job = JobId(quint64(q.value(1).toLongLong()));
    c.flowId = q.value(2).toString();
    c.timeMs = q.value(3).toLongLong();
    c.reason = q.value(4).toString();
    c.status = statusFrom(q.value(5));
    c.progress = q.value(6).toDouble();
    c.entryRoutine = q.value(7).toString();
    c.entrySlot = q.value(8).toString();
    c.params = JournalCodec::decodeMap(q.value(9).toByteArray());
    c.variables = JournalCodec::decodeMap(q.value(10).toByteArray());
    c.routineVariables = JournalCodec::decodeRoutineVariables(q.value(11).toByteArray());
    c.pending = JournalCodec::decodePending(q.value(12).toByteArray());
    c.activationsDone = quint64(q.value(13).toLongLong());
    c.lastSeq = quint64(q.value(14).toLongLong());
    return c;
}

QVector<JobCheckpoint> JournalReader::checkpoints(JobId job) const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(sql(checkpointColumns) + sql("WHERE job = ? ORDER BY id"));
    q.addBindValue(qint64(job.value()));
    QVector<JobCheckpoint> result;
    if (!q.exec())
        return result;
    while (q.next())
        result.push_back(readCheckpoint(q));
    return result;
}

std::optional<JobCheckpoint> JournalReader::checkpoint(quint64 id) const
{
    QSqlQuery q(connection());
    q.prepare(sql(checkpointColumns) + sql("WHERE id = ?"));
    q.addBindValue(qint64(id));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readCheckpoint(q);
}

qint64 JournalReader::metaValue(QSqlDatabase &db, const char *key) const
{
    QSqlQuery q(db);
    q.prepare(sql("SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?"));
    q.addBindValue(QString::fromLatin1(key));
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

quint64 JournalReader::maxActivationId() const
{
    // The writer keeps the events' highest id in meta (a scan of the events would take seconds);
    // pending activations of checkpoints are ids the engine handed out too.
    QSqlDatabase db = connection();
    quint64 result = quint64(metaValue(db, "max_activation"));
    QSqlQuery q(db);
    if (q.exec(sql("SELECT IFNULL(MAX(max_pending), 0) FROM checkpoints")) && q.next())
        result = std::max(result, quint64(q.value(0).toLongLong()));
    return result;
}

quint64 JournalReader::maxSequence() const
{
    QSqlDatabase db = connection();
    return quint64(metaValue(db, "max_seq"));
}

QString JournalReader::integrityCheck() const
{
    QSqlQuery q(connection());
    if (!q.exec(sql("PRAGMA integrity_check")))
        return q.lastError().text();
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace flowscope::Internal
