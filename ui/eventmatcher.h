#pragma once

#include "eventlogfilter.h"
#include "searchformat.h"

#include <QByteArray>

#include <array>
#include <vector>

namespace flowscope {

class EventChunk;
class EventStore;
class PayloadSearchText;

// An EventLogFilter made ready to test stored events fast: which names, jobs and types contain
// the text is decided once, in tables indexed by symbol id and job index, and the numeric columns
// are formatted only when the text could be in them. Made in the GUI thread; then a const matcher
// may be used from any thread on rows that existed when it was made or last caught up.
class EventMatcher
{
public:
    EventMatcher() = default; // matches every event
    EventMatcher(const EventLogFilter &filter, const EventStore &store, qint64 utcOffsetMs);

    const EventLogFilter &filter() const { return m_filter; }
    bool matchesAll() const { return m_filter.isEmpty(); }
    // GUI thread: takes in the symbols and jobs that arrived since, before their rows are tested.
    void catchUp(const EventStore &store);

    // Appends to out the offsets of the matching rows among [from, to). payloads: how many of the
    // chunk's payloads the caller may read; text: the chunk's payload text, if it has one made.
    void scan(const EventChunk &chunk, int from, int to, int payloads,
              const PayloadSearchText *text, std::vector<quint16> *out) const;
    bool matches(const EventChunk &chunk, int row, int payloads,
                 const PayloadSearchText *text) const;

private:
    // Every column but the payload's.
    bool plainTextMatches(const EventChunk &chunk, int row) const;
    bool numbersMatch(const EventChunk &chunk, int row) const;
    bool numbersOtherThanTimeMatch(const EventChunk &chunk, int row) const;
    bool payloadMatches(const EventChunk &chunk, int ordinal, const PayloadSearchText *text) const;
    bool containsNeedle(const char *text, qsizetype length) const;

    EventLogFilter m_filter;
    QByteArray m_needle; // lower-case UTF-8
    qint64 m_utcOffsetMs = 0;
    bool m_needleHasDigit = false;
    bool m_needleAllDigits = false;
    bool m_timeMayMatch = false;         // the needle has only characters a time has
    bool m_everyTimeMatches = false;     // ":" or "." are in every time shown
    bool m_numbersMayMatch = false;      // the time, sequence number or a duration might
    bool m_otherNumbersMayMatch = false; // the sequence number or a duration might
    std::array<bool, eventTypeCount> m_typeText{};
    std::vector<quint8> m_symbolText; // by symbol id
    std::vector<quint8> m_jobText;    // by the store's job index
    // Duration text around its number, per unit; and whether the text is in every duration of
    // the unit whatever its number.
    std::array<QByteArray, 3> m_durationPrefix;
    std::array<QByteArray, 3> m_durationSuffix;
    std::array<bool, 3> m_everyDurationMatches{};
    std::array<bool, 3> m_durationMayMatch{}; // the needle has only characters such a text has
};

} // namespace flowscope
