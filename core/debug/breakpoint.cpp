#include "debug/breakpoint.h"

#include <QRegularExpression>

namespace flowscope {

std::optional<HitCondition> HitCondition::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return HitCondition{};
    static const QRegularExpression form(QStringLiteral("^(==|>=|%)?\\s*(\\d+)$"));
    const QRegularExpressionMatch match = form.match(trimmed);
    bool ok = false;
    const quint64 n = match.hasMatch() ? match.captured(2).toULongLong(&ok) : 0;
    if (!ok || n == 0) {
        if (error)
            *error = QStringLiteral("hit condition \"%1\" is not \"== N\", \">= N\" or \"%% N\" "
                                    "with N >= 1")
                         .arg(text);
        return std::nullopt;
    }
    const QString op = match.captured(1);
    HitCondition condition;
    condition.n = n;
    condition.op = op == QLatin1String(">=")  ? Op::AtLeast
                   : op == QLatin1String("%") ? Op::Every
                                              : Op::Equal; // a bare number means "== N"
    return condition;
}

bool HitCondition::matches(quint64 hits) const
{
    switch (op) {
    case Op::Always:
        return true;
    case Op::Equal:
        return hits == n;
    case Op::AtLeast:
        return hits >= n;
    case Op::Every:
        return hits % n == 0;
    }
    return false;
}

QString breakpointKindName(Breakpoint::Kind kind)
{
    switch (kind) {
    case Breakpoint::Kind::Routine:
        return QStringLiteral("routine");
    case Breakpoint::Kind::Slot:
        return QStringLiteral("slot");
    case Breakpoint::Kind::Event:
        return QStringLiteral("event");
    }
    return {};
}

bool breakpointKindFromName(QStringView name, Breakpoint::Kind *kind)
{
    for (Breakpoint::Kind k :
         {Breakpoint::Kind::Routine, Breakpoint::Kind::Slot, Breakpoint::Kind::Event}) {
        if (name == breakpointKindName(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

} // namespace flowscope
