#include "flow/flowloader.h"

#include "runtime/routineregistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace flowscope {

namespace {

// Bounded so that a job's deadline in milliseconds fits a qint64.
constexpr qint64 maxTimeoutSeconds = 1'000'000'000; // about 31 years

const QStringList topLevelKeys
    = {QStringLiteral("flow_id"),     QStringLiteral("description"), QStringLiteral("routines"),
       QStringLiteral("connections"), QStringLiteral("execution"),   QStringLiteral("entry"),
       QStringLiteral("variables"),   QStringLiteral("version")};
const QStringList routineKeys
    = {QStringLiteral("class"), QStringLiteral("class_name"), QStringLiteral("config"),
       QStringLiteral("agent"), QStringLiteral("description")};

bool isIdentifier(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.\\-]*$"));
    return re.match(s).hasMatch();
}

bool isVariableReference(const QJsonValue &v)
{
    return v.isString() && v.toString().startsWith(QLatin1Char('$')) && v.toString().size() > 1;
}

bool hasType(const QJsonValue &v, ConfigField::Type type)
{
    switch (type) {
    case ConfigField::Type::Number:
        return v.isDouble() || isVariableReference(v);
    case ConfigField::Type::Integer: {
        // No cast to an integer type: a double beyond its range (1e300) is undefined behaviour.
        const double d = v.toDouble();
        return (v.isDouble() && std::abs(d) < 0x1p63 && std::trunc(d) == d)
               || isVariableReference(v);
    }
    case ConfigField::Type::String:
        return v.isString();
    case ConfigField::Type::Bool:
        return v.isBool();
    case ConfigField::Type::Array:
        return v.isArray();
    case ConfigField::Type::Object:
        return v.isObject();
    case ConfigField::Type::Any:
        return true;
    }
    return false;
}

// Splits "routine.port" at the last dot (routine ids may contain dots, ports may not).
bool splitEndpoint(const QString &text, QString *routine, QString *port)
{
    const int dot = text.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == text.size() - 1)
        return false;
    *routine = text.left(dot);
    *port = text.mid(dot + 1);
    return true;
}

class Checker
{
public:
    Checker(const QString &source, QVector<FlowIssue> *issues)
        : m_source(source)
        , m_issues(issues)
    {}
    void add(const QString &routine, const QString &field, const QString &message)
    {
        m_failed = true;
        if (m_issues)
            m_issues->push_back({m_source, routine, field, message});
    }
    bool failed() const { return m_failed; }

private:
    QString m_source;
    QVector<FlowIssue> *m_issues;
    bool m_failed = false;
};

void checkUnknownKeys(Checker &check, const QJsonObject &o, const QStringList &known,
                      const QString &routine, const QString &path)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key())) {
            check.add(routine, path + it.key(),
                      QStringLiteral("unknown field (accepted: %1)")
                          .arg(known.join(QLatin1String(", "))));
        }
    }
}

void checkConfig(Checker &check, const RoutineClass &cls, const QJsonObject &config,
                 const QString &routine, const QString &path)
{
    QStringList accepted;
    for (const ConfigField &f : cls.fields)
        accepted << f.name;
    for (auto it = config.begin(); it != config.end(); ++it) {
        const ConfigField *field = nullptr;
        for (const ConfigField &f : cls.fields) {
            if (f.name == it.key())
                field = &f;
        }
        if (!field) {
            check.add(routine, path + it.key(),
                      QStringLiteral("%1 has no config field '%2' (accepted: %3)")
                          .arg(cls.name, it.key(), accepted.join(QLatin1String(", "))));
        } else if (!hasType(it.value(), field->type)) {
            check.add(routine, path + it.key(),
                      QStringLiteral("must be of type %1").arg(configFieldTypeName(field->type)));
        }
    }
    for (const ConfigField &f : cls.fields) {
        if (f.required && !config.contains(f.name))
            check.add(routine, path + f.name, QStringLiteral("required by %1").arg(cls.name));
    }
}

QString lineAndColumn(const QByteArray &text, int offset)
{
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

} // namespace

QString FlowIssue::toString() const
{
    QString where = source.isEmpty() ? QStringLiteral("flow") : source;
    if (!routine.isEmpty())
        where += QStringLiteral(": routine '%1'").arg(routine);
    if (!field.isEmpty())
        where += QStringLiteral(": field '%1'").arg(field);
    return where + QStringLiteral(": ") + message;
}

FlowLoader::FlowLoader(const RoutineRegistry &registry)
    : m_registry(registry)
{}

QString FlowLoader::describe(const QVector<FlowIssue> &issues)
{
    QStringList lines;
    for (const FlowIssue &issue : issues)
        lines << issue.toString();
    return lines.join(QLatin1Char('\n'));
}

std::optional<FlowDefinition> FlowLoader::loadFile(const QString &path,
                                                   QVector<FlowIssue> *issues) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (issues)
            issues->push_back(
                {path, {}, {}, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return std::nullopt;
    }
    return parse(file.readAll(), path, issues);
}

