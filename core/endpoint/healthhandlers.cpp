#include "healthhandlers.h"

#include "healthjson.h"
#include "healthparsing.h"
#include "healthreportsource.h"
#include "journal/journal.h"
#include "jsonshapes.h"
#include "metrics/metricsquery.h"
#include "report/reportwriter.h"
#include "reportrendering.h"
#include "runtime/engine.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace flowscope {

namespace {

QJsonValue secondsBetween(qint64 fromMs, qint64 toMs)
{
    if (fromMs <= 0 || toMs < fromMs)
        return QJsonValue(QJsonValue::Null);
    return double(toMs - fromMs) / 1000.0;
}

MetricsAnswer query(Engine &engine, MetricScope scope, const QString &key,
                    const MetricsRange &range)
{
    if (!range.isSet())
        return queryMetrics(engine.metrics(), engine.journal(), scope, key, 0, 0, 0);
    const qint64 toMs = range.toMs > 0 ? range.toMs : QDateTime::currentMSecsSinceEpoch();
    const int stepMs = range.stepMs > 0
                           ? range.stepMs
                           : int(std::clamp<qint64>((toMs - range.fromMs) / 60, 1000, 86400000));
    return queryMetrics(engine.metrics(), engine.journal(), scope, key, range.fromMs, toMs, stepMs);
}

// The range asked for and its series, when there was one.
void addRange(QJsonObject *json, const MetricsRange &range, const MetricsAnswer &answer)
{
    if (!range.isSet())
        return;
    json->insert(QStringLiteral("from"), EndpointJson::isoTime(range.fromMs));
    json->insert(QStringLiteral("to"),
                 range.toMs > 0 ? EndpointJson::isoTime(range.toMs) : QJsonValue(QJsonValue::Null));
    json->insert(QStringLiteral("series"), HealthJson::series(answer.series));
}

// Routine keys are "flow_id/routine_id" except in a job's answer: keyed by routine id there.
QJsonObject routineMetrics(const QVector<MetricsSummary> &routines, const QString &flowPrefix)
{
    QJsonObject json;
    for (const MetricsSummary &routine : routines) {
        QString key = routine.key;
        if (!flowPrefix.isEmpty() && key.startsWith(flowPrefix))
            key.remove(0, flowPrefix.size());
        json.insert(key, HealthJson::routineMetrics(routine));
    }
    return json;
}

QJsonArray jobErrors(const QVector<Event> &trace)
{
    QJsonArray errors;
    for (const Event &event : trace) {
        if (event.type != EventType::RoutineError && event.type != EventType::JobFailed)
            continue;
        const QVariant message = event.payload.toMap().value(QStringLiteral("message"));
        errors.append(QJsonObject{
            {QStringLiteral("time"), EndpointJson::isoTime(event.timeNs / 1'000'000)},
            {QStringLiteral("event_type"), eventTypeName(event.type)},
            {QStringLiteral("routine_id"), event.routine.isNull()
                                               ? QJsonValue(QJsonValue::Null)
                                               : QJsonValue(event.routine.toString())},
            {QStringLiteral("activation_id"), double(event.activation)},
            {QStringLiteral("message"), message.toString()},
        });
    }
    return errors;
}

} // namespace

HealthHandlers::HealthHandlers(Engine *engine)
    : m_engine(engine)
{}

ApiReply HealthHandlers::agents() const
{
    QVector<AgentHealth> all = m_engine->agentHealth();
    std::sort(all.begin(), all.end(),
              [](const AgentHealth &a, const AgentHealth &b) { return a.agent < b.agent; });
    QJsonArray list;
    for (const AgentHealth &health : all)
        list.append(HealthJson::agent(health));
    const HealthPolicy policy = m_engine->healthPolicy();
    return {200,
            {{QStringLiteral("agents"), list},
             {QStringLiteral("total"), list.size()},
             {QStringLiteral("overall"), healthStateName(overallHealth(all))},
             {QStringLiteral("heartbeat_interval_ms"), policy.intervalMs},
             {QStringLiteral("failed_after_ms"), policy.failedAfterMs()}}};
}

ApiReply HealthHandlers::agent(const QString &name) const
{
    const QVector<AgentHealth> all = m_engine->agentHealth();
    for (const AgentHealth &health : all) {
        if (health.agent == name)
            return {200, HealthJson::agent(health)};
    }
    return ApiHandlers::error(404, QStringLiteral("no agent '%1'").arg(name));
}

