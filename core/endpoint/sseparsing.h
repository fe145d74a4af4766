#pragma once

#include "events/event.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QUrlQuery;

namespace flowscope {

// What a client of GET /api/events/stream asked for: the filters and where to resume.
struct SseRequest
{
    // Types and job, checked by the bus. Agents and routine stay strings, checked by
    // matchesNames(): interning names a client made up would grow the symbol table for good.
    EventFilter filter;
    QStringList msgTypes;    // as given, for the status route
    QStringList agents;      // empty: every agent
    QString job;             // as given
    QString routine;         // as given
    bool resume = false;     // Last-Event-ID or ?since= was given
    quint64 resumeAfter = 0; // send the held events with seq > resumeAfter
    QString error;           // non-empty: answer 400 with it

    bool matchesNames(const Event &event) const;
};

// Pure: reads msg_types, agents, job, routine and since from the query and the Last-Event-ID
// header (which wins over since). Never throws; bad input sets error.
SseRequest parseSseRequest(const QUrlQuery &query, const QByteArray &lastEventId);

} // namespace flowscope
