#include "journal/journalwriter.h"

#include "events/eventbus.h"
#include "journal/eventwriter.h"
#include "journal/journalreader.h"
#include "journal/recordwriter.h"
#include "journal/retentiontask.h"
#include "journal/walcheckpointer.h"

#include <QSqlError>
#include <QSqlQuery>

#include <chrono>

#ifdef __linux__
#include <pthread.h>
#endif

namespace flowscope::Internal {

using Clock = std::chrono::steady_clock;

struct JournalWriter::Session
{
    QSqlDatabase db;
    std::unique_ptr<EventWriter> events;
    std::unique_ptr<RecordWriter> records;
    std::unique_ptr<WalCheckpointer> checkpointer;
    bool inTransaction = false;
    int rows = 0;          // rows in the open transaction
    quint64 eventRows = 0; // of which events
    Clock::time_point deadline;
    std::unique_ptr<RetentionTask> retention;
    std::shared_ptr<RetentionRequest> retentionRequest;
};

JournalWriter::JournalWriter(const QString &path, const Journal::Config &config)
    : m_path(path)
    , m_config(config)
    , m_reader(std::make_unique<JournalReader>(path))
    , m_signal(std::make_shared<Signal>())
{}

JournalWriter::~JournalWriter()
{
    detach();
    flush();
    // Readers close before the writer: the last connection to close checkpoints the log and
    // removes it, and a read-only one cannot.
    m_reader.reset();
    {
        std::lock_guard lock(m_signal->mutex);
        m_stop = true;
    }
    m_signal->wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool JournalWriter::start(const JournalSchema::Inspection &inspection, QString *error)
{
    std::promise<QString> opened;
    std::future<QString> result = opened.get_future();
    {
        std::lock_guard lock(m_signal->mutex);
        m_running = true;
    }
    m_thread = std::thread(&JournalWriter::run, this, inspection, std::move(opened));
    const QString failure = result.get();
    if (failure.isEmpty())
        return true;
    if (error)
        *error = failure.contains(m_path) ? failure : m_path + QStringLiteral(": ") + failure;
    return false;
}

void JournalWriter::run(JournalSchema::Inspection inspection, std::promise<QString> opened)
{
#ifdef __linux__
    pthread_setname_np(pthread_self(), "journal-writer"); // for top and perf
#endif
    const QString name = QStringLiteral("flowscope-journal-write-%1").arg(quintptr(this), 0, 16);
    QString failure;
    {
        Session s;
        s.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        s.db.setDatabaseName(m_path);
        s.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!s.db.open()) {
            failure = s.db.lastError().text();
        } else {
            QSqlQuery q(s.db);
            // Only takes effect in a new file. Larger pages: fewer splits of the per-job index.
            q.exec(QStringLiteral("PRAGMA page_size = 8192"));
            // WAL: readers never wait for the writer. NORMAL: a commit does not wait for the
            // disk; a power cut can lose the last transactions but never corrupts the file.
            if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()
                || q.value(0).toString() != QLatin1String("wal")) {
                failure
                    = QStringLiteral("cannot switch to WAL mode (%1)").arg(q.lastError().text());
            }
            q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
            q.exec(QStringLiteral("PRAGMA cache_size = -65536"));
            q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
            q.finish();
            if (failure.isEmpty())
                JournalSchema::prepare(s.db, inspection, &failure);
        }
        if (failure.isEmpty()) {
            QSqlQuery q(s.db);
            quint64 activation = 0, seq = 0, checkpoint = 0;
            if (q.exec(QStringLiteral("SELECT key, CAST(value AS INTEGER) FROM meta WHERE key IN"
                                      " ('max_activation', 'max_seq')"))) {
                while (q.next()) {
                    (q.value(0).toString() == QLatin1String("max_seq") ? seq : activation)
                        = quint64(q.value(1).toLongLong());
                }
            }
            if (q.exec(QStringLiteral("SELECT IFNULL(MAX(id), 0) FROM checkpoints")) && q.next())
                checkpoint = quint64(q.value(0).toLongLong());
            q.finish();
            m_nextCheckpoint.store(checkpoint);
            s.events = std::make_unique<EventWriter>(s.db);
            s.records = std::make_unique<RecordWriter>(s.db);
            if (s.events->prepare(&failure) && s.records->prepare(&failure)) {
                s.events->setMaxima(activation, seq);
                m_sqliteApi.store(s.events->usesSqliteApi());
                if (s.events->handle()) {
                    s.checkpointer = std::make_unique<WalCheckpointer>(m_path);
                    s.checkpointer->install(s.events->handle());
                }
            }
        }
        if (failure.isEmpty()) {
            opened.set_value(QString());
            loop(s);
        }
        if (s.checkpointer) {
            s.checkpointer->uninstall(s.events->handle());
            s.checkpointer.reset(); // closes its connection: the writer's close is the last
        }
        if (s.events)
            s.events->finish();
        if (s.records)
            s.records->finish();
        s.db.close();
        s.db = QSqlDatabase();
    }
    QSqlDatabase::removeDatabase(name);
    std::lock_guard lock(m_signal->mutex);
    m_running = false;
    m_flushed.notify_all();
    if (!failure.isEmpty())
        opened.set_value(failure);
}

