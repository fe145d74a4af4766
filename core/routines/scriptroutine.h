#pragma once

#include "runtime/routine.h"

#include <QJSValue>

class QJSEngine;

namespace flowscope {

// flowscope.Script: a routine written in JavaScript, run by the agent thread's own QJSEngine
// (plain ECMAScript: no file, network or Qt access).
class ScriptRoutine : public Routine
{
public:
    ScriptRoutine();

    bool configure(const QJsonObject &config, ConfigError *error) override;
    QStringList slotNames() const override { return m_slots; }
    QStringList eventNames() const override { return m_events; }
    void handle(Context &ctx, const QString &slot, const QVariant &data) const override;

private:
    QJSValue compiledHandler(QJSEngine *engine, QString *error) const;

    const quint64 m_serial; // names this routine's compiled handler inside each engine
    QString m_source;
    QStringList m_slots{QStringLiteral("in")};
    QStringList m_events{QStringLiteral("out")};
};

} // namespace flowscope
