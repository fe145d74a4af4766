#pragma once

#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace flowscope {

// The paths and methods the endpoint serves. QtHttpServer 6.4 sends a method mismatch to the
// missing handler like an unknown path; this table lets that handler answer 405 (with Allow)
// for a known path and 404 otherwise.
class RouteTable
{
public:
    // pattern: a QtHttpServer path, "<arg>" standing for one path segment.
    void add(const QString &method, const QString &pattern);
    // The methods served on this path, sorted; empty for an unknown path.
    QStringList methodsFor(const QString &path) const;
    // Every (method, pattern) as added, in that order: what the server really serves.
    QList<QPair<QString, QString>> routes() const;

private:
    struct Entry
    {
        QString method;
        QString pattern;
        QRegularExpression path;
    };
    QList<Entry> m_entries;
};

} // namespace flowscope
