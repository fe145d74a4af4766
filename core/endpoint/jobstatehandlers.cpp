#include "jobstatehandlers.h"

#include "events/eventbus.h"
#include "events/eventjson.h"
#include "jsonshapes.h"
#include "restparsing.h"
#include "runtime/engine.h"

#include <QHash>
#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

namespace flowscope {

namespace {

// What the events still in history say about one routine of the job.
struct RoutineRecord
{
    qint64 started = 0;
    qint64 ended = 0;
    qint64 failed = 0;
    bool lastFailed = false;
    QString lastError;
    qint64 lastExecutionMs = 0;
};

QHash<QString, RoutineRecord> routineRecords(const QVector<Event> &events)
{
    QHash<QString, RoutineRecord> records;
    for (const Event &e : events) {
        if (e.type != EventType::RoutineStarted && e.type != EventType::RoutineEnded
            && e.type != EventType::RoutineError) {
            continue;
        }
        RoutineRecord &record = records[e.routine.toString()];
        if (e.type == EventType::RoutineStarted) {
            ++record.started;
            continue;
        }
        record.lastFailed = e.type == EventType::RoutineError;
        ++(record.lastFailed ? record.failed : record.ended);
        if (record.lastFailed)
            record.lastError = e.payload.toMap().value(QStringLiteral("message")).toString();
        record.lastExecutionMs = e.timeNs / 1'000'000;
    }
    return records;
}

// Routilux's routine states: pending (nothing ran yet, or work of it waits), running, completed,
// failed (its last activation failed).
QJsonObject routineState(const RoutineRecord &record, int waiting, const QVariantMap &variables)
{
    // The history is bounded: a start may have left it before its end.
    const qint64 running = std::max<qint64>(0, record.started - record.ended - record.failed);
    QString status = QStringLiteral("pending");
    if (running > 0)
        status = QStringLiteral("running");
    else if (waiting == 0 && record.lastFailed)
        status = QStringLiteral("failed");
    else if (waiting == 0 && record.ended > 0)
        status = QStringLiteral("completed");
    return {{QStringLiteral("status"), status},
            {QStringLiteral("execution_count"), double(record.ended + record.failed)},
            {QStringLiteral("error_count"), double(record.failed)},
            {QStringLiteral("running"), double(running)},
            {QStringLiteral("pending"), waiting},
            {QStringLiteral("last_error"),
             record.lastError.isEmpty() ? QJsonValue() : QJsonValue(record.lastError)},
            {QStringLiteral("last_execution"), EndpointJson::isoTime(record.lastExecutionMs)},
            {QStringLiteral("variables"), QJsonObject::fromVariantMap(variables)}};
}

QJsonObject waitingJson(const WaitingActivation &a)
{
    return {{QStringLiteral("activation_id"), double(a.id)},
            {QStringLiteral("parent_activation_id"),
             a.parent ? QJsonValue(double(a.parent)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("routine_id"), a.routine},
            {QStringLiteral("slot"), a.slot},
            {QStringLiteral("data"), QJsonValue::fromVariant(a.data)},
            {QStringLiteral("state"), waitingPlaceName(a.place)}};
}

QJsonArray executionHistory(const QVector<Event> &events, qsizetype *total)
{
    QVector<const Event *> emitted;
    for (const Event &e : events) {
        if (e.type == EventType::EventEmitted)
            emitted.append(&e);
    }
    *total = emitted.size();
    QJsonArray list;
    const qsizetype first = std::max<qsizetype>(0, emitted.size() - JobStateHandlers::historyShown);
    for (qsizetype i = first; i < emitted.size(); ++i) {
        const Event &e = *emitted.at(i);
        list.append(QJsonObject{
            {QStringLiteral("routine_id"), e.routine.toString()},
            {QStringLiteral("event_name"), e.port.toString()},
            {QStringLiteral("data"), QJsonValue::fromVariant(e.payload)},
            {QStringLiteral("timestamp"), EndpointJson::isoTime(e.timeNs / 1'000'000)},
            {QStringLiteral("activation_id"), double(e.activation)},
        });
    }
    return list;
}

QJsonValue stopJson(const JobDetail &detail)
{
    for (const WaitingActivation &a : detail.waiting) {
        if (a.place != WaitingActivation::Place::Stopped)
            continue;
        return QJsonObject{
            {QStringLiteral("reason"), detail.stopReason},
            {QStringLiteral("breakpoint_id"),
             detail.stopBreakpoint.isEmpty() ? QJsonValue() : QJsonValue(detail.stopBreakpoint)},
            {QStringLiteral("activation_id"), double(a.id)},
            {QStringLiteral("routine_id"), a.routine},
            {QStringLiteral("slot"), a.slot}};
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

JobStateHandlers::JobStateHandlers(Engine *engine)
    : m_engine(engine)
{}

ApiReply JobStateHandlers::jobState(const QString &jobId) const
{
    JobId id;
    std::optional<JobDetail> detail;
    if (ApiHandlers::parseJobId(jobId, &id))
        detail = m_engine->jobDetail(id);
    if (!detail)
        return ApiHandlers::error(404, ApiHandlers::noJob(jobId));
    const QVector<Event> events = m_engine->trace(id);

    QHash<QString, int> waitingByRoutine;
    QJsonArray pending;
    for (const WaitingActivation &a : detail->waiting) {
        ++waitingByRoutine[a.routine];
        pending.append(waitingJson(a));
    }
    const QHash<QString, RoutineRecord> records = routineRecords(events);
    QJsonObject routineStates;
    for (const QString &routine : detail->routines) {
        routineStates.insert(routine,
                             routineState(records.value(routine), waitingByRoutine.value(routine),
                                          detail->routineVariables.value(routine)));
    }
    qsizetype historyTotal = 0;
    const QJsonArray history = executionHistory(events, &historyTotal);
    const QJsonValue stop = stopJson(*detail);

    QJsonObject json = EndpointJson::job(detail->info);
    json.insert(QStringLiteral("shared_data"), json.value(QStringLiteral("variables")));
    json.insert(QStringLiteral("activations_running"), detail->runningHandlers);
    json.insert(QStringLiteral("current_routine_id"),
                stop.isObject() ? stop.toObject().value(QStringLiteral("routine_id"))
                                : QJsonValue());
    json.insert(QStringLiteral("stop"), stop);
    json.insert(QStringLiteral("routine_states"), routineStates);
    json.insert(QStringLiteral("pending_activations"), pending);
    json.insert(QStringLiteral("execution_history"), history);
    json.insert(QStringLiteral("execution_history_total"), double(historyTotal));
    return {200, json};
}

ApiReply JobStateHandlers::jobLogs(const QString &jobId, const QUrlQuery &query) const
{
    LogPageQuery page;
    RequestError requestError;
    if (!RestParsing::logPageQuery(query, &page, &requestError))
        return ApiHandlers::error(requestError);
    JobId id;
    if (!ApiHandlers::parseJobId(jobId, &id) || !m_engine->job(id))
        return ApiHandlers::error(404, ApiHandlers::noJob(jobId));

    EventFilter filter;
    filter.job = id;
    filter.typeMask = eventTypeBit(EventType::Log);
    const QVector<Event> logs = m_engine->bus().history(filter);
    QJsonArray list;
    qsizetype matching = 0;
    for (const Event &e : logs) {
        const QVariantMap data = e.payload.toMap();
        const QString level = data.value(QStringLiteral("level")).toString();
        if (!page.level.isEmpty() && level != page.level)
            continue;
        if (matching++ < page.offset || list.size() >= page.limit)
            continue;
        QJsonObject entry = eventToJson(e);
        entry.insert(QStringLiteral("level"), level);
        entry.insert(QStringLiteral("message"), data.value(QStringLiteral("message")).toString());
        list.append(entry);
    }
    return {200,
            {{QStringLiteral("job_id"), id.toString()},
             {QStringLiteral("logs"), list},
             {QStringLiteral("total"), double(matching)},
             {QStringLiteral("limit"), page.limit},
             {QStringLiteral("offset"), page.offset}}};
}

} // namespace flowscope
