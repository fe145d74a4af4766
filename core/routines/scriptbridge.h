#pragma once

#include <QJSValue>
#include <QObject>

namespace flowscope {

class Context;

// The C++ side of the `ctx` object a Script handler receives. One per agent's JavaScript engine;
// it forwards to the Context of the activation currently running on that agent.
class ScriptBridge : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString routine READ routine)
    Q_PROPERTY(QString slot READ slot)
    Q_PROPERTY(QString agent READ agent)
    Q_PROPERTY(QString jobId READ jobId)
public:
    using QObject::QObject;

    void setContext(Context *context) { m_context = context; }

    QString routine() const;
    QString slot() const;
    QString agent() const;
    QString jobId() const;

    Q_INVOKABLE void emitEvent(const QString &event, const QJSValue &data);
    Q_INVOKABLE QJSValue get(const QString &name, const QJSValue &fallback);
    Q_INVOKABLE void set(const QString &name, const QJSValue &value);
    // Atomically adds delta to a numeric routine variable and returns the new value.
    Q_INVOKABLE double add(const QString &name, double delta);
    Q_INVOKABLE QJSValue job(const QString &name, const QJSValue &fallback);
    Q_INVOKABLE void setJob(const QString &name, const QJSValue &value);
    // Atomically adds delta to a numeric job variable and returns the new value.
    Q_INVOKABLE double addJob(const QString &name, double delta);
    Q_INVOKABLE void progress(double value);
    Q_INVOKABLE void log(const QString &message);
    Q_INVOKABLE bool checkpoint();
    Q_INVOKABLE void fail(const QString &message);

private:
    QJSValue toScript(const QVariant &value);
    Context *m_context = nullptr;
};

} // namespace flowscope
