#pragma once

#include "health/healthstate.h"
#include "requestparsing.h"

#include <QJsonObject>
#include <QVariantMap>

#include <optional>

class QUrlQuery;

namespace flowscope {

// Query of GET /api/alerts.
struct AlertQuery
{
    static constexpr int defaultLimit = 100;
    static constexpr int maxLimit = 1000;

    int limit = defaultLimit;
    std::optional<AlertLevel> level; // none: every level
    qint64 sinceMs = 0;              // 0: no lower bound
    qint64 untilMs = 0;              // 0: no upper bound
    bool hasRange() const { return sinceMs > 0 || untilMs > 0; }
};

// ?from=&to=&step= of the metrics routes; none given: totals, no series.
struct MetricsRange
{
    qint64 fromMs = 0;
    qint64 toMs = 0; // 0 with fromMs set: now
    int stepMs = 0;  // 0: a sixtieth of the range, at least a second
    bool isSet() const { return fromMs > 0; }
};

// POST /api/jobs/{id}/fork: {checkpoint_id, variables?}
struct ForkRequest
{
    quint64 checkpointId = 0;
    QVariantMap variables;
};

// Queries and bodies of the health, metrics and checkpoint routes, with the messages of
// RequestParsing ("<field>: <what is expected>").
namespace HealthParsing {

constexpr int defaultCheckpointTimeoutMs = 2000;
constexpr int maxCheckpointTimeoutMs = 30000;

// ISO 8601 (UTC unless it says otherwise) or milliseconds since the Unix epoch.
bool timeValue(const QString &key, const QString &text, qint64 *ms, RequestError *error);
bool alertQuery(const QUrlQuery &query, AlertQuery *result, RequestError *error);
bool metricsRange(const QUrlQuery &query, MetricsRange *result, RequestError *error);
// checkpoint_id: a positive integer; when absent, *id stays empty (an error if required).
bool checkpointId(const QJsonObject &body, bool required, std::optional<quint64> *id,
                  RequestError *error);
// An optional body: empty means no checkpoint_id.
bool resumeFromBody(const QByteArray &body, std::optional<quint64> *id, RequestError *error);
bool forkBody(const QByteArray &body, ForkRequest *request, RequestError *error);
// POST /api/jobs/{id}/checkpoints: an optional body {timeout_ms?}.
bool checkpointBody(const QByteArray &body, int *timeoutMs, RequestError *error);

} // namespace HealthParsing
} // namespace flowscope
