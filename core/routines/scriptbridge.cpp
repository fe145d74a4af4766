#include "routines/scriptbridge.h"

#include "runtime/context.h"

#include <QJSEngine>

namespace flowscope {

QString ScriptBridge::routine() const
{
    return m_context ? m_context->routineId() : QString();
}
QString ScriptBridge::slot() const
{
    return m_context ? m_context->slot() : QString();
}
QString ScriptBridge::agent() const
{
    return m_context ? m_context->agentName() : QString();
}
QString ScriptBridge::jobId() const
{
    return m_context ? m_context->jobId().toString() : QString();
}

QJSValue ScriptBridge::toScript(const QVariant &value)
{
    QJSEngine *engine = qjsEngine(this);
    return engine ? engine->toScriptValue(value) : QJSValue();
}

void ScriptBridge::emitEvent(const QString &event, const QJSValue &data)
{
    if (m_context)
        m_context->emit(event, data.isUndefined() ? QVariant() : data.toVariant());
}

QJSValue ScriptBridge::get(const QString &name, const QJSValue &fallback)
{
    if (!m_context)
        return fallback;
    const QVariant value = m_context->variable(name);
    return value.isValid() ? toScript(value) : fallback;
}

void ScriptBridge::set(const QString &name, const QJSValue &value)
{
    if (m_context)
        m_context->setVariable(name, value.toVariant());
}

double ScriptBridge::add(const QString &name, double delta)
{
    if (!m_context)
        return 0;
    return m_context
        ->updateVariables([&](QVariantMap &vars) -> QVariant {
            const double value = vars.value(name).toDouble() + delta;
            vars.insert(name, value);
            return value;
        })
        .toDouble();
}

QJSValue ScriptBridge::job(const QString &name, const QJSValue &fallback)
{
    if (!m_context)
        return fallback;
    const QVariant value = m_context->jobVariable(name);
    return value.isValid() ? toScript(value) : fallback;
}

void ScriptBridge::setJob(const QString &name, const QJSValue &value)
{
    if (m_context)
        m_context->setJobVariable(name, value.toVariant());
}

double ScriptBridge::addJob(const QString &name, double delta)
{
    if (!m_context)
        return 0;
    return m_context
        ->updateJobVariables([&](QVariantMap &vars) -> QVariant {
            const double value = vars.value(name).toDouble() + delta;
            vars.insert(name, value);
            return value;
        })
        .toDouble();
}

void ScriptBridge::progress(double value)
{
    if (m_context)
        m_context->setProgress(value);
}

void ScriptBridge::log(const QString &message)
{
    if (m_context)
        m_context->log(message);
}

bool ScriptBridge::checkpoint()
{
    return m_context && m_context->checkpoint();
}

void ScriptBridge::fail(const QString &message)
{
    if (m_context)
        m_context->fail(message);
}

} // namespace flowscope
