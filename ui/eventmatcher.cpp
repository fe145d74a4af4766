#include "eventmatcher.h"

#include "eventchunk.h"
#include "eventstore.h"
#include "eventtext.h"
#include "payloadsearchtext.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace flowscope {

namespace {
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Whether every byte of needle is a digit or one of the bytes of extra.
bool madeOf(const QByteArray &needle, const QByteArray &extra)
{
    return std::all_of(needle.begin(), needle.end(),
                       [&](char c) { return isDigit(c) || extra.contains(c); });
}
} // namespace

EventMatcher::EventMatcher(const EventLogFilter &filter, const EventStore &store,
                           qint64 utcOffsetMs)
    : m_filter(filter)
    , m_needle(filter.text.toLower().toUtf8())
    , m_utcOffsetMs(utcOffsetMs)
{
    if (m_filter.text.isEmpty())
        return;
    m_needleHasDigit = std::any_of(m_needle.begin(), m_needle.end(), isDigit);
    m_needleAllDigits = std::all_of(m_needle.begin(), m_needle.end(), isDigit);
    m_everyTimeMatches = m_needle == ":" || m_needle == ".";
    m_timeMayMatch = madeOf(m_needle, ":.");
    for (int t = 0; t < eventTypeCount; ++t) {
        m_typeText[size_t(t)]
            = EventText::type(EventType(t)).contains(m_filter.text, Qt::CaseInsensitive);
    }
    for (int u = 0; u < 3; ++u) {
        const QString pattern = EventText::durationTemplate(SearchFormat::DurationUnit(u));
        const qsizetype hole = pattern.indexOf(QLatin1String("%1"));
        m_durationPrefix[size_t(u)] = pattern.left(hole).toLower().toUtf8();
        m_durationSuffix[size_t(u)] = pattern.mid(hole + 2).toLower().toUtf8();
        m_durationMayMatch[size_t(u)]
            = madeOf(m_needle, m_durationPrefix[size_t(u)] + m_durationSuffix[size_t(u)] + '.');
        // Without a digit the text can only lie in the unit's words or be the decimal point.
        m_everyDurationMatches[size_t(u)]
            = !m_needleHasDigit
              && (m_durationPrefix[size_t(u)].contains(m_needle)
                  || m_durationSuffix[size_t(u)].contains(m_needle) || m_needle == ".");
    }
    // Whether the sequence number or a duration could hold the text at all.
    const auto any = [](const std::array<bool, 3> &units) {
        return std::find(units.begin(), units.end(), true) != units.end();
    };
    m_otherNumbersMayMatch = m_needleAllDigits || any(m_everyDurationMatches)
                             || (m_needleHasDigit && any(m_durationMayMatch));
    m_numbersMayMatch = m_timeMayMatch || m_otherNumbersMayMatch;
    catchUp(store);
}

void EventMatcher::catchUp(const EventStore &store)
{
    if (m_filter.text.isEmpty())
        return;
    const quint32 symbols = Symbol::idLimit();
    for (quint32 id = quint32(m_symbolText.size()); id < symbols; ++id) {
        m_symbolText.push_back(
            Symbol::fromId(id).toString().contains(m_filter.text, Qt::CaseInsensitive));
    }
    for (quint32 i = quint32(m_jobText.size()); i < store.jobCount(); ++i) {
        const JobId job = store.job(i).job;
        m_jobText.push_back(!job.isNull()
                            && job.toString().contains(m_filter.text, Qt::CaseInsensitive));
    }
}

bool EventMatcher::containsNeedle(const char *text, qsizetype length) const
{
    // The texts are short: look for the first byte, then compare; memmem's set-up per call costs
    // more than the search.
    const qsizetype n = m_needle.size();
    const char first = m_needle.at(0);
    const char *end = text + length - n + 1;
    for (const char *at = text; at < end; ++at) {
        at = static_cast<const char *>(std::memchr(at, first, size_t(end - at)));
        if (!at)
            return false;
        if (std::memcmp(at + 1, m_needle.constData() + 1, size_t(n - 1)) == 0)
            return true;
    }
    return false;
}

bool EventMatcher::numbersMatch(const EventChunk &chunk, int row) const
{
    if (!m_numbersMayMatch)
        return false;
    if (m_timeMayMatch) {
        char clock[SearchFormat::clockLength];
        SearchFormat::clock(chunk.timeNs(row), m_utcOffsetMs, clock);
        if (containsNeedle(clock, SearchFormat::clockLength))
            return true;
    }
    return numbersOtherThanTimeMatch(chunk, row);
}

bool EventMatcher::numbersOtherThanTimeMatch(const EventChunk &chunk, int row) const
{
    const qint64 duration = chunk.durationNs(row);
    const auto unit = size_t(SearchFormat::durationUnit(std::max<qint64>(duration, 1)));
    if (duration > 0 && m_everyDurationMatches[unit])
        return true;
    if (!m_needleHasDigit)
        return false;
    char buffer[SearchFormat::decimalCapacity + SearchFormat::durationCapacity + 32];
    if (m_needleAllDigits
        && containsNeedle(buffer, SearchFormat::decimal(chunk.seq(row), buffer))) {
        return true;
    }
    if (duration <= 0 || !m_durationMayMatch[unit])
        return false;
    const QByteArray &prefix = m_durationPrefix[unit];
    const QByteArray &suffix = m_durationSuffix[unit];
    if (prefix.size() + suffix.size() > 32)
        return false; // no translation has units that long
    std::memcpy(buffer, prefix.constData(), size_t(prefix.size()));
    qsizetype length = prefix.size();
    length += SearchFormat::durationNumber(duration, buffer + length);
    std::memcpy(buffer + length, suffix.constData(), size_t(suffix.size()));
    return containsNeedle(buffer, length + suffix.size());
}

