#pragma once

#include "runtime/jobid.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace flowscope {

// When a breakpoint's location is reached with its condition true, how many such hits make it
// act: "== N" (only the N-th), ">= N" (the N-th and later), "% N" (every N-th). Empty: every hit.
struct HitCondition
{
    enum class Op { Always, Equal, AtLeast, Every };
    Op op = Op::Always;
    quint64 n = 0;

    static std::optional<HitCondition> parse(const QString &text, QString *error);
    bool matches(quint64 hits) const;
};

// A place where a job stops (or logs) before an activation runs: on a routine (any slot), on one
// slot, or on an event emission. Scoped to one job, or to a flow (every job of it, including
// jobs started later).
struct Breakpoint
{
    enum class Kind { Routine, Slot, Event };

    QString id; // assigned by the engine: "bp-1", ...
    Kind kind = Kind::Routine;
    QString flowId;
    JobId job; // null: every job of flowId
    QString routine;
    QString port; // the slot (Kind::Slot) or the event (Kind::Event)
    // JavaScript over data, vars (the routine's variables), job (the job's variables), routine,
    // slot, agent; the breakpoint acts when it is truthy.
    QString condition;
    QString hitCondition;
    // A logpoint: log this message, with {expression} parts evaluated, instead of stopping.
    QString logMessage;
    bool enabled = true;
    quint64 hits = 0;  // times reached with the condition true
    QString lastError; // why the condition could not be evaluated last time, if it failed

    bool isLogpoint() const { return !logMessage.isEmpty(); }
};

QString breakpointKindName(Breakpoint::Kind kind);
bool breakpointKindFromName(QStringView name, Breakpoint::Kind *kind);

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::Breakpoint)