void JournalWriter::loop(Session &s)
{
    for (;;) {
        std::deque<Op> ops;
        quint64 flushGoal = 0;
        bool stop = false;
        {
            std::unique_lock lock(m_signal->mutex);
            const auto idle = [&] {
                return m_ops.empty() && !m_signal->busPending && m_flushRequested == m_flushDone
                       && !m_stop && !s.retention && m_retention.empty();
            };
            while (idle()) {
                if (!s.inTransaction) {
                    m_signal->wake.wait(lock);
                } else if (m_signal->wake.wait_until(lock, s.deadline) == std::cv_status::timeout) {
                    break;
                }
            }
            ops.swap(m_ops);
            m_signal->busPending = false;
            flushGoal = m_flushRequested;
            stop = m_stop;
            if (!s.retention && !m_retention.empty()) {
                s.retentionRequest = m_retention.front();
                m_retention.pop_front();
                s.retention = std::make_unique<RetentionTask>(s.retentionRequest->cutoffMs);
            }
        }
        std::vector<Event> fromBus;
        {
            std::lock_guard lock(m_subscriptionMutex);
            if (m_subscription)
                fromBus = m_subscription->takeAll();
        }
        writeEvents(s, fromBus);
        fromBus = {};
        for (Op &op : ops)
            process(s, op);
        ops.clear();
        if (s.retention)
            runRetention(s);
        if (s.inTransaction && (stop || flushGoal > m_flushDone || Clock::now() >= s.deadline))
            commit(s);
        if (flushGoal > m_flushDone) {
            std::lock_guard lock(m_signal->mutex);
            m_flushDone = flushGoal;
            m_flushed.notify_all();
        }
        if (stop) {
            std::lock_guard lock(m_signal->mutex);
            if (m_ops.empty() && m_retention.empty() && !s.retention)
                return;
        }
    }
}

void JournalWriter::process(Session &s, Op &op)
{
    if (auto *events = std::get_if<std::vector<Event>>(&op)) {
        writeEvents(s, *events);
        return;
    }
    if (!s.inTransaction && !begin(s))
        return;
    QString error;
    bool ok = true;
    int rows = 1;
    if (auto *alert = std::get_if<Alert>(&op)) {
        ok = s.records->writeAlert(*alert, &error);
    } else if (auto *rollups = std::get_if<std::vector<MetricsRollup>>(&op)) {
        rows = int(rollups->size());
        for (const MetricsRollup &r : *rollups)
            ok = s.records->writeRollup(r, &error) && ok;
    } else if (auto *job = std::get_if<JobRecord>(&op)) {
        ok = s.records->writeJob(*job, &error);
    } else if (auto *checkpoint = std::get_if<JobCheckpoint>(&op)) {
        ok = s.records->writeCheckpoint(*checkpoint, &error);
    }
    if (!ok)
        rowFailed(s, error);
    s.rows += rows;
    if (s.inTransaction && s.rows >= m_config.maxBatch)
        commit(s);
}

void JournalWriter::writeEvents(Session &s, const std::vector<Event> &events)
{
    QString error;
    for (const Event &e : events) {
        if (!s.inTransaction && !begin(s))
            return; // lost; begin() recorded why
        if (s.events->write(e, &error)) {
            ++s.eventRows;
        } else {
            rowFailed(s, error);
        }
        if (++s.rows >= m_config.maxBatch)
            commit(s);
    }
}

bool JournalWriter::begin(Session &s)
{
    if (!s.db.transaction()) {
        setError(QStringLiteral("cannot begin a transaction: %1").arg(s.db.lastError().text()));
        return false;
    }
    s.inTransaction = true;
    s.rows = 0;
    s.eventRows = 0;
    s.deadline = Clock::now() + std::chrono::milliseconds(m_config.commitIntervalMs);
    return true;
}

void JournalWriter::commit(Session &s)
{
    if (!s.inTransaction)
        return;
    QString error;
    bool ok = s.events->writeBlocks(&error);
    if (ok && s.events->maximaChanged()) {
        ok = s.records->writeMeta(QStringLiteral("max_activation"),
                                  qint64(s.events->maxActivation()), &error)
             && s.records->writeMeta(QStringLiteral("max_seq"), qint64(s.events->maxSequence()),
                                     &error);
    }
    if (ok && !s.db.commit()) {
        error = s.db.lastError().text();
        ok = false;
    }
    s.inTransaction = false;
    if (ok) {
        s.events->clearMaximaChanged();
        s.events->committed();
        m_written.fetch_add(s.eventRows, std::memory_order_relaxed);
    } else {
        setError(QStringLiteral("commit failed, %1 rows lost: %2").arg(s.rows).arg(error));
        s.db.rollback();
        s.events->rolledBack();
    }
    s.rows = 0;
    s.eventRows = 0;
}

