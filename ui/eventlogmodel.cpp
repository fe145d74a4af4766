#include "eventlogmodel.h"

#include "eventfiltertask.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QPalette>

#include <algorithm>
#include <limits>

namespace flowscope {

struct EventLogModel::PendingFilter
{
    EventMatcher matcher;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};

namespace {
constexpr quint64 maxRows = quint64(std::numeric_limits<int>::max());

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}
} // namespace

EventLogModel::EventLogModel(quint64 capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(std::min(capacity, maxRows))
{}

EventLogModel::~EventLogModel()
{
    cancelPending();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_matcher.matchesAll() ? m_shownEnd - shownFirst() : m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(EventColumn::Count);
}

quint64 EventLogModel::indexAt(int row) const
{
    return m_matcher.matchesAll() ? shownFirst() + quint64(row) : m_rows.indexAt(quint64(row));
}

Event EventLogModel::eventAt(int row) const
{
    if (row != m_cachedRow) {
        m_cachedEvent = m_store.event(indexAt(row));
        m_cachedRow = row;
    }
    return m_cachedEvent;
}

quint64 EventLogModel::seqAt(int row) const
{
    return m_store.seqAt(indexAt(row));
}

int EventLogModel::rowAtOrAfterIndex(quint64 index) const
{
    if (!m_matcher.matchesAll())
        return int(m_rows.lowerBound(index));
    const quint64 first = shownFirst();
    return int(std::clamp(index, first, m_shownEnd) - first);
}

int EventLogModel::rowOfIndex(quint64 index) const
{
    const int row = rowAtOrAfterIndex(index);
    return row < rowCount() && indexAt(row) == index ? row : -1;
}

int EventLogModel::rowForSeq(quint64 seq) const
{
    const std::optional<quint64> index = m_store.indexOfSeq(seq);
    return index ? rowOfIndex(*index) : -1;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto column = EventColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return m_text.column(eventAt(index.row()), column);
    case Qt::ToolTipRole: {
        if (column != EventColumn::Payload)
            return {};
        const Event event = eventAt(index.row());
        if (!event.payload.isValid())
            return {};
        return QString::fromUtf8(QJsonDocument::fromVariant(event.payload).toJson());
    }
    case Qt::TextAlignmentRole:
        if (column == EventColumn::Seq || column == EventColumn::Duration)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole: {
        const EventStatus status = eventAt(index.row()).status;
        // Readable on light and dark palettes alike.
        if (status == EventStatus::Error)
            return QBrush(darkPalette() ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x20, 0x20));
        if (status == EventStatus::Cancelled)
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        return {};
    }
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

void EventLogModel::setCapacity(quint64 capacity)
{
    m_store.setCapacity(std::min(capacity, maxRows));
    trimStore();
}

void EventLogModel::appendMatches(quint64 from, quint64 to, std::vector<quint64> *matches) const
{
    if (from >= to)
        return;
    EventStore::Location at = m_store.locate(from);
    const auto &chunks = m_store.chunks();
    auto chunk = std::find_if(chunks.begin(), chunks.end(),
                              [&](const auto &c) { return c.get() == at.chunk; });
    std::vector<quint16> offsets;
    for (quint64 index = from; index < to; ++chunk, at.row = 0) {
        const EventChunk &c = **chunk;
        const int end = int(std::min<quint64>(quint64(c.size()), to - c.firstIndex()));
        offsets.clear();
        m_matcher.scan(c, at.row, end, c.payloadCount(), c.searchText().get(), &offsets);
        for (quint16 offset : offsets)
            matches->push_back(c.firstIndex() + offset);
        index = c.firstIndex() + quint64(end);
    }
}

void EventLogModel::trimStore()
{
    const quint64 newFirst = m_store.firstIndexAfterTrim();
    if (newFirst == m_store.firstIndex())
        return;
    // The rows of the events that go, as one removal at the top.
    const quint64 removed = m_matcher.matchesAll() ? std::min(newFirst, m_shownEnd) - shownFirst()
                                                   : m_rows.lowerBound(newFirst);
    if (removed > 0)
        beginRemoveRows({}, 0, int(removed) - 1);
    m_store.trim();
    m_rows.dropBefore(newFirst);
    m_shownEnd = std::max(m_shownEnd, newFirst);
    m_cachedRow = -1;
    if (removed > 0)
        endRemoveRows();
    Q_EMIT oldestDropped(m_store.droppedCount());
}

void EventLogModel::appendEvents(const QVector<Event> &events)
{
    if (events.isEmpty())
        return;
    bool namesChangedInBatch = false;
    rememberNames(events, &namesChangedInBatch);
    m_store.append(events);
    trimStore();

    const quint64 from = std::max(m_shownEnd, m_store.firstIndex());
    const quint64 to = m_store.endIndex();
    if (m_matcher.matchesAll()) {
        if (to > from) {
            const int row = rowCount();
            beginInsertRows({}, row, row + int(to - from) - 1);
            m_shownEnd = to;
            endInsertRows();
        }
    } else {
        m_matcher.catchUp(m_store);
        std::vector<quint64> added;
        appendMatches(from, to, &added);
        m_shownEnd = to;
        if (!added.empty()) {
            const int row = rowCount();
            beginInsertRows({}, row, row + int(added.size()) - 1);
            for (quint64 index : added)
                m_rows.append(m_store.locate(index).chunk->firstIndex(), index);
            endInsertRows();
        }
    }
    if (namesChangedInBatch)
        Q_EMIT namesChanged();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_store.clear();
    m_rows.clear();
    m_shownEnd = m_store.endIndex();
    m_cachedRow = -1;
    endResetModel();
    if (m_pending) // what it scanned is gone; scan again (nothing) under the same filter
        setFilter(m_requested);
}

void EventLogModel::cancelPending()
{
    if (m_pending) {
        m_pending->cancel->store(true);
        m_pending.reset();
        Q_EMIT filteringChanged(false);
    }
}

void EventLogModel::setFilter(const EventLogFilter &filter)
{
    if (filter == m_requested && (m_pending || filter == m_matcher.filter()))
        return;
    m_requested = filter;
    cancelPending();
    if (filter == m_matcher.filter())
        return;

    EventMatcher matcher(filter, m_store, m_text.utcOffsetMs());
    if (filter.isEmpty() || m_store.size() <= synchronousFilterLimit) {
        EventFilterResult result;
        if (!filter.isEmpty())
            result = EventFilterTask::run(m_store.snapshot(), matcher);
        result.endIndex = m_store.endIndex();
        PendingFilter now{std::move(matcher)};
        applyFilterResult(&now, std::move(result));
        return;
    }
    m_pending = std::make_shared<PendingFilter>(PendingFilter{std::move(matcher)});
    Q_EMIT filteringChanged(true);
    const std::shared_ptr<PendingFilter> pending = m_pending;
    EventFilterTask::start(m_store.snapshot(), pending->matcher, pending->cancel, this,
                           [this, pending](EventFilterResult result) {
                               for (EventFilterResult::MadeText &made : result.texts) {
                                   if (const auto chunk = made.chunk.lock())
                                       chunk->setSearchText(made.text);
                               }
                               if (pending != m_pending || result.cancelled)
                                   return; // a newer filter took its place
                               m_pending.reset();
                               applyFilterResult(pending.get(), std::move(result));
                               Q_EMIT filteringChanged(false);
                           });
}

void EventLogModel::applyFilterResult(const PendingFilter *pending, EventFilterResult result)
{
    beginResetModel();
    m_matcher = pending->matcher;
    m_matcher.catchUp(m_store);
    m_rows.clear();
    m_cachedRow = -1;
    if (!m_matcher.matchesAll()) {
        const quint64 first = m_store.firstIndex();
        for (EventFilterResult::Block &block : result.blocks) {
            if (block.chunkFirstIndex >= first) // else dropped since the scan
                m_rows.appendBlock(block.chunkFirstIndex, std::move(block.offsets));
        }
        // What arrived while the pool threads were scanning.
        std::vector<quint64> added;
        appendMatches(std::max(result.endIndex, first), m_store.endIndex(), &added);
        for (quint64 index : added)
            m_rows.append(m_store.locate(index).chunk->firstIndex(), index);
    }
    m_shownEnd = m_store.endIndex();
    endResetModel();
}

void EventLogModel::rememberNames(const QVector<Event> &events, bool *changed)
{
    const auto remember = [changed](Symbol s, std::vector<bool> &seen, QList<Symbol> &names) {
        if (s.isNull())
            return;
        if (s.id() >= seen.size())
            seen.resize(size_t(s.id()) + 64);
        if (!seen[s.id()]) {
            seen[s.id()] = true;
            names.append(s);
            *changed = true;
        }
    };
    Symbol lastAgent;
    Symbol lastRoutine;
    for (const Event &event : events) {
        if (event.agent != lastAgent)
            remember(lastAgent = event.agent, m_agentSeen, m_agents);
        if (event.routine != lastRoutine)
            remember(lastRoutine = event.routine, m_routineSeen, m_routines);
    }
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

} // namespace flowscope