ApiReply HealthHandlers::alerts(const QUrlQuery &query) const
{
    AlertQuery parsed;
    RequestError requestError;
    if (!HealthParsing::alertQuery(query, &parsed, &requestError))
        return ApiHandlers::error(requestError);

    // The engine keeps the last 1000 alerts; a time range reaches further back in the journal.
    Journal *journal = m_engine->journal();
    const bool fromJournal = journal && parsed.hasRange();
    QVector<Alert> source;
    if (fromJournal) {
        journal->flush();
        const qint64 untilMs
            = parsed.untilMs > 0 ? parsed.untilMs : QDateTime::currentMSecsSinceEpoch();
        source = journal->alerts(parsed.sinceMs, untilMs + 1, -1);
    } else {
        source = m_engine->alerts(-1);
    }
    QJsonArray list;
    qsizetype total = 0;
    for (const Alert &alert : std::as_const(source)) {
        if ((parsed.level && alert.level != *parsed.level)
            || (parsed.sinceMs > 0 && alert.timeMs < parsed.sinceMs)
            || (parsed.untilMs > 0 && alert.timeMs > parsed.untilMs)) {
            continue;
        }
        ++total;
        if (list.size() < parsed.limit)
            list.append(HealthJson::alert(alert));
    }
    return {200,
            {{QStringLiteral("alerts"), list},
             {QStringLiteral("total"), total},
             {QStringLiteral("source"),
              fromJournal ? QStringLiteral("journal") : QStringLiteral("memory")}}};
}

ApiReply HealthHandlers::jobMetrics(const QString &jobId, const QUrlQuery &urlQuery) const
{
    MetricsRange range;
    RequestError requestError;
    if (!HealthParsing::metricsRange(urlQuery, &range, &requestError))
        return ApiHandlers::error(requestError);
    bool ok = false;
    const JobId id = JobId::fromString(jobId, &ok);
    const std::optional<JobInfo> info = ok && !id.isNull() ? m_engine->job(id) : std::nullopt;
    const MetricsAnswer answer = ok && !id.isNull()
                                     ? query(*m_engine, MetricScope::Job, id.toString(), range)
                                     : MetricsAnswer();
    if (!info && !answer.found)
        return ApiHandlers::error(404, QStringLiteral("no job '%1'").arg(jobId));

    const MetricsSummary &summary = answer.summary;
    const qint64 startMs = info && info->startedMs > 0 ? info->startedMs : summary.fromMs;
    const qint64 endMs = info ? info->finishedMs : summary.toMs;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QVector<Event> trace = m_engine->trace(id);

    QJsonObject json = HealthJson::totals(summary);
    json.insert(QStringLiteral("job_id"), id.toString());
    json.insert(QStringLiteral("flow_id"),
                info ? QJsonValue(info->flowId) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("status"),
                info ? QJsonValue(jobStatusName(info->status)) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("start_time"), EndpointJson::isoTime(startMs));
    json.insert(QStringLiteral("end_time"), EndpointJson::isoTime(endMs));
    json.insert(QStringLiteral("duration"), secondsBetween(startMs, endMs > 0 ? endMs : now));
    json.insert(QStringLiteral("routine_metrics"), routineMetrics(answer.routines, QString()));
    json.insert(QStringLiteral("total_events"), trace.size());
    // The trace counts what the collector may not (it is fed fewer event types); the collector
    // counts what history may have dropped.
    quint64 slotCalls = 0;
    quint64 eventEmits = 0;
    for (const Event &event : trace) {
        slotCalls += event.type == EventType::SlotCalled;
        eventEmits += event.type == EventType::EventEmitted;
    }
    json.insert(QStringLiteral("total_slot_calls"), double(std::max(slotCalls, summary.slotCalls)));
    json.insert(QStringLiteral("total_event_emits"),
                double(std::max(eventEmits, summary.eventEmits)));
    json.insert(QStringLiteral("errors"), jobErrors(trace));
    addRange(&json, range, answer);
    return {200, json};
}

