#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace flowscope {

class Context;

// What went wrong configuring a routine: the config field and a message.
struct ConfigError
{
    QString field;
    QString message;
};

// A node of a flow. One instance per routine of a registered flow, shared by every job of it, so
// a routine keeps no per-job state in members: it uses the context's variables instead. Handlers
// may run on several agents at once.
class Routine
{
public:
    virtual ~Routine() = default;

    // Reads the flow file's config; return false with *error set to refuse it.
    virtual bool configure(const QJsonObject &config, ConfigError *error)
    {
        Q_UNUSED(config);
        Q_UNUSED(error);
        return true;
    }
    virtual QStringList slotNames() const = 0;
    virtual QStringList eventNames() const = 0;

    // Handles data arriving on a slot. Report failure with ctx.fail() or by throwing
    // std::exception; either fails the job. const: it may run on several agents at once.
    virtual void handle(Context &ctx, const QString &slot, const QVariant &data) const = 0;
};

} // namespace flowscope
