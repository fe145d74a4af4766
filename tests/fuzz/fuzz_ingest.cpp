// Fuzzes what external agents send (core/endpoint/ingestparsing.h): the bytes as the body of
// POST /api/ingest, as a frame of the agent WebSocket bound to an agent, and as the body of
// PUT /api/agents/{name}/breakpoints. An accepted batch must hold only what the limits allow.
#include "endpoint/ingestparsing.h"
#include "fuzzcheck.h"

#include <QJsonObject>

#include <cmath>

using namespace flowscope;
using FuzzCheck::check;

namespace {

// A fixed clock, so that a crash found replays the same way.
constexpr qint64 nowMs = 1700000000000;

void checkError(bool ok, const RequestError &error, const QByteArray &input)
{
    FuzzCheck::checkRefusal(ok, error, {400, 409, 413}, input);
}

void checkMessage(const ExternalMessage &m, const QByteArray &input)
{
    using Kind = ExternalMessage::Kind;
    using namespace IngestParsing;
    check(m.timeMs == 0 || std::abs(m.timeMs - nowMs) <= maxClockSkewMs, "timestamp near now",
          input);
    check(m.node.size() <= maxTextLength && m.name.size() <= maxTextLength
              && m.checkpoint.size() <= maxTextLength && m.breakpoint.size() <= maxTextLength,
          "names within their limit", input);
    check(m.message.size() <= maxMessageLength, "message within its limit", input);
    check(m.data.size() <= maxMapEntries, "maps within their limit", input);
    switch (m.kind) {
    case Kind::Event:
        check(!m.name.isEmpty(), "an event has a name", input);
        check(m.durationMs == -1 || (m.durationMs >= 0 && m.durationMs <= 1e12),
              "duration absent or in range", input);
        break;
    case Kind::Progress:
        check(m.value >= 0 && m.value <= 1, "progress from 0 to 1", input);
        break;
    case Kind::Metric:
        check(!m.data.isEmpty(), "a metric has a value", input);
        for (auto it = m.data.cbegin(); it != m.data.cend(); ++it)
            check(std::isfinite(it.value().toDouble()), "metric values are numbers", input);
        break;
    case Kind::Variables:
        check(!m.data.isEmpty(), "variables has values", input);
        break;
    case Kind::Log:
    case Kind::Error:
        check(!m.message.isEmpty(), "logs and errors have a message", input);
        break;
    default:
        break;
    }
}

void checkBatch(const QJsonObject &body, const QString &boundAgent, const QByteArray &input)
{
    IngestBatch batch;
    RequestError error;
    const bool ok = IngestParsing::batch(body, &batch, &error, nowMs, boundAgent);
    checkError(ok, error, input);
    if (!ok)
        return;
    QString name;
    RequestError nameError;
    check(IngestParsing::agentName(batch.agent, QStringLiteral("agent"), &name, &nameError),
          "the agent's name is one", input);
    check(boundAgent.isEmpty() || batch.agent == boundAgent, "a bound socket keeps its agent",
          input);
    check(!batch.messages.isEmpty() && batch.messages.size() <= IngestParsing::maxMessages,
          "1 to maxMessages messages", input);
    for (const ExternalMessage &m : batch.messages)
        checkMessage(m, input);
    if (boundAgent.isEmpty()) {
        // The same frame on a socket already bound to that agent is accepted alike.
        IngestBatch again;
        RequestError againError;
        check(IngestParsing::batch(body, &again, &againError, nowMs, batch.agent)
                  && again.messages.size() == batch.messages.size(),
              "a bound socket accepts its agent's batch", input);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonObject body;
    RequestError bodyError;
    const bool parsed = RequestParsing::jsonObjectBody(bytes, &body, &bodyError);
    checkError(parsed, bodyError, bytes);
    if (!parsed)
        return 0;

    checkBatch(body, QString(), bytes);
    checkBatch(body, QStringLiteral("probe-1"), bytes);

    QStringList checkpoints;
    RequestError breakpointError;
    const bool breakpointsOk = IngestParsing::breakpoints(body, &checkpoints, &breakpointError);
    checkError(breakpointsOk, breakpointError, bytes);
    if (breakpointsOk) {
        check(checkpoints.size() <= IngestParsing::maxMapEntries, "breakpoints within limit",
              bytes);
        check(checkpoints.removeDuplicates() == 0, "breakpoints named once", bytes);
        for (const QString &name : checkpoints)
            check(!name.isEmpty() && name.size() <= IngestParsing::maxTextLength,
                  "breakpoint names within limit", bytes);
    }
    return 0;
}
