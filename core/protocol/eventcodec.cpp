#include "protocol/eventcodec.h"

#include "protocol/cborwriter.h"
#include "protocol/fieldreader.h"

namespace flowscope {

namespace {

constexpr qint64 nsPerMs = 1'000'000;

} // namespace

void EventEncoder::clearTable()
{
    m_symbols.clear();
    m_jobs.clear();
    m_lastJob = JobId();
    m_lastJobIndex = 0;
    m_next = 1;
}

quint32 EventEncoder::indexOf(Symbol symbol, QVector<QString> *added)
{
    if (symbol.isNull())
        return 0;
    const size_t id = symbol.id();
    if (id < m_symbols.size() && m_symbols[id] != 0)
        return m_symbols[id];
    if (id >= m_symbols.size())
        m_symbols.resize(id + 1, 0);
    added->push_back(symbol.toString());
    m_symbols[id] = m_next;
    return m_next++;
}

quint32 EventEncoder::indexOf(JobId job, QVector<QString> *added)
{
    if (job.isNull())
        return 0;
    if (job == m_lastJob)
        return m_lastJobIndex;
    quint32 &index = m_jobs[job.value()];
    if (index == 0) {
        added->push_back(job.toString());
        index = m_next++;
    }
    m_lastJob = job;
    m_lastJobIndex = index;
    return index;
}

QByteArray EventEncoder::encode(const Event *events, size_t count, quint64 dropped)
{
    const bool reset = m_next > quint32(maxSymbols);
    if (reset)
        clearTable();
    const quint64 firstSeq = count ? events[0].seq : 0;
    const qint64 baseMs = count ? events[0].timeNs / nsPerMs : 0;
    QVector<QString> added;
    m_rows.resize(0);
    m_rows.reserve(qsizetype(count) * 24);
    CborWriter rows(&m_rows);
    quint64 previousSeq = firstSeq;
    for (size_t i = 0; i < count; ++i) {
        const Event &e = events[i];
        const bool withPayload = e.payload.isValid();
        CborWriter::Row<1 + 12 * CborWriter::maxHeadBytes> row;
        row.startArray(withPayload ? 13 : 12);
        row.unsignedInt(e.seq - previousSeq);
        previousSeq = e.seq;
        row.integer(e.timeNs - baseMs * nsPerMs);
        row.unsignedInt(quint64(e.type));
        row.unsignedInt(quint64(e.status));
        row.unsignedInt(indexOf(e.job, &added));
        row.unsignedInt(indexOf(e.flow, &added));
        row.unsignedInt(indexOf(e.routine, &added));
        row.unsignedInt(indexOf(e.port, &added));
        row.unsignedInt(indexOf(e.agent, &added));
        row.unsignedInt(e.activation);
        row.unsignedInt(e.parentActivation);
        row.integer(e.durationNs);
        rows.raw(row.data(), row.size());
        if (withPayload) {
            const QByteArray payload = QCborValue::fromVariant(e.payload.value()).toCbor();
            rows.raw(payload.constData(), payload.size());
        }
    }

    QByteArray out;
    out.reserve(64 + 24 * added.size() + m_rows.size());
    CborWriter writer(&out);
    writer.startMap(5 + (reset ? 1 : 0) + (dropped ? 1 : 0));
    writer.text(QLatin1String("type"));
    writer.text(QLatin1String("events"));
    writer.text(QLatin1String("seq"));
    writer.unsignedInt(firstSeq);
    writer.text(QLatin1String("time_ms"));
    writer.integer(baseMs);
    if (reset) {
        writer.text(QLatin1String("reset"));
        writer.boolean(true);
    }
    if (dropped) {
        writer.text(QLatin1String("dropped"));
        writer.unsignedInt(dropped);
    }
    writer.text(QLatin1String("symbols"));
    writer.startArray(quint64(added.size()));
    for (const QString &text : added)
        writer.text(text);
    writer.text(QLatin1String("events"));
    writer.startArray(count);
    writer.raw(m_rows.constData(), m_rows.size());
    return out;
}

bool EventDecoder::decode(const Frame &frame, QVector<Event> *events, quint64 *dropped,
                          QString *error)
{
    const FieldReader r(frame.body, QStringLiteral("events"));
    const quint64 firstSeq = r.unsignedInt("seq", true);
    const qint64 baseMs = r.integer("time_ms", true);
    const bool reset = r.boolean("reset");
    *dropped = r.unsignedInt("dropped");
    const QStringList added = r.stringList("symbols");
    if (!r.has("events") && frame.rows.isEmpty())
        r.fail("events", QStringLiteral("missing"));
    if (baseMs < 0 || baseMs > std::numeric_limits<qint64>::max() / nsPerMs - 1)
        r.fail("time_ms", QStringLiteral("out of range"));
    if (!r.ok()) {
        *error = r.error();
        return false;
    }
    if (reset)
        m_entries.resize(1);
    if (m_entries.size() + added.size() > 2 * EventEncoder::maxSymbols + 1) {
        *error = QStringLiteral("events.symbols: the table would exceed %1 strings")
                     .arg(2 * EventEncoder::maxSymbols);
        return false;
    }
    for (const QString &text : added)
        m_entries.push_back(Entry{Symbol::intern(text), JobId::fromString(text)});

    // Frames append to what the receiver has not taken yet: grow geometrically, not per frame.
    const qsizetype needed = events->size() + frame.rows.size();
    if (events->capacity() < needed)
        events->reserve(std::max(needed, 2 * events->capacity()));
    quint64 seq = firstSeq;
    const qsizetype table = m_entries.size();
    const Entry *entries = m_entries.constData();
    for (qsizetype i = 0; i < frame.rows.size(); ++i) {
        const EventRow &row = frame.rows[i];
        const auto where = [i](int field) {
            return QStringLiteral("events.events[%1][%2]: ").arg(i).arg(field);
        };
        if (i > 0 && row.seqDelta == 0) {
            *error = where(0) + QStringLiteral("sequence numbers must increase");
            return false;
        }
        if (row.type >= quint64(eventTypeCount) || row.status > quint64(EventStatus::Cancelled)) {
            *error = where(row.type >= quint64(eventTypeCount) ? 2 : 3)
                     + QStringLiteral("unknown event type or status");
            return false;
        }
        const quint64 refs[] = {row.job, row.flow, row.routine, row.port, row.agent};
        for (int k = 0; k < 5; ++k) {
            if (refs[k] >= quint64(table)) {
                *error = where(4 + k) + QStringLiteral("unknown symbol %1").arg(refs[k]);
                return false;
            }
        }
        if (row.job && entries[row.job].job.isNull()) {
            *error = where(4) + QStringLiteral("symbol %1 is not a job id").arg(row.job);
            return false;
        }
        seq += row.seqDelta;
        Event e;
        e.seq = seq;
        if (__builtin_add_overflow(baseMs * nsPerMs, row.timeOffsetNs, &e.timeNs)) {
            *error = where(1) + QStringLiteral("time out of range");
            return false;
        }
        e.durationNs = row.durationNs;
        e.job = entries[row.job].job;
        e.activation = row.activation;
        e.parentActivation = row.parentActivation;
        e.flow = entries[row.flow].symbol;
        e.routine = entries[row.routine].symbol;
        e.port = entries[row.port].symbol;
        e.agent = entries[row.agent].symbol;
        e.type = EventType(row.type);
        e.status = EventStatus(row.status);
        if (!row.payload.isUndefined())
            e.payload = row.payload.toVariant();
        events->push_back(std::move(e));
    }
    return true;
}

} // namespace flowscope
