#include "routetable.h"

namespace flowscope {

void RouteTable::add(const QString &method, const QString &pattern)
{
    QString expression = QRegularExpression::escape(pattern);
    expression.replace(QRegularExpression::escape(QStringLiteral("<arg>")),
                       QStringLiteral("[^/]+"));
    m_entries.append(
        {method, pattern, QRegularExpression(QRegularExpression::anchoredPattern(expression))});
}

QStringList RouteTable::methodsFor(const QString &path) const
{
    QStringList methods;
    for (const Entry &entry : m_entries) {
        if (!methods.contains(entry.method) && entry.path.match(path).hasMatch())
            methods.append(entry.method);
    }
    methods.sort();
    return methods;
}

QList<QPair<QString, QString>> RouteTable::routes() const
{
    QList<QPair<QString, QString>> list;
    for (const Entry &entry : m_entries)
        list.append({entry.method, entry.pattern});
    return list;
}

} // namespace flowscope
