#pragma once

#include "events/event.h"
#include "searchformat.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace flowscope {

enum class EventColumn { Seq, Time, Type, Job, Routine, Port, Agent, Duration, Payload, Count };

// Turns events into the text the event log shows. Names are cached per symbol and job, so that
// showing or searching 200,000 events does not re-read the process-wide symbol table each time.
class EventText
{
    Q_DECLARE_TR_FUNCTIONS(EventText)
public:
    EventText();

    QString column(const Event &event, EventColumn column);
    static QString header(EventColumn column);

    const QString &symbol(Symbol symbol);
    const QString &job(JobId id);
    static QString type(EventType type);
    // Local wall-clock time "HH:mm:ss.zzz", at the offset from UTC fixed when this was made.
    QString time(qint64 timeNs) const;
    qint64 utcOffsetMs() const { return m_utcOffsetMs; }
    static QString duration(qint64 durationNs);
    // The text of a duration in this unit, with %1 for its number.
    static QString durationTemplate(SearchFormat::DurationUnit unit);
    // One line, at most ~160 characters: "key=value, key=value" for maps.
    static QString payloadSummary(const QVariant &payload);

private:
    QHash<quint32, QString> m_symbols;
    QHash<quint64, QString> m_jobs;
    qint64 m_utcOffsetMs = 0;
};

} // namespace flowscope
