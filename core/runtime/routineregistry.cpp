#include "runtime/routineregistry.h"

namespace flowscope {

QString configFieldTypeName(ConfigField::Type type)
{
    switch (type) {
    case ConfigField::Type::Number:
        return QStringLiteral("number");
    case ConfigField::Type::Integer:
        return QStringLiteral("integer");
    case ConfigField::Type::String:
        return QStringLiteral("string");
    case ConfigField::Type::Bool:
        return QStringLiteral("bool");
    case ConfigField::Type::Array:
        return QStringLiteral("array");
    case ConfigField::Type::Object:
        return QStringLiteral("object");
    case ConfigField::Type::Any:
        return QStringLiteral("any");
    }
    return {};
}

QJsonObject RoutineClass::toJson() const
{
    QJsonArray fieldsJson;
    for (const ConfigField &f : fields) {
        QJsonObject o{{QStringLiteral("name"), f.name},
                      {QStringLiteral("type"), configFieldTypeName(f.type)},
                      {QStringLiteral("required"), f.required},
                      {QStringLiteral("description"), f.description}};
        if (!f.defaultValue.isUndefined())
            o.insert(QStringLiteral("default"), f.defaultValue);
        fieldsJson.append(o);
    }
    return {{QStringLiteral("name"), name},
            {QStringLiteral("description"), description},
            {QStringLiteral("config_fields"), fieldsJson}};
}

RoutineRegistry::RoutineRegistry() = default;

void RoutineRegistry::add(RoutineClass routineClass)
{
    std::unique_lock lock(m_lock);
    m_classes.insert(routineClass.name, std::move(routineClass));
}

bool RoutineRegistry::contains(const QString &name) const
{
    std::shared_lock lock(m_lock);
    return m_classes.contains(name);
}

std::optional<RoutineClass> RoutineRegistry::find(const QString &name) const
{
    std::shared_lock lock(m_lock);
    const auto it = m_classes.constFind(name);
    if (it == m_classes.constEnd())
        return std::nullopt;
    return *it;
}

QVector<RoutineClass> RoutineRegistry::classes() const
{
    std::shared_lock lock(m_lock);
    return QVector<RoutineClass>(m_classes.cbegin(), m_classes.cend());
}

QJsonArray RoutineRegistry::toJson() const
{
    QJsonArray list;
    for (const RoutineClass &c : classes())
        list.append(c.toJson());
    return list;
}

} // namespace flowscope
