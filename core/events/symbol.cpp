#include "events/symbol.h"

#include <QHash>

#include <mutex>
#include <shared_mutex>

#include <deque>

namespace flowscope {

namespace {

struct SymbolTable
{
    std::shared_mutex lock;
    QHash<QString, quint32> ids;
    std::deque<QString> names{QString()}; // id 0 is the empty name; deque keeps references stable
};

SymbolTable &table()
{
    static SymbolTable t;
    return t;
}

} // namespace

Symbol Symbol::intern(QStringView text)
{
    if (text.isEmpty())
        return {};
    SymbolTable &t = table();
    const QString key = text.toString();
    {
        std::shared_lock read(t.lock);
        const auto it = t.ids.constFind(key);
        if (it != t.ids.constEnd())
            return Symbol(*it);
    }
    std::unique_lock write(t.lock);
    const auto it = t.ids.constFind(key);
    if (it != t.ids.constEnd())
        return Symbol(*it);
    const auto id = quint32(t.names.size());
    t.names.push_back(key);
    t.ids.insert(key, id);
    return Symbol(id);
}

quint32 Symbol::idLimit()
{
    SymbolTable &t = table();
    std::shared_lock read(t.lock);
    return quint32(t.names.size());
}

QString Symbol::toString() const
{
    if (m_id == 0)
        return {};
    SymbolTable &t = table();
    std::shared_lock read(t.lock);
    return m_id < t.names.size() ? t.names[m_id] : QString();
}

} // namespace flowscope
