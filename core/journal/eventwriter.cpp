#include "journal/eventwriter.h"

#include "journal/journalcodec.h"
#include "journal/journalschema.h"

#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <cstring>

namespace flowscope::Internal {

namespace {

const char *const insertSql
    = "INSERT INTO events(seq, time_ns, duration_ns, job, activation, parent_activation, type,"
      " status, flow, routine, port, agent, payload) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
const char *const insertNameSql = "INSERT INTO names(name) VALUES (?)";

// The handle is used only if this process's SQLite is the one Qt's driver runs on: two copies
// of the library must not share a connection.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3 *handle = *static_cast<sqlite3 *const *>(v.constData());
    if (!handle)
        return nullptr;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT sqlite_source_id()")) || !q.next())
        return nullptr;
    if (q.value(0).toString().toUtf8() != QByteArray(sqlite3_sourceid()))
        return nullptr;
    return handle;
}

} // namespace

EventWriter::EventWriter(const QSqlDatabase &db)
    : m_db(db)
{}

EventWriter::~EventWriter()
{
    finish();
}

void EventWriter::finish()
{
    sqlite3_finalize(m_insert);
    sqlite3_finalize(m_insertName);
    m_insert = nullptr;
    m_insertName = nullptr;
    m_handle = nullptr;
    m_fallback = QSqlQuery();
    m_fallbackName = QSqlQuery();
    m_block = QSqlQuery();
}

QString EventWriter::sqliteError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_handle));
}

bool EventWriter::prepare(QString *error)
{
    QSqlQuery names(m_db);
    names.setForwardOnly(true);
    if (!names.exec(QStringLiteral("SELECT id, name FROM names"))) {
        *error = names.lastError().text();
        return false;
    }
    while (names.next())
        m_byName.insert(names.value(1).toString(), names.value(0).toLongLong());

    m_block = QSqlQuery(m_db);
    if (!m_block.prepare(QStringLiteral(
            "INSERT INTO event_blocks(block, min_time_ns, max_time_ns) VALUES (?, ?, ?)"
            " ON CONFLICT(block) DO UPDATE SET"
            " min_time_ns = MIN(min_time_ns, excluded.min_time_ns),"
            " max_time_ns = MAX(max_time_ns, excluded.max_time_ns)"))) {
        *error = m_block.lastError().text();
        return false;
    }
    m_handle = sqliteHandle(m_db);
    if (m_handle) {
        if (sqlite3_prepare_v3(m_handle, insertSql, -1, SQLITE_PREPARE_PERSISTENT, &m_insert,
                               nullptr)
                != SQLITE_OK
            || sqlite3_prepare_v3(m_handle, insertNameSql, -1, SQLITE_PREPARE_PERSISTENT,
                                  &m_insertName, nullptr)
                   != SQLITE_OK) {
            *error = sqliteError();
            finish();
            return false;
        }
        return true;
    }
    m_fallback = QSqlQuery(m_db);
    m_fallbackName = QSqlQuery(m_db);
    if (!m_fallback.prepare(QString::fromLatin1(insertSql))
        || !m_fallbackName.prepare(QString::fromLatin1(insertNameSql))) {
        *error = m_fallback.lastError().text();
        return false;
    }
    return true;
}

bool EventWriter::inTransaction() const
{
    return !m_handle || sqlite3_get_autocommit(m_handle) == 0;
}

void EventWriter::setMaxima(quint64 activation, quint64 seq)
{
    m_maxActivation = activation;
    m_maxSeq = seq;
}

