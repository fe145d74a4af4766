#include "chrometrace.h"

#include <QBuffer>
#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

namespace flowscope {

namespace {

constexpr qsizetype chunkBytes = 1 << 20;
// Counter samples closer than this are folded into one (a job of a million activations would
// otherwise carry three samples per activation); the curve stays exact at this resolution.
constexpr qint64 counterResolutionNs = 100'000;
constexpr int jobLane = 0;

void appendInt(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, qsizetype(result.ptr - digits));
}

// Nanoseconds as microseconds with three decimals, exactly (no floating point).
void appendMicros(QByteArray &out, qint64 ns)
{
    if (ns < 0) {
        out.append('-');
        ns = -ns;
    }
    appendInt(out, ns / 1000);
    const int fraction = int(ns % 1000);
    if (fraction == 0)
        return;
    const char decimals[4] = {'.', char('0' + fraction / 100), char('0' + fraction / 10 % 10),
                              char('0' + fraction % 10)};
    out.append(decimals, 4);
}

void appendJsonString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (byte < 0x20) {
            const char escaped[6] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 15]};
            out.append(escaped, 6);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

QByteArray jsonObjectText(const QVariantMap &map)
{
    return QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact);
}

bool isActivationEnd(EventType type)
{
    return type == EventType::RoutineEnded || type == EventType::RoutineError;
}

