#pragma once

#include <QtGlobal>

#include <algorithm>
#include <limits>

namespace flowscope {

enum class TimelineStatus : quint8 { Running, Ok, Error, Cancelled };
enum class TimelineMark : quint8 { Error, Breakpoint, Pause, Alert };
constexpr int timelineMarkCount = 4;

// One activation on the timeline, 32 bytes: names are small indices into the timeline's own
// tables, and the status rides in the top byte of the sequence number (56 bits are enough for
// any engine's life). seq is the engine's number of its routine_started event (of its end event
// when the start was never seen), which links it to the event log.
struct TimelineSpan
{
    static constexpr qint64 runningEnd = std::numeric_limits<qint64>::max();

    qint64 startNs = 0;
    qint64 endNs = runningEnd; // runningEnd until the activation ends
    quint64 seqAndStatus = 0;
    quint32 job = 0;     // TimelineData::jobId / jobFlow
    quint16 routine = 0; // TimelineData::routineSymbol; 0: none
    quint16 agent = 0;   // TimelineData::agentSymbol; 0: none

    quint64 seq() const { return seqAndStatus & seqMask; }
    TimelineStatus status() const { return TimelineStatus(seqAndStatus >> 56); }
    void setSeqAndStatus(quint64 seq, TimelineStatus status)
    {
        seqAndStatus = (seq & seqMask) | (quint64(status) << 56);
    }
    bool isRunning() const { return endNs == runningEnd; }
    // Where it is drawn to: a running activation reaches "now".
    qint64 visibleEnd(qint64 nowNs) const { return isRunning() ? std::max(startNs, nowNs) : endNs; }

    static constexpr quint64 seqMask = (quint64(1) << 56) - 1;
};
static_assert(sizeof(TimelineSpan) == 32, "spans are packed into 32 bytes");

// A moment worth a marker: a breakpoint hit, an error, a pause, an alert. 24 bytes.
struct TimelineInstant
{
    qint64 timeNs = 0;
    quint64 seqAndMark = 0;
    quint32 job = 0;
    quint16 routine = 0;
    quint16 agent = 0;

    quint64 seq() const { return seqAndMark & TimelineSpan::seqMask; }
    TimelineMark mark() const { return TimelineMark(seqAndMark >> 56); }
    void setSeqAndMark(quint64 seq, TimelineMark mark)
    {
        seqAndMark = (seq & TimelineSpan::seqMask) | (quint64(mark) << 56);
    }
};
static_assert(sizeof(TimelineInstant) == 24, "instants are packed into 24 bytes");

} // namespace flowscope