std::optional<FlowDefinition> FlowLoader::parse(const QByteArray &json, const QString &source,
                                                QVector<FlowIssue> *issues) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        if (issues) {
            issues->push_back({source,
                               {},
                               {},
                               QStringLiteral("not valid JSON at %1: %2")
                                   .arg(lineAndColumn(json, error.offset), error.errorString())});
        }
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (issues)
            issues->push_back({source, {}, {}, QStringLiteral("a flow must be a JSON object")});
        return std::nullopt;
    }
    return fromDsl(doc.object(), source, issues);
}

std::optional<FlowDefinition> FlowLoader::fromDsl(const QJsonObject &dsl, const QString &source,
                                                  QVector<FlowIssue> *issues) const
{
    Checker check(source, issues);
    FlowDefinition flow;
    flow.source = source;
    checkUnknownKeys(check, dsl, topLevelKeys, {}, {});

    const QJsonValue id = dsl.value(QLatin1String("flow_id"));
    if (!id.isString() || !isIdentifier(id.toString()))
        check.add({}, QStringLiteral("flow_id"),
                  QStringLiteral("required: a name of letters, digits, '_', '.' or '-'"));
    flow.flowId = id.toString();
    flow.description = dsl.value(QLatin1String("description")).toString();

    const QJsonValue routines = dsl.value(QLatin1String("routines"));
    if (!routines.isObject() || routines.toObject().isEmpty())
        check.add({}, QStringLiteral("routines"),
                  QStringLiteral("required: an object of routines"));
    const QJsonObject routinesObject = routines.toObject();
    for (auto it = routinesObject.begin(); it != routinesObject.end(); ++it) {
        const QString rid = it.key();
        const QString path = QStringLiteral("routines.%1.").arg(rid);
        if (!isIdentifier(rid) || rid.contains(QLatin1Char('.')))
            check.add(rid, QStringLiteral("routines.%1").arg(rid),
                      QStringLiteral("routine ids are letters, digits, '_' or '-'"));
        if (!it.value().isObject()) {
            check.add(rid, path.chopped(1), QStringLiteral("must be an object with a 'class'"));
            continue;
        }
        const QJsonObject r = it.value().toObject();
        checkUnknownKeys(check, r, routineKeys, rid, path);
        RoutineSpec spec;
        spec.id = rid;
        spec.className = r.value(QLatin1String("class"))
                             .toString(r.value(QLatin1String("class_name")).toString());
        spec.agent = r.value(QLatin1String("agent")).toString();
        if (r.contains(QLatin1String("agent")) && !isIdentifier(spec.agent))
            check.add(rid, path + QStringLiteral("agent"), QStringLiteral("must be a name"));
        const QJsonValue config = r.value(QLatin1String("config"));
        if (!config.isUndefined() && !config.isObject())
            check.add(rid, path + QStringLiteral("config"), QStringLiteral("must be an object"));
        spec.config = config.toObject();
        const std::optional<RoutineClass> cls = m_registry.find(spec.className);
        if (!cls) {
            QStringList known;
            for (const RoutineClass &c : m_registry.classes())
                known << c.name;
            check.add(rid, path + QStringLiteral("class"),
                      spec.className.isEmpty()
                          ? QStringLiteral("required")
                          : QStringLiteral("unknown class '%1' (known: %2)")
                                .arg(spec.className, known.join(QLatin1String(", "))));
            flow.routines.push_back(spec);
            continue;
        }
        checkConfig(check, *cls, spec.config, rid, path + QStringLiteral("config."));
        std::unique_ptr<Routine> routine = cls->create();
        ConfigError configError;
        if (!routine->configure(spec.config, &configError)) {
            check.add(rid,
                      path + QStringLiteral("config")
                          + (configError.field.isEmpty() ? QString()
                                                         : QLatin1Char('.') + configError.field),
                      configError.message);
        }
        spec.slotNames = routine->slotNames();
        spec.eventNames = routine->eventNames();
        // "routine.port" is split at the last dot, so a port with a dot could be connected in
        // the long form but not written back out (toDsl) or named as the entry.
        for (const QString &port : spec.slotNames + spec.eventNames) {
            if (port.contains(QLatin1Char('.')))
                check.add(
                    rid, path + QStringLiteral("config"),
                    QStringLiteral("slot and event names cannot contain '.': '%1'").arg(port));
        }
        flow.routines.push_back(spec);
    }

    const QJsonValue connections = dsl.value(QLatin1String("connections"));
    if (!connections.isUndefined() && !connections.isArray())
        check.add({}, QStringLiteral("connections"), QStringLiteral("must be an array"));
    const QJsonArray connectionArray = connections.toArray();
    for (int i = 0; i < connectionArray.size(); ++i) {
        const QString path = QStringLiteral("connections[%1]").arg(i);
        const QJsonObject c = connectionArray[i].toObject();
        ConnectionSpec spec;
        bool shaped = false;
        if (c.contains(QLatin1String("from"))) {
            shaped = splitEndpoint(c.value(QLatin1String("from")).toString(), &spec.fromRoutine,
                                   &spec.fromEvent)
                     && splitEndpoint(c.value(QLatin1String("to")).toString(), &spec.toRoutine,
                                      &spec.toSlot);
        } else {
            spec.fromRoutine = c.value(QLatin1String("source_routine")).toString();
            spec.fromEvent = c.value(QLatin1String("source_event")).toString();
            spec.toRoutine = c.value(QLatin1String("target_routine")).toString();
            spec.toSlot = c.value(QLatin1String("target_slot")).toString();
            shaped = !spec.fromRoutine.isEmpty() && !spec.fromEvent.isEmpty()
                     && !spec.toRoutine.isEmpty() && !spec.toSlot.isEmpty();
        }
        if (!shaped) {
            check.add(
                {}, path,
                QStringLiteral("must be {\"from\": \"routine.event\", \"to\": \"routine.slot\"}"));
            continue;
        }
        const RoutineSpec *from = flow.routine(spec.fromRoutine);
        const RoutineSpec *to = flow.routine(spec.toRoutine);
        if (!from)
            check.add({}, path + QStringLiteral(".from"),
                      QStringLiteral("no routine '%1'").arg(spec.fromRoutine));
        else if (!from->className.isEmpty() && m_registry.contains(from->className)
                 && !from->eventNames.contains(spec.fromEvent))
            check.add(
                from->id, path + QStringLiteral(".from"),
                QStringLiteral("'%1' has no event '%2' (events: %3)")
                    .arg(from->id, spec.fromEvent, from->eventNames.join(QLatin1String(", "))));
        if (!to)
            check.add({}, path + QStringLiteral(".to"),
                      QStringLiteral("no routine '%1'").arg(spec.toRoutine));
        else if (!to->className.isEmpty() && m_registry.contains(to->className)
                 && !to->slotNames.contains(spec.toSlot))
            check.add(to->id, path + QStringLiteral(".to"),
                      QStringLiteral("'%1' has no slot '%2' (slots: %3)")
                          .arg(to->id, spec.toSlot, to->slotNames.join(QLatin1String(", "))));
        flow.connections.push_back(spec);
    }

    const QJsonValue execution = dsl.value(QLatin1String("execution"));
    if (!execution.isUndefined()) {
        const QJsonObject e = execution.toObject();
        if (!execution.isObject())
            check.add({}, QStringLiteral("execution"), QStringLiteral("must be an object"));
        checkUnknownKeys(
            check, e,
            {QStringLiteral("max_workers"), QStringLiteral("timeout"), QStringLiteral("strategy")},
            {}, QStringLiteral("execution."));
        const QJsonValue workers = e.value(QLatin1String("max_workers"));
        if (!workers.isUndefined() && (!workers.isDouble() || workers.toInt(-1) < 0))
            check.add({}, QStringLiteral("execution.max_workers"),
                      QStringLiteral("must be a whole number >= 0"));
        flow.maxWorkers = workers.toInt();
        const QJsonValue timeout = e.value(QLatin1String("timeout"));
        if (!timeout.isUndefined()
            && (!timeout.isDouble() || timeout.toDouble() < 0
                || timeout.toDouble() > maxTimeoutSeconds))
            check.add({}, QStringLiteral("execution.timeout"),
                      QStringLiteral("must be seconds >= 0 and <= %1").arg(maxTimeoutSeconds));
        flow.timeoutSeconds = timeout.toDouble();
    }

    const QJsonValue variables = dsl.value(QLatin1String("variables"));
    if (!variables.isUndefined() && !variables.isObject())
        check.add({}, QStringLiteral("variables"), QStringLiteral("must be an object"));
    flow.variables = variables.toObject();

    const QJsonValue entry = dsl.value(QLatin1String("entry"));
    if (!entry.isUndefined()) {
        const RoutineSpec *r = nullptr;
        if (!entry.isString()
            || !splitEndpoint(entry.toString(), &flow.entryRoutine, &flow.entrySlot))
            check.add({}, QStringLiteral("entry"), QStringLiteral("must be \"routine.slot\""));
        else if (!(r = flow.routine(flow.entryRoutine)))
            check.add({}, QStringLiteral("entry"),
                      QStringLiteral("no routine '%1'").arg(flow.entryRoutine));
        else if (!r->slotNames.isEmpty() && !r->slotNames.contains(flow.entrySlot))
            check.add(r->id, QStringLiteral("entry"),
                      QStringLiteral("'%1' has no slot '%2' (slots: %3)")
                          .arg(r->id, flow.entrySlot, r->slotNames.join(QLatin1String(", "))));
    } else {
        // No entry named: the one routine nothing connects into, if there is exactly one.
        QSet<QString> targets;
        for (const ConnectionSpec &c : flow.connections)
            targets.insert(c.toRoutine);
        const RoutineSpec *only = nullptr;
        int sources = 0;
        for (const RoutineSpec &r : flow.routines) {
            if (!targets.contains(r.id)) {
                only = &r;
                ++sources;
            }
        }
        if (sources == 1 && only->slotNames.size() == 1) {
            flow.entryRoutine = only->id;
            flow.entrySlot = only->slotNames.first();
        }
    }

    if (check.failed())
        return std::nullopt;
    return flow;
}

} // namespace flowscope
