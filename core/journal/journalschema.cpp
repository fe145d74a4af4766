#include "journal/journalschema.h"

#include "journal/journal.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace flowscope::Internal {

namespace {

QString sql(const char *text)
{
    return QString::fromLatin1(text);
}

const char *const tableStatements[] = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS names(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    "CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, seq INTEGER NOT NULL,"
    " time_ns INTEGER NOT NULL, duration_ns INTEGER NOT NULL DEFAULT 0, job INTEGER NOT NULL,"
    " activation INTEGER NOT NULL DEFAULT 0, parent_activation INTEGER NOT NULL DEFAULT 0,"
    " type INTEGER NOT NULL, status INTEGER NOT NULL DEFAULT 0, flow INTEGER NOT NULL DEFAULT 0,"
    " routine INTEGER NOT NULL DEFAULT 0, port INTEGER NOT NULL DEFAULT 0,"
    " agent INTEGER NOT NULL DEFAULT 0, payload BLOB)",
    "CREATE TABLE IF NOT EXISTS event_blocks(block INTEGER PRIMARY KEY,"
    " min_time_ns INTEGER NOT NULL, max_time_ns INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS alerts(id INTEGER PRIMARY KEY, alert_id INTEGER NOT NULL,"
    " time_ms INTEGER NOT NULL, level INTEGER NOT NULL, agent TEXT NOT NULL,"
    " from_state INTEGER NOT NULL, to_state INTEGER NOT NULL, message TEXT, diagnosis TEXT,"
    " routine TEXT, last_beat_ms INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS rollups(id INTEGER PRIMARY KEY, start_ms INTEGER NOT NULL,"
    " span_ms INTEGER NOT NULL, scope INTEGER NOT NULL, key TEXT NOT NULL,"
    " activations INTEGER NOT NULL, errors INTEGER NOT NULL, slot_calls INTEGER NOT NULL,"
    " event_emits INTEGER NOT NULL, jobs_started INTEGER NOT NULL,"
    " jobs_completed INTEGER NOT NULL, jobs_failed INTEGER NOT NULL,"
    " jobs_cancelled INTEGER NOT NULL, histogram BLOB, fields BLOB)",
    "CREATE TABLE IF NOT EXISTS jobs(id INTEGER PRIMARY KEY, flow_id TEXT NOT NULL,"
    " flow_dsl BLOB, status TEXT NOT NULL, error TEXT, created_ms INTEGER NOT NULL DEFAULT 0,"
    " updated_ms INTEGER NOT NULL DEFAULT 0, finished_ms INTEGER NOT NULL DEFAULT 0,"
    " last_checkpoint INTEGER NOT NULL DEFAULT 0, forked_from INTEGER NOT NULL DEFAULT 0,"
    " forked_checkpoint INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS checkpoints(id INTEGER PRIMARY KEY, job INTEGER NOT NULL,"
    " flow_id TEXT NOT NULL, time_ms INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '',"
    " status TEXT NOT NULL, progress REAL NOT NULL DEFAULT 0, entry_routine TEXT,"
    " entry_slot TEXT, params BLOB, variables BLOB, routine_variables BLOB, pending BLOB,"
    " max_pending INTEGER NOT NULL DEFAULT 0, activations_done INTEGER NOT NULL DEFAULT 0,"
    " last_seq INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS events_job_time ON events(job, time_ns)",
    "CREATE INDEX IF NOT EXISTS alerts_time ON alerts(time_ms)",
    "CREATE INDEX IF NOT EXISTS rollups_scope_time ON rollups(scope, key, start_ms)",
    "CREATE INDEX IF NOT EXISTS rollups_time ON rollups(start_ms)",
    "CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status)",
    "CREATE INDEX IF NOT EXISTS checkpoints_job ON checkpoints(job, id)",
};

QString refusal(const QString &path, const QString &reason)
{
    return QStringLiteral("%1: %2").arg(path, reason);
}

// Runs the inspection's queries on a read-only connection that is gone when it returns.
JournalSchema::Inspection inspectDatabase(const QString &path)
{
    JournalSchema::Inspection result;
    const QString name = QStringLiteral("flowscope-journal-inspect-")
                         + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            result.error = refusal(
                path, QStringLiteral("cannot be opened as SQLite (%1)").arg(db.lastError().text()));
        } else {
            QSqlQuery q(db);
            QStringList tables;
            if (!q.exec(sql("SELECT name FROM sqlite_master WHERE type = 'table'"))) {
                result.error = refusal(path, QStringLiteral("not a readable SQLite database (%1)")
                                                 .arg(q.lastError().text()));
            } else {
                while (q.next())
                    tables << q.value(0).toString();
                if (tables.isEmpty()) {
                    result.state = JournalSchema::State::Empty;
                    result.version = -1;
                } else if (!tables.contains(QStringLiteral("meta"))) {
                    result.error = refusal(
                        path, QStringLiteral("not a Flowscope journal (an SQLite database with "
                                             "other tables: %1)")
                                  .arg(tables.mid(0, 5).join(QStringLiteral(", "))));
                } else {
                    QString app;
                    QString version;
                    if (q.exec(sql("SELECT key, value FROM meta"))) {
                        while (q.next()) {
                            const QString key = q.value(0).toString();
                            if (key == QLatin1String("application"))
                                app = q.value(1).toString();
                            else if (key == QLatin1String("schema_version"))
                                version = q.value(1).toString();
                        }
                    }
                    bool ok = false;
                    const int v = version.toInt(&ok);
                    if (app != QLatin1String(JournalSchema::application)) {
                        result.error = refusal(
                            path, QStringLiteral("not a Flowscope journal (its meta table does "
                                                 "not name flowscope-journal)"));
                    } else if (!ok || v < 0) {
                        result.error = refusal(
                            path, QStringLiteral("unreadable schema version '%1'").arg(version));
                    } else if (v > Journal::schemaVersion) {
                        result.error = refusal(
                            path, QStringLiteral("schema version %1 is newer than this build "
                                                 "supports (%2)")
                                      .arg(v)
                                      .arg(Journal::schemaVersion));
                    } else {
                        result.version = v;
                        result.state = v == Journal::schemaVersion ? JournalSchema::State::Current
                                                                   : JournalSchema::State::Older;
                    }
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

JournalSchema::Inspection JournalSchema::inspect(const QString &path)
{
    Inspection result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.state = State::Missing;
        return result;
    }
    if (!info.isFile()) {
        result.error = refusal(path, QStringLiteral("not a file"));
        return result;
    }
    if (info.size() == 0) {
        result.state = State::Empty;
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = refusal(path, QStringLiteral("cannot be read (%1)").arg(file.errorString()));
        return result;
    }
    static const QByteArray header("SQLite format 3\0", 16);
    if (file.read(16) != header) {
        result.error = refusal(path, QStringLiteral("not an SQLite database (no SQLite header)"));
        return result;
    }
    file.close();
    return inspectDatabase(path);
}

QStringList JournalSchema::currentTables()
{
    QStringList result;
    for (const char *statement : tableStatements)
        result << sql(statement);
    return result;
}

bool JournalSchema::prepare(QSqlDatabase &db, const Inspection &inspection, QString *error)
{
    switch (inspection.state) {
    case State::Missing:
    case State::Empty:
        return create(db, error);
    case State::Older:
        return migrate(db, inspection.version, error);
    case State::Current:
        return true;
    case State::Refused:
        break;
    }
    *error = inspection.error;
    return false;
}

bool JournalSchema::exec(QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(statement))
        return true;
    *error = QStringLiteral("%1: %2 (%3)")
                 .arg(db.databaseName(), q.lastError().text(), statement.left(60));
    return false;
}

bool JournalSchema::setVersion(QSqlDatabase &db, int version, QString *error)
{
    return exec(db,
                QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES"
                               " ('schema_version', '%1')")
                    .arg(version),
                error)
           && exec(db, QStringLiteral("PRAGMA user_version = %1").arg(version), error);
}

bool JournalSchema::create(QSqlDatabase &db, QString *error)
{
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    bool ok = true;
    for (const char *statement : tableStatements)
        ok = ok && exec(db, sql(statement), error);
    QSqlQuery q(db);
    if (ok) {
        q.prepare(sql("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"));
        const QList<QPair<QString, QString>> rows{
            {QStringLiteral("application"), QLatin1String(application)},
            {QStringLiteral("created_by"),
             QStringLiteral("flowscope journal, schema %1").arg(Journal::schemaVersion)},
            {QStringLiteral("created_ms"), QString::number(QDateTime::currentMSecsSinceEpoch())},
            {QStringLiteral("max_activation"), QStringLiteral("0")},
            {QStringLiteral("max_seq"), QStringLiteral("0")}};
        for (const auto &row : rows) {
            q.addBindValue(row.first);
            q.addBindValue(row.second);
            if (!q.exec()) {
                *error = q.lastError().text();
                ok = false;
                break;
            }
        }
    }
    ok = ok && setVersion(db, Journal::schemaVersion, error);
    if (ok && db.commit())
        return true;
    if (ok)
        *error = db.lastError().text();
    db.rollback();
    return false;
}

bool JournalSchema::migrate(QSqlDatabase &db, int from, QString *error)
{
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    bool ok = true;
    for (int v = from; ok && v < Journal::schemaVersion; ++v) {
        switch (v) {
        case 0:
            ok = migrateFrom0(db, error);
            break;
        default:
            *error = QStringLiteral("no migration from schema version %1").arg(v);
            ok = false;
        }
        ok = ok && setVersion(db, v + 1, error);
    }
    if (ok && db.commit())
        return true;
    if (ok)
        *error = db.lastError().text();
    db.rollback();
    *error = QStringLiteral("%1: migration from schema version %2 failed: %3")
                 .arg(db.databaseName())
                 .arg(from)
                 .arg(*error);
    return false;
}

// Version 0 had no rollups, no checkpoint reasons, an index on events(time_ns) instead of the
// event blocks, and did not keep the highest activation id and sequence number in meta.
bool JournalSchema::migrateFrom0(QSqlDatabase &db, QString *error)
{
    for (const char *statement : tableStatements) {
        const QString s = sql(statement);
        if ((s.contains(QLatin1String(" rollups")) || s.contains(QLatin1String(" event_blocks")))
            && !exec(db, s, error))
            return false;
    }
    return exec(db, sql("ALTER TABLE checkpoints ADD COLUMN reason TEXT NOT NULL DEFAULT ''"),
                error)
           && exec(db,
                   QStringLiteral("INSERT INTO event_blocks(block, min_time_ns, max_time_ns)"
                                  " SELECT id >> %1, MIN(time_ns), MAX(time_ns) FROM events"
                                  " GROUP BY id >> %1")
                       .arg(eventBlockShift),
                   error)
           && exec(db, sql("DROP INDEX IF EXISTS events_time"), error)
           && exec(db,
                   sql("INSERT OR REPLACE INTO meta(key, value) SELECT 'max_activation',"
                       " CAST(MAX(IFNULL(MAX(activation), 0), IFNULL(MAX(parent_activation), 0))"
                       " AS TEXT) FROM events"),
                   error)
           && exec(db,
                   sql("INSERT OR REPLACE INTO meta(key, value) SELECT 'max_seq',"
                       " CAST(IFNULL(MAX(seq), 0) AS TEXT) FROM events"),
                   error);
}

} // namespace flowscope::Internal
