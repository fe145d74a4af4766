#pragma once

#include "accesspolicy.h"
#include "protocol/messages.h"

#include <QHash>

#include <functional>

namespace flowscope {

class Engine;

// The console protocol's commands (docs/protocol.md, "Commands"): each EngineClient request by
// name, its arguments checked, run on the thread-safe Engine, answered with one reply. Commands
// that change the engine need AccessRole::Control; from a read-only caller they fail with
// "forbidden" before anything runs.
class ConsoleCommands
{
public:
    explicit ConsoleCommands(Engine *engine);

    Protocol::Reply run(const Protocol::Command &command, AccessRole role) const;
    bool exists(const QString &name) const { return m_commands.contains(name); }
    bool needsControl(const QString &name) const;

private:
    // Fills *result, or returns false after args.fail(...) / *failure for the engine's refusal.
    struct Failure
    {
        QString code;
        QString message;
    };
    using Handler = std::function<bool(const FieldReader &args, QCborMap *result, Failure *)>;
    struct Entry
    {
        bool control;
        Handler handler;
    };

    void addJobCommands();
    void addDebugCommands();
    void addHealthCommands();
    void add(const char *name, bool control, Handler handler);

    Engine *m_engine;
    QHash<QString, Entry> m_commands;
};

} // namespace flowscope
