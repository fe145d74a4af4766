#pragma once

#include "client/debugstate.h"
#include "debug/breakpoint.h"
#include "flow/flowdefinition.h"
#include "health/agenthealth.h"
#include "health/alert.h"
#include "journal/jobcheckpoint.h"
#include "metrics/metricssummary.h"
#include "protocol/fieldreader.h"
#include "runtime/agentinfo.h"
#include "runtime/jobinfo.h"

#include <QCborArray>
#include <QCborMap>

namespace flowscope {

// The console protocol's form of every value that crosses EngineClient (docs/protocol.md):
// maps with snake_case keys, job ids as strings, enums by name, times in ms since the Unix epoch.
// Decoders read through a FieldReader: a wrong type, a missing field or an unknown name is
// recorded there with its path, and the value read so far is returned.
namespace ValueCodec {

QCborMap encode(const JobInfo &job);
QCborMap encode(const AgentInfo &agent);
QCborMap encode(const AgentHealth &health);
QCborMap encode(const Alert &alert);
QCborMap encode(const FlowDefinition &flow);
QCborMap encode(const Breakpoint &breakpoint);
QCborMap encode(const DebugState &state);
QCborMap encode(const EvaluationResult &result);
QCborMap encode(const MetricsSummary &summary);
QCborMap encode(const MetricsPoint &point);
QCborMap encode(const JobRecord &record);
QCborMap encode(const JobCheckpoint &checkpoint);

void decode(const FieldReader &r, JobInfo *job);
void decode(const FieldReader &r, AgentInfo *agent);
void decode(const FieldReader &r, AgentHealth *health);
void decode(const FieldReader &r, Alert *alert);
void decode(const FieldReader &r, FlowDefinition *flow);
void decode(const FieldReader &r, Breakpoint *breakpoint);
void decode(const FieldReader &r, DebugState *state);
void decode(const FieldReader &r, EvaluationResult *result);
void decode(const FieldReader &r, MetricsSummary *summary);
void decode(const FieldReader &r, MetricsPoint *point);
void decode(const FieldReader &r, JobRecord *record);
void decode(const FieldReader &r, JobCheckpoint *checkpoint);

// Any QVariant (maps, lists, numbers, strings, null) and back.
QCborValue encodeVariant(const QVariant &value);
QCborValue encodeVariantMap(const QVariantMap &map);

template<class T>
QCborArray encodeList(const QVector<T> &values)
{
    QCborArray out;
    for (const T &value : values)
        out.append(encode(value));
    return out;
}

template<class T>
QVector<T> decodeList(const FieldReader &r, const char *key, bool required = false)
{
    return r.list<T>(
        key,
        [](const FieldReader &item) {
            T value;
            decode(item, &value);
            return value;
        },
        required);
}

// The wire names of the enums that have no name functions elsewhere.
QString stepModeName(StepMode mode);
bool stepModeFromName(QStringView name, StepMode *mode);
bool agentStateFromName(QStringView name, AgentState *state);

} // namespace ValueCodec

} // namespace flowscope
