#pragma once

#include <QHashFunctions>
#include <QString>

namespace flowscope {

// An interned name (routine, slot, event, agent, flow). Events carry symbols instead of strings so
// that emitting one copies no string; the process-wide table turns them back into text on demand.
class Symbol
{
public:
    constexpr Symbol() = default;
    static Symbol intern(QStringView text);
    static constexpr Symbol fromId(quint32 id) { return Symbol(id); }
    // One more than the largest id handed out so far: tables indexed by id fit every symbol
    // interned before the call.
    static quint32 idLimit();

    QString toString() const;
    constexpr quint32 id() const { return m_id; }
    constexpr bool isNull() const { return m_id == 0; }

    friend constexpr bool operator==(Symbol a, Symbol b) { return a.m_id == b.m_id; }
    friend constexpr bool operator!=(Symbol a, Symbol b) { return a.m_id != b.m_id; }

private:
    constexpr explicit Symbol(quint32 id)
        : m_id(id)
    {}
    quint32 m_id = 0;
};

inline size_t qHash(Symbol s, size_t seed = 0)
{
    return ::qHash(s.id(), seed);
}

} // namespace flowscope