QString statusName(EventStatus status)
{
    switch (status) {
    case EventStatus::Ok:
        return QStringLiteral("ok");
    case EventStatus::Error:
        return QStringLiteral("error");
    case EventStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

QString writeError(const QIODevice *device)
{
    const QString reason = device->errorString();
    return QStringLiteral("could not write the trace: %1")
        .arg(reason.isEmpty() ? QStringLiteral("the device took fewer bytes") : reason);
}

// The trace as it is written: a chunk of bytes handed to the device whenever it is full.
class TraceBuilder
{
public:
    TraceBuilder(const ChromeTraceInfo &info, QIODevice *device, ChromeTraceStats *stats)
        : m_info(info)
        , m_device(device)
        , m_stats(stats)
    {
        m_out.reserve(chunkBytes + 4096);
    }

    bool run(const QVector<Event> &events, QString *error);

private:
    struct Start
    {
        qint64 timeNs = 0;
        quint64 parent = 0;
        Symbol routine;
        Symbol slot;
        Symbol agent;
    };

    void scan(const QVector<Event> &events);
    void writeHeader();
    void take(const Event &e);
    void writeActivation(const Event &end, const Start *start);
    void writeUnfinished();
    void writeInstant(const Event &e, const QString &name, int lane, char scope,
                      const QVariantMap &args);
    void activationOpened(quint64 id, qint64 timeNs);
    void activationClosed(quint64 id, qint64 timeNs);
    template<typename Change>
    void countersChange(qint64 timeNs, Change change);
    void writeCounterSample(qint64 timeNs);
    void writeMetadata();

    // "{"ph":"X","pid":1,"tid":N,"ts":T: the fields every event has, after the separator.
    void beginEvent(char phase, int lane, qint64 timeNs);
    void endEvent();
    int laneOf(Symbol agent);
    const QByteArray &nameOf(Symbol symbol);
    bool flushIfFull();

    const ChromeTraceInfo &m_info;
    QIODevice *m_device;
    ChromeTraceStats *m_stats;
    QByteArray m_out;
    QString m_error;
    qint64 m_written = 0;
    bool m_first = true;

    qint64 m_originNs = 0;
    QString m_flowId;
    JobId m_job;

    QHash<quint32, QByteArray> m_names; // symbol id -> JSON string
    QHash<quint32, int> m_lanes;        // agent symbol id -> tid
    QVector<Symbol> m_laneAgents;       // by tid - 1

    QHash<quint64, Start> m_started; // activations begun and not yet ended
    QSet<quint64> m_endedUnstarted;  // ended before their start was seen (out-of-order input)
    QSet<quint64> m_pending;         // queued or running
    qint64 m_completed = 0;
    // Counter samples: the last written, and a change held back until the resolution passes.
    qint64 m_lastSampleNs = std::numeric_limits<qint64>::min() / 2;
    bool m_sampleHeld = false;
    qint64 m_heldNs = 0;
};

bool TraceBuilder::run(const QVector<Event> &events, QString *error)
{
    scan(events);
    writeHeader();
    for (const Event &e : events) {
        take(e);
        if (!flushIfFull())
            break;
    }
    if (m_error.isEmpty()) {
        writeUnfinished();
        if (m_sampleHeld)
            writeCounterSample(m_heldNs);
        writeMetadata();
        m_out.append("\n]}\n");
        m_written += m_out.size();
        if (m_device->write(m_out) != m_out.size())
            m_error = writeError(m_device);
    }
    if (m_stats) {
        m_stats->lanes = m_laneAgents.size() + 1;
        m_stats->bytes = m_written;
    }
    if (!m_error.isEmpty() && error)
        *error = m_error;
    return m_error.isEmpty();
}

// The time origin (the earliest moment any event shows) and the job's names.
void TraceBuilder::scan(const QVector<Event> &events)
{
    m_job = m_info.job;
    m_flowId = m_info.flowId;
    qint64 origin = std::numeric_limits<qint64>::max();
    for (const Event &e : events) {
        const qint64 begin = isActivationEnd(e.type) ? e.timeNs - e.durationNs : e.timeNs;
        origin = std::min(origin, begin);
        if (m_job.isNull())
            m_job = e.job;
        if (m_flowId.isEmpty() && !e.flow.isNull())
            m_flowId = e.flow.toString();
    }
    m_originNs = events.isEmpty() ? 0 : origin;
}

void TraceBuilder::writeHeader()
{
    m_out.append("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"job_id\":");
    appendJsonString(m_out, m_job.toString());
    m_out.append(",\"flow_id\":");
    appendJsonString(m_out, m_flowId);
    m_out.append(",\"source\":");
    appendJsonString(m_out, m_info.source);
    m_out.append(",\"origin_time_ns\":");
    appendInt(m_out, m_originNs);
    m_out.append(",\"origin\":");
    appendJsonString(m_out, QDateTime::fromMSecsSinceEpoch(m_originNs / 1'000'000, Qt::UTC)
                                .toString(Qt::ISODateWithMs));
    m_out.append("},\"traceEvents\":[");
}

void TraceBuilder::take(const Event &e)
{
    const QVariantMap payload = e.payload.isValid() ? e.payload.toMap() : QVariantMap();
    switch (e.type) {
    case EventType::SlotCalled:
        activationOpened(e.activation, e.timeNs);
        break;
    case EventType::RoutineStarted:
        if (m_endedUnstarted.remove(e.activation))
            break;
        m_started.insert(e.activation, {e.timeNs, e.parentActivation, e.routine, e.port, e.agent});
        activationOpened(e.activation, e.timeNs);
        break;
    case EventType::RoutineEnded:
    case EventType::RoutineError: {
        const auto it = m_started.constFind(e.activation);
        if (it == m_started.cend()) {
            m_endedUnstarted.insert(e.activation);
            writeActivation(e, nullptr);
        } else {
            writeActivation(e, &*it);
            m_started.erase(it);
        }
        activationClosed(e.activation, e.timeNs);
        break;
    }
    case EventType::BreakpointHit: {
        const QString id = payload.value(QStringLiteral("breakpoint_id")).toString();
        writeInstant(
            e, id.isEmpty() ? QStringLiteral("breakpoint") : QStringLiteral("breakpoint ") + id,
            jobLane, 'p', payload);
        break;
    }
    case EventType::JobPaused:
        writeInstant(e, QStringLiteral("paused"), jobLane, 'p', payload);
        break;
    case EventType::JobResumed:
        writeInstant(e, QStringLiteral("resumed"), jobLane, 'p', payload);
        break;
    case EventType::JobStarted:
        writeInstant(e, QStringLiteral("job started"), jobLane, 'p', payload);
        break;
    case EventType::JobCompleted:
        writeInstant(e, QStringLiteral("job completed"), jobLane, 'p', payload);
        break;
    case EventType::JobFailed:
        writeInstant(e, QStringLiteral("job failed"), jobLane, 'p', payload);
        break;
    case EventType::JobCancelled:
        writeInstant(e, QStringLiteral("job cancelled"), jobLane, 'p', payload);
        break;
    case EventType::Alert: {
        const QString name = QStringLiteral("alert %1 → %2")
                                 .arg(payload.value(QStringLiteral("from")).toString(),
                                      payload.value(QStringLiteral("to")).toString());
        writeInstant(e, name, laneOf(e.agent), 't', payload);
        break;
    }
    case EventType::Progress: {
        const QVariant progress
            = payload.isEmpty() ? e.payload.value() : payload.value(QStringLiteral("progress"));
        beginEvent('C', jobLane, e.timeNs);
        m_out.append(",\"name\":\"progress\",\"args\":{\"progress\":");
        const double value = progress.toDouble();
        m_out.append(std::isfinite(value) ? QByteArray::number(value) : QByteArray("0"));
        m_out.append('}');
        endEvent();
        if (m_stats)
            ++m_stats->counterEvents;
        break;
    }
    default:
        break; // emitted events, logs, heartbeats and metrics have no place in a timeline
    }
}

void TraceBuilder::writeActivation(const Event &end, const Start *start)
{
    const Symbol agent = start && end.agent.isNull() ? start->agent : end.agent;
    const Symbol routine = end.routine.isNull() && start ? start->routine : end.routine;
    const Symbol slot = start ? start->slot : end.port;
    const qint64 beginNs = start ? start->timeNs : end.timeNs - end.durationNs;
    const bool failed = end.type == EventType::RoutineError || end.status == EventStatus::Error;

    beginEvent('X', laneOf(agent), beginNs);
    m_out.append(",\"dur\":");
    appendMicros(m_out, std::max<qint64>(0, end.durationNs));
    m_out.append(",\"name\":");
    m_out.append(nameOf(routine));
    m_out.append(failed ? ",\"cat\":\"routine,error\"" : ",\"cat\":\"routine\"");
    m_out.append(",\"args\":{\"slot\":");
    m_out.append(nameOf(slot));
    m_out.append(",\"activation\":");
    appendInt(m_out, qint64(end.activation));
    m_out.append(",\"parent\":");
    appendInt(m_out, qint64(start ? start->parent : end.parentActivation));
    m_out.append(",\"status\":");
    appendJsonString(m_out, statusName(end.status));
    if (!start)
        m_out.append(",\"start_missing\":true");
    const QString message
        = failed ? end.payload.toMap().value(QStringLiteral("message")).toString() : QString();
    if (!message.isEmpty()) {
        m_out.append(",\"message\":");
        appendJsonString(m_out, message);
    }
    m_out.append('}');
    endEvent();
    if (m_stats)
        ++m_stats->completeEvents;

    if (failed) {
        QVariantMap args{{QStringLiteral("routine"), routine.toString()},
                         {QStringLiteral("activation"), end.activation}};
        if (!message.isEmpty())
            args.insert(QStringLiteral("message"), message);
        writeInstant(end, QStringLiteral("error"), laneOf(agent), 't', args);
    }
}

// Activations that began and never ended (running when the trace was taken, or their end lost):
// open slices, which the viewers draw up to the end of the trace.
void TraceBuilder::writeUnfinished()
{
    std::vector<std::pair<quint64, Start>> open;
    open.reserve(size_t(m_started.size()));
    for (auto it = m_started.cbegin(); it != m_started.cend(); ++it)
        open.emplace_back(it.key(), it.value());
    std::sort(open.begin(), open.end(),
              [](const auto &a, const auto &b) { return a.second.timeNs < b.second.timeNs; });
    for (const auto &[id, start] : open) {
        beginEvent('B', laneOf(start.agent), start.timeNs);
        m_out.append(",\"name\":");
        m_out.append(nameOf(start.routine));
        m_out.append(",\"cat\":\"routine\",\"args\":{\"slot\":");
        m_out.append(nameOf(start.slot));
        m_out.append(",\"activation\":");
        appendInt(m_out, qint64(id));
        m_out.append(",\"parent\":");
        appendInt(m_out, qint64(start.parent));
        m_out.append(",\"status\":\"unfinished\"}");
        endEvent();
        if (m_stats)
            ++m_stats->unfinishedEvents;
    }
}

void TraceBuilder::writeInstant(const Event &e, const QString &name, int lane, char scope,
                                const QVariantMap &args)
{
    beginEvent('i', lane, e.timeNs);
    m_out.append(",\"s\":\"");
    m_out.append(scope);
    m_out.append("\",\"name\":");
    appendJsonString(m_out, name);
    m_out.append(",\"args\":");
    m_out.append(jsonObjectText(args));
    endEvent();
    if (m_stats)
        ++m_stats->instantEvents;
}

void TraceBuilder::activationOpened(quint64 id, qint64 timeNs)
{
    if (id != 0 && !m_pending.contains(id))
        countersChange(timeNs, [this, id] { m_pending.insert(id); });
}

void TraceBuilder::activationClosed(quint64 id, qint64 timeNs)
{
    countersChange(timeNs, [this, id] {
        ++m_completed;
        m_pending.remove(id);
    });
}

// A change of the counters at timeNs: the value held back is written first when the change comes
// later than the resolution (so the curve keeps its steps), the new one when the last sample is
// that old; otherwise it is held.
template<typename Change>
void TraceBuilder::countersChange(qint64 timeNs, Change change)
{
    if (m_sampleHeld && timeNs - m_heldNs >= counterResolutionNs)
        writeCounterSample(m_heldNs);
    change();
    m_sampleHeld = true;
    m_heldNs = timeNs;
    if (timeNs - m_lastSampleNs >= counterResolutionNs)
        writeCounterSample(timeNs);
}

void TraceBuilder::writeCounterSample(qint64 timeNs)
{
    // Agents hand their events over in batches, so a job's events can arrive a little out of
    // time order: a sample never goes back in time, or a viewer would end on an older value.
    timeNs = std::max(timeNs, m_lastSampleNs);
    beginEvent('C', jobLane, timeNs);
    m_out.append(",\"name\":\"activations\",\"args\":{\"completed\":");
    appendInt(m_out, m_completed);
    m_out.append(",\"pending\":");
    appendInt(m_out, m_pending.size());
    m_out.append('}');
    endEvent();
    m_lastSampleNs = timeNs;
    m_sampleHeld = false;
    if (m_stats)
        ++m_stats->counterEvents;
}

// Names of the process (the job) and of each lane, and the lanes' order: the job's lane first,
// then the agents as they first appeared.
void TraceBuilder::writeMetadata()
{
    const auto metadata
        = [this](const char *what, int lane, const QByteArray &argName, const QByteArray &value) {
              m_out.append(m_first ? "\n" : ",\n");
              m_first = false;
              m_out.append("{\"ph\":\"M\",\"pid\":1,\"tid\":");
              appendInt(m_out, lane);
              m_out.append(",\"name\":\"");
              m_out.append(what);
              m_out.append("\",\"args\":{\"");
              m_out.append(argName);
              m_out.append("\":");
              m_out.append(value);
              m_out.append("}}");
          };
    QByteArray processName;
    appendJsonString(processName,
                     m_flowId.isEmpty()
                         ? QStringLiteral("job %1").arg(m_job.toString())
                         : QStringLiteral("job %1 (%2)").arg(m_job.toString(), m_flowId));
    metadata("process_name", jobLane, "name", processName);
    metadata("thread_name", jobLane, "name", QByteArrayLiteral("\"job\""));
    metadata("thread_sort_index", jobLane, "sort_index", QByteArrayLiteral("0"));
    for (int i = 0; i < m_laneAgents.size(); ++i) {
        metadata("thread_name", i + 1, "name", nameOf(m_laneAgents.at(i)));
        metadata("thread_sort_index", i + 1, "sort_index", QByteArray::number(i + 1));
    }
}

void TraceBuilder::beginEvent(char phase, int lane, qint64 timeNs)
{
    m_out.append(m_first ? "\n{\"ph\":\"" : ",\n{\"ph\":\"");
    m_first = false;
    m_out.append(phase);
    m_out.append("\",\"pid\":1,\"tid\":");
    appendInt(m_out, lane);
    m_out.append(",\"ts\":");
    appendMicros(m_out, timeNs - m_originNs);
}

void TraceBuilder::endEvent()
{
    m_out.append('}');
}

int TraceBuilder::laneOf(Symbol agent)
{
    if (agent.isNull())
        return jobLane;
    const auto it = m_lanes.constFind(agent.id());
    if (it != m_lanes.cend())
        return *it;
    m_laneAgents.append(agent);
    const int lane = int(m_laneAgents.size());
    m_lanes.insert(agent.id(), lane);
    return lane;
}

const QByteArray &TraceBuilder::nameOf(Symbol symbol)
{
    auto it = m_names.find(symbol.id());
    if (it == m_names.end()) {
        QByteArray text;
        appendJsonString(text, symbol.toString());
        it = m_names.insert(symbol.id(), text);
    }
    return *it;
}

bool TraceBuilder::flushIfFull()
{
    if (m_out.size() < chunkBytes)
        return true;
    m_written += m_out.size();
    if (m_device->write(m_out) != m_out.size()) {
        m_error = writeError(m_device);
        return false;
    }
    m_out.resize(0); // keeps the chunk's capacity
    return true;
}

} // namespace

bool ChromeTrace::write(const QVector<Event> &events, const ChromeTraceInfo &info,
                        QIODevice *device, QString *error, ChromeTraceStats *stats)
{
    if (stats)
        *stats = ChromeTraceStats();
    TraceBuilder builder(info, device, stats);
    return builder.run(events, error);
}

QByteArray ChromeTrace::toJson(const QVector<Event> &events, const ChromeTraceInfo &info,
                               ChromeTraceStats *stats)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    write(events, info, &buffer, nullptr, stats);
    return bytes;
}

} // namespace flowscope
