#pragma once

#include "debug/breakpoint.h"
#include "flow/flowdefinition.h"

#include <QVector>

namespace flowscope {

// Keeps a flow's flow-level breakpoints between sessions: next to its file as
// "<file>.breakpoints.json", or, for flows without a file of their own (the built-in demos), in
// QSettings under the flow id. Only what the user set is kept: no ids, hits or errors.
class BreakpointStore
{
public:
    // Empty when the flow has no writable file of its own.
    static QString filePathFor(const FlowDefinition &flow);
    static QVector<Breakpoint> load(const FlowDefinition &flow);
    // Returns false when the file could not be written.
    static bool save(const FlowDefinition &flow, const QVector<Breakpoint> &breakpoints);

    static QByteArray toJson(const QVector<Breakpoint> &breakpoints);
    // flowId is set on each; unknown entries are skipped.
    static QVector<Breakpoint> fromJson(const QByteArray &json, const QString &flowId);
};

} // namespace flowscope
