#pragma once

#include "requestparsing.h"
#include "runtime/externalagent.h"

#include <QJsonObject>
#include <QVector>

namespace flowscope {

// One agent's batch: POST /api/ingest and the frames of the agent WebSocket (docs/agents.md).
struct IngestBatch
{
    QString agent;
    QVector<ExternalMessage> messages;
};

// Validation of what external agents send. Every field is checked, unknown fields are refused,
// and each error names its place: "events[3].value: expected a number from 0 to 1".
namespace IngestParsing {

constexpr int maxMessages = 1000;       // per batch
constexpr int maxNameLength = 64;       // agent names
constexpr int maxTextLength = 200;      // node, event, checkpoint and kind names
constexpr int maxMessageLength = 16384; // log and error messages
constexpr int maxMapEntries = 1000;     // data, metadata, values
constexpr qint64 maxClockSkewMs = 24 * 3600 * 1000;

// {agent, events: [{type, ...}]}; agent may be absent when `agent` is given (the socket's).
// nowMs bounds the messages' timestamps.
bool batch(const QJsonObject &body, IngestBatch *result, RequestError *error, qint64 nowMs,
           const QString &boundAgent = {});
bool message(const QJsonObject &object, const QString &where, ExternalMessage *result,
             RequestError *error, qint64 nowMs);
bool agentName(const QJsonValue &value, const QString &where, QString *name, RequestError *error);
// PUT /api/agents/{name}/breakpoints: {checkpoints: ["name", ...]}
bool breakpoints(const QJsonObject &body, QStringList *checkpoints, RequestError *error);

// The control state as agents read it: {paused, cancelled, reason, breakpoints, version}.
QJsonObject controlJson(const AgentControl &control);

} // namespace IngestParsing
} // namespace flowscope
