#include "benchmark.h"

#include "journal/journal.h"

#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <random>

namespace flowscope::bench {

namespace {

using SteadyClock = std::chrono::steady_clock;

double secondsSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// Engine-like traffic: handler starts and ends of many jobs, flows, routines and agents; most
// events without payload, one in ten with a small map.
class EventMaker
{
public:
    EventMaker(int jobs, qint64 startNs, qint64 stepNs)
        : m_jobs(jobs)
        , m_timeNs(startNs)
        , m_stepNs(stepNs)
    {
        for (int i = 0; i < 3; ++i)
            m_flows.push_back(Symbol::intern(QStringLiteral("bench.flow%1").arg(i)));
        for (int i = 0; i < 20; ++i)
            m_routines.push_back(Symbol::intern(QStringLiteral("bench.routine%1").arg(i)));
        for (int i = 0; i < 5; ++i)
            m_ports.push_back(Symbol::intern(QStringLiteral("port%1").arg(i)));
        for (int i = 0; i < 8; ++i)
            m_agents.push_back(Symbol::intern(QStringLiteral("worker-%1").arg(i)));
    }

    Event next()
    {
        Event e;
        const quint64 n = m_count++;
        e.seq = n + 1;
        e.timeNs = m_timeNs;
        m_timeNs += m_stepNs;
        const quint64 job = m_random() % quint64(m_jobs);
        e.job = JobId((quint64(0x5eed) << 32) | (job + 1));
        e.flow = m_flows[job % m_flows.size()];
        e.routine = m_routines[m_random() % m_routines.size()];
        e.port = m_ports[n % m_ports.size()];
        e.agent = m_agents[m_random() % m_agents.size()];
        e.activation = n / 2 + 1;
        e.parentActivation = n / 2;
        if (n % 2 == 0) {
            e.type = EventType::RoutineStarted;
        } else {
            e.type = EventType::RoutineEnded;
            e.durationNs = qint64(m_random() % 5'000'000);
        }
        if (n % 10 == 3) {
            e.payload = QVariantMap{{QStringLiteral("message"), QStringLiteral("step done")},
                                    {QStringLiteral("n"), qint64(n)}};
        }
        return e;
    }

private:
    int m_jobs;
    qint64 m_timeNs;
    qint64 m_stepNs;
    quint64 m_count = 0;
    std::mt19937_64 m_random{42};
    std::vector<Symbol> m_flows, m_routines, m_ports, m_agents;
};

std::vector<std::vector<Event>> makeBatches(qint64 count, size_t batchSize)
{
    EventMaker maker(100, 1'700'000'000'000'000'000, 1000);
    std::vector<std::vector<Event>> batches;
    for (qint64 i = 0; i < count;) {
        std::vector<Event> batch;
        batch.reserve(batchSize);
        for (size_t k = 0; k < batchSize && i < count; ++k, ++i)
            batch.push_back(maker.next());
        batches.push_back(std::move(batch));
    }
    return batches;
}

// Through the journal: from the first append to flush() returning, everything committed.
double ingestPerSecond(qint64 count)
{
    QTemporaryDir dir;
    Journal journal;
    QString error;
    if (!journal.open(dir.filePath(QStringLiteral("ingest.db")), &error))
        qFatal("journal bench: %s", qUtf8Printable(error));
    std::vector<std::vector<Event>> batches = makeBatches(count, 512);
    const auto start = SteadyClock::now();
    for (auto &batch : batches)
        journal.appendEvents(std::move(batch));
    journal.flush();
    const double seconds = secondsSince(start);
    if (journal.writtenEvents() != quint64(count))
        qFatal("journal bench: %llu of %lld events written", journal.writtenEvents(), count);
    return double(count) / seconds;
}

// The baseline: the same rows in the same schema and transactions, bound through QSqlQuery.
double qsqlIngestPerSecond(qint64 count)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("baseline.db"));
    {
        Journal journal; // creates the schema
        QString error;
        if (!journal.open(path, &error))
            qFatal("journal bench: %s", qUtf8Printable(error));
    }
    std::vector<std::vector<Event>> batches = makeBatches(count, 512);
    double seconds = 0;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        q.exec(QStringLiteral("PRAGMA cache_size = -65536"));
        q.prepare(QStringLiteral("INSERT INTO events(seq, time_ns, duration_ns, job, activation,"
                                 " parent_activation, type, status, flow, routine, port, agent,"
                                 " payload) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        const auto start = SteadyClock::now();
        int rows = 0;
        db.transaction();
        for (const auto &batch : batches) {
            for (const Event &e : batch) {
                q.bindValue(0, qint64(e.seq));
                q.bindValue(1, e.timeNs);
                q.bindValue(2, e.durationNs);
                q.bindValue(3, qint64(e.job.value()));
                q.bindValue(4, qint64(e.activation));
                q.bindValue(5, qint64(e.parentActivation));
                q.bindValue(6, int(e.type));
                q.bindValue(7, int(e.status));
                q.bindValue(8, e.flow.id());
                q.bindValue(9, e.routine.id());
                q.bindValue(10, e.port.id());
                q.bindValue(11, e.agent.id());
                q.bindValue(12, e.payload.isValid()
                                    ? QVariant(QCborValue::fromVariant(e.payload).toCbor())
                                    : QVariant(QMetaType(QMetaType::QByteArray)));
                q.exec();
                if (++rows == 20000) {
                    db.commit();
                    db.transaction();
                    rows = 0;
                }
            }
        }
        db.commit();
        seconds = secondsSince(start);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("baseline"));
    return double(count) / seconds;
}

// A journal of `rows` events over five days and 1000 jobs, built once and kept in the cache
// folder (by schema version and size) for later runs.
QString queryJournalPath(qint64 rows)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
                           + QStringLiteral("/flowscope-bench");
    const QString path
        = folder + QStringLiteral("/journal-v%1-%2.db").arg(Journal::schemaVersion).arg(rows);
    if (QFile::exists(path))
        return path;
    QDir().mkpath(folder);
    const QString building = path + QStringLiteral(".building");
    QFile::remove(building);
    std::fprintf(stderr, "journal bench: building %s (%lld events, once)\n", qPrintable(path),
                 rows);
    {
        Journal journal;
        QString error;
        if (!journal.open(building, &error))
            qFatal("journal bench: %s", qUtf8Printable(error));
        const qint64 spanNs = 5LL * 86400 * 1'000'000'000;
        EventMaker maker(1000, 1'700'000'000'000'000'000, spanNs / rows);
        for (qint64 i = 0; i < rows;) {
            std::vector<Event> batch;
            batch.reserve(4096);
            for (int k = 0; k < 4096 && i < rows; ++k, ++i)
                batch.push_back(maker.next());
            journal.appendEvents(std::move(batch));
            if (i % (1 << 20) < 4096)
                journal.flush(); // keeps the queue's memory bounded
        }
        journal.flush();
    }
    if (QFile::exists(building + QStringLiteral("-wal")))
        qFatal("journal bench: %s was left with a log", qPrintable(building));
    if (!QFile::rename(building, path))
        qFatal("journal bench: cannot rename %s", qPrintable(building));
    return path;
}

