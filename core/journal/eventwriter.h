#pragma once

#include "events/event.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace flowscope::Internal {

// Inserts event rows on the writer's connection. The hot path binds through SQLite's own API on
// the handle under Qt's connection: bound through QSqlQuery, a QVariant per value, the same rows
// went in at less than half the rate (docs/persistence.md has the numbers). Names are interned per
// file and cached: a symbol is looked up or inserted once per process.
class EventWriter
{
public:
    explicit EventWriter(const QSqlDatabase &db);
    ~EventWriter();

    bool prepare(QString *error);
    // Inside an open transaction. false: the row was not written (error says why).
    bool write(const Event &event, QString *error);
    // The time span of each block of rows written in the open transaction (event_blocks): to be
    // written just before the commit.
    bool writeBlocks(QString *error);
    // After the transaction's outcome: names inserted in a rolled-back one are forgotten.
    void committed();
    void rolledBack();
    // Releases the statements; the connection may close after this.
    void finish();

    bool usesSqliteApi() const { return m_handle != nullptr; }
    sqlite3 *handle() const { return m_handle; }
    // false when SQLite ended the transaction itself after a failure (a full disk, I/O).
    bool inTransaction() const;
    // Highest activation / sequence written (for meta), and whether they grew since reset.
    quint64 maxActivation() const { return m_maxActivation; }
    quint64 maxSequence() const { return m_maxSeq; }
    void setMaxima(quint64 activation, quint64 seq);
    bool maximaChanged() const { return m_maximaChanged; }
    void clearMaximaChanged() { m_maximaChanged = false; }

private:
    qint64 nameId(Symbol symbol, QString *error);
    bool insertName(const QString &name, qint64 *id, QString *error);
    QString sqliteError() const;
    void noteRow(qint64 rowId, qint64 timeNs);

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_insertName = nullptr;
    QSqlQuery m_fallback; // when the driver's handle is not SQLite's
    QSqlQuery m_fallbackName;
    QSqlQuery m_block;

    std::vector<qint64> m_bySymbol; // symbol id -> name id, 0: not yet known
    QHash<QString, qint64> m_byName;
    std::vector<std::pair<quint32, QString>> m_uncommitted; // names added in the open transaction

    struct Span
    {
        qint64 minNs;
        qint64 maxNs;
    };
    std::map<qint64, Span> m_blocks; // block -> span, in the open transaction
    qint64 m_lastBlock = -1;
    std::map<qint64, Span>::iterator m_lastSpan;

    quint64 m_maxActivation = 0;
    quint64 m_maxSeq = 0;
    bool m_maximaChanged = false;
};

} // namespace flowscope::Internal
