#include "protocol/eventcodec.h"

#include "protocol/fieldreader.h"

#include <QCborStreamWriter>

namespace flowscope {

namespace {

constexpr qint64 nsPerMs = 1'000'000;

} // namespace

quint64 EventEncoder::indexOf(Symbol symbol, QVector<QString> *added)
{
    if (symbol.isNull())
        return 0;
    auto it = m_symbols.constFind(symbol.id());
    if (it != m_symbols.cend())
        return *it;
    added->push_back(symbol.toString());
    m_symbols.insert(symbol.id(), m_next);
    return m_next++;
}

quint64 EventEncoder::indexOf(JobId job, QVector<QString> *added)
{
    if (job.isNull())
        return 0;
    auto it = m_jobs.constFind(job.value());
    if (it != m_jobs.cend())
        return *it;
    added->push_back(job.toString());
    m_jobs.insert(job.value(), m_next);
    return m_next++;
}

QByteArray EventEncoder::encode(const Event *events, size_t count, quint64 dropped)
{
    const bool reset = m_next > quint64(maxSymbols);
    if (reset) {
        m_symbols.clear();
        m_jobs.clear();
        m_next = 1;
    }
    const quint64 firstSeq = count ? events[0].seq : 0;
    const qint64 baseMs = count ? events[0].timeNs / nsPerMs : 0;
    QVector<QString> added;
    QByteArray rows;
    {
        QCborStreamWriter writer(&rows);
        writer.startArray(count);
        quint64 previousSeq = firstSeq;
        for (size_t i = 0; i < count; ++i) {
            const Event &e = events[i];
            const bool withPayload = e.payload.isValid();
            writer.startArray(withPayload ? 13 : 12);
            writer.append(e.seq - previousSeq);
            previousSeq = e.seq;
            writer.append(e.timeNs - baseMs * nsPerMs);
            writer.append(quint64(e.type));
            writer.append(quint64(e.status));
            writer.append(indexOf(e.job, &added));
            writer.append(indexOf(e.flow, &added));
            writer.append(indexOf(e.routine, &added));
            writer.append(indexOf(e.port, &added));
            writer.append(indexOf(e.agent, &added));
            writer.append(e.activation);
            writer.append(e.parentActivation);
            writer.append(e.durationNs);
            if (withPayload)
                QCborValue::fromVariant(e.payload.value()).toCbor(writer);
            writer.endArray();
        }
        writer.endArray();
    }
    // The map's head by hand (fewer than 24 pairs fit in one byte), then its pairs as top-level
    // items, then the rows written above: CBOR items concatenate.
    const int pairs = 5 + (reset ? 1 : 0) + (dropped ? 1 : 0);
    QByteArray pairsBytes;
    QCborStreamWriter writer(&pairsBytes); // writes from the start of its array, not at its end
    writer.append(QLatin1String("type"));
    writer.append(QLatin1String("events"));
    writer.append(QLatin1String("seq"));
    writer.append(firstSeq);
    writer.append(QLatin1String("time_ms"));
    writer.append(baseMs);
    if (reset) {
        writer.append(QLatin1String("reset"));
        writer.append(true);
    }
    if (dropped) {
        writer.append(QLatin1String("dropped"));
        writer.append(dropped);
    }
    writer.append(QLatin1String("symbols"));
    writer.startArray(quint64(added.size()));
    for (const QString &text : added)
        writer.append(text);
    writer.endArray();
    writer.append(QLatin1String("events"));
    QByteArray out;
    out.reserve(1 + pairsBytes.size() + rows.size());
    out.append(char(0xa0 + pairs));
    out += pairsBytes;
    out += rows;
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

    events->reserve(events->size() + frame.rows.size());
    quint64 seq = firstSeq;
    const qsizetype table = m_entries.size();
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
        if (row.job && m_entries[qsizetype(row.job)].job.isNull()) {
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
        e.job = m_entries[qsizetype(row.job)].job;
        e.activation = row.activation;
        e.parentActivation = row.parentActivation;
        e.flow = m_entries[qsizetype(row.flow)].symbol;
        e.routine = m_entries[qsizetype(row.routine)].symbol;
        e.port = m_entries[qsizetype(row.port)].symbol;
        e.agent = m_entries[qsizetype(row.agent)].symbol;
        e.type = EventType(row.type);
        e.status = EventStatus(row.status);
        if (!row.payload.isUndefined())
            e.payload = row.payload.toVariant();
        events->push_back(std::move(e));
    }
    return true;
}

} // namespace flowscope
