// Fuzzes the endpoint's request parsing (core/endpoint/requestparsing.h, healthparsing.h,
// restparsing.h, yamlreader.h): the bytes as a request body (POST /api/jobs, the flow bodies in
// JSON and YAML, the checkpoint, resume-from and fork bodies), as the query string of
// GET /api/jobs, the trace, the logs, the export, the alerts and the metrics routes, and as a
// time. YAML that is read must come back unchanged through the YAML export.
#include "endpoint/healthparsing.h"
#include "endpoint/requestparsing.h"
#include "endpoint/restparsing.h"
#include "endpoint/yamlreader.h"
#include "endpoint/yamltext.h"
#include "fuzzcheck.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QUrlQuery>

#include <cstdio>

using namespace flowscope;
using FuzzCheck::check;

namespace {

void checkError(bool ok, const RequestError &error, const QByteArray &input)
{
    FuzzCheck::checkRefusal(ok, error, {400, 413}, input);
}

// Bodies of POST /api/jobs/{id}/checkpoints, /resume-from and /fork.
void checkHealthBodies(const QByteArray &bytes)
{
    constexpr quint64 maxExactId = quint64(1) << 53;
    std::optional<quint64> resumeId;
    RequestError resumeError;
    const bool resumeOk = HealthParsing::resumeFromBody(bytes, &resumeId, &resumeError);
    checkError(resumeOk, resumeError, bytes);
    if (resumeOk && resumeId)
        check(*resumeId >= 1 && *resumeId <= maxExactId, "resume checkpoint id in range", bytes);
    if (resumeOk && bytes.trimmed().isEmpty())
        check(!resumeId, "an empty resume-from body names no checkpoint", bytes);

    ForkRequest fork;
    RequestError forkError;
    const bool forkOk = HealthParsing::forkBody(bytes, &fork, &forkError);
    checkError(forkOk, forkError, bytes);
    if (forkOk)
        check(fork.checkpointId >= 1 && fork.checkpointId <= maxExactId, "fork id in range", bytes);
    if (forkOk && resumeOk)
        check(resumeId == fork.checkpointId, "resume-from and fork read the same id", bytes);

    int timeoutMs = -1;
    RequestError checkpointError;
    const bool checkpointOk = HealthParsing::checkpointBody(bytes, &timeoutMs, &checkpointError);
    checkError(checkpointOk, checkpointError, bytes);
    if (checkpointOk) {
        check(timeoutMs >= 0 && timeoutMs <= HealthParsing::maxCheckpointTimeoutMs,
              "checkpoint timeout in range", bytes);
    }

    qint64 ms = 0;
    RequestError timeError;
    const bool timeOk = HealthParsing::timeValue(QStringLiteral("since"), QString::fromUtf8(bytes),
                                                 &ms, &timeError);
    checkError(timeOk, timeError, bytes);
    if (timeOk)
        check(ms > 0, "an accepted time is after 1970", bytes);
}

// Queries of GET /api/alerts and the metrics routes.
void checkHealthQueries(const QUrlQuery &query, const QByteArray &bytes)
{
    AlertQuery alerts;
    RequestError alertError;
    const bool alertsOk = HealthParsing::alertQuery(query, &alerts, &alertError);
    checkError(alertsOk, alertError, bytes);
    if (alertsOk) {
        check(alerts.limit >= 1 && alerts.limit <= AlertQuery::maxLimit, "alert limit", bytes);
        check(alerts.sinceMs >= 0 && alerts.untilMs >= 0, "alert range is after 1970", bytes);
        check(!alerts.sinceMs || !alerts.untilMs || alerts.untilMs > alerts.sinceMs,
              "until is later than since", bytes);
    }

    MetricsRange range;
    RequestError rangeError;
    const bool rangeOk = HealthParsing::metricsRange(query, &range, &rangeError);
    checkError(rangeOk, rangeError, bytes);
    if (rangeOk) {
        check(range.isSet() || (range.toMs == 0 && range.stepMs == 0), "to and step only with from",
              bytes);
        check(range.toMs == 0 || range.toMs > range.fromMs, "to is later than from", bytes);
        check(range.stepMs == 0 || range.stepMs >= 1000, "a step of a second at least", bytes);
    }
}

// POST /api/flows and /api/flows/validate; the queries of the logs and the export.
void checkRestParsing(const QByteArray &bytes, const QUrlQuery &query)
{
    QJsonObject dsl;
    RequestError dslError;
    const bool dslOk = RestParsing::flowDsl(bytes, &dsl, &dslError);
    checkError(dslOk, dslError, bytes);
    if (dslOk) {
        check(!dsl.contains(QStringLiteral("dsl")) || !dsl.contains(QStringLiteral("dsl_dict"))
                  || dsl.contains(QStringLiteral("routines")),
              "an envelope is unwrapped", bytes);
    }

    LogPageQuery page;
    RequestError pageError;
    const bool pageOk = RestParsing::logPageQuery(query, &page, &pageError);
    checkError(pageOk, pageError, bytes);
    if (pageOk) {
        check(page.limit >= 1 && page.limit <= LogPageQuery::maxLimit, "log limit in range", bytes);
        check(page.offset >= 0, "log offset >= 0", bytes);
    }

    FlowFormat format;
    RequestError formatError;
    checkError(RestParsing::flowFormat(query, FlowFormat::Json, &format, &formatError), formatError,
               bytes);
}

QByteArray compactJson(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

// Flows sent as YAML: a body with Content-Type application/yaml, and the YAML reader itself.
void checkYaml(const QByteArray &bytes)
{
    QJsonObject dsl;
    RequestError dslError;
    checkError(RestParsing::flowDsl(bytes, &dsl, &dslError, FlowFormat::Yaml), dslError, bytes);

    QJsonValue value;
    QString error;
    if (!YamlReader::read(bytes, &value, &error)) {
        check(error.startsWith(QLatin1String("line ")) || error.startsWith(QLatin1String("empty")),
              "a refused YAML text says where", bytes);
        return;
    }
    const QByteArray written = YamlText::fromJson(value);
    QJsonValue again;
    QString againError;
    if (!YamlReader::read(written, &again, &againError)
        || compactJson(again) != compactJson(value)) {
        std::fprintf(stderr, "the YAML export does not read back (%s):\n%s\n",
                     qPrintable(againError), written.constData());
        check(false, "the YAML export reads back unchanged", bytes);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // Body of POST /api/jobs.
    QJsonObject object;
    RequestError bodyError;
    const bool isObject = RequestParsing::jsonObjectBody(bytes, &object, &bodyError);
    checkError(isObject, bodyError, bytes);
    if (isObject) {
        JobRequest request;
        RequestError requestError;
        const bool ok = RequestParsing::jobRequest(object, &request, &requestError);
        checkError(ok, requestError, bytes);
        if (ok) {
            check(!request.flowId.isEmpty(), "an accepted job request names a flow", bytes);
            // The engine turns it into a deadline in milliseconds, a qint64.
            check(request.timeoutSeconds >= 0 && request.timeoutSeconds * 1000 < 0x1p62,
                  "an accepted timeout is >= 0 and its deadline fits a qint64", bytes);
        }
    }

    // Query strings, as QHttpServerRequest::query() builds them from the URL.
    const QUrlQuery query(QString::fromUtf8(bytes));
    JobListQuery list;
    RequestError listError;
    const bool listOk = RequestParsing::jobListQuery(query, &list, &listError);
    checkError(listOk, listError, bytes);
    if (listOk) {
        check(list.limit >= 1 && list.limit <= JobListQuery::maxLimit, "limit in range", bytes);
        check(list.offset >= 0, "offset >= 0", bytes);
    }

    int limit = 0;
    RequestError traceError;
    const bool traceOk = RequestParsing::traceLimit(query, &limit, &traceError);
    checkError(traceOk, traceError, bytes);
    if (traceOk)
        check(limit >= -1, "trace limit is -1 (all) or >= 0", bytes);

    checkHealthBodies(bytes);
    checkHealthQueries(query, bytes);
    checkRestParsing(bytes, query);
    checkYaml(bytes);
    return 0;
}