bool EventWriter::insertName(const QString &name, qint64 *id, QString *error)
{
    if (m_handle) {
        const QByteArray utf8 = name.toUtf8();
        sqlite3_bind_text(m_insertName, 1, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(m_insertName);
        sqlite3_reset(m_insertName);
        if (rc != SQLITE_DONE) {
            *error = sqliteError();
            return false;
        }
        *id = sqlite3_last_insert_rowid(m_handle);
        return true;
    }
    m_fallbackName.bindValue(0, name);
    if (!m_fallbackName.exec()) {
        *error = m_fallbackName.lastError().text();
        return false;
    }
    *id = m_fallbackName.lastInsertId().toLongLong();
    return true;
}

qint64 EventWriter::nameId(Symbol symbol, QString *error)
{
    const quint32 sid = symbol.id();
    if (sid == 0)
        return 0;
    if (sid < m_bySymbol.size() && m_bySymbol[sid] != 0)
        return m_bySymbol[sid];
    const QString name = symbol.toString();
    qint64 id = m_byName.value(name);
    if (id == 0) {
        if (!insertName(name, &id, error))
            return -1;
        m_byName.insert(name, id);
        m_uncommitted.emplace_back(sid, name);
    }
    if (sid >= m_bySymbol.size())
        m_bySymbol.resize(size_t(sid) + 64, 0);
    m_bySymbol[sid] = id;
    return id;
}

void EventWriter::noteRow(qint64 rowId, qint64 timeNs)
{
    const qint64 block = rowId >> JournalSchema::eventBlockShift;
    if (block != m_lastBlock) {
        m_lastSpan = m_blocks.try_emplace(block, Span{timeNs, timeNs}).first;
        m_lastBlock = block;
    }
    Span &span = m_lastSpan->second;
    span.minNs = std::min(span.minNs, timeNs);
    span.maxNs = std::max(span.maxNs, timeNs);
}

bool EventWriter::writeBlocks(QString *error)
{
    for (const auto &[block, span] : m_blocks) {
        m_block.bindValue(0, block);
        m_block.bindValue(1, span.minNs);
        m_block.bindValue(2, span.maxNs);
        if (!m_block.exec()) {
            *error = m_block.lastError().text();
            return false;
        }
    }
    return true;
}

void EventWriter::committed()
{
    m_uncommitted.clear();
    m_blocks.clear();
    m_lastBlock = -1;
}

void EventWriter::rolledBack()
{
    m_blocks.clear();
    m_lastBlock = -1;
    for (const auto &[sid, name] : m_uncommitted) {
        m_byName.remove(name);
        if (sid < m_bySymbol.size())
            m_bySymbol[sid] = 0;
    }
    m_uncommitted.clear();
}

bool EventWriter::write(const Event &e, QString *error)
{
    const qint64 names[4] = {nameId(e.flow, error), nameId(e.routine, error), nameId(e.port, error),
                             nameId(e.agent, error)};
    for (qint64 id : names) {
        if (id < 0)
            return false;
    }
    const QByteArray payload
        = e.payload.isValid() ? JournalCodec::encodeVariant(e.payload.value()) : QByteArray();
    if (e.activation > m_maxActivation || e.parentActivation > m_maxActivation) {
        m_maxActivation = std::max(e.activation, e.parentActivation);
        m_maximaChanged = true;
    }
    if (e.seq > m_maxSeq) {
        m_maxSeq = e.seq;
        m_maximaChanged = true;
    }
    if (m_handle) {
        sqlite3_stmt *s = m_insert;
        sqlite3_bind_int64(s, 1, sqlite3_int64(e.seq));
        sqlite3_bind_int64(s, 2, e.timeNs);
        sqlite3_bind_int64(s, 3, e.durationNs);
        sqlite3_bind_int64(s, 4, sqlite3_int64(e.job.value()));
        sqlite3_bind_int64(s, 5, sqlite3_int64(e.activation));
        sqlite3_bind_int64(s, 6, sqlite3_int64(e.parentActivation));
        sqlite3_bind_int(s, 7, int(e.type));
        sqlite3_bind_int(s, 8, int(e.status));
        for (int i = 0; i < 4; ++i)
            sqlite3_bind_int64(s, 9 + i, names[i]);
        if (payload.isEmpty())
            sqlite3_bind_null(s, 13);
        else
            sqlite3_bind_blob(s, 13, payload.constData(), int(payload.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE) {
            *error = sqliteError();
            return false;
        }
        noteRow(sqlite3_last_insert_rowid(m_handle), e.timeNs);
        return true;
    }
    QSqlQuery &q = m_fallback;
    q.bindValue(0, qint64(e.seq));
    q.bindValue(1, e.timeNs);
    q.bindValue(2, e.durationNs);
    q.bindValue(3, qint64(e.job.value()));
    q.bindValue(4, qint64(e.activation));
    q.bindValue(5, qint64(e.parentActivation));
    q.bindValue(6, int(e.type));
    q.bindValue(7, int(e.status));
    for (int i = 0; i < 4; ++i)
        q.bindValue(8 + i, names[i]);
    q.bindValue(12, payload.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : payload);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    noteRow(q.lastInsertId().toLongLong(), e.timeNs);
    return true;
}

} // namespace flowscope::Internal
