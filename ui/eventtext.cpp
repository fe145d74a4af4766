#include "eventtext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QVariantList>
#include <QVariantMap>

namespace flowscope {

namespace {
constexpr int maxSummaryLength = 160;

QString valueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantMap || value.typeId() == QMetaType::QVariantList) {
        return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    }
    return value.toString();
}
} // namespace

EventText::EventText()
    // Fixed once: per-event time-zone lookups would dominate filtering large logs.
    : m_utcOffsetMs(qint64(QDateTime::currentDateTime().offsetFromUtc()) * 1000)
{}

QString EventText::column(const Event &event, EventColumn column)
{
    switch (column) {
    case EventColumn::Seq:
        return QString::number(event.seq);
    case EventColumn::Time:
        return time(event.timeNs);
    case EventColumn::Type:
        return type(event.type);
    case EventColumn::Job:
        return job(event.job);
    case EventColumn::Routine:
        return symbol(event.routine);
    case EventColumn::Port:
        return symbol(event.port);
    case EventColumn::Agent:
        return symbol(event.agent);
    case EventColumn::Duration:
        return duration(event.durationNs);
    case EventColumn::Payload:
        return payloadSummary(event.payload);
    case EventColumn::Count:
        break;
    }
    return {};
}

QString EventText::header(EventColumn column)
{
    switch (column) {
    case EventColumn::Seq:
        return tr("Seq");
    case EventColumn::Time:
        return tr("Time");
    case EventColumn::Type:
        return tr("Type");
    case EventColumn::Job:
        return tr("Job");
    case EventColumn::Routine:
        return tr("Routine");
    case EventColumn::Port:
        return tr("Slot / Event");
    case EventColumn::Agent:
        return tr("Agent");
    case EventColumn::Duration:
        return tr("Duration");
    case EventColumn::Payload:
        return tr("Payload");
    case EventColumn::Count:
        break;
    }
    return {};
}

const QString &EventText::symbol(Symbol symbol)
{
    auto it = m_symbols.find(symbol.id());
    if (it == m_symbols.end())
        it = m_symbols.insert(symbol.id(), symbol.isNull() ? QString() : symbol.toString());
    return *it;
}

const QString &EventText::job(JobId id)
{
    auto it = m_jobs.find(id.value());
    if (it == m_jobs.end())
        it = m_jobs.insert(id.value(), id.isNull() ? QString() : id.toString());
    return *it;
}

QString EventText::type(EventType type)
{
    return eventTypeName(type);
}

QString EventText::time(qint64 timeNs) const
{
    constexpr qint64 msPerDay = 24 * 3600 * 1000;
    qint64 ms = (timeNs / 1000000 + m_utcOffsetMs) % msPerDay;
    if (ms < 0)
        ms += msPerDay;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QString EventText::duration(qint64 durationNs)
{
    if (durationNs <= 0)
        return {};
    const SearchFormat::DurationUnit unit = SearchFormat::durationUnit(durationNs);
    switch (unit) {
    case SearchFormat::DurationUnit::Micros:
        return durationTemplate(unit).arg(double(durationNs) / 1000.0, 0, 'f', 1);
    case SearchFormat::DurationUnit::Millis:
        return durationTemplate(unit).arg(double(durationNs) / 1e6, 0, 'f', 1);
    case SearchFormat::DurationUnit::Seconds:
        break;
    }
    return durationTemplate(unit).arg(double(durationNs) / 1e9, 0, 'f', 2);
}

QString EventText::durationTemplate(SearchFormat::DurationUnit unit)
{
    switch (unit) {
    case SearchFormat::DurationUnit::Micros:
        return tr("%1 µs");
    case SearchFormat::DurationUnit::Millis:
        return tr("%1 ms");
    case SearchFormat::DurationUnit::Seconds:
        break;
    }
    return tr("%1 s");
}

QString EventText::payloadSummary(const QVariant &payload)
{
    if (!payload.isValid() || payload.isNull())
        return {};
    QString text;
    if (payload.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = payload.toMap();
        for (auto it = map.cbegin(); it != map.cend() && text.size() < maxSummaryLength; ++it) {
            if (!text.isEmpty())
                text += QLatin1String(", ");
            text += it.key() + QLatin1Char('=') + valueText(it.value());
        }
    } else {
        text = valueText(payload);
    }
    if (text.size() > maxSummaryLength)
        text = text.left(maxSummaryLength - 1) + QChar(0x2026);
    return text;
}

} // namespace flowscope
