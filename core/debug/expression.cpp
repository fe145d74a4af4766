#include "debug/expression.h"

#include "debug/scriptwatchdog.h"

#include <QCryptographicHash>
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

// Compiled once per engine, kept in the engine's global object under a name from the text.
QJSValue compiled(QJSEngine *engine, const QString &expression, QString *error)
{
    const QString key
        = QStringLiteral("__flowscope_expr_")
          + QString::fromLatin1(
              QCryptographicHash::hash(expression.toUtf8(), QCryptographicHash::Md5).toHex());
    QJSValue fn = engine->globalObject().property(key);
    if (fn.isCallable())
        return fn;
    fn = engine->evaluate(wrap(expression), QStringLiteral("expression"));
    if (engine->hasError() || fn.isError() || !fn.isCallable()) {
        *error = describe(engine->hasError() ? engine->catchError() : fn);
        return {};
    }
    engine->globalObject().setProperty(key, fn);
    return fn;
}

bool mentions(const QString &expression, const char *name)
{
    return QRegularExpression(QStringLiteral("\\b%1\\b").arg(QLatin1String(name)))
        .match(expression)
        .hasMatch();
}

} // namespace

bool Expression::check(const QString &expression, QString *error)
{
    if (expression.trimmed().isEmpty()) {
        *error = QStringLiteral("the expression is empty");
        return false;
    }
    QJSEngine probe;
    QString message;
    if (compiled(&probe, expression, &message).isUndefined()) {
        *error = message;
        return false;
    }
    return true;
}

EvaluationResult Expression::evaluate(QJSEngine *engine, ScriptWatchdog &watchdog,
                                      const QString &expression, const ExpressionScope &scope)
{
    EvaluationResult result;
    const QJSValue fn = compiled(engine, expression, &result.error);
    if (fn.isUndefined()) {
        result.type = QStringLiteral("error");
        return result;
    }
    // Converting maps to script objects is the costly part: only what the text names.
    const QJSValue vars = mentions(expression, "vars") ? engine->toScriptValue(scope.vars)
                                                       : QJSValue(QJSValue::UndefinedValue);
    const QJSValue job = mentions(expression, "job") ? engine->toScriptValue(scope.job)
                                                     : QJSValue(QJSValue::UndefinedValue);
    const QJSValue data = mentions(expression, "data") ? engine->toScriptValue(scope.data)
                                                       : QJSValue(QJSValue::UndefinedValue);
    QJSValue value;
    bool interrupted = false;
    {
        ScriptWatchdog::Guard guard(watchdog, engine, limit);
        value = fn.call({data, vars, job, QJSValue(scope.routine), QJSValue(scope.slot),
                         QJSValue(scope.agent)});
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

QString Expression::format(QJSEngine *engine, ScriptWatchdog &watchdog, const QString &message,
                           const ExpressionScope &scope)
{
    static const QRegularExpression part(QStringLiteral("\\{([^{}]+)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = part.globalMatch(message); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += message.mid(last, m.capturedStart() - last);
        const EvaluationResult r = evaluate(engine, watchdog, m.captured(1), scope);
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
