#include "routines/scriptroutine.h"

#include "debug/scriptwatchdog.h"
#include "routines/scriptbridge.h"
#include "runtime/context.h"

#include <QJSEngine>
#include <QJsonArray>

#include <atomic>

namespace flowscope {

namespace {

std::atomic<quint64> serials{0};

// The `ctx` handed to handlers: plain JavaScript over the bridge, so that `ctx.emit` reads well.
const char *const contextFactory = R"JS(
(function (b) {
    return {
        emit: function (event, data) { b.emitEvent(event, data === undefined ? null : data); },
        get: function (name, fallback) { return b.get(name, fallback === undefined ? null : fallback); },
        set: function (name, value) { b.set(name, value); },
        add: function (name, delta) { return b.add(name, delta === undefined ? 1 : delta); },
        job: function (name, fallback) { return b.job(name, fallback === undefined ? null : fallback); },
        setJob: function (name, value) { b.setJob(name, value); },
        addJob: function (name, delta) { return b.addJob(name, delta === undefined ? 1 : delta); },
        progress: function (p) { b.progress(p); },
        log: function (message) { b.log(String(message)); },
        checkpoint: function () { return b.checkpoint(); },
        fail: function (message) { b.fail(String(message)); },
        get routine() { return b.routine; },
        get slot() { return b.slot; },
        get agent() { return b.agent; },
        get jobId() { return b.jobId; }
    };
})
)JS";

QString describeError(const QJSValue &error)
{
    const int line = error.property(QStringLiteral("lineNumber")).toInt();
    return line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(error.toString())
                    : error.toString();
}

QJSValue compile(QJSEngine *engine, const QString &source, QString *error)
{
    // Wrapped in parentheses so a bare "function (...) {...}" is an expression.
    const QJSValue fn = engine->evaluate(QLatin1Char('(') + source + QStringLiteral("\n)"),
                                         QStringLiteral("handler"));
    if (engine->hasError() || fn.isError()) {
        *error = describeError(engine->hasError() ? engine->catchError() : fn);
        return {};
    }
    if (!fn.isCallable()) {
        *error = QStringLiteral(
            "must be a function expression, e.g. function (data, ctx, slot) { ... }");
        return {};
    }
    return fn;
}

bool readNames(const QJsonObject &config, const char *key, QStringList *names, ConfigError *error)
{
    if (!config.contains(QLatin1String(key)))
        return true;
    names->clear();
    for (const QJsonValue &v : config.value(QLatin1String(key)).toArray()) {
        if (!v.isString() || v.toString().isEmpty() || v.toString().contains(QLatin1Char('.'))) {
            *error = {QLatin1String(key), QStringLiteral("must be a list of names without dots")};
            return false;
        }
        *names << v.toString();
    }
    return true;
}

} // namespace

ScriptRoutine::ScriptRoutine()
    : m_serial(serials.fetch_add(1) + 1)
{}

bool ScriptRoutine::configure(const QJsonObject &config, ConfigError *error)
{
    if (!readNames(config, "slots", &m_slots, error)
        || !readNames(config, "events", &m_events, error))
        return false;
    m_source = config.value(QLatin1String("handler")).toString();
    if (m_source.trimmed().isEmpty()) {
        *error = {QStringLiteral("handler"), QStringLiteral("required: a JavaScript function")};
        return false;
    }
    // Compile once here so a syntax error is refused with the flow, not at run time.
    // A handler is an expression: compiling it runs whatever the text runs at the top level
    // (an immediately called function, say), so it is watched like a debugger expression.
    static ScriptWatchdog watchdog;
    QJSEngine probe;
    QString message;
    bool interrupted = false;
    {
        ScriptWatchdog::Guard guard(watchdog, &probe, std::chrono::seconds(1));
        const bool compiled = !compile(&probe, m_source, &message).isUndefined();
        interrupted = guard.interrupted();
        if (compiled && !interrupted)
            return true;
    }
    *error = {QStringLiteral("handler"),
              interrupted ? QStringLiteral("evaluating the handler did not finish within 1 s")
                          : message};
    return false;
}

QJSValue ScriptRoutine::compiledHandler(QJSEngine *engine, QString *error) const
{
    // Cached in the engine's global object: the engine owns it and it dies with the agent.
    const QString key = QStringLiteral("__flowscope_handler_%1").arg(m_serial);
    QJSValue fn = engine->globalObject().property(key);
    if (fn.isCallable())
        return fn;
    fn = compile(engine, m_source, error);
    if (!fn.isUndefined())
        engine->globalObject().setProperty(key, fn);
    return fn;
}

void ScriptRoutine::handle(Context &ctx, const QString &slot, const QVariant &data) const
{
    QJSEngine *engine = ctx.scriptEngine();
    auto *bridge = engine->findChild<ScriptBridge *>();
    if (!bridge) {
        bridge = new ScriptBridge(engine);
        QJSEngine::setObjectOwnership(bridge, QJSEngine::CppOwnership);
    }
    QJSValue jsContext = engine->globalObject().property(QStringLiteral("__flowscope_ctx"));
    if (!jsContext.isObject()) {
        // Made once per engine, and again if a cancel interrupted the making.
        const QJSValue factory = engine->evaluate(QString::fromLatin1(contextFactory));
        jsContext = factory.call({engine->newQObject(bridge)});
        if (engine->hasError() || !jsContext.isObject()) {
            if (engine->hasError())
                engine->catchError();
            if (!ctx.isCancelled())
                ctx.fail(QStringLiteral("the script context could not be made"));
            return;
        }
        engine->globalObject().setProperty(QStringLiteral("__flowscope_ctx"), jsContext);
    }
    QString error;
    const QJSValue fn = compiledHandler(engine, &error);
    if (fn.isUndefined()) {
        if (!ctx.isCancelled())
            ctx.fail(error);
        return;
    }
    // A cancel that came before this agent's engine existed could not interrupt it: look now.
    if (ctx.isCancelled())
        return;
    bridge->setContext(&ctx);
    const QJSValue result = fn.call({engine->toScriptValue(data), jsContext, QJSValue(slot)});
    bridge->setContext(nullptr);
    if (ctx.isCancelled()) {
        // Cancelled or failed meanwhile: the engine interrupted the handler, nothing to report.
        if (engine->hasError())
            engine->catchError();
        return;
    }
    if (engine->hasError())
        ctx.fail(describeError(engine->catchError()));
    else if (result.isError())
        ctx.fail(describeError(result));
}

} // namespace flowscope
