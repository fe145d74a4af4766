#pragma once

#include "flow/flowdefinition.h"

#include <QByteArray>
#include <QJsonObject>
#include <QVector>

#include <optional>

namespace flowscope {

class RoutineRegistry;

// One thing wrong with a flow file: where (file, routine, field) and what.
struct FlowIssue
{
    QString source;
    QString routine; // empty when the issue is not about one routine
    QString field;   // JSON path inside the flow, e.g. "routines.probe.config.duration_ms"
    QString message;

    QString toString() const;
};

// Parses and validates flow files against the routine classes a registry knows: unknown
// classes, config fields of the wrong type, connections naming missing routines, slots or
// events are refused with their place.
class FlowLoader
{
public:
    explicit FlowLoader(const RoutineRegistry &registry);

    std::optional<FlowDefinition> parse(const QByteArray &json, const QString &source,
                                        QVector<FlowIssue> *issues) const;
    std::optional<FlowDefinition> fromDsl(const QJsonObject &dsl, const QString &source,
                                          QVector<FlowIssue> *issues) const;
    std::optional<FlowDefinition> loadFile(const QString &path, QVector<FlowIssue> *issues) const;

    static QString describe(const QVector<FlowIssue> &issues);

private:
    const RoutineRegistry &m_registry;
};

} // namespace flowscope
