#pragma once

#include "events/event.h"

#include <QByteArray>
#include <QString>
#include <QVector>

class QIODevice;

namespace flowscope {

// What the trace says about itself: the job it shows and where its events came from.
struct ChromeTraceInfo
{
    JobId job;
    QString flowId; // empty: taken from the events
    QString source; // "engine", "journal", "console", ...
};

// What writing a trace produced, for callers that report it.
struct ChromeTraceStats
{
    qint64 completeEvents = 0;   // finished activations ("X")
    qint64 unfinishedEvents = 0; // activations still running or whose end is missing ("B")
    qint64 instantEvents = 0;
    qint64 counterEvents = 0;
    qint64 lanes = 0; // agents, plus the job's own lane
    qint64 bytes = 0;
};

// A job's events in the Chrome Trace Event Format (JSON object form), which Perfetto and
// chrome://tracing open: one lane (thread) per agent named after it, each activation a complete
// event, breakpoints, pauses, errors and alerts as instants, the job's progress as counters
// (completed and pending activations), process and thread names as metadata. Times are
// microseconds from the earliest event (otherData.origin_time_ns holds it).
//
// The events need not be complete: an activation whose start was trimmed away is placed from its
// end and duration, one that never ended is an open "B" event. They are written as they are
// read, in chunks, so a job of millions of events needs no document in memory.
class ChromeTrace
{
public:
    // Writes the whole trace to device; false with *error when the device refuses bytes.
    static bool write(const QVector<Event> &events, const ChromeTraceInfo &info, QIODevice *device,
                      QString *error, ChromeTraceStats *stats = nullptr);
    static QByteArray toJson(const QVector<Event> &events, const ChromeTraceInfo &info,
                             ChromeTraceStats *stats = nullptr);

    static QByteArray contentType() { return QByteArrayLiteral("application/json"); }
};

} // namespace flowscope