void JournalWriter::rowFailed(Session &s, const QString &error)
{
    setError(error);
    // Some failures (a full disk, an I/O error) end the transaction inside SQLite.
    if (!s.events->inTransaction()) {
        s.inTransaction = false;
        s.rows = 0;
        s.eventRows = 0;
        s.events->rolledBack();
    }
}

void JournalWriter::runRetention(Session &s)
{
    // In a transaction of its own, so that a failed chunk loses no rows of others.
    commit(s);
    QString error;
    const bool began = begin(s);
    if (!began) {
        s.retention.reset(); // cannot write at all: report what was removed so far
    } else if (!s.retention->step(s.db, &error)) {
        setError(QStringLiteral("retention: %1").arg(error));
        s.db.rollback();
        s.inTransaction = false;
    } else {
        commit(s);
    }
    if (!s.retention || s.retention->isDone()) {
        s.retentionRequest->done.set_value(began ? s.retention->removed() : 0);
        s.retention.reset();
        s.retentionRequest.reset();
    }
}

void JournalWriter::setError(const QString &error)
{
    std::lock_guard lock(m_errorMutex);
    if (error != m_lastError)
        qWarning("journal %s: %s", qUtf8Printable(m_path), qUtf8Printable(error));
    m_lastError = error;
}

QString JournalWriter::lastError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

void JournalWriter::enqueue(Op op)
{
    {
        std::lock_guard lock(m_signal->mutex);
        if (!m_running)
            return;
        m_ops.push_back(std::move(op));
    }
    m_signal->wake.notify_one();
}

void JournalWriter::attach(EventBus *bus)
{
    detach();
    const std::shared_ptr<Signal> signal = m_signal;
    auto subscription = bus->subscribe({}, m_config.busCapacity, [signal] {
        {
            std::lock_guard lock(signal->mutex);
            signal->busPending = true;
        }
        signal->wake.notify_one();
    });
    std::lock_guard lock(m_subscriptionMutex);
    m_subscription = std::move(subscription);
    m_bus = bus;
}

void JournalWriter::detach()
{
    std::shared_ptr<Subscription> subscription;
    EventBus *bus = nullptr;
    {
        std::lock_guard lock(m_subscriptionMutex);
        subscription.swap(m_subscription);
        std::swap(bus, m_bus);
    }
    if (!subscription)
        return;
    // When this is the last reference the bus let go of it (it was destroyed before the journal):
    // there is nothing left to unsubscribe from.
    if (subscription.use_count() > 1)
        bus->unsubscribe(subscription);
    std::vector<Event> rest = subscription->takeAll();
    m_droppedBefore.fetch_add(subscription->droppedCount());
    if (!rest.empty())
        enqueue(std::move(rest));
}

quint64 JournalWriter::droppedEvents() const
{
    std::lock_guard lock(m_subscriptionMutex);
    return m_droppedBefore.load() + (m_subscription ? m_subscription->droppedCount() : 0);
}

void JournalWriter::appendEvents(std::vector<Event> batch)
{
    if (!batch.empty())
        enqueue(std::move(batch));
}

void JournalWriter::appendAlert(const Alert &alert)
{
    enqueue(alert);
}

void JournalWriter::appendRollups(std::vector<MetricsRollup> rollups)
{
    if (!rollups.empty())
        enqueue(std::move(rollups));
}

void JournalWriter::recordJob(const JobRecord &job)
{
    enqueue(job);
}

void JournalWriter::saveCheckpoint(JobCheckpoint *checkpoint)
{
    checkpoint->id = m_nextCheckpoint.fetch_add(1) + 1;
    enqueue(*checkpoint);
}

void JournalWriter::flush()
{
    std::unique_lock lock(m_signal->mutex);
    if (!m_running)
        return;
    const quint64 goal = ++m_flushRequested;
    m_signal->wake.notify_one();
    m_flushed.wait(lock, [&] { return m_flushDone >= goal || !m_running; });
}

qint64 JournalWriter::applyRetention(qint64 cutoffMs)
{
    auto request = std::make_shared<RetentionRequest>();
    request->cutoffMs = cutoffMs;
    std::future<qint64> removed = request->done.get_future();
    {
        std::lock_guard lock(m_signal->mutex);
        if (!m_running)
            return 0;
        m_retention.push_back(request);
    }
    m_signal->wake.notify_one();
    return removed.get();
}

} // namespace flowscope::Internal
