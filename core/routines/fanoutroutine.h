#pragma once

#include "runtime/routine.h"

namespace flowscope {

// flowscope.FanOut: one input, N outputs.
class FanOutRoutine : public Routine
{
public:
    bool configure(const QJsonObject &config, ConfigError *error) override;
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override;
    void handle(Context &ctx, const QString &slot, const QVariant &data) const override;

private:
    QJsonValue m_count = 2;
    QStringList m_events;
};

} // namespace flowscope
