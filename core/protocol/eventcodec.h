#pragma once

#include "events/event.h"
#include "protocol/framecodec.h"

#include <QHash>
#include <QVector>

#include <vector>

namespace flowscope {

// The sending half of a connection's event stream. Events go out as rows of integers; flow,
// routine, port, agent and job names go into a per-connection string table, each sent once (in
// the "symbols" field of the frame that first needs it) and referred to by index afterwards.
// Written byte by byte (CborWriter) straight from the events: the hot path builds no QCborValue
// and looks names up by symbol id in a flat array.
class EventEncoder
{
public:
    // The table restarts (frame field "reset") once it holds this many strings, so a long-lived
    // connection watching many jobs keeps bounded memory on both sides.
    static constexpr int maxSymbols = 65536;

    // A complete events frame in CBOR. dropped: events this connection lost since the last frame.
    QByteArray encode(const Event *events, size_t count, quint64 dropped = 0);

private:
    quint32 indexOf(Symbol symbol, QVector<QString> *added);
    quint32 indexOf(JobId job, QVector<QString> *added);
    void clearTable();

    std::vector<quint32> m_symbols; // table index by symbol id; 0: not sent yet
    QHash<quint64, quint32> m_jobs;
    JobId m_lastJob; // most rows repeat the job of the row before
    quint32 m_lastJobIndex = 0;
    quint32 m_next = 1; // 0 stands for "none"
    QByteArray m_rows;  // reused: its capacity stays from frame to frame
};

// The receiving half: keeps the table in step and turns rows back into Events (names interned
// in this process). Refuses a frame whose rows or symbols do not add up, with the place.
class EventDecoder
{
public:
    bool decode(const Frame &frame, QVector<Event> *events, quint64 *dropped, QString *error);
    int symbolCount() const { return m_entries.size() - 1; }

private:
    struct Entry
    {
        Symbol symbol;
        JobId job;
    };
    QVector<Entry> m_entries{Entry{}}; // index 0: none
};

} // namespace flowscope
