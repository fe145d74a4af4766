#include "consoleevents.h"

#include <QVariantMap>

namespace flowscope::bench {

namespace {
struct Names
{
    Symbol flows[2];
    Symbol routines[12];
    Symbol agents[8];
    Symbol in = Symbol::intern(u"in");
    Symbol out = Symbol::intern(u"out");

    Names()
    {
        flows[0] = Symbol::intern(u"etl");
        flows[1] = Symbol::intern(u"scan_swarm");
        const char *routineNames[] = {"fetch", "parse", "validate", "enrich", "store",  "notify",
                                      "plan",  "probe", "collect",  "merge",  "report", "cleanup"};
        for (int i = 0; i < 12; ++i)
            routines[i] = Symbol::intern(QString::fromLatin1(routineNames[i]));
        for (int i = 0; i < 8; ++i)
            agents[i] = Symbol::intern(QStringLiteral("worker-%1").arg(i + 1));
    }
};
} // namespace

QVector<Event> ConsoleEvents::next(int count, bool payloads)
{
    static const Names names;
    QVector<Event> events;
    events.reserve(count);
    while (events.size() < count) {
        const quint64 activation = ++m_activation;
        const int routine = int(activation % 12);
        const auto job = quint64(activation / 40 % 1000);
        Event base;
        base.job = JobId(0x5eed000000000000ULL + job);
        base.flow = names.flows[job % 2];
        base.routine = names.routines[routine];
        base.agent = names.agents[activation % 8];
        base.activation = activation;
        base.parentActivation = activation - 1;
        const EventType types[] = {EventType::SlotCalled, EventType::RoutineStarted,
                                   EventType::EventEmitted, EventType::RoutineEnded};
        for (EventType type : types) {
            Event e = base;
            e.seq = ++m_seq;
            m_timeNs += 700 + qint64(m_seq * 7919 % 900);
            e.timeNs = m_timeNs;
            e.type = type;
            e.port = type == EventType::EventEmitted ? names.out : names.in;
            if (type == EventType::RoutineEnded)
                e.durationNs = 20000 + qint64(m_seq * 104729 % 5000000);
            if (type == EventType::EventEmitted && payloads) {
                e.payload = QVariantMap{{QStringLiteral("item"), qint64(activation)},
                                        {QStringLiteral("host"),
                                         QStringLiteral("10.0.%1.%2").arg(job % 256).arg(routine)}};
            }
            events.append(std::move(e));
        }
        if (activation % 97 == 0) {
            Event log = base;
            log.seq = ++m_seq;
            log.timeNs = m_timeNs;
            log.type = EventType::Log;
            if (payloads) {
                log.payload = QVariantMap{
                    {QStringLiteral("message"), QStringLiteral("retrying %1").arg(activation)},
                    {QStringLiteral("level"), QStringLiteral("warning")}};
            }
            events.append(std::move(log));
        }
    }
    events.resize(count);
    return events;
}

} // namespace flowscope::bench
