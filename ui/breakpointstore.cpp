#include "breakpointstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSettings>

namespace flowscope {

namespace {
QString settingsKey(const QString &flowId)
{
    return QStringLiteral("breakpoints/") + flowId;
}
} // namespace

QString BreakpointStore::filePathFor(const FlowDefinition &flow)
{
    // Resources (":/flows/...") and sources that are not files have nowhere to keep a neighbour.
    if (flow.source.isEmpty() || flow.source.startsWith(QLatin1Char(':')))
        return {};
    const QFileInfo info(flow.source);
    if (!info.isFile())
        return {};
    return info.absoluteFilePath() + QLatin1String(".breakpoints.json");
}

QVector<Breakpoint> BreakpointStore::load(const FlowDefinition &flow)
{
    const QString path = filePathFor(flow);
    if (path.isEmpty())
        return fromJson(QSettings().value(settingsKey(flow.flowId)).toByteArray(), flow.flowId);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return fromJson(file.readAll(), flow.flowId);
}

bool BreakpointStore::save(const FlowDefinition &flow, const QVector<Breakpoint> &breakpoints)
{
    const QString path = filePathFor(flow);
    if (path.isEmpty()) {
        QSettings settings;
        if (breakpoints.isEmpty())
            settings.remove(settingsKey(flow.flowId));
        else
            settings.setValue(settingsKey(flow.flowId), toJson(breakpoints));
        return true;
    }
    if (breakpoints.isEmpty() && !QFileInfo::exists(path))
        return true; // no clutter next to flows that never had a breakpoint
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(toJson(breakpoints));
    return file.commit();
}

QByteArray BreakpointStore::toJson(const QVector<Breakpoint> &breakpoints)
{
    QJsonArray list;
    for (const Breakpoint &bp : breakpoints) {
        QJsonObject o{{QStringLiteral("type"), breakpointKindName(bp.kind)},
                      {QStringLiteral("routine"), bp.routine},
                      {QStringLiteral("enabled"), bp.enabled}};
        if (bp.kind == Breakpoint::Kind::Slot)
            o.insert(QStringLiteral("slot"), bp.port);
        else if (bp.kind == Breakpoint::Kind::Event)
            o.insert(QStringLiteral("event"), bp.port);
        if (!bp.condition.isEmpty())
            o.insert(QStringLiteral("condition"), bp.condition);
        if (!bp.hitCondition.isEmpty())
            o.insert(QStringLiteral("hit_condition"), bp.hitCondition);
        if (!bp.logMessage.isEmpty())
            o.insert(QStringLiteral("log_message"), bp.logMessage);
        list.append(o);
    }
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}

QVector<Breakpoint> BreakpointStore::fromJson(const QByteArray &json, const QString &flowId)
{
    QVector<Breakpoint> result;
    const QJsonArray list = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &value : list) {
        const QJsonObject o = value.toObject();
        Breakpoint bp;
        bp.flowId = flowId;
        if (!breakpointKindFromName(o.value(QStringLiteral("type")).toString(), &bp.kind))
            continue;
        bp.routine = o.value(QStringLiteral("routine")).toString();
        if (bp.kind == Breakpoint::Kind::Slot)
            bp.port = o.value(QStringLiteral("slot")).toString();
        else if (bp.kind == Breakpoint::Kind::Event)
            bp.port = o.value(QStringLiteral("event")).toString();
        if (bp.routine.isEmpty() || (bp.kind != Breakpoint::Kind::Routine && bp.port.isEmpty()))
            continue;
        bp.condition = o.value(QStringLiteral("condition")).toString();
        bp.hitCondition = o.value(QStringLiteral("hit_condition")).toString();
        bp.logMessage = o.value(QStringLiteral("log_message")).toString();
        bp.enabled = o.value(QStringLiteral("enabled")).toBool(true);
        result.append(bp);
    }
    return result;
}

} // namespace flowscope
