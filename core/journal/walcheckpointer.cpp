#include "journal/walcheckpointer.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#ifdef __linux__
#include <pthread.h>
#endif

namespace flowscope::Internal {

WalCheckpointer::WalCheckpointer(const QString &path)
    : m_path(path)
    , m_thread(&WalCheckpointer::run, this)
{}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WalCheckpointer::install(sqlite3 *writer)
{
    sqlite3_wal_hook(writer, &WalCheckpointer::walHook, this);
}

void WalCheckpointer::uninstall(sqlite3 *writer)
{
    sqlite3_wal_autocheckpoint(writer, 1000); // SQLite's default
}

int WalCheckpointer::walHook(void *self, sqlite3 *, const char *, int frames)
{
    if (frames >= thresholdFrames)
        static_cast<WalCheckpointer *>(self)->request();
    return SQLITE_OK;
}

void WalCheckpointer::request()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_requested)
            return;
        m_requested = true;
    }
    m_wake.notify_one();
}

void WalCheckpointer::run()
{
#ifdef __linux__
    pthread_setname_np(pthread_self(), "journal-wal");
#endif
    const QString name
        = QStringLiteral("flowscope-journal-checkpoint-%1").arg(quintptr(this), 0, 16);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        const bool open = db.open();
        QSqlQuery q(db);
        for (;;) {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_requested || m_stop; });
            if (m_stop)
                break;
            m_requested = false;
            lock.unlock();
            if (open && !q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                qWarning("journal %s: checkpoint failed: %s", qUtf8Printable(m_path),
                         qUtf8Printable(q.lastError().text()));
            q.finish();
        }
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace flowscope::Internal
