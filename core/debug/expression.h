#pragma once

#include "debug/debugsession.h"

#include <QJSValue>
#include <QString>
#include <QVariantMap>

#include <chrono>

class QJSEngine;

namespace flowscope {

class ScriptWatchdog;

// What an expression can see: the activation's input, its routine's and job's variables, and
// where it runs.
struct ExpressionScope
{
    QVariant data;
    QVariantMap vars;
    QVariantMap job;
    QString routine;
    QString slot;
    QString agent;
};

// Debugger expressions (breakpoint conditions, logpoint parts, evaluate, watches) in JavaScript.
// Each is compiled once per QJSEngine into a function of the scope, and interrupted when it runs
// longer than the limit.
class Expression
{
public:
    static constexpr std::chrono::milliseconds limit{10};

    // Whether the text is a valid expression; *error says why not.
    static bool check(const QString &expression, QString *error);
    // Evaluates in engine (the calling thread's), under the watchdog.
    static EvaluationResult evaluate(QJSEngine *engine, ScriptWatchdog &watchdog,
                                     const QString &expression, const ExpressionScope &scope);
    // A logpoint message with its {expression} parts replaced by their values.
    static QString format(QJSEngine *engine, ScriptWatchdog &watchdog, const QString &message,
                          const ExpressionScope &scope);
    static bool isTruthy(const EvaluationResult &result);
};

} // namespace flowscope
