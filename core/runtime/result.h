#pragma once

#include <QString>

namespace flowscope {

// The outcome of an engine request. The kinds map onto HTTP statuses at the endpoint.
struct Status
{
    enum class Kind { Ok, NotFound, Invalid, Conflict };
    Kind kind = Kind::Ok;
    QString message;

    bool ok() const { return kind == Kind::Ok; }
    static Status success() { return {}; }
    static Status notFound(const QString &m) { return {Kind::NotFound, m}; }
    static Status invalid(const QString &m) { return {Kind::Invalid, m}; }
    static Status conflict(const QString &m) { return {Kind::Conflict, m}; }
};

} // namespace flowscope