// The median time of one job's events in a 24 h window, over random jobs and windows.
double query24hMs(qint64 rows, int queries)
{
    const QString path = queryJournalPath(rows);
    Journal journal;
    QString error;
    if (!journal.open(path, &error))
        qFatal("journal bench: %s", qUtf8Printable(error));
    std::mt19937_64 random(7);
    const qint64 dayNs = 86400LL * 1'000'000'000;
    const qint64 startNs = 1'700'000'000'000'000'000;
    QVector<double> times;
    qint64 found = 0;
    for (int i = 0; i < queries + 3; ++i) {
        const JobId job((quint64(0x5eed) << 32) | (random() % 1000 + 1));
        const qint64 from = startNs + qint64(random() % quint64(4 * dayNs));
        const auto start = SteadyClock::now();
        const QVector<Event> events = journal.events(job, from, from + dayNs);
        const double ms = secondsSince(start) * 1000;
        if (i >= 3) // the first ones warm the connection and the cache
            times << ms;
        found += events.size();
    }
    if (found == 0)
        qFatal("journal bench: the queries found no events");
    std::fprintf(stderr, "journal bench: %lld events per query on average\n",
                 found / (queries + 3));
    return median(times);
}

const Registrar journalBench{
    {QStringLiteral("journal"),
     QStringLiteral("journal ingest rate and a 24 h query of one job"),
     {{QStringLiteral("journal_ingest_events_per_s"), QStringLiteral("events/s"), 500000, false},
      {QStringLiteral("journal_ingest_qsqlquery_events_per_s"), QStringLiteral("events/s"), 0,
       false},
      {QStringLiteral("journal_query_24h_ms"), QStringLiteral("ms"), 50, true}},
     [](const Options &options) {
         const qint64 ingest = options.quick ? 500'000 : 2'000'000;
         const qint64 rows = options.quick ? 1'000'000 : 10'000'000;
         return QVector<double>{ingestPerSecond(ingest), qsqlIngestPerSecond(ingest),
                                query24hMs(rows, options.quick ? 30 : 100)};
     }}};

} // namespace

} // namespace flowscope::bench
