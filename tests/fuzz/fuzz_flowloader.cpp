// Fuzzes the flow file parser: FlowLoader::parse over arbitrary bytes, and for every accepted
// flow the DSL round trip, which must be accepted again and be stable.
#include "flow/flowloader.h"
#include "routines/builtinroutines.h"
#include "runtime/routineregistry.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>

using namespace flowscope;

namespace {

const RoutineRegistry *registry = nullptr;

[[noreturn]] void failWith(const char *what, const QJsonObject &dsl,
                           const QVector<FlowIssue> &issues)
{
    std::fprintf(stderr, "%s\n%s\n%s\n", what,
                 QJsonDocument(dsl).toJson(QJsonDocument::Indented).constData(),
                 qPrintable(FlowLoader::describe(issues)));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // flowscope.Script compiles its handler with a QJSEngine, which wants an application object.
    static QCoreApplication app(*argc, *argv);
    static RoutineRegistry builtins;
    registerBuiltinRoutines(builtins);
    registry = &builtins;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FlowLoader loader(*registry);
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QVector<FlowIssue> issues;
    const std::optional<FlowDefinition> flow = loader.parse(json, QStringLiteral("fuzz"), &issues);
    if (!flow) {
        // A refusal must say why.
        if (issues.isEmpty())
            failWith("refused without an issue", {}, issues);
        for (const FlowIssue &issue : std::as_const(issues))
            (void)issue.toString();
        return 0;
    }
    // The engine turns the timeout into a deadline in milliseconds, a qint64.
    if (!(flow->timeoutSeconds >= 0 && flow->timeoutSeconds * 1000 < 0x1p62))
        failWith("timeout out of range", flow->toDsl(), issues);
    // What the loader accepted, written back out, must load again: the console saves flows this
    // way and the endpoint serves them in this shape.
    const QJsonObject dsl = flow->toDsl();
    QVector<FlowIssue> again;
    const std::optional<FlowDefinition> reloaded
        = loader.fromDsl(dsl, QStringLiteral("fuzz"), &again);
    if (!reloaded)
        failWith("round trip refused", dsl, again);
    if (reloaded->toDsl() != dsl)
        failWith("round trip changed the flow", dsl, again);
    return 0;
}