bool EventMatcher::plainTextMatches(const EventChunk &chunk, int row) const
{
    const auto named = [this](quint32 id) { return id < m_symbolText.size() && m_symbolText[id]; };
    const quint32 job = chunk.jobIndex(row);
    return m_typeText[size_t(chunk.type(row))] || named(chunk.routine(row).id())
           || named(chunk.port(row).id()) || named(chunk.agent(row).id())
           || (job < m_jobText.size() && m_jobText[job]) || numbersMatch(chunk, row);
}

bool EventMatcher::payloadMatches(const EventChunk &chunk, int ordinal,
                                  const PayloadSearchText *text) const
{
    if (text && ordinal < text->count()) {
        const QByteArrayView key = text->text(ordinal);
        return containsNeedle(key.data(), key.size());
    }
    const QByteArray key = PayloadSearchText::keyOf(chunk.payloadAt(ordinal));
    return containsNeedle(key.constData(), key.size());
}

bool EventMatcher::matches(const EventChunk &chunk, int row, int payloads,
                           const PayloadSearchText *text) const
{
    if (!(m_filter.typeMask & eventTypeBit(chunk.type(row))))
        return false;
    if (!m_filter.agent.isNull() && m_filter.agent != chunk.agent(row))
        return false;
    if (!m_filter.routine.isNull() && m_filter.routine != chunk.routine(row))
        return false;
    if (m_filter.text.isEmpty() || plainTextMatches(chunk, row))
        return true;
    return chunk.hasPayload(row)
           && payloadMatches(chunk, chunk.payloadOrdinal(row, payloads), text);
}

void EventMatcher::scan(const EventChunk &chunk, int from, int to, int payloads,
                        const PayloadSearchText *text, std::vector<quint16> *out) const
{
    const quint8 *types = chunk.typeColumn();
    const quint32 *agents = chunk.agentColumn();
    const quint32 *routines = chunk.routineColumn();
    const quint32 typeMask = m_filter.typeMask;
    const quint32 agent = m_filter.agent.id();
    const quint32 routine = m_filter.routine.id();
    if (m_filter.text.isEmpty()) {
        for (int row = from; row < to; ++row) {
            if ((typeMask & (1u << types[row])) && (!agent || agents[row] == agent)
                && (!routine || routines[row] == routine)) {
                out->push_back(quint16(row));
            }
        }
        return;
    }

    // The text, a column at a time: table lookups first (no branches), then the numbers of the
    // rows still open, then the payloads.
    const int count = to - from;
    std::vector<quint8> hit(static_cast<size_t>(count));
    const quint32 *ports = chunk.portColumn();
    const quint32 *jobs = chunk.jobColumn();
    const auto symbolLimit = quint32(m_symbolText.size());
    const auto jobLimit = quint32(m_jobText.size());
    const quint8 *symbolText = m_symbolText.data();
    const quint8 *jobText = m_jobText.data();
    for (int i = 0; i < count; ++i) {
        const int row = from + i;
        const quint32 r = routines[row];
        const quint32 p = ports[row];
        const quint32 a = agents[row];
        const quint32 j = jobs[row];
        hit[size_t(i)] = quint8(m_typeText[types[row]]) | (r < symbolLimit ? symbolText[r] : 0)
                         | (p < symbolLimit ? symbolText[p] : 0)
                         | (a < symbolLimit ? symbolText[a] : 0) | (j < jobLimit ? jobText[j] : 0);
    }
    if (m_numbersMayMatch) {
        // The millisecond [msStart, msEnd) whose time text was looked at last: neighbouring
        // events share it, and a range check costs far less than a division per row.
        qint64 msStart = 0;
        qint64 msEnd = 0;
        bool lastTimeHit = false;
        for (int i = 0; i < count; ++i) {
            if (hit[size_t(i)])
                continue;
            const int row = from + i;
            if (m_timeMayMatch) {
                const qint64 t = chunk.timeNs(row);
                if (t < msStart || t >= msEnd) {
                    // Before 1970 (never in practice) only the same time shares its text.
                    msStart = t >= 0 ? t - t % 1000000 : t;
                    msEnd = t >= 0 ? msStart + 1000000 : t + 1;
                    char clock[SearchFormat::clockLength];
                    SearchFormat::clock(t, m_utcOffsetMs, clock);
                    lastTimeHit = containsNeedle(clock, SearchFormat::clockLength);
                }
                if (lastTimeHit) {
                    hit[size_t(i)] = 1;
                    continue;
                }
            }
            if (m_otherNumbersMayMatch)
                hit[size_t(i)] = numbersOtherThanTimeMatch(chunk, row);
        }
    }
    if (payloads > 0) {
        const std::vector<bool> found = text ? text->findAll(m_needle) : std::vector<bool>();
        for (int o = chunk.firstPayloadFrom(from, payloads); o < payloads; ++o) {
            const int row = chunk.payloadRow(o);
            if (row >= to)
                break;
            if (hit[size_t(row - from)])
                continue;
            hit[size_t(row - from)] = size_t(o) < found.size() ? bool(found[size_t(o)])
                                                               : payloadMatches(chunk, o, text);
        }
    }
    for (int i = 0; i < count; ++i) {
        const int row = from + i;
        if (hit[size_t(i)] && (typeMask & (1u << types[row])) && (!agent || agents[row] == agent)
            && (!routine || routines[row] == routine)) {
            out->push_back(quint16(row));
        }
    }
}

} // namespace flowscope
