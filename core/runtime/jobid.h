#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

namespace flowscope {

// A job's identity: 64 bits, written "iiiiiiii-nnnnnnnn" in hex (engine instance, counter), so it
// is unique across engine restarts and costs nothing to copy into every event.
class JobId
{
public:
    constexpr JobId() = default;
    constexpr explicit JobId(quint64 value)
        : m_value(value)
    {}

    static JobId fromString(QStringView text, bool *ok = nullptr);
    QString toString() const;

    constexpr quint64 value() const { return m_value; }
    constexpr bool isNull() const { return m_value == 0; }

    friend constexpr bool operator==(JobId a, JobId b) { return a.m_value == b.m_value; }
    friend constexpr bool operator!=(JobId a, JobId b) { return a.m_value != b.m_value; }
    friend constexpr bool operator<(JobId a, JobId b) { return a.m_value < b.m_value; }

private:
    quint64 m_value = 0;
};

inline size_t qHash(JobId id, size_t seed = 0)
{
    return ::qHash(id.value(), seed);
}

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::JobId)
