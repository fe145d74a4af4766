#pragma once

#include "debug/debugsession.h"

#include <QHash>
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

// An expression compiled for one engine, with which scope variables it names (only those are
// converted for each call: converting maps is the costly part).
struct CompiledExpression
{
    QJSValue function;
    QString error; // why it did not compile
    bool usesData = false;
    bool usesVars = false;
    bool usesJob = false;
};

// Compiled expressions of one engine (an agent's), by text. Clear it before the engine goes.
class ExpressionCache
{
public:
    explicit ExpressionCache(QJSEngine *engine)
        : m_engine(engine)
    {}
    QJSEngine *engine() const { return m_engine; }
    const CompiledExpression &get(const QString &expression);
    void clear() { m_entries.clear(); }

private:
    QJSEngine *m_engine;
    QHash<QString, CompiledExpression> m_entries;
};

// Debugger expressions (breakpoint conditions, logpoint parts, evaluate, watches) in JavaScript.
// Each is compiled once per QJSEngine into a function of the scope, and interrupted when it runs
// longer than the limit.
class Expression
{
public:
    // The watchdog checks every millisecond: interrupted ones stop within 10 ms.
    static constexpr std::chrono::milliseconds limit{8};

    // Whether the text is a valid expression; *error says why not.
    static bool check(const QString &expression, QString *error);
    // Evaluates with the cache's engine (the calling thread's), under the watchdog.
    static EvaluationResult evaluate(ExpressionCache &cache, ScriptWatchdog &watchdog,
                                     const QString &expression, const ExpressionScope &scope);
    // A logpoint message with its {expression} parts replaced by their values.
    static QString format(ExpressionCache &cache, ScriptWatchdog &watchdog, const QString &message,
                          const ExpressionScope &scope);
    static bool isTruthy(const EvaluationResult &result);
};

} // namespace flowscope
