#pragma once

// What the journal suites share: event construction, raw SQL on a file, and fresh file names.

#include "journal/journal.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace flowscope::testing {

constexpr qint64 dayMs = 86400000;
constexpr qint64 ms = 1000000; // ns

inline Event makeEvent(quint64 job, qint64 timeNs, EventType type = EventType::RoutineStarted)
{
    Event e;
    e.job = JobId(job);
    e.timeNs = timeNs;
    e.type = type;
    return e;
}

// Runs SQL on a file through a connection of its own (for files the journal must not create).
inline bool execSql(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("tst-raw");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (ok && !q.exec(s)) {
                qWarning() << s << q.lastError().text();
                ok = false;
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A temporary folder handing out a new journal file name on each call.
class JournalFiles
{
public:
    QString newPath() { return m_dir.filePath(QStringLiteral("j%1.db").arg(++m_files)); }

private:
    QTemporaryDir m_dir;
    int m_files = 0;
};

} // namespace flowscope::testing
