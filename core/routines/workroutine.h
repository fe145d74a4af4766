#pragma once

#include "runtime/routine.h"

namespace flowscope {

// flowscope.Work: sleeps through its duration in steps, a checkpoint at each short slice so that
// pause and cancel act within milliseconds.
class WorkRoutine : public Routine
{
public:
    bool configure(const QJsonObject &config, ConfigError *error) override;
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {QStringLiteral("out")}; }
    void handle(Context &ctx, const QString &slot, const QVariant &data) const override;

private:
    QJsonValue m_duration = 1000;
    QJsonValue m_steps = 10;
    bool m_emitEachStep = false;
    bool m_jobProgress = false;
    QVariantMap m_result;

    QVariant output(const QVariant &data, int step, int steps) const;
};

} // namespace flowscope
