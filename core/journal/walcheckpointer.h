#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace flowscope::Internal {

// Copies the write-ahead log back into the database file on a thread of its own. SQLite's
// automatic checkpoint runs inside the writer's commit, with two fsyncs, and took a third of
// the ingest time; here it runs beside the writer (a PASSIVE checkpoint never blocks it).
class WalCheckpointer
{
public:
    // Frames (pages) in the log after a commit that ask for a checkpoint.
    static constexpr int thresholdFrames = 4096;

    explicit WalCheckpointer(const QString &path);
    ~WalCheckpointer(); // stops the thread

    // Takes over checkpointing for the writer's connection (replaces SQLite's automatic one).
    void install(sqlite3 *writer);
    void uninstall(sqlite3 *writer);
    void request();

private:
    static int walHook(void *self, sqlite3 *db, const char *name, int frames);
    void run();

    const QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace flowscope::Internal
