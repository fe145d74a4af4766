#include "eventlogmodel.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>

#include <algorithm>
#include <vector>

namespace flowscope {

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ring(capacity)
{}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(EventColumn::Count);
}

const Event &EventLogModel::eventAt(int row) const
{
    return m_ring.at(m_rows[size_t(row)]);
}

int EventLogModel::rowForSeq(quint64 seq) const
{
    // Rows are in sequence order.
    const auto it
        = std::lower_bound(m_rows.begin(), m_rows.end(), seq,
                           [this](quint64 index, quint64 s) { return m_ring.at(index).seq < s; });
    return it != m_rows.end() && m_ring.at(*it).seq == seq ? int(it - m_rows.begin()) : -1;
}

quint64 EventLogModel::seqAt(int row) const
{
    return eventAt(row).seq;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Event &event = eventAt(index.row());
    const auto column = EventColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return m_text.column(event, column);
    case Qt::ToolTipRole:
        if (column == EventColumn::Payload && event.payload.isValid())
            return QString::fromUtf8(QJsonDocument::fromVariant(event.payload).toJson());
        return {};
    case Qt::TextAlignmentRole:
        if (column == EventColumn::Seq || column == EventColumn::Duration)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (event.status == EventStatus::Error)
            return QBrush(QColor(0xc0, 0x20, 0x20));
        if (event.status == EventStatus::Cancelled)
            return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return EventText::header(EventColumn(section));
}

void EventLogModel::appendEvents(const QVector<Event> &events)
{
    if (events.isEmpty())
        return;
    // A batch larger than the ring keeps only its newest events.
    const int first = std::max(0, int(events.size()) - m_ring.capacity());
    const int incoming = int(events.size()) - first;

    const int overflow = m_ring.size() + incoming - m_ring.capacity();
    if (overflow > 0) {
        const quint64 newFirst = m_ring.firstIndex() + quint64(overflow);
        const auto keep = std::lower_bound(m_rows.begin(), m_rows.end(), newFirst);
        const int removedRows = int(keep - m_rows.begin());
        if (removedRows > 0) {
            beginRemoveRows({}, 0, removedRows - 1);
            m_rows.erase(m_rows.begin(), keep);
            m_ring.dropOldest(overflow);
            endRemoveRows();
        } else {
            m_ring.dropOldest(overflow);
        }
    }

    std::vector<quint64> added;
    bool namesChangedInBatch = false;
    for (int i = first; i < events.size(); ++i) {
        const Event &event = events.at(i);
        const quint64 index = m_ring.endIndex();
        m_ring.append(event);
        rememberNames(event, &namesChangedInBatch);
        if (matches(event))
            added.push_back(index);
    }
    if (!added.empty()) {
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row + int(added.size()) - 1);
        m_rows.insert(m_rows.end(), added.begin(), added.end());
        endInsertRows();
    }
    if (namesChangedInBatch)
        Q_EMIT namesChanged();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_ring.clear();
    endResetModel();
}

void EventLogModel::setFilter(const EventLogFilter &filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    m_symbolMatches.clear();
    m_jobMatches.clear();
    for (int t = 0; t < eventTypeCount; ++t) {
        m_typeMatches[size_t(t)]
            = EventText::type(EventType(t)).contains(m_filter.text, Qt::CaseInsensitive);
    }
    m_rows.clear();
    for (quint64 i = m_ring.firstIndex(); i < m_ring.endIndex(); ++i) {
        if (matches(m_ring.at(i)))
            m_rows.push_back(i);
    }
    endResetModel();
}

QStringList EventLogModel::agentNames() const
{
    QStringList names;
    for (Symbol s : m_agents)
        names.append(m_text.symbol(s));
    names.sort();
    return names;
}

QStringList EventLogModel::routineNames() const
{
    QStringList names;
    for (Symbol s : m_routines)
        names.append(m_text.symbol(s));
    names.sort();
    return names;
}

bool EventLogModel::matches(const Event &event)
{
    return m_filter.matchesFields(event) && (m_filter.text.isEmpty() || textMatches(event));
}

bool EventLogModel::textMatches(const Event &event)
{
    // Cached columns first; the formatted ones only when those fail.
    if (m_typeMatches[size_t(event.type)] || symbolMatches(event.routine)
        || symbolMatches(event.port) || symbolMatches(event.agent)) {
        return true;
    }
    auto job = m_jobMatches.find(event.job.value());
    if (job == m_jobMatches.end()) {
        job = m_jobMatches.insert(
            event.job.value(), m_text.job(event.job).contains(m_filter.text, Qt::CaseInsensitive));
    }
    if (*job)
        return true;
    for (EventColumn column :
         {EventColumn::Seq, EventColumn::Time, EventColumn::Duration, EventColumn::Payload}) {
        if (m_text.column(event, column).contains(m_filter.text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool EventLogModel::symbolMatches(Symbol symbol)
{
    auto it = m_symbolMatches.find(symbol.id());
    if (it == m_symbolMatches.end()) {
        it = m_symbolMatches.insert(
            symbol.id(), m_text.symbol(symbol).contains(m_filter.text, Qt::CaseInsensitive));
    }
    return *it;
}

void EventLogModel::rememberNames(const Event &event, bool *changed)
{
    if (!event.agent.isNull() && !m_agents.contains(event.agent)) {
        m_agents.insert(event.agent);
        *changed = true;
    }
    if (!event.routine.isNull() && !m_routines.contains(event.routine)) {
        m_routines.insert(event.routine);
        *changed = true;
    }
}

} // namespace flowscope
