#include "debug/expression.h"

#include "debug/scriptwatchdog.h"

#include <QJSEngine>
#include <QRegularExpression>

namespace flowscope {

namespace {

QString wrap(const QString &expression)
{
    // A function of the scope, so that one compiled form serves every hit.
    return QStringLiteral("(function (data, vars, job, routine, slot, agent) { return (")
           + expression + QStringLiteral("\n); })");
}

QString describe(const QJSValue &error)
{
    const int line = error.property(QStringLiteral("lineNumber")).toInt();
    return line > 1 ? QStringLiteral("line %1: %2").arg(line).arg(error.toString())
                    : error.toString();
}

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

// Whether the expression names a scope variable (a whole word), to skip converting the others.
bool mentions(const QString &expression, QLatin1String name)
{
    for (qsizetype at = expression.indexOf(name); at >= 0; at = expression.indexOf(name, at + 1)) {
        const qsizetype end = at + name.size();
        if ((at == 0 || !isIdentifierChar(expression[at - 1]))
            && (end == expression.size() || !isIdentifierChar(expression[end])))
            return true;
    }
    return false;
}

} // namespace

const CompiledExpression &ExpressionCache::get(const QString &expression)
{
    auto it = m_entries.find(expression);
    if (it != m_entries.end())
        return *it;
    if (m_entries.size() >= 1000)
        m_entries.clear(); // expressions come and go with breakpoints: keep the cache bounded
    CompiledExpression compiled;
    const QJSValue fn = m_engine->evaluate(wrap(expression), QStringLiteral("expression"));
    if (m_engine->hasError() || fn.isError() || !fn.isCallable()) {
        compiled.error = describe(m_engine->hasError() ? m_engine->catchError() : fn);
    } else {
        compiled.function = fn;
        compiled.usesData = mentions(expression, QLatin1String("data"));
        compiled.usesVars = mentions(expression, QLatin1String("vars"));
        compiled.usesJob = mentions(expression, QLatin1String("job"));
    }
    return *m_entries.insert(expression, compiled);
}

bool Expression::check(const QString &expression, QString *error)
{
    if (expression.trimmed().isEmpty()) {
        *error = QStringLiteral("the expression is empty");
        return false;
    }
    // Compiling evaluates the wrapper, and text can break out of it: watched, like a run.
    static ScriptWatchdog watchdog;
    QJSEngine probe;
    ExpressionCache cache(&probe);
    bool ok = false;
    {
        ScriptWatchdog::Guard guard(watchdog, &probe, limit);
        const CompiledExpression &compiled = cache.get(expression);
        *error = guard.interrupted()
                     ? QStringLiteral("compiling did not finish within %1 ms").arg(limit.count())
                     : compiled.error;
        ok = error->isEmpty();
    }
    cache.clear();
    return ok;
}

EvaluationResult Expression::evaluate(ExpressionCache &cache, ScriptWatchdog &watchdog,
                                      const QString &expression, const ExpressionScope &scope)
{
    EvaluationResult result;
    const CompiledExpression &compiled = cache.get(expression);
    if (!compiled.error.isEmpty()) {
        result.type = QStringLiteral("error");
        result.error = compiled.error;
        return result;
    }
    QJSEngine *engine = cache.engine();
    const QJSValue undefined(QJSValue::UndefinedValue);
    const QJSValue data = compiled.usesData ? engine->toScriptValue(scope.data) : undefined;
    const QJSValue vars = compiled.usesVars ? engine->toScriptValue(scope.vars) : undefined;
    const QJSValue job = compiled.usesJob ? engine->toScriptValue(scope.job) : undefined;
    QJSValue value;
    bool interrupted = false;
    {
        ScriptWatchdog::Guard guard(watchdog, engine, limit);
        value = compiled.function.call({data, vars, job, QJSValue(scope.routine),
                                        QJSValue(scope.slot), QJSValue(scope.agent)});
        interrupted = guard.interrupted();
    }
    if (interrupted) {
        if (engine->hasError())
            engine->catchError();
        result.type = QStringLiteral("error");
        result.error = QStringLiteral("interrupted after %1 ms").arg(limit.count());
        return result;
    }
    if (engine->hasError() || value.isError()) {
        result.type = QStringLiteral("error");
        result.error = describe(engine->hasError() ? engine->catchError() : value);
        return result;
    }
    result.type = value.isUndefined()  ? QStringLiteral("undefined")
                  : value.isNull()     ? QStringLiteral("null")
                  : value.isBool()     ? QStringLiteral("boolean")
                  : value.isNumber()   ? QStringLiteral("number")
                  : value.isString()   ? QStringLiteral("string")
                  : value.isCallable() ? QStringLiteral("function")
                                       : QStringLiteral("object");
    result.value = value.toVariant();
    return result;
}

QString Expression::format(ExpressionCache &cache, ScriptWatchdog &watchdog, const QString &message,
                           const ExpressionScope &scope)
{
    static const QRegularExpression part(QStringLiteral("\\{([^{}]+)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = part.globalMatch(message); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += message.mid(last, m.capturedStart() - last);
        const EvaluationResult r = evaluate(cache, watchdog, m.captured(1), scope);
        out += r.error.isEmpty() ? r.value.toString() : QStringLiteral("<%1>").arg(r.error);
        last = m.capturedEnd();
    }
    return out + message.mid(last);
}

bool Expression::isTruthy(const EvaluationResult &result)
{
    if (!result.error.isEmpty())
        return false;
    const QVariant &v = result.value;
    if (!v.isValid() || v.isNull())
        return false;
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::Int:
    case QMetaType::Double:
    case QMetaType::LongLong:
        return v.toDouble() != 0;
    case QMetaType::QString:
        return !v.toString().isEmpty();
    default:
        return true;
    }
}

} // namespace flowscope
