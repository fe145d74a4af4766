#include "report/reporttext.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace flowscope {

namespace ReportText {

QString duration(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    const auto two = [](qint64 v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(two(s % 60));
    if (s < 86400)
        return QStringLiteral("%1 h %2 min").arg(s / 3600).arg(two(s % 3600 / 60));
    return QStringLiteral("%1 d %2 h").arg(s / 86400).arg(two(s % 86400 / 3600));
}

QString milliseconds(double ms)
{
    const int decimals = ms < 10 ? 2 : ms < 1000 ? 1 : 0;
    return QString::number(ms, 'f', decimals);
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(fraction * 100.0, 0, 'f', 1);
}

QString number(double value)
{
    QString text = QString::number(value, 'f', 3);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QString isoTime(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

double beatFraction(const AgentHealth &agent, int failedThresholdMs)
{
    if (failedThresholdMs <= 0)
        return 1;
    return std::clamp(double(agent.beatAgeMs) / double(failedThresholdMs), 0.0, 1.0);
}

int filledCells(double fraction, int width)
{
    return std::clamp(int(std::lround(fraction * width)), 0, width);
}

QString bar(double fraction, int width)
{
    const int filled = filledCells(fraction, width);
    return QString(filled, QChar(0x2588)) + QString(width - filled, QChar(0x2591));
}

QString stateLabel(HealthState state)
{
    return healthStateName(state).toUpper();
}

QString stateColor(HealthState state)
{
    switch (state) {
    case HealthState::Healthy:
        return QStringLiteral("#2e7d32");
    case HealthState::Degraded:
        return QStringLiteral("#f9a825");
    case HealthState::Critical:
        return QStringLiteral("#ef6c00");
    case HealthState::Failed:
        return QStringLiteral("#c62828");
    }
    return QStringLiteral("#757575");
}

QString levelColor(AlertLevel level)
{
    switch (level) {
    case AlertLevel::Info:
        return QStringLiteral("#1565c0");
    case AlertLevel::Warning:
        return QStringLiteral("#f9a825");
    case AlertLevel::Critical:
        return QStringLiteral("#c62828");
    }
    return QStringLiteral("#757575");
}

} // namespace ReportText

} // namespace flowscope
