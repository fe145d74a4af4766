#pragma once

#include "runtime/routine.h"

namespace flowscope {

// flowscope.Fail: error injection for testing how a flow and its watchers handle failures.
class FailRoutine : public Routine
{
public:
    bool configure(const QJsonObject &config, ConfigError *error) override;
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {QStringLiteral("out")}; }
    void handle(Context &ctx, const QString &slot, const QVariant &data) const override;

private:
    QJsonValue m_probability = 1.0;
    QString m_message = QStringLiteral("injected failure");
};

} // namespace flowscope