ApiReply HealthHandlers::flowMetrics(const QString &flowId, const QUrlQuery &urlQuery) const
{
    MetricsRange range;
    RequestError requestError;
    if (!HealthParsing::metricsRange(urlQuery, &range, &requestError))
        return ApiHandlers::error(requestError);
    const bool known = m_engine->flow(flowId).has_value();
    const MetricsAnswer answer = query(*m_engine, MetricScope::Flow, flowId, range);
    if (!known && !answer.found)
        return ApiHandlers::error(404, QStringLiteral("no flow '%1'").arg(flowId));

    QJsonObject jobs;
    for (JobStatus s : {JobStatus::Pending, JobStatus::Running, JobStatus::Paused,
                        JobStatus::Completed, JobStatus::Failed, JobStatus::Cancelled}) {
        jobs.insert(jobStatusName(s), 0);
    }
    for (const JobInfo &info : m_engine->jobs()) {
        if (info.flowId == flowId) {
            const QString name = jobStatusName(info.status);
            jobs.insert(name, jobs.value(name).toInt() + 1);
        }
    }
    const MetricsSummary &summary = answer.summary;
    QJsonObject json = HealthJson::totals(summary);
    json.insert(QStringLiteral("flow_id"), flowId);
    json.insert(QStringLiteral("start_time"), EndpointJson::isoTime(summary.fromMs));
    json.insert(QStringLiteral("end_time"), EndpointJson::isoTime(summary.toMs));
    json.insert(QStringLiteral("duration"), secondsBetween(summary.fromMs, summary.toMs));
    json.insert(QStringLiteral("routine_metrics"),
                routineMetrics(answer.routines, flowId + QLatin1Char('/')));
    json.insert(QStringLiteral("jobs"), jobs);
    json.insert(QStringLiteral("jobs_started"), double(summary.jobsStarted));
    json.insert(QStringLiteral("jobs_completed"), double(summary.jobsCompleted));
    json.insert(QStringLiteral("jobs_failed"), double(summary.jobsFailed));
    json.insert(QStringLiteral("jobs_cancelled"), double(summary.jobsCancelled));
    addRange(&json, range, answer);
    return {200, json};
}

ApiReply HealthHandlers::metricsSummary(const QUrlQuery &urlQuery) const
{
    MetricsRange range;
    RequestError requestError;
    if (!HealthParsing::metricsRange(urlQuery, &range, &requestError))
        return ApiHandlers::error(requestError);
    const MetricsAnswer answer = query(*m_engine, MetricScope::Engine, QString(), range);
    const MetricsSummary &summary = answer.summary;
    QJsonObject json = HealthJson::totals(summary);
    json.insert(QStringLiteral("scope"), metricScopeName(MetricScope::Engine));
    json.insert(QStringLiteral("start_time"), EndpointJson::isoTime(summary.fromMs));
    json.insert(QStringLiteral("end_time"), EndpointJson::isoTime(summary.toMs));
    json.insert(QStringLiteral("jobs_started"), double(summary.jobsStarted));
    json.insert(QStringLiteral("jobs_completed"), double(summary.jobsCompleted));
    json.insert(QStringLiteral("jobs_failed"), double(summary.jobsFailed));
    json.insert(QStringLiteral("jobs_cancelled"), double(summary.jobsCancelled));
    json.insert(QStringLiteral("routine_metrics"), routineMetrics(answer.routines, QString()));
    addRange(&json, range, answer);
    return {200, json};
}

RawReply HealthHandlers::report(const QUrlQuery &query) const
{
    ReportFormat format = ReportFormat::Json;
    if (query.hasQueryItem(QStringLiteral("format"))) {
        const QString name = query.queryItemValue(QStringLiteral("format"), QUrl::FullyDecoded);
        if (!reportFormatFromName(name, &format)) {
            return ApiHandlers::rawError(
                400, QStringLiteral("format: unknown report format '%1' (expected "
                                    "md, json, html or pdf)")
                         .arg(name));
        }
    }
    const HealthReport report = healthReportFromEngine(*m_engine);
    QByteArray bytes;
    QString message;
    int status = 500;
    const bool rendered = format == ReportFormat::Pdf
                              ? ReportRendering::renderPdf(report, &bytes, &message, &status)
                              : ReportWriter::render(report, format, &bytes, &message);
    if (!rendered)
        return ApiHandlers::rawError(status, message);
    return {200, reportMimeType(format).toUtf8(), bytes};
}

} // namespace flowscope
