#pragma once

#include "runtime/routine.h"

namespace flowscope {

// flowscope.Join: collects inputs in the routine's variables until it has enough, then emits them.
class JoinRoutine : public Routine
{
public:
    bool configure(const QJsonObject &config, ConfigError *error) override;
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {QStringLiteral("out")}; }
    void handle(Context &ctx, const QString &slot, const QVariant &data) const override;

private:
    QJsonValue m_count = 0;
};

} // namespace flowscope
