#pragma once

#include "journal/journal.h"
#include "journal/journalschema.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

namespace flowscope {

class Subscription;

namespace Internal {

class EventWriter;
class JournalReader;
class RecordWriter;
class RetentionTask;

// The journal's writer thread: it owns the only writing connection, takes what callers queue and
// what the attached bus delivers, and commits it in batched transactions (at most maxBatch rows,
// or after commitIntervalMs). A failed write is recorded (lastError) and the writer goes on.
class JournalWriter
{
public:
    JournalWriter(const QString &path, const Journal::Config &config);
    ~JournalWriter(); // detaches, flushes, stops the thread

    // Opens the file on the writer thread and creates or migrates its schema; waits for that.
    bool start(const JournalSchema::Inspection &inspection, QString *error);

    void attach(EventBus *bus);
    void detach();

    void appendEvents(std::vector<Event> batch);
    void appendAlert(const Alert &alert);
    void appendRollups(std::vector<MetricsRollup> rollups);
    void recordJob(const JobRecord &job);
    void saveCheckpoint(JobCheckpoint *checkpoint);
    void flush();
    qint64 applyRetention(qint64 cutoffMs);

    quint64 writtenEvents() const { return m_written.load(std::memory_order_relaxed); }
    quint64 droppedEvents() const;
    QString lastError() const;
    bool usesSqliteApi() const { return m_sqliteApi.load(); }

    JournalReader &reader() const { return *m_reader; }

private:
    using Op = std::variant<std::vector<Event>, Alert, std::vector<MetricsRollup>, JobRecord,
                            JobCheckpoint>;
    struct RetentionRequest
    {
        qint64 cutoffMs = 0;
        std::promise<qint64> done;
    };
    // What the bus's wake-up touches: shared with the subscription's callback, so that a late
    // wake-up never reaches a writer that is gone.
    struct Signal
    {
        std::mutex mutex;
        std::condition_variable wake;
        bool busPending = false;
    };
    // The writer thread's state, alive while it runs.
    struct Session;

    void enqueue(Op op);
    void run(JournalSchema::Inspection inspection, std::promise<QString> opened);
    void loop(Session &s);
    void process(Session &s, Op &op);
    void writeEvents(Session &s, const std::vector<Event> &events);
    void runRetention(Session &s);
    bool begin(Session &s);
    void commit(Session &s);
    void rowFailed(Session &s, const QString &error);
    void setError(const QString &error);

    const QString m_path;
    const Journal::Config m_config;
    std::unique_ptr<JournalReader> m_reader;
    std::shared_ptr<Signal> m_signal;
    std::condition_variable m_flushed;
    // Guarded by m_signal->mutex:
    std::deque<Op> m_ops;
    std::deque<std::shared_ptr<RetentionRequest>> m_retention;
    quint64 m_flushRequested = 0;
    quint64 m_flushDone = 0;
    bool m_stop = false;
    bool m_running = false;

    // The subscription is swapped and drained under its own lock.
    mutable std::mutex m_subscriptionMutex;
    std::shared_ptr<Subscription> m_subscription;
    EventBus *m_bus = nullptr;
    std::atomic<quint64> m_droppedBefore{0};

    std::atomic<quint64> m_written{0};
    std::atomic<quint64> m_nextCheckpoint{0};
    std::atomic<bool> m_sqliteApi{false};
    mutable std::mutex m_errorMutex;
    QString m_lastError;
    std::thread m_thread;
};

} // namespace Internal
} // namespace flowscope
