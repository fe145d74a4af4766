#pragma once

#include "runtime/routine.h"

#include <QJsonArray>
#include <QMap>

#include <mutex>
#include <shared_mutex>

#include <functional>
#include <memory>

namespace flowscope {

// A config field a routine class accepts, for validation and for GET /api/classes.
struct ConfigField
{
    enum class Type { Number, Integer, String, Bool, Array, Object, Any };
    QString name;
    Type type = Type::Any;
    bool required = false;
    QString description;
    // Number and Integer fields may also be "$name": the job variable of that name, read at run
    // time (see Context::resolve).
    QJsonValue defaultValue;
};

struct RoutineClass
{
    QString name;
    QString description;
    QVector<ConfigField> fields;
    std::function<std::unique_ptr<Routine>()> create;

    QJsonObject toJson() const;
};

// Routine classes by name. The built-ins are registered by registerBuiltinRoutines(); an
// embedding program adds its own C++ classes with add() or addClass<T>().
class RoutineRegistry
{
public:
    RoutineRegistry();

    void add(RoutineClass routineClass);
    template<class T>
    void addClass(const QString &name, const QString &description = {},
                  QVector<ConfigField> fields = {})
    {
        add({name, description, std::move(fields), [] { return std::make_unique<T>(); }});
    }

    bool contains(const QString &name) const;
    std::optional<RoutineClass> find(const QString &name) const;
    QVector<RoutineClass> classes() const;
    QJsonArray toJson() const;

private:
    mutable std::shared_mutex m_lock;
    QMap<QString, RoutineClass> m_classes;
};

QString configFieldTypeName(ConfigField::Type type);

} // namespace flowscope
