#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace flowscope {

struct RoutineSpec
{
    QString id;
    QString className;
    QJsonObject config;
    QString agent;         // empty: the shared worker pool
    QStringList slotNames; // filled in by validation from the configured routine
    QStringList eventNames;
};

struct ConnectionSpec
{
    QString fromRoutine;
    QString fromEvent;
    QString toRoutine;
    QString toSlot;
};

// A flow as written in a flow file (Routilux DSL shape), validated.
struct FlowDefinition
{
    QString flowId;
    QString description;
    QVector<RoutineSpec> routines;
    QVector<ConnectionSpec> connections;
    int maxWorkers = 0;        // 0: engine default
    double timeoutSeconds = 0; // 0: none
    QString entryRoutine;      // used when a job names no entry
    QString entrySlot;
    QJsonObject variables; // defaults for job variables; job parameters override them
    QString source;        // file or origin it was read from

    int routineIndex(const QString &id) const;
    const RoutineSpec *routine(const QString &id) const;
    // The DSL form: {flow_id, routines:{id:{class, config, agent?}}, connections, execution, ...}
    QJsonObject toDsl() const;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::FlowDefinition)
